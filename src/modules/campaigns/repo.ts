// Queries for prevention campaigns: one, a page, the summary by country and channel, inserts and updates.
import {
  type Expression,
  type ExpressionBuilder,
  type Insertable,
  type SqlBool,
  sql,
  type Updateable,
} from 'kysely';
import type { Actor } from '../../access/actor.ts';
import { visibleTo } from '../../access/sharing.ts';
import type { Queryable } from '../../db/connection.ts';
import type { CampaignsTable, Schema } from '../../db/schema.ts';
import type { CampaignFilter } from './schema.ts';

const CAMPAIGN_COLUMNS = [
  'campaigns.id',
  'campaigns.operation_id',
  'campaigns.owner_bureau_id',
  'campaigns.sharing',
  'campaigns.shared_with',
  'campaigns.title',
  'campaigns.channel',
  'campaigns.country',
  'campaigns.places',
  'campaigns.audience',
  'campaigns.starts_on',
  'campaigns.ends_on',
  'campaigns.reach',
  'campaigns.notes',
  'campaigns.created_at',
  'bureaus.country as owner_country',
] as const;

/** Campaigns of the operation the actor may see, narrowed by the filter; dates overlap from–to. */
function matching(actor: Actor, operationId: string, filter: CampaignFilter) {
  return (eb: ExpressionBuilder<Schema, 'campaigns'>) => {
    const conditions: Expression<SqlBool>[] = [
      eb('campaigns.operation_id', '=', operationId),
      visibleTo(actor, 'campaigns'),
    ];
    if (filter.country) conditions.push(eb('campaigns.country', '=', filter.country));
    if (filter.channel) conditions.push(eb('campaigns.channel', '=', filter.channel));
    if (filter.bureau) conditions.push(eb('campaigns.owner_bureau_id', '=', filter.bureau));
    if (filter.from) conditions.push(eb('campaigns.ends_on', '>=', filter.from));
    if (filter.to) conditions.push(eb('campaigns.starts_on', '<=', filter.to));
    return eb.and(conditions);
  };
}

/** One campaign; with `lock`, its row stays locked until the transaction ends (read-modify-write). */
export function findCampaign(db: Queryable, id: string, lock = false) {
  const query = db
    .selectFrom('campaigns')
    .innerJoin('bureaus', 'bureaus.id', 'campaigns.owner_bureau_id')
    .select(CAMPAIGN_COLUMNS)
    .where('campaigns.id', '=', id);
  return (lock ? query.forUpdate('campaigns') : query).executeTakeFirst();
}
export type CampaignRow = NonNullable<Awaited<ReturnType<typeof findCampaign>>>;

export function listCampaigns(
  db: Queryable,
  actor: Actor,
  operationId: string,
  filter: CampaignFilter,
  after: string[] | undefined,
  limit: number,
) {
  let query = db
    .selectFrom('campaigns')
    .innerJoin('bureaus', 'bureaus.id', 'campaigns.owner_bureau_id')
    .select(CAMPAIGN_COLUMNS)
    .where(matching(actor, operationId, filter));
  if (after) {
    const [startsOn, id] = after as [string, string];
    query = query.where((eb) =>
      eb(eb.refTuple('campaigns.starts_on', 'campaigns.id'), '<', eb.tuple(startsOn, id)),
    );
  }
  return query
    .orderBy('campaigns.starts_on', 'desc')
    .orderBy('campaigns.id', 'desc')
    .limit(limit + 1)
    .execute();
}

/** Count and reach of the visible campaigns, by country and channel. */
export function campaignsByCountryChannel(
  db: Queryable,
  actor: Actor,
  operationId: string,
  filter: CampaignFilter,
) {
  return db
    .selectFrom('campaigns')
    .select([
      'campaigns.country',
      'campaigns.channel',
      sql<number>`count(*)::bigint`.as('campaigns'),
      sql<number>`coalesce(sum(campaigns.reach), 0)::bigint`.as('reach'),
      sql<number>`count(*) filter (where campaigns.reach is null)::bigint`.as('without_reach'),
    ])
    .where(matching(actor, operationId, filter))
    .groupBy(['campaigns.country', 'campaigns.channel'])
    .orderBy('campaigns.country')
    .orderBy('campaigns.channel')
    .execute();
}

export async function insertCampaign(db: Queryable, row: Insertable<CampaignsTable>) {
  const { id } = await db.insertInto('campaigns').values(row).returning('id').executeTakeFirstOrThrow();
  return id;
}

/** PostgreSQL takes at most 65,535 parameters in one statement; a campaign row binds 15. */
export const MAX_CAMPAIGNS_PER_INSERT = 4000;

/** Many campaigns in one statement; returns their ids (set `id` on the rows to know which is which). */
export async function insertCampaigns(db: Queryable, rows: Insertable<CampaignsTable>[]) {
  if (rows.length === 0) return [];
  if (rows.length > MAX_CAMPAIGNS_PER_INSERT) {
    throw new Error(
      `insertCampaigns takes at most ${MAX_CAMPAIGNS_PER_INSERT} rows per call; split the ${rows.length} into batches`,
    );
  }
  return (await db.insertInto('campaigns').values(rows).returning('id').execute()).map((r) => r.id);
}

export async function updateCampaign(
  db: Queryable,
  operationId: string,
  id: string,
  changes: Updateable<CampaignsTable>,
) {
  await db
    .updateTable('campaigns')
    .set(changes)
    .where('operation_id', '=', operationId)
    .where('id', '=', id)
    .execute();
}
