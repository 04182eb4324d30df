// Queries for the public checker: helplines per operation and country, the bureaus that take
// reports, and the reported offers.
import type { Insertable } from 'kysely';
import type { Actor } from '../../access/actor.ts';
import { visibleTo } from '../../access/sharing.ts';
import type { Queryable } from '../../db/connection.ts';
import type { OperationHelplinesTable, PublicReportsTable } from '../../db/schema.ts';

/**
 * The operation the public checker serves: the one configured, else the only one there is. With
 * several and none configured there is none: the public must not learn which bureaus take part
 * in whatever operation was opened last.
 */
export async function publicOperation(db: Queryable, configured: string | undefined) {
  const query = db.selectFrom('operations').select(['id', 'coordinator_bureau_id']);
  if (configured) return query.where('id', '=', configured).executeTakeFirst();
  const rows = await query.limit(2).execute();
  return rows.length === 1 ? rows[0] : undefined;
}

export function helplines(db: Queryable, operationId: string) {
  return db
    .selectFrom('operation_helplines')
    .select(['country', 'position', 'name', 'phone', 'url', 'hours'])
    .where('operation_id', '=', operationId)
    .orderBy('country')
    .orderBy('position')
    .execute();
}

export async function replaceHelplines(db: Queryable, operationId: string, rows: Insertable<OperationHelplinesTable>[]) {
  await db.deleteFrom('operation_helplines').where('operation_id', '=', operationId).execute();
  if (rows.length > 0) await db.insertInto('operation_helplines').values(rows).execute();
}

/** The bureaus of the operation that take reports from the public, per country: police bureaus first. */
export function reportingBureaus(db: Queryable, operationId: string) {
  return db
    .selectFrom('operation_bureaus as ob')
    .innerJoin('bureaus as b', 'b.id', 'ob.bureau_id')
    .select(['b.id', 'b.country', 'b.kind'])
    .where('ob.operation_id', '=', operationId)
    .where('b.kind', 'in', ['national_bureau', 'border_agency', 'coordinator'])
    .orderBy('b.country')
    .orderBy('b.name')
    .execute();
}

export async function insertReport(db: Queryable, row: Insertable<PublicReportsTable>) {
  const { id } = await db.insertInto('public_reports').values(row).returning('id').executeTakeFirstOrThrow();
  return id;
}

const COLUMNS = [
  'operation_id',
  'id',
  'owner_bureau_id',
  'sharing',
  'shared_with',
  'country',
  'language',
  'ad',
  'score',
  'level',
  'flags',
  'reporter_contact',
  'status',
  'created_at',
] as const;

export function findReport(db: Queryable, id: string) {
  return db.selectFrom('public_reports').select(COLUMNS).where('id', '=', id).executeTakeFirst();
}

export function listReports(
  db: Queryable,
  actor: Actor,
  operationId: string,
  status: string | undefined,
  after: string[] | undefined,
  limit: number,
) {
  let query = db
    .selectFrom('public_reports')
    .select(COLUMNS)
    .where('operation_id', '=', operationId)
    .where(visibleTo(actor, 'public_reports'));
  if (status) query = query.where('status', '=', status as 'new');
  if (after) {
    const [at, id] = after as [string, string];
    query = query.where((eb) => eb(eb.refTuple('created_at', 'id'), '<', eb.tuple(new Date(at), id)));
  }
  return query.orderBy('created_at', 'desc').orderBy('id', 'desc').limit(limit + 1).execute();
}

export function setReportStatus(db: Queryable, id: string, status: 'new' | 'reviewed' | 'dismissed', by: string) {
  return db.updateTable('public_reports').set({ status, reviewed_by: by }).where('id', '=', id).execute();
}
