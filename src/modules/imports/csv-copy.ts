// Streaming CSV → COPY: parses, validates and converts each row, feeds PostgreSQL's COPY in one
// transaction, and rolls the whole file back at the first bad row (naming its row and column).
// Rows are numbered as a spreadsheet shows them: the header is row 1, the first record row 2.
import { createHash } from 'node:crypto';
import type { Readable } from 'node:stream';
import { parse } from 'csv-parse';
import type { Database, Db } from '../../db/connection.ts';
import { Invalid } from '../../errors.ts';
import { type ImportFile, recordImportFile, refuseRepeatedFile } from './files.ts';

export interface CsvColumns {
  /** Columns every file must have, by their canonical (API) names. */
  required: readonly string[];
  optional: readonly string[];
}

/** Turns one record (canonical column → raw text) into the COPY values, or throws Invalid with a field. */
export type RowMapper = (record: Record<string, string>, row: number) => readonly (string | number | null)[];

export interface CsvCopyPlan {
  table: string;
  copyColumns: readonly string[];
  columns: CsvColumns;
  mapRow: RowMapper;
  /** The file being imported, recorded by its SHA-256 so that a second import of it is refused (files.ts). */
  file?: ImportFile;
  /** Called in the same transaction once every row is in, before commit (audit entry, checks). */
  beforeCommit?: (tx: Db, summary: ImportSummary) => Promise<void>;
  onProgress?: (rows: number, bytes: number) => void;
  /** Tables kept by triggers on `table`, whose statistics also change. */
  rollups?: readonly string[];
}

/** What a caller of an importer may say: progress, a repeat on purpose, the file's SHA-256 if known. */
export interface ImportOptions {
  onProgress?: (rows: number, bytes: number) => void;
  force?: boolean;
  sha256?: string;
  /** Runs in the import's transaction after its rows and audit entry, before it commits (a job completes there). */
  beforeCommit?: (tx: Db, summary: ImportSummary) => Promise<void>;
}

export interface ImportSummary {
  rows: number;
  sha256: string;
  bytes: number;
}

// PGlite takes each COPY as one in-memory blob: send it in batches to keep memory flat.
const PGLITE_BATCH_ROWS = 50_000;

/** `hotspot_id`, `Hotspot ID` and `hotspotId` all name the column `hotspotId`. */
function canonicalName(header: string, known: readonly string[]): string | undefined {
  const squash = (s: string) => s.toLowerCase().replace(/[^a-z0-9]/g, '');
  return known.find((k) => squash(k) === squash(header));
}

/** One value in PostgreSQL's COPY text format. */
export function copyValue(value: string | number | null): string {
  if (value === null) return '\\N';
  if (typeof value === 'number') return String(value);
  return value.replace(/[\\\t\n\r]/g, (c) => (c === '\\' ? '\\\\' : c === '\t' ? '\\t' : c === '\n' ? '\\n' : '\\r'));
}

/** A text[] literal, each element quoted, e.g. ['IN', 'NP'] → {"IN","NP"}; copyValue escapes it for COPY. */
export function copyArray(values: readonly string[]): string {
  return `{${values.map((v) => `"${v.replace(/["\\]/g, (c) => `\\${c}`)}"`).join(',')}}`;
}

/**
 * Imports a CSV stream with the plan; resolves with the number of rows written, or rejects with
 * Invalid (nothing written).
 * @example await importCsv(database, fs.createReadStream('inspections.csv'), plan)
 */
