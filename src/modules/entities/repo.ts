// Entity mentions in the database: written with their case or person, read per case, and the
// same identifiers found in the operation's other cases (with what decides who may see them).
import { type Insertable, sql } from 'kysely';
import type { Queryable } from '../../db/connection.ts';
import type { EntityMentionsTable } from '../../db/schema.ts';

/** At most this many rows per INSERT (PostgreSQL's 65,535 parameters, 11 columns a row). */
const BATCH = 2000;

export async function insertMentions(db: Queryable, rows: readonly Insertable<EntityMentionsTable>[]) {
  for (let i = 0; i < rows.length; i += BATCH) {
    await db.insertInto('entity_mentions').values(rows.slice(i, i + BATCH)).execute();
  }
}

/** Where the next mention of a case goes in its order. */
export async function nextPosition(db: Queryable, operationId: string, caseId: string) {
  const row = await db
    .selectFrom('entity_mentions')
    .select((eb) => eb.fn.max('position').as('last'))
    .where('operation_id', '=', operationId)
    .where('case_id', '=', caseId)
    .executeTakeFirst();
  return row?.last === null || row?.last === undefined ? 0 : Number(row.last) + 1;
}

/** The mentions of these cases in the order they were written, each with whether its person is a child victim. */
export function caseMentions(db: Queryable, operationId: string, caseIds: readonly string[]) {
  return db
    .selectFrom('entity_mentions as m')
    .leftJoin('case_persons as p', (join) => join.onRef('p.operation_id', '=', 'm.operation_id').onRef('p.id', '=', 'm.person_id'))
    .select(['m.id', 'm.case_id', 'm.person_id', 'm.kind', 'm.raw', 'm.value', 'm.valid', 'm.problem', 'm.details', 'm.source', 'p.is_child'])
    .where('m.operation_id', '=', operationId)
    .where('m.case_id', 'in', caseIds.length > 0 ? caseIds : ['00000000-0000-0000-0000-000000000000'])
    .orderBy('m.case_id')
    .orderBy('m.position')
    .execute();
}
export type MentionRow = Awaited<ReturnType<typeof caseMentions>>[number];

/** One mention with its case's operation (for the graph's starting point). */
export function findMention(db: Queryable, id: string) {
  return db
    .selectFrom('entity_mentions as m')
    .leftJoin('case_persons as p', (join) => join.onRef('p.operation_id', '=', 'm.operation_id').onRef('p.id', '=', 'm.person_id'))
    .select(['m.id', 'm.operation_id', 'm.case_id', 'm.person_id', 'm.kind', 'm.value', 'm.valid', 'm.source', 'p.is_child'])
    .where('m.id', '=', id)
    .executeTakeFirst();
}

/**
 * The valid mentions of these identifiers across the operation (but for `exceptCaseId`), with each
 * case's owner and sharing and whether the mention belongs to a child victim: the caller decides
 * what shows.
 */
export function sameIdentifiers(
  db: Queryable,
  operationId: string,
  keys: readonly { kind: string; value: string }[],
  exceptCaseId?: string,
) {
  if (keys.length === 0) return Promise.resolve([]);
  let query = db
    .selectFrom('entity_mentions as m')
    .innerJoin('cases as c', (join) => join.onRef('c.operation_id', '=', 'm.operation_id').onRef('c.id', '=', 'm.case_id'))
    .innerJoin('bureaus as b', 'b.id', 'c.owner_bureau_id')
    .leftJoin('case_persons as p', (join) => join.onRef('p.operation_id', '=', 'm.operation_id').onRef('p.id', '=', 'm.person_id'))
    .select([
      'm.kind',
      'm.value',
      'm.case_id',
      'm.person_id',
      'c.operation_id',
      'c.owner_bureau_id',
      'c.sharing',
      'c.shared_with',
      'c.title',
      'b.country as owner_country',
      'p.is_child',
    ])
    .where('m.operation_id', '=', operationId)
    .where('m.valid', '=', true)
    .where((eb) => eb.or(keys.map((k) => eb.and([eb('m.kind', '=', k.kind), eb('m.value', '=', k.value)]))));
  if (exceptCaseId) query = query.where('m.case_id', '<>', exceptCaseId);
  return query.execute();
}
export type SameIdentifierRow = Awaited<ReturnType<typeof sameIdentifiers>>[number];

/** Whether the person is one of the case's. */
export async function personInCase(db: Queryable, operationId: string, caseId: string, personId: string) {
  const row = await db
    .selectFrom('case_persons')
    .select('id')
    .where('operation_id', '=', operationId)
    .where('case_id', '=', caseId)
    .where('id', '=', personId)
    .executeTakeFirst();
  return row !== undefined;
}

