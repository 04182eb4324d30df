// Queries on idempotency_keys (migration 010). Every change to a held row names the attempt's
// token, so an attempt whose lease another one took over changes nothing.
import { sql } from 'kysely';
import type { Queryable } from '../../db/connection.ts';

/** A pending row whose holder has not renewed it for this long is free to take over. */
export const LEASE_SECONDS = 30;
/** A key is remembered this long; after that it may be used again. */
export const KEEP_HOURS = 24;
/**
 * The field records a device's outbox sends (inspections, outcomes, traveller screenings) are
 * remembered 30 days: a device whose answer was lost may send again after days offline.
 */
export const FIELD_RECORD_KEEP_HOURS = 30 * 24;

export interface Held {
  scope: string;
  key: string;
  token: string;
}

/** Inserts a pending row for the attempt; false when the key is already there (and not expired). */
export async function take(db: Queryable, held: Held, fingerprint: string, keepHours = KEEP_HOURS): Promise<boolean> {
  // An expired row of the same key is forgotten first.
  await db
    .deleteFrom('idempotency_keys')
    .where('scope', '=', held.scope)
    .where('key', '=', held.key)
    .where(sql<boolean>`created_at < now() - make_interval(hours => keep_hours)`)
    .execute();
  const inserted = await db
    .insertInto('idempotency_keys')
    .values({ scope: held.scope, key: held.key, token: held.token, fingerprint, state: 'pending', keep_hours: keepHours })
    .onConflict((oc) => oc.columns(['scope', 'key']).doNothing())
    .returning('token')
    .executeTakeFirst();
  return inserted !== undefined;
}

export function find(db: Queryable, scope: string, key: string) {
  return db
    .selectFrom('idempotency_keys')
    .select(['fingerprint', 'token', 'state', 'status', 'content_type', 'body', 'entity', 'entity_id', sql<boolean>`locked_at < now() - make_interval(secs => ${LEASE_SECONDS})`.as('lapsed')])
    .where('scope', '=', scope)
    .where('key', '=', key)
    .executeTakeFirst();
}

/** Takes a lapsed pending row over from the attempt `from` (which wrote nothing); false if another attempt did first. */
export async function takeOver(db: Queryable, held: Held, from: string): Promise<boolean> {
  const result = await db
    .updateTable('idempotency_keys')
    .set({ token: held.token, locked_at: sql`now()` })
    .where('scope', '=', held.scope)
    .where('key', '=', held.key)
    .where('token', '=', from)
    .where('state', '=', 'pending')
    .where(sql<boolean>`locked_at < now() - make_interval(secs => ${LEASE_SECONDS})`)
    .executeTakeFirst();
  return result.numUpdatedRows > 0n;
}

export async function renew(db: Queryable, held: Held): Promise<void> {
  await db
    .updateTable('idempotency_keys')
    .set({ locked_at: sql`now()` })
    .where('scope', '=', held.scope)
    .where('key', '=', held.key)
    .where('token', '=', held.token)
    .where('state', '!=', 'done')
    .execute();
}

/** In the change's transaction: the row is the attempt's and the change is written; false if the attempt lost it. */
export async function markWritten(tx: Queryable, held: Held, entity: string, entityId: string | null): Promise<boolean> {
  const result = await tx
    .updateTable('idempotency_keys')
    .set({ state: 'written', entity, entity_id: entityId })
    .where('scope', '=', held.scope)
    .where('key', '=', held.key)
    .where('token', '=', held.token)
    .where('state', '=', 'pending')
    .executeTakeFirst();
  if (result.numUpdatedRows > 0n) return true;
  // A second change in the same request finds the row written already by this attempt.
  const row = await tx
    .selectFrom('idempotency_keys')
    .select('state')
    .where('scope', '=', held.scope)
    .where('key', '=', held.key)
    .where('token', '=', held.token)
    .executeTakeFirst();
  return row?.state === 'written';
}

/**
 * Stores the answer when it is a success or something was written; otherwise frees the key
 * (nothing was written, so the client may fix the request and send it again with the same key).
 */
export async function finish(db: Queryable, held: Held, answer: { status: number; contentType: string | null; body: string | null }): Promise<void> {
  const stored = await db
    .updateTable('idempotency_keys')
    .set({ state: 'done', status: answer.status, content_type: answer.contentType, body: answer.body })
    .where('scope', '=', held.scope)
    .where('key', '=', held.key)
    .where('token', '=', held.token)
    .where((eb) => (answer.status < 300 ? eb.or([eb('state', '=', 'pending'), eb('state', '=', 'written')]) : eb('state', '=', 'written')))
    .executeTakeFirst();
  if (stored.numUpdatedRows > 0n) return;
  await db.deleteFrom('idempotency_keys').where('scope', '=', held.scope).where('key', '=', held.key).where('token', '=', held.token).where('state', '=', 'pending').execute();
}

/** Forgets the keys past their time, a day or a field record's 30 (run now and then by the server). */
export async function purgeExpired(db: Queryable): Promise<number> {
  const result = await db
    .deleteFrom('idempotency_keys')
    // No key is kept under a day: the index on created_at narrows the rows to look at.
    .where(sql<boolean>`created_at < now() - make_interval(hours => ${KEEP_HOURS})`)
    .where(sql<boolean>`created_at < now() - make_interval(hours => keep_hours)`)
    .executeTakeFirst();
  return Number(result.numDeletedRows);
}
