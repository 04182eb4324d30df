// Queries for hotspots. Visibility comes from access/sharing's SQL filter, never written here.
import type { Actor } from '../../access/actor.ts';
import { visibleTo } from '../../access/sharing.ts';
import type { Queryable } from '../../db/connection.ts';
import type { HotspotsTable } from '../../db/schema.ts';
import type { Insertable } from 'kysely';
import type { HotspotFilter } from './schema.ts';

const COLUMNS = [
  'hotspots.id',
  'hotspots.operation_id',
  'hotspots.owner_bureau_id',
  'hotspots.sharing',
  'hotspots.shared_with',
  'hotspots.country',
  'hotspots.name',
  'hotspots.kind',
  'hotspots.latitude',
  'hotspots.longitude',
  'bureaus.country as owner_country',
] as const;

function base(db: Queryable) {
  return db.selectFrom('hotspots').innerJoin('bureaus', 'bureaus.id', 'hotspots.owner_bureau_id').select(COLUMNS);
}

export function findHotspot(db: Queryable, id: string) {
  return base(db).where('hotspots.id', '=', id).executeTakeFirst();
}

export function listHotspots(
  db: Queryable,
  actor: Actor,
  operationId: string,
  filter: HotspotFilter,
  after: (string | number)[] | undefined,
  limit: number,
) {
  let query = base(db)
    .where('hotspots.operation_id', '=', operationId)
    .where(visibleTo(actor, 'hotspots'));
  if (filter.country) query = query.where('hotspots.country', '=', filter.country);
  if (filter.kind) query = query.where('hotspots.kind', '=', filter.kind);
  if (filter.bureau) query = query.where('hotspots.owner_bureau_id', '=', filter.bureau);
  if (after) {
    const [country, name, id] = after as [string, string, string];
    query = query.where((eb) =>
      eb(eb.refTuple('hotspots.country', 'hotspots.name', 'hotspots.id'), '>', eb.tuple(country, name, id)),
    );
  }
  return query.orderBy('hotspots.country').orderBy('hotspots.name').orderBy('hotspots.id').limit(limit + 1).execute();
}

export async function insertHotspot(db: Queryable, row: Insertable<HotspotsTable>) {
  const { id } = await db.insertInto('hotspots').values(row).returning('id').executeTakeFirstOrThrow();
  return id;
}

export type HotspotRow = NonNullable<Awaited<ReturnType<typeof findHotspot>>>;

export function listVisibleHotspotIds(db: Queryable, actor: Actor, operationId: string) {
  return db
    .selectFrom('hotspots')
    .select(['hotspots.id', 'hotspots.country'])
    .where('hotspots.operation_id', '=', operationId)
    .where(visibleTo(actor, 'hotspots'))
    .execute();
}
