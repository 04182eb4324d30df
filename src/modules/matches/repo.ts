// Person matches in the database: the operation's persons read for linkage, proposals written once
// per pair, and matches read with both persons and what decides who may see each of them.
import { type Insertable, sql } from 'kysely';
import type { Actor } from '../../access/actor.ts';
import { matchSideVisibleTo } from '../../access/matches.ts';
import type { Queryable } from '../../db/connection.ts';
import type { PersonMatchesTable } from '../../db/schema.ts';
import type { MatchStatus } from './schema.ts';

/** At most this many rows per INSERT (PostgreSQL's 65,535 parameters, 5 columns a row). */
const BATCH = 5000;

export async function operationExists(db: Queryable, operationId: string): Promise<boolean> {
  const row = await db.selectFrom('operations').select('id').where('id', '=', operationId).executeTakeFirst();
  return row !== undefined;
}

/** Every person of the operation, with the fields linkage compares. */
export function operationPersons(db: Queryable, operationId: string) {
  return db
    .selectFrom('case_persons')
    .select(['id', 'case_id', 'name', 'other_names', 'birth_date', 'gender', 'nationalities', 'documents'])
    .where('operation_id', '=', operationId)
    .orderBy('id')
    .execute();
}

/** Inserts the pairs not stored yet (proposed, confirmed or rejected alike); returns how many were new. */
export async function insertProposals(db: Queryable, rows: readonly Insertable<PersonMatchesTable>[]): Promise<number> {
  let inserted = 0;
  for (let i = 0; i < rows.length; i += BATCH) {
    const added = await db
      .insertInto('person_matches')
      .values(rows.slice(i, i + BATCH))
      .onConflict((oc) => oc.columns(['operation_id', 'left_person_id', 'right_person_id']).doNothing())
      .returning('id')
      .execute();
    inserted += added.length;
  }
  return inserted;
}

/** Matches with both persons, their cases and owners, and the decider's username. */
function matchesWithSides(db: Queryable) {
  return db
    .selectFrom('person_matches as m')
    .innerJoin('case_persons as lp', (j) => j.onRef('lp.operation_id', '=', 'm.operation_id').onRef('lp.id', '=', 'm.left_person_id'))
    .innerJoin('cases as lc', (j) => j.onRef('lc.operation_id', '=', 'lp.operation_id').onRef('lc.id', '=', 'lp.case_id'))
    .innerJoin('bureaus as lb', 'lb.id', 'lc.owner_bureau_id')
    .innerJoin('case_persons as rp', (j) => j.onRef('rp.operation_id', '=', 'm.operation_id').onRef('rp.id', '=', 'm.right_person_id'))
    .innerJoin('cases as rc', (j) => j.onRef('rc.operation_id', '=', 'rp.operation_id').onRef('rc.id', '=', 'rp.case_id'))
    .innerJoin('bureaus as rb', 'rb.id', 'rc.owner_bureau_id')
    .leftJoin('users as u', 'u.id', 'm.decided_by')
    .select([
      'm.id',
      'm.operation_id',
      'm.score',
      'm.explanation',
      'm.status',
      'm.decided_at',
      'm.note',
      'u.username as decided_by_username',
      'lp.id as left_id',
      'lp.name as left_name',
      'lp.role as left_role',
      'lp.birth_date as left_birth_date',
      'lp.nationalities as left_nationalities',
      'lp.is_child as left_is_child',
      'lp.case_id as left_case_id',
      'lc.title as left_case_title',
      'lc.owner_bureau_id as left_owner_bureau_id',
      'lc.sharing as left_sharing',
      'lc.shared_with as left_shared_with',
      'lb.country as left_owner_country',
      'rp.id as right_id',
      'rp.name as right_name',
      'rp.role as right_role',
      'rp.birth_date as right_birth_date',
      'rp.nationalities as right_nationalities',
      'rp.is_child as right_is_child',
      'rp.case_id as right_case_id',
      'rc.title as right_case_title',
      'rc.owner_bureau_id as right_owner_bureau_id',
      'rc.sharing as right_sharing',
      'rc.shared_with as right_shared_with',
      'rb.country as right_owner_country',
    ]);
}
export type MatchRow = Awaited<ReturnType<ReturnType<typeof matchesWithSides>['execute']>>[number];

export interface MatchFilter {
  statuses: readonly MatchStatus[];
  /** Only the matches of this person. */
  personId?: string | undefined;
}

/** A page of the matches whose both persons the actor may see, highest score first. */
export function listVisibleMatches(db: Queryable, actor: Actor, operationId: string, filter: MatchFilter, after: [number, string] | undefined, limit: number) {
  let query = matchesWithSides(db)
    .where('m.operation_id', '=', operationId)
    .where('m.status', 'in', [...filter.statuses])
    .where(matchSideVisibleTo(actor, 'lp', 'lc'))
    .where(matchSideVisibleTo(actor, 'rp', 'rc'));
  const personId = filter.personId;
  if (personId) query = query.where((eb) => eb.or([eb('m.left_person_id', '=', personId), eb('m.right_person_id', '=', personId)]));
  if (after) {
    const [score, id] = after;
    query = query.where(sql<boolean>`(m.score, m.id) < (${score}::double precision, ${id}::uuid)`);
  }
  return query.orderBy('m.score', 'desc').orderBy('m.id', 'desc').limit(limit + 1).execute();
}

/** Matches where the actor sees exactly one of the two persons (at most `limit`). */
export function oneSidedMatches(db: Queryable, actor: Actor, operationId: string, filter: MatchFilter, limit: number) {
  const left = matchSideVisibleTo(actor, 'lp', 'lc');
  const right = matchSideVisibleTo(actor, 'rp', 'rc');
  let query = matchesWithSides(db)
    .where('m.operation_id', '=', operationId)
    .where('m.status', 'in', [...filter.statuses])
    .where(sql<boolean>`(${left}) <> (${right})`);
  const personId = filter.personId;
  if (personId) query = query.where((eb) => eb.or([eb('m.left_person_id', '=', personId), eb('m.right_person_id', '=', personId)]));
  return query.orderBy('m.score', 'desc').orderBy('m.id', 'desc').limit(limit).execute();
}

/** One match; with `lock`, its row stays locked until the transaction ends. */
export function findMatch(db: Queryable, id: string, lock = false) {
  const query = matchesWithSides(db).where('m.id', '=', id);
  return (lock ? query.forUpdate('m') : query).executeTakeFirst();
}

export function decideMatch(db: Queryable, operationId: string, id: string, decision: { status: MatchStatus; decidedBy: string; note: string }) {
  return db
    .updateTable('person_matches')
    .set({ status: decision.status, decided_by: decision.decidedBy, decided_at: new Date(), note: decision.note })
    .where('operation_id', '=', operationId)
    .where('id', '=', id)
    .execute();
}

/** A person with their case's owner and sharing (what decides who may see them). */
export function findPerson(db: Queryable, id: string) {
  return db
    .selectFrom('case_persons as p')
    .innerJoin('cases as c', (j) => j.onRef('c.operation_id', '=', 'p.operation_id').onRef('c.id', '=', 'p.case_id'))
    .select(['p.id', 'p.operation_id', 'p.is_child', 'c.owner_bureau_id', 'c.sharing', 'c.shared_with'])
    .where('p.id', '=', id)
    .executeTakeFirst();
}
