// What each kind of job does. Each reads what it needs, then commits its effects in the transaction
// that completes the job (context.complete): a second run of the job finds it completed and
// rolls back, so its effects happen once.
import { createReadStream, createWriteStream } from 'node:fs';
import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { ftmExport } from '../exports/ftm.ts';
import { victimExport } from '../exports/service.ts';
import type { ImportKind } from '../imports/files.ts';
import { uploadDir } from '../imports/http.ts';
import { importInspections } from '../inspections/service.ts';
import { runPersonMatching } from '../matches/service.ts';
import { importOutcomes } from '../outcomes/service.ts';
import { JobCancelled, type JobContext, type JobWorks } from './queue.ts';
import { readChunks } from './repo.ts';
import type { ExportFormat } from './schema.ts';

/** The content type and file name of each export's file. */
export const EXPORT_FILES: Record<ExportFormat, { type: string; name: (operationId: string) => string }> = {
  ctdc: { type: 'text/csv; charset=utf-8', name: (id) => `ctdc-${id}.csv` },
  htcds: { type: 'text/csv; charset=utf-8', name: (id) => `htcds-${id}.csv` },
  ftm: { type: 'application/x-ndjson; charset=utf-8', name: (id) => `ftm-${id}.jsonl` },
};

async function personMatching({ database, actor, job, complete }: JobContext) {
  await runPersonMatching(database, actor, job.operation_id as string, {
    beforeCommit: (tx, run) => complete(tx, { ...run }),
  });
}

/** Reads the stream into memory, reporting the records written; the file is stored in one go when the job completes. */
async function collect(stream: Readable, count: number, headerLines: number, progress: JobContext['progress']): Promise<Uint8Array[]> {
  const parts: Uint8Array[] = [];
  let lines = 0;
  await progress(0, count);
  for await (const chunk of stream) {
    const bytes = typeof chunk === 'string' ? Buffer.from(chunk) : (chunk as Buffer);
    parts.push(bytes);
    for (const byte of bytes) if (byte === 10) lines++;
    await progress(Math.min(count, Math.max(0, lines - headerLines)), count);
  }
  return parts;
}

async function operationExport({ database, actor, job, progress, complete }: JobContext) {
  const format = job.input.format as ExportFormat;
  const operationId = job.operation_id as string;
  const made =
    format === 'ftm'
      ? await ftmExport(database, actor, operationId, { audit: false }).then((e) => ({ stream: e.lines, count: e.count, audit: e.audit, header: 0 }))
      : await victimExport(database, actor, operationId, format, { audit: false }).then((e) => ({ stream: e.csv, count: e.count, audit: e.audit, header: 1 }));
  const bytes = await collect(made.stream, made.count, made.header, progress);
  const size = bytes.reduce((sum, b) => sum + b.length, 0);
  await database.db.transaction().execute(async (tx) => {
    await complete(tx, { format, records: made.count, bytes: size, done: made.count, total: made.count }, { type: EXPORT_FILES[format].type, bytes });
    // Last: the audit log's lock is held from here to the commit, so the file is not written under it.
    await made.audit(tx);
  });
}

/** What an import job was asked: the kind of records, and the file as the server received it. */
export interface ImportInput {
  kind: ImportKind;
  force: boolean;
  sha256: string;
  bytes: number;
}

/**
 * Imports the job's file in one transaction that also completes the job. The file is copied out of
 * the database first: on PGlite the import's transaction holds the one connection, so the file
 * could not be read from the database while the rows are written. Progress counts bytes read.
 */
async function importFile({ database, actor, job, progress, complete }: JobContext) {
  const input = job.input as unknown as ImportInput;
  const dir = await uploadDir();
  try {
    const path = join(dir, 'body.csv');
    await pipeline(Readable.from(readChunks(database.db, job.id, 'input')), createWriteStream(path));
    const csv = createReadStream(path);
    let cancelled = false;
    const onProgress = (_rows: number, bytes: number) => {
      progress(bytes, input.bytes).catch((error: unknown) => {
        if (!(error instanceof JobCancelled)) return;
        cancelled = true;
        csv.destroy(error);
      });
    };
    const importer = input.kind === 'inspection' ? importInspections : importOutcomes;
    try {
      await importer(database, actor, job.operation_id as string, csv, {
        force: input.force,
        sha256: input.sha256,
        onProgress,
        beforeCommit: (tx, summary) => complete(tx, { imported: summary.rows, sha256: summary.sha256, done: summary.bytes, total: summary.bytes }),
      });
    } catch (error) {
      throw cancelled ? new JobCancelled() : error;
    }
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

export const JOB_WORKS: JobWorks = {
  person_matching: personMatching,
  export: operationExport,
  import: importFile,
};
