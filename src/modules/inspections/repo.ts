// Queries for inspections and checks.
import type { Insertable } from 'kysely';
import type { Actor } from '../../access/actor.ts';
import { visibleTo } from '../../access/sharing.ts';
import type { Queryable } from '../../db/connection.ts';
import type { InspectionsTable } from '../../db/schema.ts';
import { HOTSPOT_SHARING_COLUMNS } from '../shared-record.ts';
import type { InspectionFilter } from './schema.ts';

function base(db: Queryable) {
  return db
    .selectFrom('inspections')
    .innerJoin('hotspots', (join) =>
      join
        .onRef('hotspots.operation_id', '=', 'inspections.operation_id')
        .onRef('hotspots.id', '=', 'inspections.hotspot_id'),
    )
    .innerJoin('bureaus', 'bureaus.id', 'inspections.owner_bureau_id')
    .select([
      'inspections.id',
      'inspections.operation_id',
      'inspections.owner_bureau_id',
      'inspections.sharing',
      'inspections.shared_with',
      'inspections.hotspot_id',
      'inspections.at',
      'inspections.kind',
      'inspections.persons_checked',
      'inspections.notes',
      'hotspots.country',
      'bureaus.country as owner_country',
      ...HOTSPOT_SHARING_COLUMNS,
    ]);
}

export function findInspection(db: Queryable, id: string) {
  return base(db).where('inspections.id', '=', id).executeTakeFirst();
}

export function listInspections(
  db: Queryable,
  actor: Actor,
  operationId: string,
  filter: InspectionFilter,
  after: (string | number)[] | undefined,
  limit: number,
) {
  let query = base(db)
    .where('inspections.operation_id', '=', operationId)
    .where(visibleTo(actor, 'inspections'));
  if (filter.country) query = query.where('hotspots.country', '=', filter.country);
  if (filter.bureau) query = query.where('inspections.owner_bureau_id', '=', filter.bureau);
  if (filter.hotspot) {
    // Only a hotspot the caller may see can be asked about.
    query = query.where('inspections.hotspot_id', '=', filter.hotspot).where(visibleTo(actor, 'hotspots'));
  }
  if (filter.kind) query = query.where('inspections.kind', '=', filter.kind);
  if (filter.from) query = query.where('inspections.at', '>=', new Date(filter.from));
  if (filter.to) query = query.where('inspections.at', '<', new Date(filter.to));
  if (after) {
    const [at, id] = after as [string, string];
    query = query.where((eb) =>
      eb(eb.refTuple('inspections.at', 'inspections.id'), '<', eb.tuple(new Date(at), id)),
    );
  }
  return query.orderBy('inspections.at', 'desc').orderBy('inspections.id', 'desc').limit(limit + 1).execute();
}

export async function insertInspection(db: Queryable, row: Insertable<InspectionsTable>) {
  const { id } = await db.insertInto('inspections').values(row).returning('id').executeTakeFirstOrThrow();
  return id;
}

export type InspectionRow = NonNullable<Awaited<ReturnType<typeof findInspection>>>;
