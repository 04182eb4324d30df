// Aggregate queries behind the results: inspections from the rollup table, outcomes grouped directly.
import { sql } from 'kysely';
import type { Queryable } from '../../db/connection.ts';

export function inspectionsByCountryDay(db: Queryable, operationId: string) {
  return db
    .selectFrom('inspection_rollup as r')
    .innerJoin('hotspots as h', (join) => join.onRef('h.operation_id', '=', 'r.operation_id').onRef('h.id', '=', 'r.hotspot_id'))
    .select([
      'h.country',
      'r.day',
      'h.kind',
      sql<number>`sum(r.inspections)::bigint`.as('inspections'),
      sql<number>`sum(r.persons_checked)::bigint`.as('persons_checked'),
    ])
    .where('r.operation_id', '=', operationId)
    .groupBy(['h.country', 'r.day', 'h.kind'])
    .execute();
}

export function hotspotsByCountryKind(db: Queryable, operationId: string) {
  return db
    .selectFrom('hotspots')
    .select(['country', 'kind', sql<number>`count(*)::bigint`.as('hotspots')])
    .where('operation_id', '=', operationId)
    .groupBy(['country', 'kind'])
    .execute();
}

export function outcomesByCountryDayKind(db: Queryable, operationId: string) {
  return db
    .selectFrom('outcomes')
    .select([
      'country',
      sql<string>`to_char((at at time zone 'UTC')::date, 'YYYY-MM-DD')`.as('day'),
      'kind',
      sql<number>`sum(persons)::bigint`.as('persons'),
    ])
    .where('operation_id', '=', operationId)
    .groupBy(['country', sql`2`, 'kind'])
    .execute();
}

export function arrestsByOffence(db: Queryable, operationId: string) {
  return db
    .selectFrom(
      db
        .selectFrom('outcomes')
        .select([sql<string>`unnest(offences)`.as('offence'), 'persons'])
        .where('operation_id', '=', operationId)
        .where('kind', '=', 'arrest')
        .as('a'),
    )
    .select(['a.offence', sql<number>`sum(a.persons)::bigint`.as('count')])
    .groupBy('a.offence')
    .orderBy('count', 'desc')
    .orderBy('a.offence')
    .execute();
}

/** Countries of the bureaus taking part, the coordinating secretariat aside. */
export async function participatingCountries(db: Queryable, operationId: string): Promise<number> {
  const row = await db
    .selectFrom('operation_bureaus as ob')
    .innerJoin('bureaus as b', 'b.id', 'ob.bureau_id')
    .select(sql<number>`count(distinct b.country)::bigint`.as('n'))
    .where('ob.operation_id', '=', operationId)
    .where('b.kind', '<>', 'coordinator')
    .executeTakeFirstOrThrow();
  return row.n;
}
