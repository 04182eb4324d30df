// Prevention campaigns: a bureau's radio spots, pamphlets, outreach at borders, markets and schools,
// where they ran, for whom and how many people they reached; listed, summed up and kept up to date.

import type { Actor } from '../../access/actor.ts';
import { appendAudit } from '../../access/audit.ts';
import { canWriteCampaign } from '../../access/campaigns.ts';
import { canCreateRecord } from '../../access/records.ts';
import { canReadShared } from '../../access/sharing.ts';
import type { Database, Queryable, Tx } from '../../db/connection.ts';
import type { Sharing } from '../../db/schema.ts';
import { Forbidden, Invalid, NotFound } from '../../errors.ts';
import { decodeCursor, pageOf } from '../../server/pagination.ts';
import { isDay } from '../../shared/dates.ts';
import { isCountryCode } from '../countries.ts';
import { requireOperation } from '../operations/service.ts';
import { sharingColumns, sharingUpdate } from '../shared-record.ts';
import { presentCampaign } from './present.ts';
import * as repo from './repo.ts';
import {
  CAMPAIGN_CHANNELS,
  type CampaignChannel,
  type CampaignCreateT,
  type CampaignFilter,
  type CampaignListFilter,
  type CampaignSummaryT,
  type CampaignUpdateT,
  MAX_PLACES,
  MAX_REACH,
} from './schema.ts';

/** A campaign's own fields, whichever way they arrive (API, update, demo loader). */
export interface CampaignFields {
  title: string;
  channel: string;
  country: string;
  places?: readonly string[] | undefined;
  audience?: string | undefined;
  startsOn: string;
  endsOn: string;
  reach?: number | null | undefined;
  notes?: string | undefined;
}

function checkDate(value: string, field: string, row?: number) {
  if (!isDay(value)) throw new Invalid(`${field} "${value}" is not a date: write YYYY-MM-DD`, field, row);
}

function checkDates(startsOn: string, endsOn: string, row?: number) {
  checkDate(startsOn, 'startsOn', row);
  checkDate(endsOn, 'endsOn', row);
  if (endsOn < startsOn) throw new Invalid(`endsOn ${endsOn} is before startsOn ${startsOn}`, 'endsOn', row);
}

/** Place names are kept as written, in their own script; only surrounding spaces go. */
function checkPlaces(places: readonly string[], row?: number): string[] {
  if (places.length > MAX_PLACES)
    throw new Invalid(`at most ${MAX_PLACES} places, not ${places.length}`, 'places', row);
  return places.map((place, i) => {
    const name = place.trim();
    if (!name) throw new Invalid('a place needs a name', `places.${i}`, row);
    return name;
  });
}

function checkReach(reach: number | null, row?: number) {
  if (reach !== null && !(Number.isInteger(reach) && reach >= 0 && reach <= MAX_REACH)) {
    throw new Invalid(`reach must be a whole number from 0 to ${MAX_REACH}, not ${reach}`, 'reach', row);
  }
}

/** Checks a campaign's fields (row: 1-based position, for bulk inserts) and returns its columns. */
function campaignColumns(f: CampaignFields, row?: number) {
  const title = f.title.trim();
  if (!title) throw new Invalid('a campaign needs a title', 'title', row);
  if (!(CAMPAIGN_CHANNELS as readonly string[]).includes(f.channel)) {
    throw new Invalid(
      `channel "${f.channel}" is not one of: ${CAMPAIGN_CHANNELS.join(', ')}`,
      'channel',
      row,
    );
  }
  if (!isCountryCode(f.country))
    throw new Invalid(`"${f.country}" is not an ISO 3166-1 alpha-2 country code`, 'country', row);
  checkDates(f.startsOn, f.endsOn, row);
  const reach = f.reach ?? null;
  checkReach(reach, row);
  return {
    title,
    channel: f.channel as CampaignChannel,
    country: f.country,
    places: checkPlaces(f.places ?? [], row),
    audience: f.audience?.trim() ?? '',
    starts_on: f.startsOn,
    ends_on: f.endsOn,
    reach,
    notes: f.notes ?? '',
  };
}

/**
 * Records a campaign of the actor's bureau; shared with the whole operation unless asked otherwise.
 * @example await createCampaign(database, actor, operationId, { title: 'Safe migration radio', channel: 'radio', startsOn: '2023-09-01', endsOn: '2023-10-31', places: ['बिरगंज'] })
 */
export async function createCampaign(
  database: Database,
  actor: Actor,
  operationId: string,
  input: CampaignCreateT,
) {
  await requireOperation(database.db, actor, operationId);
  if (!canCreateRecord(actor, operationId, 'campaign')) {
    throw new Forbidden('recording campaigns needs the officer, coordinator, partner or admin role');
  }
  const columns = campaignColumns({ ...input, country: input.country ?? actor.bureauCountry });
  const sharing = sharingColumns(input, 'operation');
  return database.db.transaction().execute(async (tx) => {
    const id = await repo.insertCampaign(tx, {
      operation_id: operationId,
      owner_bureau_id: actor.bureauId,
      ...sharing,
      ...columns,
      created_by: actor.userId,
    });
    await appendAudit(tx, actor, { action: 'create', entity: 'campaign', entityId: id, operationId });
    return id;
  });
}

/** The campaign if the actor may see it, else NotFound (never saying whether it exists). */
async function readableCampaign(db: Queryable, actor: Actor, id: string, lock = false) {
  const campaign = await repo.findCampaign(db, id, lock);
  if (!campaign || !canReadShared(actor, campaign)) throw new NotFound('campaign');
  return campaign;
}

