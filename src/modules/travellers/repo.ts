// Queries for traveller screening: an operation's checklist changes and the recorded screenings.
// Visibility comes from access/sharing's SQL filter, never written here.
import type { Insertable } from 'kysely';
import type { Actor } from '../../access/actor.ts';
import { visibleToAlias } from '../../access/sharing.ts';
import type { Queryable } from '../../db/connection.ts';
import type { TravellerScreeningsTable } from '../../db/schema.ts';
import { HOTSPOT_SHARING_COLUMNS } from '../shared-record.ts';
import type { IndicatorOverride } from './checklist.ts';
import type { TravellerScreeningFilter } from './schema.ts';

export function findChecklist(db: Queryable, operationId: string) {
  return db
    .selectFrom('operation_traveller_checklists')
    .select(['indicators', 'updated_at'])
    .where('operation_id', '=', operationId)
    .executeTakeFirst() as Promise<{ indicators: IndicatorOverride[]; updated_at: Date } | undefined>;
}

export async function saveChecklist(
  db: Queryable,
  operationId: string,
  indicators: readonly IndicatorOverride[],
  userId: string,
) {
  const values = { indicators: JSON.stringify(indicators), updated_by: userId, updated_at: new Date() };
  await db
    .insertInto('operation_traveller_checklists')
    .values({ operation_id: operationId, ...values })
    .onConflict((oc) => oc.column('operation_id').doUpdateSet(values))
    .execute();
}

function base(db: Queryable) {
  return db
    .selectFrom('traveller_screenings')
    .innerJoin('bureaus', 'bureaus.id', 'traveller_screenings.owner_bureau_id')
    .innerJoin('hotspots', (join) =>
      join
        .onRef('hotspots.operation_id', '=', 'traveller_screenings.operation_id')
        .onRef('hotspots.id', '=', 'traveller_screenings.hotspot_id'),
    )
    .select([
      'traveller_screenings.id',
      'traveller_screenings.operation_id',
      'traveller_screenings.owner_bureau_id',
      'traveller_screenings.sharing',
      'traveller_screenings.shared_with',
      'traveller_screenings.hotspot_id',
      'traveller_screenings.at',
      'traveller_screenings.indicators',
      'traveller_screenings.score',
      'traveller_screenings.level',
      'traveller_screenings.recommended_action',
      'traveller_screenings.action_taken',
      'traveller_screenings.travellers',
      'traveller_screenings.outcome_id',
      'bureaus.country as owner_country',
      ...HOTSPOT_SHARING_COLUMNS,
    ]);
}

export function listScreenings(
  db: Queryable,
  actor: Actor,
  operationId: string,
  filter: TravellerScreeningFilter,
  after: string[] | undefined,
  limit: number,
) {
  let query = base(db)
    .where('traveller_screenings.operation_id', '=', operationId)
    .where(visibleToAlias(actor, 'traveller_screenings'));
  if (filter.level) query = query.where('traveller_screenings.level', '=', filter.level);
  if (filter.hotspot) {
    // Only a hotspot the caller may see can be asked about.
    query = query
      .where('traveller_screenings.hotspot_id', '=', filter.hotspot)
      .where(visibleToAlias(actor, 'hotspots'));
  }
  if (after) {
    const [at, id] = after as [string, string];
    query = query.where((eb) =>
      eb(eb.refTuple('traveller_screenings.at', 'traveller_screenings.id'), '<', eb.tuple(new Date(at), id)),
    );
  }
  return query
    .orderBy('traveller_screenings.at', 'desc')
    .orderBy('traveller_screenings.id', 'desc')
    .limit(limit + 1)
    .execute();
}

export async function insertScreening(db: Queryable, row: Insertable<TravellerScreeningsTable>) {
  const { id } = await db
    .insertInto('traveller_screenings')
    .values(row)
    .returning('id')
    .executeTakeFirstOrThrow();
  return id;
}

export type ScreeningRow = Awaited<ReturnType<typeof listScreenings>>[number];
