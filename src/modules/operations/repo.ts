// Queries for operations, their phases and participating bureaus.
import type { Queryable } from '../../db/connection.ts';

export function findOperation(db: Queryable, id: string) {
  return db
    .selectFrom('operations')
    .select(['id', 'name', 'description', 'coordinator_bureau_id', 'funders'])
    .where('id', '=', id)
    .executeTakeFirst();
}

export function listOperations(db: Queryable, ids: string[]) {
  if (ids.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('operations')
    .select(['id', 'name', 'description', 'coordinator_bureau_id', 'funders'])
    .where('id', 'in', ids)
    .orderBy('created_at', 'desc')
    .execute();
}

export function phasesOf(db: Queryable, operationIds: string[]) {
  if (operationIds.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('operation_phases')
    .select(['id', 'operation_id', 'name', 'starts_on', 'ends_on'])
    .where('operation_id', 'in', operationIds)
    .orderBy('starts_on')
    .execute();
}

export function participantsOf(db: Queryable, operationIds: string[]) {
  if (operationIds.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('operation_bureaus')
    .innerJoin('bureaus', 'bureaus.id', 'operation_bureaus.bureau_id')
    .select(['operation_bureaus.operation_id', 'bureaus.id', 'bureaus.country', 'bureaus.name', 'bureaus.kind'])
    .where('operation_bureaus.operation_id', 'in', operationIds)
    .orderBy('bureaus.country')
    .execute();
}

export async function insertOperation(
  db: Queryable,
  row: { name: string; description: string; coordinator_bureau_id: string; funders: string[] },
) {
  const { id } = await db.insertInto('operations').values(row).returning('id').executeTakeFirstOrThrow();
  return id;
}

export async function insertPhases(
  db: Queryable,
  operationId: string,
  phases: { name: string; startsOn: string; endsOn: string }[],
) {
  if (phases.length === 0) return;
  await db
    .insertInto('operation_phases')
    .values(phases.map((p) => ({ operation_id: operationId, name: p.name, starts_on: p.startsOn, ends_on: p.endsOn })))
    .execute();
}

export async function insertParticipants(db: Queryable, operationId: string, bureauIds: string[]) {
  if (bureauIds.length === 0) return;
  await db
    .insertInto('operation_bureaus')
    .values(bureauIds.map((bureau_id) => ({ operation_id: operationId, bureau_id })))
    .onConflict((oc) => oc.doNothing())
    .execute();
}

export function existingBureauIds(db: Queryable, ids: string[]) {
  if (ids.length === 0) return Promise.resolve([]);
  return db.selectFrom('bureaus').select('id').where('id', 'in', ids).execute();
}
