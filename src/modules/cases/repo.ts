// Queries for case files, their persons, journeys and linked outcomes.
import { type Insertable, sql } from 'kysely';
import type { Actor } from '../../access/actor.ts';
import { visibleTo } from '../../access/sharing.ts';
import type { Queryable } from '../../db/connection.ts';
import type { CasePersonsTable, CasesTable, JourneyLegsTable, JourneysTable } from '../../db/schema.ts';
import type { CaseFilter } from './schema.ts';

const CASE_COLUMNS = [
  'cases.id',
  'cases.operation_id',
  'cases.owner_bureau_id',
  'cases.sharing',
  'cases.shared_with',
  'cases.title',
  'cases.summary',
  'cases.status',
  'cases.opened_on',
  'cases.closed_on',
  'cases.offences',
  'bureaus.country as owner_country',
] as const;

/** One case; with `lock`, its row stays locked until the transaction ends (read-modify-write). */
export function findCase(db: Queryable, id: string, lock = false) {
  const query = db
    .selectFrom('cases')
    .innerJoin('bureaus', 'bureaus.id', 'cases.owner_bureau_id')
    .select(CASE_COLUMNS)
    .where('cases.id', '=', id);
  return (lock ? query.forUpdate('cases') : query).executeTakeFirst();
}
export type CaseRow = NonNullable<Awaited<ReturnType<typeof findCase>>>;

export function listCases(db: Queryable, actor: Actor, operationId: string, filter: CaseFilter, after: string[] | undefined, limit: number) {
  let query = db
    .selectFrom('cases')
    .innerJoin('bureaus', 'bureaus.id', 'cases.owner_bureau_id')
    .select(CASE_COLUMNS)
    .select((eb) => [
      eb
        .selectFrom('case_persons as p')
        .whereRef('p.operation_id', '=', 'cases.operation_id')
        .whereRef('p.case_id', '=', 'cases.id')
        .select((e) => e.fn.countAll<number>().as('n'))
        .as('persons'),
      eb
        .selectFrom('case_persons as p')
        .whereRef('p.operation_id', '=', 'cases.operation_id')
        .whereRef('p.case_id', '=', 'cases.id')
        .where('p.role', '=', 'victim')
        .select((e) => e.fn.countAll<number>().as('n'))
        .as('victims'),
      eb
        .selectFrom('case_persons as p')
        .whereRef('p.operation_id', '=', 'cases.operation_id')
        .whereRef('p.case_id', '=', 'cases.id')
        .where('p.is_child', '=', true)
        .select((e) => e.fn.countAll<number>().as('n'))
        .as('children'),
    ])
    .where('cases.operation_id', '=', operationId)
    .where(visibleTo(actor, 'cases'));
  if (filter.status) query = query.where('cases.status', '=', filter.status);
  if (filter.bureau) query = query.where('cases.owner_bureau_id', '=', filter.bureau);
  if (filter.offence) query = query.where(sql<boolean>`${filter.offence} = any(cases.offences)`);
  if (filter.from) query = query.where('cases.opened_on', '>=', filter.from);
  if (filter.to) query = query.where('cases.opened_on', '<=', filter.to);
  if (filter.q) query = query.where('cases.title', 'ilike', `%${filter.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`);
  if (filter.nationality) {
    const nationality = filter.nationality;
    query = query.where(({ exists, selectFrom }) =>
      exists(
        selectFrom('case_persons as p')
          .select(sql`1`.as('one'))
          .whereRef('p.operation_id', '=', 'cases.operation_id')
          .whereRef('p.case_id', '=', 'cases.id')
          .where('p.role', '=', 'victim')
          .where(sql<boolean>`${nationality} = any(p.nationalities)`),
      ),
    );
  }
  if (filter.country) {
    const country = filter.country;
    query = query.where(({ exists, selectFrom }) =>
      exists(
        selectFrom('journey_legs as l')
          .innerJoin('journeys as j', (join) => join.onRef('j.operation_id', '=', 'l.operation_id').onRef('j.id', '=', 'l.journey_id'))
          .select(sql`1`.as('one'))
          .whereRef('j.operation_id', '=', 'cases.operation_id')
          .whereRef('j.case_id', '=', 'cases.id')
          .where((eb) => eb.or([eb('l.to_country', '=', country), eb('l.from_country', '=', country)])),
      ),
    );
  }
  if (after) {
    const [openedOn, id] = after as [string, string];
    query = query.where((eb) => eb(eb.refTuple('cases.opened_on', 'cases.id'), '<', eb.tuple(openedOn, id)));
  }
  return query.orderBy('cases.opened_on', 'desc').orderBy('cases.id', 'desc').limit(limit + 1).execute();
}

export function casePersons(db: Queryable, operationId: string, caseId: string) {
  return db
    .selectFrom('case_persons')
    .selectAll()
    .where('operation_id', '=', operationId)
    .where('case_id', '=', caseId)
    .orderBy('created_at')
    .orderBy('id')
    .execute();
}
export type PersonRow = Awaited<ReturnType<typeof casePersons>>[number];

export function caseJourneys(db: Queryable, operationId: string, caseId: string) {
  return journeysWithLegs(db, operationId, { caseId });
}

