// Outcomes of the operation: arrests (with offences), rescues, investigations opened,
// interceptions at checkpoints, smugglers apprehended and irregular migrants intercepted.
import type { Readable } from 'node:stream';
import type { Actor } from '../../access/actor.ts';
import { appendAudit } from '../../access/audit.ts';
import { canCreateRecord } from '../../access/records.ts';
import { canReadShared } from '../../access/sharing.ts';
import type { Database, Queryable } from '../../db/connection.ts';
import { Forbidden, Invalid, NotFound } from '../../errors.ts';
import { decodeCursor, pageOf } from '../../server/pagination.ts';
import { isCountryCode } from '../countries.ts';
import { visibleHotspots } from '../hotspots/service.ts';
import { copyArray, type ImportOptions, importCsv } from '../imports/csv-copy.ts';
import { parseChoice, parseCount, parseList, parseText, parseTime, parseUuid } from '../imports/fields.ts';
import { NOTES_MAX_LENGTH } from '../../shared/vocabulary.ts';
import { requireImportAccess } from '../inspections/service.ts';
import { requireOperation } from '../operations/service.ts';
import { csvSharingReader, sharingColumns } from '../shared-record.ts';
import { presentOutcome } from './present.ts';
import * as repo from './repo.ts';
import {
  INVESTIGATION_STATUSES,
  OFFENCES,
  OUTCOME_KINDS,
  type Offence,
  type OutcomeFilter,
  type OutcomeKind,
  PERSON_OUTCOMES,
} from './schema.ts';

/** Imports of outcomes follow the same rule as imports of inspections. */
export { requireImportAccess };

interface OutcomeFields {
  kind: OutcomeKind;
  at: Date;
  hotspotId?: string | undefined;
  country?: string | undefined;
  persons?: number | undefined;
  offences?: readonly string[] | undefined;
  status?: string | undefined;
}

/** Checks the rules that tie an outcome's fields to its kind; returns the columns. */
function outcomeColumns(f: OutcomeFields, hotspots: Map<string, string>, actor: Actor, row?: number) {
  let country = f.country?.toUpperCase();
  if (f.hotspotId !== undefined) {
    const hotspotCountry = hotspots.get(f.hotspotId);
    if (!hotspotCountry) throw new Invalid(`no hotspot ${f.hotspotId} in this operation that you may see`, 'hotspotId', row);
    if (country && country !== hotspotCountry) {
      throw new Invalid(`country ${country} differs from the hotspot's country ${hotspotCountry}`, 'country', row);
    }
    country = hotspotCountry;
  }
  country ??= actor.bureauCountry;
  if (!isCountryCode(country)) throw new Invalid(`"${country}" is not a country code`, 'country', row);
  const offences = [...new Set(f.offences ?? [])];
  const badOffence = offences.find((o) => !(OFFENCES as readonly string[]).includes(o));
  if (badOffence) throw new Invalid(`offence "${badOffence}" is not one of: ${OFFENCES.join(', ')}`, 'offences', row);
  if (f.kind === 'arrest' && offences.length === 0) {
    throw new Invalid('an arrest needs at least one offence', 'offences', row);
  }
  if (f.kind !== 'arrest' && offences.length > 0) throw new Invalid('only arrests carry offences', 'offences', row);
  if (f.kind === 'investigation' && !f.status) {
    throw new Invalid('an investigation needs a status: open or closed', 'status', row);
  }
  if (f.kind !== 'investigation' && f.status) throw new Invalid('only investigations have a status', 'status', row);
  return {
    kind: f.kind,
    at: f.at,
    country,
    hotspot_id: f.hotspotId ?? null,
    persons: f.persons ?? 1,
    offences: offences as Offence[],
    investigation_status: f.status ?? null,
  };
}

export async function getOutcome(database: Database, actor: Actor, id: string) {
  const outcome = await repo.findOutcome(database.db, id);
  if (!outcome || !canReadShared(actor, outcome)) throw new NotFound('outcome');
  if ((PERSON_OUTCOMES as readonly string[]).includes(outcome.kind)) {
    await database.db.transaction().execute((tx) => appendAudit(tx, actor, {
      action: 'read',
      entity: outcome.kind,
      entityId: outcome.id,
      operationId: outcome.operation_id,
    }));
  }
  return presentOutcome(actor, outcome);
}

export async function listOutcomes(database: Database, actor: Actor, operationId: string, filter: OutcomeFilter) {
  await requireOperation(database.db, actor, operationId);
  const limit = filter.limit ?? 50;
  const rows = await repo.listOutcomes(database.db, actor, operationId, filter, decodeCursor(filter.cursor, ['time', 'uuid']), limit);
  const page = pageOf(rows, limit, (o) => [o.at.toISOString(), o.id]);
  const aboutPeople = page.items.filter((o) => (PERSON_OUTCOMES as readonly string[]).includes(o.kind)).map((o) => o.id);
  if (aboutPeople.length > 0) {
    await database.db
      .transaction()
      .execute((tx) => appendAudit(tx, actor, { action: 'list', entity: 'outcome', operationId, detail: { ids: aboutPeople } }));
  }
  return { items: page.items.map((o) => presentOutcome(actor, o)), next: page.next };
}

