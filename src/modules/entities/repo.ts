// Entity mentions in the database: written with their case or person, read per case, and the
// same identifiers found in the operation's other cases (with what decides who may see them).
import type { Insertable } from 'kysely';
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
