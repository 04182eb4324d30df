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

/** A case's mentions in the order they were written, each with whether its person is a child victim. */
export function caseMentions(db: Queryable, operationId: string, caseId: string) {
  return db
    .selectFrom('entity_mentions as m')
    .leftJoin('case_persons as p', (join) => join.onRef('p.operation_id', '=', 'm.operation_id').onRef('p.id', '=', 'm.person_id'))
    .select(['m.id', 'm.person_id', 'm.kind', 'm.raw', 'm.value', 'm.valid', 'm.problem', 'm.details', 'm.source', 'p.is_child'])
    .where('m.operation_id', '=', operationId)
    .where('m.case_id', '=', caseId)
    .orderBy('m.position')
    .execute();
}
export type MentionRow = Awaited<ReturnType<typeof caseMentions>>[number];

/**
 * The valid mentions of these identifiers in the operation's other cases, with each case's owner
 * and sharing and whether the mention belongs to a child victim: the caller decides what shows.
 */
export function sameIdentifiers(db: Queryable, operationId: string, caseId: string, keys: readonly { kind: string; value: string }[]) {
  if (keys.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('entity_mentions as m')
    .innerJoin('cases as c', (join) => join.onRef('c.operation_id', '=', 'm.operation_id').onRef('c.id', '=', 'm.case_id'))
    .innerJoin('bureaus as b', 'b.id', 'c.owner_bureau_id')
    .leftJoin('case_persons as p', (join) => join.onRef('p.operation_id', '=', 'm.operation_id').onRef('p.id', '=', 'm.person_id'))
    .select([
      'm.kind',
      'm.value',
      'm.case_id',
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
    .where('m.case_id', '<>', caseId)
    .where((eb) => eb.or(keys.map((k) => eb.and([eb('m.kind', '=', k.kind), eb('m.value', '=', k.value)]))))
    .execute();
}