export interface OutcomeCreate extends Omit<OutcomeFields, 'at'> {
  at: string;
  notes?: string | undefined;
  sharing?: 'owner' | 'listed' | 'operation' | undefined;
  sharedWith?: string[] | undefined;
}

/**
 * Records one outcome.
 * @example await createOutcome(database, actor, operationId, { kind: 'arrest', at, offences: ['human_trafficking'] })
 */
export async function createOutcome(database: Database, actor: Actor, operationId: string, input: OutcomeCreate) {
  await requireOperation(database.db, actor, operationId);
  return database.db.transaction().execute((tx) => createOutcomeIn(tx, actor, operationId, input));
}

/**
 * Records one outcome, with its audit entry, inside the caller's transaction: for a change that is
 * one with the outcome (a traveller screening recorded as an interception). Checks as createOutcome.
 * @example await db.transaction().execute((tx) => createOutcomeIn(tx, actor, operationId, { kind: 'interception', at }))
 */
export async function createOutcomeIn(tx: Queryable, actor: Actor, operationId: string, input: OutcomeCreate) {
  if (!tx.isTransaction) throw new Error('createOutcomeIn must run inside a transaction; use createOutcome otherwise');
  if (!canCreateRecord(actor, operationId, 'outcome')) {
    throw new Forbidden('recording outcomes needs the field, officer or admin role');
  }
  const hotspots = input.hotspotId ? await visibleHotspots(tx, actor, operationId) : new Map();
  const columns = outcomeColumns({ ...input, at: parseTime(input.at, 'at') }, hotspots, actor);
  const sharing = sharingColumns(input, 'owner');
  const id = await repo.insertOutcome(tx, {
    operation_id: operationId,
    owner_bureau_id: actor.bureauId,
    ...sharing,
    ...columns,
    notes: input.notes ?? '',
    created_by: actor.userId,
  });
  await appendAudit(tx, actor, { action: 'create', entity: columns.kind, entityId: id, operationId });
  return id;
}

export const OUTCOME_CSV = {
  required: ['kind', 'at'],
  optional: ['hotspotId', 'country', 'persons', 'offences', 'status', 'notes', 'sharing', 'sharedWith'],
} as const;

/**
 * Imports outcomes from CSV (columns: kind, at, and optionally hotspotId, country, persons,
 * offences separated by ;, status, notes, sharing, sharedWith): all rows or none.
 */
export async function importOutcomes(
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
    table: 'outcomes',
    copyColumns: [
      'operation_id',
      'owner_bureau_id',
      'sharing',
      'shared_with',
      'kind',
      'at',
      'country',
      'hotspot_id',
      'persons',
      'offences',
      'investigation_status',
      'notes',
      'created_by',
    ],
    columns: OUTCOME_CSV,
    onProgress: options.onProgress,
    file: { kind: 'outcome', operationId, actor, force: options.force, sha256: options.sha256 },
    mapRow(r, row) {
      const c = outcomeColumns(
        {
          kind: parseChoice(r.kind, OUTCOME_KINDS, 'kind', row),
          at: parseTime(r.at, 'at', row),
          hotspotId: r.hotspotId ? parseUuid(r.hotspotId, 'hotspotId', row) : undefined,
          country: r.country || undefined,
          persons: parseCount(r.persons, 'persons', row, 1, 1),
          offences: parseList(r.offences).map((o) => o.toLowerCase()),
          status: r.status ? parseChoice(r.status, INVESTIGATION_STATUSES, 'status', row) : undefined,
        },
        hotspots,
        actor,
        row,
      );
      const sharing = sharingOf(r, row);
      return [
        operationId,
        actor.bureauId,
        sharing.sharing,
        copyArray(sharing.shared_with),
        c.kind,
        c.at.toISOString(),
        c.country,
        c.hotspot_id,
        c.persons,
        copyArray(c.offences),
        c.investigation_status,
        parseText(r.notes, 'notes', row, NOTES_MAX_LENGTH),
        actor.userId,
      ];
    },
    async beforeCommit(tx, summary) {
      await appendAudit(tx, actor, {
        action: 'import',
        entity: 'outcome',
        operationId,
        detail: { rows: summary.rows, sha256: summary.sha256, bytes: summary.bytes, ...(options.force ? { forced: true } : {}) },
      });
      await options.beforeCommit?.(tx, summary);
    },
  });
}
