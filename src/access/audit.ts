// The audit trail: who did or read what, when. Entries are appended in the same transaction as
// the change they record; each carries the hash of the one before, so a changed, inserted or
// deleted entry breaks the chain that `cordon audit verify` walks.
import { createHash } from 'node:crypto';
import { sql } from 'kysely';
import type { Queryable } from '../db/connection.ts';
import { recordChange } from '../modules/idempotency/context.ts';
import type { Actor } from './actor.ts';

export interface AuditEntry {
  action: string;
  entity: string;
  entityId?: string | null;
  operationId?: string | null;
  detail?: Record<string, unknown>;
}

const GENESIS = '0'.repeat(64);
const LOCK_KEY = 727_002;

/** Canonical JSON: keys sorted at every depth, so jsonb's reordering does not change the hash. */
function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (value && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonical(v)}`).join(',')}}`;
  }
  return JSON.stringify(value ?? null);
}

export interface HashedFields {
  seq: number;
  at: Date;
  actor_user_id: string | null;
  actor_bureau_id: string | null;
  action: string;
  entity: string;
  entity_id: string | null;
  operation_id: string | null;
  detail: Record<string, unknown>;
  prev_hash: string;
}

/** The hash an entry carries: of its fields and the hash before it (exported for the tamper tests). */
export function entryHash(e: HashedFields): string {
  const text = canonical({ ...e, at: e.at.toISOString() });
  return createHash('sha256').update(text).digest('hex');
}

/**
 * Appends one entry; call it last in the transaction that makes the change, so the chain's lock
 * is held only briefly.
 * @example await appendAudit(tx, actor, { action: 'create', entity: 'inspection', entityId: id })
 */
export async function appendAudit(tx: Queryable, actor: Actor | null, entry: AuditEntry): Promise<void> {
  // Outside a transaction the entry could land without the change it records, or the reverse.
  if (!tx.isTransaction) throw new Error('appendAudit must run inside the transaction that makes the change');
  // A request sent with an Idempotency-Key: its key is marked written in this same commit.
  await recordChange(tx, entry.entity, entry.entityId ?? null);
  await sql`select pg_advisory_xact_lock(${LOCK_KEY})`.execute(tx);
  const head = await tx.selectFrom('audit_head').select(['seq', 'hash']).executeTakeFirst();
  const fields: HashedFields = {
    seq: (head?.seq ?? 0) + 1,
    at: new Date(),
    actor_user_id: actor?.userId ?? null,
    actor_bureau_id: actor?.bureauId ?? null,
    action: entry.action,
    entity: entry.entity,
    entity_id: entry.entityId ?? null,
    operation_id: entry.operationId ?? null,
    detail: JSON.parse(JSON.stringify(entry.detail ?? {})),
    prev_hash: head?.hash ?? GENESIS,
  };
  const hash = entryHash(fields);
  await tx
    .insertInto('audit_log')
    .values({ ...fields, detail: JSON.stringify(fields.detail), hash })
    .execute();
  // Insert or update, not an upsert: the head's guard trigger checks inserts and updates apart.
  if (head) await tx.updateTable('audit_head').set({ seq: fields.seq, hash }).execute();
  else await tx.insertInto('audit_head').values({ id: true, seq: fields.seq, hash }).execute();
}

export interface AuditVerdict {
  ok: boolean;
  entries: number;
  headHash: string;
  /** The first problem found, naming the entry's sequence number. */
  problem?: string;
}

/**
 * Walks the whole chain in order and recomputes every hash.
 * @example const { ok, problem } = await verifyAudit(db)
 */
export async function verifyAudit(db: Queryable, pageSize = 5000): Promise<AuditVerdict> {
  let prevHash = GENESIS;
  let expectedSeq = 1;
  let after = 0;
  for (;;) {
    const page = await db
      .selectFrom('audit_log')
      .selectAll()
      .where('seq', '>', after)
      .orderBy('seq')
      .limit(pageSize)
      .execute();
    for (const row of page) {
      const seq = Number(row.seq);
      if (seq !== expectedSeq) {
        return fail(expectedSeq - 1, prevHash, `entry ${expectedSeq} is missing (next found is ${seq})`);
      }
      if (row.prev_hash !== prevHash) {
        return fail(seq - 1, prevHash, `entry ${seq} does not follow entry ${seq - 1}: the chain was cut`);
      }
      const { hash, ...fields } = row;
      if (entryHash({ ...fields, seq }) !== hash) {
        return fail(seq - 1, prevHash, `entry ${seq} was changed after it was written`);
      }
      prevHash = hash;
      expectedSeq = seq + 1;
      after = seq;
    }
    if (page.length < pageSize) break;
  }
  const head = await db.selectFrom('audit_head').select(['seq', 'hash']).executeTakeFirst();
  const entries = expectedSeq - 1;
  if (!head && entries > 0) {
    return fail(entries, prevHash, `the log holds ${entries} entries but its head is missing`);
  }
  if (head && (Number(head.seq) !== entries || head.hash !== prevHash)) {
    return fail(entries, prevHash, `the log ends at entry ${entries} but its head records entry ${head.seq}`);
  }
  return { ok: true, entries, headHash: prevHash };
}

function fail(entries: number, headHash: string, problem: string): AuditVerdict {
  return { ok: false, entries, headHash, problem };
}
