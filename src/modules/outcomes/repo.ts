// Queries for outcomes: arrests, rescues, investigations, interceptions, smugglers, migrants.
import { type Insertable, sql } from 'kysely';
import type { Actor } from '../../access/actor.ts';
import { visibleTo } from '../../access/sharing.ts';
import type { Queryable } from '../../db/connection.ts';
import type { OutcomesTable } from '../../db/schema.ts';
import { HOTSPOT_SHARING_COLUMNS } from '../shared-record.ts';
import type { OutcomeFilter } from './schema.ts';

function base(db: Queryable) {
  return db
    .selectFrom('outcomes')
    .innerJoin('bureaus', 'bureaus.id', 'outcomes.owner_bureau_id')
    .leftJoin('hotspots', (join) =>
      join.onRef('hotspots.operation_id', '=', 'outcomes.operation_id').onRef('hotspots.id', '=', 'outcomes.hotspot_id'),
    )
    .select([
      'outcomes.id',
      'outcomes.operation_id',
      'outcomes.owner_bureau_id',
      'outcomes.sharing',
      'outcomes.shared_with',
      'outcomes.kind',
      'outcomes.at',
      'outcomes.country',
      'outcomes.hotspot_id',
      'outcomes.persons',
      'outcomes.offences',
      'outcomes.investigation_status',
      'outcomes.notes',
      'bureaus.country as owner_country',
      ...HOTSPOT_SHARING_COLUMNS,
    ]);
}

export function findOutcome(db: Queryable, id: string) {
  return base(db).where('outcomes.id', '=', id).executeTakeFirst();
}

export function listOutcomes(
  db: Queryable,
  actor: Actor,
  operationId: string,
  filter: OutcomeFilter,
  after: (string | number)[] | undefined,
  limit: number,
) {
  let query = base(db).where('outcomes.operation_id', '=', operationId).where(visibleTo(actor, 'outcomes'));
  if (filter.kind) query = query.where('outcomes.kind', '=', filter.kind);
  if (filter.country) query = query.where('outcomes.country', '=', filter.country);
  if (filter.bureau) query = query.where('outcomes.owner_bureau_id', '=', filter.bureau);
  if (filter.hotspot) {
    // Only a hotspot the caller may see can be asked about.
    query = query.where('outcomes.hotspot_id', '=', filter.hotspot).where(visibleTo(actor, 'hotspots'));
  }
  if (filter.offence) query = query.where(sql<boolean>`${filter.offence} = any(outcomes.offences)`);
  if (filter.from) query = query.where('outcomes.at', '>=', new Date(filter.from));
  if (filter.to) query = query.where('outcomes.at', '<', new Date(filter.to));
  if (after) {
    const [at, id] = after as [string, string];
    query = query.where((eb) => eb(eb.refTuple('outcomes.at', 'outcomes.id'), '<', eb.tuple(new Date(at), id)));
  }
  return query.orderBy('outcomes.at', 'desc').orderBy('outcomes.id', 'desc').limit(limit + 1).execute();
}

export async function insertOutcome(db: Queryable, row: Insertable<OutcomesTable>) {
  const { id } = await db.insertInto('outcomes').values(row).returning('id').executeTakeFirstOrThrow();
  return id;
}

export type OutcomeRow = NonNullable<Awaited<ReturnType<typeof findOutcome>>>;