export async function importCsv(database: Database, input: Readable, plan: CsvCopyPlan): Promise<number> {
  if (plan.file) await refuseRepeatedFile(database.db, plan.file);
  const known = [...plan.columns.required, ...plan.columns.optional];
  const digest = createHash('sha256');
  let bytes = 0;
  input.on('data', (chunk: Buffer | string) => {
    digest.update(chunk);
    bytes += chunk.length;
  });
  const parser = input.pipe(
    parse({ bom: true, relax_column_count: false, skip_empty_lines: true, trim: true, info: true }),
  );
  // Parse errors reach the loop below through the async iterator; this keeps a second emission
  // (after the loop has stopped reading) from surfacing as an unhandled 'error' event.
  parser.on('error', () => undefined);
  let header: (string | undefined)[] | undefined;
  let row = 0;
  let copied = 0;
  let batchStart = 0;
  const rows = new RowMap();

  async function* batches(): AsyncGenerator<string[]> {
    let lines: string[] = [];
    try {
      for await (const { record: fields, info } of parser as AsyncIterable<{ record: string[]; info: { lines: number } }>) {
        row = startLine(fields, info.lines);
        if (!header) {
          header = readHeader(fields, known, plan.columns.required, row);
          continue;
        }
        const record: Record<string, string> = {};
        for (let i = 0; i < fields.length; i++) {
          const name = header[i];
          const value = fields[i] ?? '';
          if (name === undefined) continue;
          if (value.includes('\u0000')) throw new Invalid(`${name} holds a NUL character, which text cannot`, name, row);
          record[name] = value;
        }
        lines.push(`${plan.mapRow(record, row).map(copyValue).join('\t')}\n`);
        rows.add(copied, row);
        copied += 1;
        if (lines.length >= PGLITE_BATCH_ROWS) {
          yield lines;
          lines = [];
          plan.onProgress?.(copied, bytes);
        }
      }
    } catch (error) {
      if (error instanceof Invalid) throw error;
      const { message, lines: at } = error as Error & { lines?: number };
      throw new Invalid(`the file is not valid CSV: ${message}`, 'file', at ?? row + 1);
    }
    if (!header) throw new Invalid('the file is empty: it needs a header row', 'file', 1);
    if (lines.length > 0) yield lines;
    plan.onProgress?.(copied, bytes);
  }

  const copySql = `copy ${plan.table} (${plan.copyColumns.join(', ')}) from stdin`;
  const written = await database
    .withRawTransaction(async (tx, client) => {
      let total = 0;
      if (database.engine === 'pglite') {
        for await (const lines of batches()) {
          batchStart = total;
          total += await client.copyFrom(copySql, lines);
        }
      } else {
        total = await client.copyFrom(copySql, flatten(batches()));
      }
      const summary = { rows: total, sha256: digest.digest('hex'), bytes };
      if (plan.file) await recordImportFile(tx, plan.file, summary);
      await plan.beforeCommit?.(tx, summary);
      return total;
    })
    .catch((error: unknown) => {
      throw storageError(error, (copyLine) => rows.csvRow(batchStart + copyLine - 1));
    });
  if (written >= ANALYZE_AFTER_ROWS) {
    // The rows are in; stale statistics only slow later queries, so a failure here is a warning.
    await refreshStatistics(database, [plan.table, ...(plan.rollups ?? [])]).catch((error: unknown) => {
      process.emitWarning(`statistics not refreshed after import: ${(error as Error).message}`);
    });
  }
  return written;
}

/** The line a record starts on, from the line it ends on and the line breaks inside its cells. */
function startLine(fields: readonly string[], endLine: number): number {
  let breaks = 0;
  for (const field of fields) {
    for (let i = field.indexOf('\n'); i !== -1; i = field.indexOf('\n', i + 1)) breaks += 1;
  }
  return endLine - breaks;
}

/**
 * Which CSV row each copied row came from, kept as the few points where the two stop moving in
 * step (blank lines, cells spanning lines), so a file of millions of rows costs almost nothing.
 */
class RowMap {
  private readonly starts: number[] = [];
  private readonly csvRows: number[] = [];

  add(index: number, csvRow: number): void {
    const last = this.starts.length - 1;
    if (last >= 0 && csvRow - index === this.csvRows[last]! - this.starts[last]!) return;
    this.starts.push(index);
    this.csvRows.push(csvRow);
  }

  csvRow(index: number): number | undefined {
    let lo = 0;
    let hi = this.starts.length - 1;
    if (hi < 0 || index < 0) return undefined;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.starts[mid]! <= index) lo = mid;
      else hi = mid - 1;
    }
    return this.csvRows[lo]! + (index - this.starts[lo]!);
  }
}

/**
 * A database error during the import becomes an Invalid naming the row when PostgreSQL says which
 * COPY line failed; anything that is not a database error passes through unchanged.
 */
function storageError(error: unknown, rowOfCopyLine: (line: number) => number | undefined): unknown {
  if (error instanceof Invalid) return error;
  const { code, message, where } = error as { code?: unknown; message?: string; where?: string };
  if (typeof code !== 'string' || !/^[0-9A-Z]{5}$/.test(code) || code.startsWith('08') || code.startsWith('53')) return error;
  const line = /COPY \w+, line (\d+)/.exec(where ?? '')?.[1];
  const row = line ? rowOfCopyLine(Number(line)) : undefined;
  return new Invalid(`the row could not be stored: ${message}`, 'file', row);
}

// PGlite has no autovacuum, and a server's comes too late for the first queries after a bulk
// load: without fresh statistics the planner picks plans several times slower.
const ANALYZE_AFTER_ROWS = 10_000;

/** Refreshes the planner's statistics of tables that just grew in bulk. */
export async function refreshStatistics(database: Database, tables: readonly string[]): Promise<void> {
  const client = await database.pool.connect();
  try {
    await client.query(`analyze ${tables.join(', ')}`);
  } finally {
    client.release();
  }
}

async function* flatten(batches: AsyncIterable<string[]>): AsyncGenerator<string> {
  for await (const lines of batches) yield lines.join('');
}

function readHeader(fields: string[], known: readonly string[], required: readonly string[], row: number) {
  const header = fields.map((f, i) => {
    const name = canonicalName(f, known);
    if (!name) {
      throw new Invalid(
        `unknown column "${f}" (column ${i + 1}); expected: ${known.join(', ')}`,
        f || `column ${i + 1}`,
        row,
      );
    }
    return name;
  });
  const missing = required.find((r) => !header.includes(r));
  if (missing) throw new Invalid(`the header lacks the required column ${missing}`, missing, row);
  return header;
}