/** A mention of the same identifier already recorded in the case for the same person (or the case itself). */
export function sameInCase(db: Queryable, operationId: string, caseId: string, kind: string, value: string, personId: string | null) {
  return db
    .selectFrom('entity_mentions')
    .select('id')
    .where('operation_id', '=', operationId)
    .where('case_id', '=', caseId)
    .where('kind', '=', kind)
    .where('value', '=', value)
    .where('person_id', personId === null ? 'is' : '=', personId)
    .executeTakeFirst();
}

/** Removes a mention added by hand; false when there was none. */
export async function deleteManualMention(db: Queryable, operationId: string, caseId: string, id: string) {
  const result = await db
    .deleteFrom('entity_mentions')
    .where('operation_id', '=', operationId)
    .where('case_id', '=', caseId)
    .where('id', '=', id)
    .where('source', '=', 'manual')
    .executeTakeFirst();
  return result.numDeletedRows > 0n;
}

/** These cases with their owner and sharing (for the graph). */
export function casesByIds(db: Queryable, operationId: string, ids: readonly string[]) {
  if (ids.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('cases as c')
    .innerJoin('bureaus as b', 'b.id', 'c.owner_bureau_id')
    .select(['c.id', 'c.operation_id', 'c.owner_bureau_id', 'c.sharing', 'c.shared_with', 'c.title', 'b.country as owner_country'])
    .where('c.operation_id', '=', operationId)
    .where('c.id', 'in', ids)
    .execute();
}
export type GraphCaseRow = Awaited<ReturnType<typeof casesByIds>>[number];

/** The persons of these cases (for the graph). */
export function personsOf(db: Queryable, operationId: string, caseIds: readonly string[]) {
  if (caseIds.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('case_persons')
    .select(['id', 'case_id', 'name', 'role', 'is_child', 'nationalities'])
    .where('operation_id', '=', operationId)
    .where('case_id', 'in', caseIds)
    .orderBy('case_id')
    .orderBy('created_at')
    .execute();
}

/** Confirmed and proposed person matches touching these persons, with both sides' cases. */
export function matchesOf(db: Queryable, operationId: string, personIds: readonly string[]) {
  if (personIds.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('person_matches as pm')
    .innerJoin('case_persons as l', (join) => join.onRef('l.operation_id', '=', 'pm.operation_id').onRef('l.id', '=', 'pm.left_person_id'))
    .innerJoin('case_persons as r', (join) => join.onRef('r.operation_id', '=', 'pm.operation_id').onRef('r.id', '=', 'pm.right_person_id'))
    .select([
      'pm.id',
      'pm.left_person_id',
      'pm.right_person_id',
      'pm.status',
      'l.case_id as left_case_id',
      'r.case_id as right_case_id',
      'l.is_child as left_is_child',
      'r.is_child as right_is_child',
    ])
    .where('pm.operation_id', '=', operationId)
    .where('pm.status', 'in', ['confirmed', 'proposed'])
    .where((eb) => eb.or([eb('pm.left_person_id', 'in', personIds), eb('pm.right_person_id', 'in', personIds)]))
    .execute();
}

// Look-ups: identifiers attached to cases, counted per user and bureau over the last hour by the
// database's clock (shared by every process), and the hidden records' bureaus they found.

const LOOKUP_WINDOW = sql`interval '1 hour'`;
const LOOKUP_KEPT = sql`interval '1 day'`;

/** Serialises a bureau's look-ups (across processes) until the transaction ends, so that parallel requests cannot pass the limit together. */
export async function lockBureauLookups(tx: Queryable, bureauId: string) {
  await sql`select pg_advisory_xact_lock(727010, hashtext(${bureauId}))`.execute(tx);
}

/**
 * Look-ups of a user (or a bureau) in the last hour; when `room` more would pass `limit`, the
 * seconds until enough of them drop out of the window (null: they fit).
 */
export async function lookupWait(tx: Queryable, column: 'user_id' | 'bureau_id', id: string, room: number, limit: number): Promise<number | null> {
  const counted = await tx
    .selectFrom('entity_lookups')
    .select((eb) => eb.fn.countAll<string>().as('n'))
    .where(column, '=', id)
    .where(sql<boolean>`at > now() - ${LOOKUP_WINDOW}`)
    .executeTakeFirstOrThrow();
  const over = Number(counted.n) + room - limit;
  if (over <= 0) return null;
  if (room > limit) return 3600;
  const freeing = await tx
    .selectFrom('entity_lookups')
    .select(sql<number>`ceil(extract(epoch from (at + ${LOOKUP_WINDOW} - now())))::int`.as('wait'))
    .where(column, '=', id)
    .where(sql<boolean>`at > now() - ${LOOKUP_WINDOW}`)
    .orderBy('at')
    .offset(over - 1)
    .limit(1)
    .executeTakeFirst();
  return Math.max(1, freeing?.wait ?? 1);
}

/** Writes the look-ups and the bureaus each found, and forgets those older than a day. */
export async function insertLookups(
  tx: Queryable,
  at: { operationId: string; userId: string; bureauId: string },
  lookups: readonly { identifierHash: string; holders: readonly string[] }[],
) {
  if (lookups.length === 0) return;
  const rows = await tx
    .insertInto('entity_lookups')
    .values(lookups.map((l) => ({ operation_id: at.operationId, user_id: at.userId, bureau_id: at.bureauId, identifier_hash: l.identifierHash })))
    .returning('id')
    .execute();
  const holders = lookups.flatMap((l, i) => l.holders.map((holder) => ({ lookup_id: rows[i]!.id, holder_bureau_id: holder })));
  if (holders.length > 0) await tx.insertInto('entity_lookup_holders').values(holders).execute();
  await tx.deleteFrom('entity_lookups').where(sql<boolean>`at < now() - ${LOOKUP_KEPT}`).execute();
}

/** Distinct identifiers a user looked up in an operation since `since` (default: the last hour) that a holder bureau's hidden records held, and the first such look-up. */
export async function probedIdentifiers(tx: Queryable, operationId: string, userId: string, holderBureauId: string, since?: Date) {
  const row = await tx
    .selectFrom('entity_lookups as l')
    .innerJoin('entity_lookup_holders as h', 'h.lookup_id', 'l.id')
    .select((eb) => [eb.fn.count<string>('l.identifier_hash').distinct().as('n'), eb.fn.min('l.at').as('first')])
    .where('l.operation_id', '=', operationId)
    .where('l.user_id', '=', userId)
    .where('h.holder_bureau_id', '=', holderBureauId)
    .where(since ? sql<boolean>`l.at >= ${since}` : sql<boolean>`l.at > now() - ${LOOKUP_WINDOW}`)
    .executeTakeFirstOrThrow();
  return { identifiers: Number(row.n), first: row.first as Date | null };
}

/** The holder's alert about this user still running (its last look-up within the hour), if any. */
export function ongoingProbeAlert(tx: Queryable, operationId: string, holderBureauId: string, userId: string) {
  return tx
    .selectFrom('probe_alerts')
    .select(['id', 'identifiers', 'window_start'])
    .where('operation_id', '=', operationId)
    .where('holder_bureau_id', '=', holderBureauId)
    .where('seeker_user_id', '=', userId)
    .where(sql<boolean>`window_end > now() - ${LOOKUP_WINDOW}`)
    .orderBy('window_end', 'desc')
    .limit(1)
    .executeTakeFirst();
}

export async function insertProbeAlert(
  tx: Queryable,
  alert: { operationId: string; holderBureauId: string; seekerBureauId: string; seekerUserId: string; identifiers: number; windowStart: Date },
) {
  return tx
    .insertInto('probe_alerts')
    .values({
      operation_id: alert.operationId,
      holder_bureau_id: alert.holderBureauId,
      seeker_bureau_id: alert.seekerBureauId,
      seeker_user_id: alert.seekerUserId,
      identifiers: alert.identifiers,
      window_start: alert.windowStart,
      window_end: sql<Date>`now()`,
    })
    .returning(['id', 'window_start', 'window_end'])
    .executeTakeFirstOrThrow();
}

export async function extendProbeAlert(tx: Queryable, operationId: string, id: string, identifiers: number) {
  return tx
    .updateTable('probe_alerts')
    .set({ identifiers, window_end: sql<Date>`now()` })
    .where('operation_id', '=', operationId)
    .where('id', '=', id)
    .returning(['id', 'window_start', 'window_end'])
    .executeTakeFirstOrThrow();
}

/** The alerts of a holder bureau in an operation, with the probing bureau and user, latest first. */
export function probeAlertsOf(db: Queryable, operationId: string, holderBureauId: string) {
  return db
    .selectFrom('probe_alerts as a')
    .innerJoin('bureaus as s', 's.id', 'a.seeker_bureau_id')
    .innerJoin('users as u', 'u.id', 'a.seeker_user_id')
    .select([
      'a.id',
      'a.identifiers',
      'a.window_start',
      'a.window_end',
      's.id as bureau_id',
      's.country as bureau_country',
      's.name as bureau_name',
      'u.id as user_id',
      'u.username',
      'u.display_name',
    ])
    .where('a.operation_id', '=', operationId)
    .where('a.holder_bureau_id', '=', holderBureauId)
    .orderBy('a.window_end', 'desc')
    .limit(200)
    .execute();
}