/** Journeys by id, with their legs, in batches (exports read thousands). */
export async function caseJourneysOf(db: Queryable, operationId: string, ids: readonly string[]) {
  const out: Awaited<ReturnType<typeof caseJourneys>> = [];
  for (let i = 0; i < ids.length; i += 1000) {
    const batch = ids.slice(i, i + 1000);
    out.push(...(await journeysWithLegs(db, operationId, { ids: batch })));
  }
  return out;
}

async function journeysWithLegs(
  db: Queryable,
  operationId: string,
  which: { caseId: string } | { ids: readonly string[] },
) {
  let query = db.selectFrom('journeys').selectAll().where('operation_id', '=', operationId);
  query = 'caseId' in which ? query.where('case_id', '=', which.caseId) : query.where('id', 'in', which.ids);
  const journeys = 'ids' in which && which.ids.length === 0 ? [] : await query.orderBy('id').execute();
  const legs = journeys.length
    ? await db
        .selectFrom('journey_legs')
        .selectAll()
        .where('operation_id', '=', operationId)
        .where(
          'journey_id',
          'in',
          journeys.map((j) => j.id),
        )
        .orderBy('journey_id')
        .orderBy('seq')
        .execute()
    : [];
  const byJourney = new Map<string, typeof legs>();
  for (const leg of legs) byJourney.set(leg.journey_id, [...(byJourney.get(leg.journey_id) ?? []), leg]);
  return journeys.map((j) => ({ ...j, legs: byJourney.get(j.id) ?? [] }));
}
export type JourneyRow = Awaited<ReturnType<typeof caseJourneys>>[number];

export function caseOutcomes(db: Queryable, operationId: string, caseId: string) {
  return db
    .selectFrom('case_outcomes as co')
    .innerJoin('outcomes as o', (join) => join.onRef('o.operation_id', '=', 'co.operation_id').onRef('o.id', '=', 'co.outcome_id'))
    .select(['o.id', 'o.kind', 'o.at', 'o.country', 'o.persons', 'o.operation_id', 'o.owner_bureau_id', 'o.sharing', 'o.shared_with'])
    .where('co.operation_id', '=', operationId)
    .where('co.case_id', '=', caseId)
    .orderBy('o.at')
    .execute();
}

export async function insertCase(db: Queryable, row: Insertable<CasesTable>) {
  const { id } = await db.insertInto('cases').values(row).returning('id').executeTakeFirstOrThrow();
  return id;
}

export async function insertJourney(db: Queryable, row: Insertable<JourneysTable>, legs: Omit<Insertable<JourneyLegsTable>, 'journey_id' | 'operation_id'>[]) {
  const { id } = await db.insertInto('journeys').values(row).returning('id').executeTakeFirstOrThrow();
  if (legs.length) {
    await db
      .insertInto('journey_legs')
      .values(legs.map((leg) => ({ ...leg, journey_id: id, operation_id: row.operation_id })))
      .execute();
  }
  return id;
}

export async function insertPersons(db: Queryable, rows: Insertable<CasePersonsTable>[]) {
  if (rows.length === 0) return [];
  return (await db.insertInto('case_persons').values(rows).returning('id').execute()).map((r) => r.id);
}

export async function linkOutcomes(db: Queryable, operationId: string, caseId: string, outcomeIds: readonly string[]) {
  if (outcomeIds.length === 0) return;
  await db
    .insertInto('case_outcomes')
    .values(outcomeIds.map((outcome_id) => ({ operation_id: operationId, case_id: caseId, outcome_id })))
    .onConflict((oc) => oc.doNothing())
    .execute();
}

/** Outcomes of the operation among `ids` with the columns an access check needs. */
export function outcomesForLinking(db: Queryable, operationId: string, ids: readonly string[]) {
  return db
    .selectFrom('outcomes')
    .select(['id', 'operation_id', 'owner_bureau_id', 'sharing', 'shared_with'])
    .where('operation_id', '=', operationId)
    .where('id', 'in', ids)
    .execute();
}

export function journeyOfCase(db: Queryable, operationId: string, caseId: string, journeyId: string) {
  return db
    .selectFrom('journeys')
    .select('id')
    .where('operation_id', '=', operationId)
    .where('case_id', '=', caseId)
    .where('id', '=', journeyId)
    .executeTakeFirst();
}

/**
 * The routes of the victims' journeys in the cases the actor may see: for each journey the
 * countries it passes through in order and how many victims travelled it.
 */
export function journeyRoutes(db: Queryable, actor: Actor, operationId: string) {
  return db
    .selectFrom('journeys as j')
    .innerJoin('cases', (join) => join.onRef('cases.operation_id', '=', 'j.operation_id').onRef('cases.id', '=', 'j.case_id'))
    .select((eb) => [
      'j.id',
      'j.case_id',
      eb
        .selectFrom('journey_legs as l')
        .whereRef('l.operation_id', '=', 'j.operation_id')
        .whereRef('l.journey_id', '=', 'j.id')
        .select(sql<string[]>`array_agg(l.from_country || '>' || l.to_country order by l.seq)`.as('hops'))
        .as('hops'),
      eb
        .selectFrom('case_persons as p')
        .whereRef('p.operation_id', '=', 'j.operation_id')
        .whereRef('p.journey_id', '=', 'j.id')
        .select((e) => e.fn.countAll<number>().as('n'))
        .as('victims'),
      sql<string | null>`j.exploitation->'place'->>'country'`.as('exploited_in'),
    ])
    .where('j.operation_id', '=', operationId)
    .where(visibleTo(actor, 'cases'))
    .execute();
}
