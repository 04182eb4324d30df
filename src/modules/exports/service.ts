// Victim-case exports: the rows of the CTDC and HTCDS files for the victims a caller may see,
// written as CSV. Each export is recorded in the audit log with how many victims it held.
import { stringify } from 'csv-stringify';
import type { Actor } from '../../access/actor.ts';
import { appendAudit } from '../../access/audit.ts';
import { canExportVictims } from '../../access/records.ts';
import type { Database, Tx } from '../../db/connection.ts';
import { Forbidden } from '../../errors.ts';
import { requireOperation } from '../operations/service.ts';
import { csvCell } from './cells.ts';
import { CTDC_HEADER, ctdcRow } from './ctdc.ts';
import { HTCDS_COLUMNS, htcdsRow } from './htcds.ts';
import { visibleVictims } from './victims.ts';

export const VICTIM_EXPORTS = {
  ctdc: { header: CTDC_HEADER as readonly string[], row: ctdcRow as (v: Parameters<typeof ctdcRow>[0]) => Record<string, string> },
  htcds: { header: HTCDS_COLUMNS as readonly string[], row: htcdsRow as (v: Parameters<typeof htcdsRow>[0]) => Record<string, string> },
} as const;
export type VictimExport = keyof typeof VICTIM_EXPORTS;

/**
 * The export as a CSV stream (header first), after the audit entry is written.
 * @example (await victimExport(database, actor, operationId, 'ctdc')).pipe(reply.raw)
 */
export async function victimExport(database: Database, actor: Actor, operationId: string, format: VictimExport, options: ExportOptions = {}) {
  await requireExportAccess(database, actor, operationId);
  const victims = await visibleVictims(database, actor, operationId);
  const audit = (tx: Tx) => appendAudit(tx, actor, { action: 'export', entity: `victims_${format}`, operationId, detail: { victims: victims.length } });
  if (options.audit !== false) await database.db.transaction().execute(audit);
  const { header, row } = VICTIM_EXPORTS[format];
  const csv = stringify({ header: true, columns: [...header] });
  // Written in slices so that a large file does not block the event loop in one go.
  (async () => {
    for (let i = 0; i < victims.length; i += 500) {
      for (const v of victims.slice(i, i + 500)) {
        const values = row(v);
        if (!csv.write(header.map((h) => csvCell(values[h])))) await new Promise((r) => csv.once('drain', r));
      }
      await new Promise((r) => setImmediate(r));
    }
    csv.end();
  })().catch((error: unknown) => csv.destroy(error as Error));
  return { csv, count: victims.length, audit };
}

export interface ExportOptions {
  /** false: the caller writes the audit entry (`audit` of the answer) in its own transaction, as a job does when it completes. */
  audit?: boolean;
}

/** Who may export the operation's victims and cases: NotFound, or Forbidden, for everyone else. */
export async function requireExportAccess(database: Database, actor: Actor, operationId: string): Promise<void> {
  await requireOperation(database.db, actor, operationId);
  if (!canExportVictims(actor, operationId)) throw new Forbidden('exports are for officers, analysts and coordinators');
}
