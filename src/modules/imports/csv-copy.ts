// Streaming CSV → COPY: parses, validates and converts each row, feeds PostgreSQL's COPY in one
// transaction, and rolls the whole file back at the first bad row (naming its row and column).
// Rows are numbered as a spreadsheet shows them: the header is row 1, the first record row 2.
import { createHash } from 'node:crypto';
import type { Readable } from 'node:stream';
import { parse } from 'csv-parse';
import type { Database, Db } from '../../db/connection.ts';
import { Invalid } from '../../errors.ts';

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
  /** Called in the same transaction once every row is in, before commit (audit entry, checks). */
  beforeCommit?: (tx: Db, summary: { rows: number; sha256: string }) => Promise<void>;
  onProgress?: (rows: number, bytes: number) => void;
  /** Tables kept by triggers on `table`, whose statistics also change. */
  rollups?: readonly string[];
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

/** A text[] literal for COPY, e.g. ['IN', 'NP'] → {IN,NP}. Values must be plain codes. */
export function copyArray(values: readonly string[]): string {
  return `{${values.join(',')}}`;
}

/**
 * Imports a CSV stream with the plan; resolves with the number of rows written, or rejects with
 * Invalid (nothing written).
 * @example await importCsv(database, fs.createReadStream('inspections.csv'), plan)
 */
export async function importCsv(database: Database, input: Readable, plan: CsvCopyPlan): Promise<number> {
  const known = [...plan.columns.required, ...plan.columns.optional];
  const digest = createHash('sha256');
  let bytes = 0;
  input.on('data', (chunk: Buffer | string) => {
    digest.update(chunk);
    bytes += chunk.length;
  });
  const parser = input.pipe(
    parse({ bom: true, relax_column_count: false, skip_empty_lines: true, trim: true, info: false }),
  );
  // Parse errors reach the loop below through the async iterator; this keeps a second emission
  // (after the loop has stopped reading) from surfacing as an unhandled 'error' event.
  parser.on('error', () => undefined);
  let header: (string | undefined)[] | undefined;
  let row = 1;
  let written = 0;

  async function* batches(): AsyncGenerator<string[]> {
    let lines: string[] = [];
    try {
      for await (const fields of parser as AsyncIterable<string[]>) {
        if (!header) {
          header = readHeader(fields, known, plan.columns.required);
          continue;
        }
        row += 1;
        const record: Record<string, string> = {};
        for (let i = 0; i < fields.length; i++) {
          const name = header[i];
          if (name) record[name] = fields[i] ?? '';
        }
        lines.push(`${plan.mapRow(record, row).map(copyValue).join('\t')}\n`);
        if (lines.length >= PGLITE_BATCH_ROWS) {
          yield lines;
          lines = [];
          plan.onProgress?.(row - 1, bytes);
        }
      }
    } catch (error) {
      if (error instanceof Invalid) throw error;
      const message = (error as Error).message;
      throw new Invalid(`the file is not valid CSV: ${message}`, 'file', row + 1);
    }
    if (!header) throw new Invalid('the file is empty: it needs a header row', 'file', 1);
    if (lines.length > 0) yield lines;
    plan.onProgress?.(row - 1, bytes);
  }

  const copySql = `copy ${plan.table} (${plan.copyColumns.join(', ')}) from stdin`;
  const rows = await database.withRawTransaction(async (tx, client) => {
    if (database.engine === 'pglite') {
      for await (const lines of batches()) written += await client.copyFrom(copySql, lines);
    } else {
      written = await client.copyFrom(copySql, flatten(batches()));
    }
    await plan.beforeCommit?.(tx, { rows: written, sha256: digest.digest('hex') });
    return written;
  });
  if (rows >= ANALYZE_AFTER_ROWS) await refreshStatistics(database, [plan.table, ...(plan.rollups ?? [])]);
  return rows;
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

function readHeader(fields: string[], known: readonly string[], required: readonly string[]) {
  const header = fields.map((f, i) => {
    const name = canonicalName(f, known);
    if (!name) {
      throw new Invalid(
        `unknown column "${f}" (column ${i + 1}); expected: ${known.join(', ')}`,
        f || `column ${i + 1}`,
        1,
      );
    }
    return name;
  });
  const missing = required.find((r) => !header.includes(r));
  if (missing) throw new Invalid(`the header lacks the required column ${missing}`, missing, 1);
  return header;
}
