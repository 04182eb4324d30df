// Inspections and checks at hotspots: logged one by one or imported in bulk from CSV.
import type { Readable } from 'node:stream';
import type { Actor } from '../../access/actor.ts';
import { appendAudit } from '../../access/audit.ts';
import { canCreateRecord, canImportRecords } from '../../access/records.ts';
import { canReadShared } from '../../access/sharing.ts';
import type { Database } from '../../db/connection.ts';
import { Forbidden, Invalid, NotFound } from '../../errors.ts';
import { decodeCursor, pageOf } from '../../server/pagination.ts';
import { requireHotspot, visibleHotspots } from '../hotspots/service.ts';
import { copyArray, type ImportOptions, importCsv } from '../imports/csv-copy.ts';
import { parseChoice, parseCount, parseText, parseTime, parseUuid } from '../imports/fields.ts';
import { NOTES_MAX_LENGTH } from '../../shared/vocabulary.ts';
import { requireOperation } from '../operations/service.ts';
import { csvSharingReader, sharingColumns } from '../shared-record.ts';
import { presentInspection } from './present.ts';
import * as repo from './repo.ts';
import { INSPECTION_KINDS, type InspectionCreateInput, type InspectionFilter } from './schema.ts';

export async function getInspection(database: Database, actor: Actor, id: string) {
  const inspection = await repo.findInspection(database.db, id);
  if (!inspection || !canReadShared(actor, inspection)) throw new NotFound('inspection');
  return presentInspection(actor, inspection);
}

export async function listInspections(database: Database, actor: Actor, operationId: string, filter: InspectionFilter) {
  await requireOperation(database.db, actor, operationId);
  const limit = filter.limit ?? 50;
  const after = decodeCursor(filter.cursor, ['time', 'uuid']);
  const rows = await repo.listInspections(database.db, actor, operationId, filter, after, limit);
  const page = pageOf(rows, limit, (i) => [i.at.toISOString(), i.id]);
  return { items: page.items.map((i) => presentInspection(actor, i)), next: page.next };
}

/**
 * Logs one inspection at a hotspot the actor may see.
 * @example await createInspection(database, actor, operationId, { hotspotId, at, kind: 'patrol', personsChecked: 12 })
 */
export async function createInspection(
  database: Database,
  actor: Actor,
  operationId: string,
  input: InspectionCreateInput,
) {
  await requireOperation(database.db, actor, operationId);
  if (!canCreateRecord(actor, operationId, 'inspection')) {
    throw new Forbidden('logging inspections needs the field, officer or admin role');
  }
  const hotspot = await requireHotspot(database.db, actor, input.hotspotId, 'hotspotId');
  if (hotspot.operation_id !== operationId) {
    throw new Invalid('the hotspot belongs to another operation', 'hotspotId');
  }
  const sharing = sharingColumns(input, 'owner');
  return database.db.transaction().execute(async (tx) => {
    const id = await repo.insertInspection(tx, {
      operation_id: operationId,
      owner_bureau_id: actor.bureauId,
      ...sharing,
      hotspot_id: input.hotspotId,
      at: parseTime(input.at, 'at'),
      kind: input.kind,
      persons_checked: input.personsChecked,
      notes: input.notes ?? '',
      created_by: actor.userId,
    });
    await appendAudit(tx, actor, { action: 'create', entity: 'inspection', entityId: id, operationId });
    return id;
  });
}

/**
 * The operation exists for the actor and they may import into it; the HTTP route checks this
 * before it reads the upload.
 * @example await requireImportAccess(database, actor, operationId)
 */
export async function requireImportAccess(database: Database, actor: Actor, operationId: string): Promise<void> {
  await requireOperation(database.db, actor, operationId);
  if (!canImportRecords(actor, operationId)) throw new Forbidden('bulk imports need the officer or admin role');
}

export const INSPECTION_CSV = {
  required: ['hotspotId', 'at', 'kind', 'personsChecked'],
  optional: ['notes', 'sharing', 'sharedWith'],
} as const;

/**
 * Imports inspections from CSV (columns: hotspotId, at, kind, personsChecked, and optionally notes,
 * sharing, sharedWith): all rows or none; the records belong to the actor's bureau.
 * @example await importInspections(database, actor, operationId, fs.createReadStream('checks.csv'))
 */
export async function importInspections(
  database: Database,
  actor: Actor,
  operationId: string,
  csv: Readable,
  options: ImportOptions = {},
): Promise<number> {
  await requireImportAccess(database, actor, operationId);
  const hotspots = await visibleHotspots(database.db, actor, operationId);
  const sharingOf = csvSharingReader();
  return importCsv(database, csv, {
    table: 'inspections',
    rollups: ['inspection_rollup'],
    copyColumns: [
      'operation_id',
      'owner_bureau_id',
      'sharing',
      'shared_with',
      'hotspot_id',
      'at',
      'kind',
      'persons_checked',
      'notes',
      'created_by',
    ],
    columns: INSPECTION_CSV,
    onProgress: options.onProgress,
    file: { kind: 'inspection', operationId, actor, force: options.force, sha256: options.sha256 },
    mapRow(r, row) {
      const hotspotId = parseUuid(r.hotspotId, 'hotspotId', row);
      if (!hotspots.has(hotspotId)) throw new Invalid(`no hotspot ${hotspotId} in this operation that you may see`, 'hotspotId', row);
      const sharing = sharingOf(r, row);
      return [
        operationId,
        actor.bureauId,
        sharing.sharing,
        copyArray(sharing.shared_with),
        hotspotId,
        parseTime(r.at, 'at', row).toISOString(),
        parseChoice(r.kind, INSPECTION_KINDS, 'kind', row),
        parseCount(r.personsChecked, 'personsChecked', row),
        parseText(r.notes, 'notes', row, NOTES_MAX_LENGTH),
        actor.userId,
      ];
    },
    async beforeCommit(tx, summary) {
      await appendAudit(tx, actor, {
        action: 'import',
        entity: 'inspection',
        operationId,
        detail: { rows: summary.rows, sha256: summary.sha256, bytes: summary.bytes, ...(options.force ? { forced: true } : {}) },
      });
      await options.beforeCommit?.(tx, summary);
    },
  });
}
