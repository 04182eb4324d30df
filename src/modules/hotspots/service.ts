// Hotspots: the places an operation watches (border crossings, airports, scam compounds, ...).
import type { Actor } from '../../access/actor.ts';
import { appendAudit } from '../../access/audit.ts';
import { canCreateRecord } from '../../access/records.ts';
import { canReadShared } from '../../access/sharing.ts';
import type { Database, Queryable } from '../../db/connection.ts';
import { Forbidden, Invalid, NotFound } from '../../errors.ts';
import { decodeCursor, pageOf } from '../../server/pagination.ts';
import { isCountryCode } from '../countries.ts';
import { requireOperation } from '../operations/service.ts';
import { sharingColumns } from '../shared-record.ts';
import { presentHotspot } from './present.ts';
import * as repo from './repo.ts';
import type { HotspotCreateInput, HotspotFilter } from './schema.ts';

/**
 * The hotspot if the actor may see it, else NotFound (also used by inspections and outcomes).
 * @example const hotspot = await requireHotspot(db, actor, id)
 */
export async function requireHotspot(db: Queryable, actor: Actor, id: string, field?: string) {
  const hotspot = await repo.findHotspot(db, id);
  if (!hotspot || !canReadShared(actor, hotspot)) {
    if (field) throw new Invalid(`no hotspot ${id} that you may see`, field);
    throw new NotFound('hotspot');
  }
  return hotspot;
}

export async function getHotspot(database: Database, actor: Actor, id: string) {
  return presentHotspot(actor, await requireHotspot(database.db, actor, id));
}

export async function listHotspots(database: Database, actor: Actor, operationId: string, filter: HotspotFilter) {
  await requireOperation(database.db, actor, operationId);
  const limit = filter.limit ?? 50;
  const rows = await repo.listHotspots(database.db, actor, operationId, filter, decodeCursor(filter.cursor, ['text', 'text', 'uuid']), limit);
  const page = pageOf(rows, limit, (h) => [h.country, h.name, h.id]);
  return { items: page.items.map((h) => presentHotspot(actor, h)), next: page.next };
}

export async function createHotspot(database: Database, actor: Actor, operationId: string, input: HotspotCreateInput) {
  await requireOperation(database.db, actor, operationId);
  if (!canCreateRecord(actor, operationId, 'hotspot')) {
    throw new Forbidden('registering hotspots needs the officer, coordinator or admin role');
  }
  if (!isCountryCode(input.country)) throw new Invalid(`"${input.country}" is not a country code`, 'country');
  const sharing = sharingColumns(input, 'operation');
  return database.db.transaction().execute(async (tx) => {
    const id = await repo.insertHotspot(tx, {
      operation_id: operationId,
      owner_bureau_id: actor.bureauId,
      ...sharing,
      country: input.country,
      name: input.name.trim(),
      kind: input.kind,
      latitude: input.latitude,
      longitude: input.longitude,
      created_by: actor.userId,
    });
    await appendAudit(tx, actor, { action: 'create', entity: 'hotspot', entityId: id, operationId });
    return id;
  });
}

/** Ids (→ country) of every hotspot of the operation the actor may see, for bulk imports. */
export async function visibleHotspots(db: Queryable, actor: Actor, operationId: string): Promise<Map<string, string>> {
  const rows = await repo.listVisibleHotspotIds(db, actor, operationId);
  return new Map(rows.map((r) => [r.id, r.country]));
}