/**
 * One campaign.
 * @example const { places } = await getCampaign(database, actor, id)
 */
export async function getCampaign(database: Database, actor: Actor, id: string) {
  return presentCampaign(actor, await readableCampaign(database.db, actor, id));
}

/**
 * A page of the campaigns the actor may see, latest start first; `from`/`to` keep the campaigns
 * running at some time in that range.
 * @example const { items, next } = await listCampaigns(database, actor, operationId, { country: 'NP', channel: 'radio' })
 */
export async function listCampaigns(
  database: Database,
  actor: Actor,
  operationId: string,
  filter: CampaignListFilter,
) {
  await requireOperation(database.db, actor, operationId);
  checkRange(filter);
  const limit = filter.limit ?? 50;
  const after = decodeCursor(filter.cursor, ['date', 'uuid']);
  const rows = await repo.listCampaigns(database.db, actor, operationId, filter, after, limit);
  const page = pageOf(rows, limit, (c) => [c.starts_on, c.id]);
  return { items: page.items.map((c) => presentCampaign(actor, c)), next: page.next };
}

function checkRange(filter: CampaignFilter) {
  if (filter.from && filter.to && filter.to < filter.from) {
    throw new Invalid(`to ${filter.to} is before from ${filter.from}`, 'to');
  }
}

/**
 * Changes a campaign: only its bureau's admins, officers, coordinators and partners may.
 * @example await updateCampaign(database, actor, id, { reach: 120_000, endsOn: '2023-11-30' })
 */
export async function updateCampaign(database: Database, actor: Actor, id: string, input: CampaignUpdateT) {
  await database.db.transaction().execute(async (tx) => {
    // Merged with the row as it is under its lock, so two concurrent changes both land.
    const c = await readableCampaign(tx, actor, id, true);
    if (!canWriteCampaign(actor, c)) throw new Forbidden('only the bureau that runs the campaign changes it');
    const columns = campaignColumns({
      title: input.title ?? c.title,
      channel: input.channel ?? c.channel,
      country: input.country ?? c.country,
      places: input.places ?? c.places,
      audience: input.audience ?? c.audience,
      startsOn: input.startsOn ?? c.starts_on,
      endsOn: input.endsOn ?? c.ends_on,
      // null is sent to remove the estimate; absent leaves it as it is.
      reach: input.reach === undefined ? c.reach : input.reach,
      notes: input.notes ?? c.notes,
    });
    const sharing = sharingUpdate(input, c);
    await repo.updateCampaign(tx, c.operation_id, c.id, { ...columns, ...sharing });
    await appendAudit(tx, actor, {
      action: 'update',
      entity: 'campaign',
      entityId: c.id,
      operationId: c.operation_id,
      detail: { fields: Object.keys(input) },
    });
  });
}

/**
 * Campaigns and their summed reach by country and channel, over the campaigns the actor may see.
 * @example const { totals } = await campaignSummary(database, actor, operationId, { from: '2023-01-01' })
 */
export async function campaignSummary(
  database: Database,
  actor: Actor,
  operationId: string,
  filter: CampaignFilter,
): Promise<CampaignSummaryT> {
  await requireOperation(database.db, actor, operationId);
  checkRange(filter);
  const rows = await repo.campaignsByCountryChannel(database.db, actor, operationId, filter);
  const byCountryChannel = rows.map((r) => ({
    country: r.country,
    channel: r.channel as CampaignChannel,
    campaigns: r.campaigns,
    reach: r.reach,
    withoutReach: r.without_reach,
  }));
  const totals = { campaigns: 0, reach: 0, withoutReach: 0 };
  for (const r of byCountryChannel) {
    totals.campaigns += r.campaigns;
    totals.reach += r.reach;
    totals.withoutReach += r.withoutReach;
  }
  return { operationId, totals, byCountryChannel };
}

/** A campaign for the demo loader (or any bulk writer that has already decided who owns it). */
export interface CampaignSeed extends CampaignFields {
  id?: string;
  operationId: string;
  ownerBureauId: string;
  createdBy?: string | null;
  /** When it was recorded; now if not given. */
  createdAt?: Date;
  /** Defaults to `operation`, as for campaigns recorded through the API. */
  sharing?: Sharing;
  sharedWith?: readonly string[];
}

/**
 * Inserts many campaigns in one statement inside the caller's transaction, after the same checks
 * as the API (an Invalid names the field and the 1-based row). No access check and no audit
 * entry: the caller (the demo loader) writes its own.
 * @example await insertCampaigns(tx, [{ operationId, ownerBureauId, title: 'Safe migration radio', channel: 'radio', country: 'NP', startsOn: '2023-09-01', endsOn: '2023-10-31' }])
 */
export async function insertCampaigns(tx: Tx, seeds: readonly CampaignSeed[]): Promise<string[]> {
  if (!tx.isTransaction)
    throw new Error('insertCampaigns must run inside the transaction that loads the campaigns');
  const rows = seeds.map((s, i) => ({
    ...(s.id ? { id: s.id } : {}),
    operation_id: s.operationId,
    owner_bureau_id: s.ownerBureauId,
    ...sharingColumns(s, 'operation', i + 1),
    ...campaignColumns(s, i + 1),
    created_by: s.createdBy ?? null,
    ...(s.createdAt ? { created_at: s.createdAt } : {}),
  }));
  return repo.insertCampaigns(tx, rows);
}
