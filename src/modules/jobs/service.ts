// Starting, following, cancelling and downloading background jobs, within who may see them
// (src/access/jobs.ts).
import { Readable } from 'node:stream';
import type { Actor } from '../../access/actor.ts';
import { canDownloadJobResult, canSeeJob, seesBureauJobs } from '../../access/jobs.ts';
import type { Database } from '../../db/connection.ts';
import type { JobKind } from '../../db/schema.ts';
import { CordonError, Forbidden, NotFound } from '../../errors.ts';
import { requireExportAccess } from '../exports/service.ts';
import type { JobQueue } from './queue.ts';
import * as repo from './repo.ts';
import type { JobRow } from './repo.ts';
import { refuseRepeatedFile } from '../imports/files.ts';
import { EXPORT_FILES, type ImportInput } from './works.ts';
import type { ExportFormat } from './schema.ts';

/** 409: the job has finished (or was cancelled) already. */
export class JobFinished extends CordonError {
  readonly status = 409;
  readonly id = 'job_finished';
}

/** Jobs one user may have queued or running at once. */
export const MAX_ACTIVE_JOBS = 5;

/** 429: the user has MAX_ACTIVE_JOBS jobs queued or running already. */
export class TooManyJobs extends CordonError {
  readonly status = 429;
  readonly id = 'too_many_jobs';
}

/** 409: the job has no result (yet): it is still running, failed, was cancelled, or makes no file. */
export class NoResult extends CordonError {
  readonly status = 409;
  readonly id = 'no_result';
}

export interface JobSpec {
  kind: JobKind;
  operationId: string | null;
  input: Record<string, unknown>;
  /** A file the job reads (an import's upload), stored with the job. */
  file?: AsyncIterable<Uint8Array>;
}

export interface Jobs {
  database: Database;
  queue: JobQueue;
}

/**
 * Starts a job for the actor, who must have been authorised for its work already: its row and
 * the queue's delivery commit together, so an acknowledged job is never lost.
 * @example const job = await startJob(jobs, actor, { kind: 'export', operationId, input: { format: 'ftm' } })
 */
export async function startJob({ database, queue }: Jobs, actor: Actor, spec: JobSpec) {
  const active = await repo.activeJobCount(database.db, actor.userId);
  if (active >= MAX_ACTIVE_JOBS) throw new TooManyJobs(`you have ${active} jobs queued or running; wait for one to finish, or cancel one, before you start another`);
  // The queue is made ready before the transaction: getting ready takes connections of its own.
  await queue.prepare();
  const id = await database.db.transaction().execute(async (tx) => {
    const jobId = await repo.insertJob(tx, { kind: spec.kind, operationId: spec.operationId, bureauId: actor.bureauId, userId: actor.userId, input: spec.input });
    if (spec.file) await repo.writeChunks(tx, jobId, 'input', spec.file);
    await queue.enqueue(tx, jobId);
    return jobId;
  });
  queue.committed(id);
  return { job: presentJob((await repo.findJob(database.db, id)) as JobRow, queue, actor), location: `/api/jobs/${id}` };
}

/**
 * Starts the import of an uploaded file as a job, once the caller is authorised to import: a file
 * this bureau imported into the operation before is refused (409) before anything is stored.
 * @example const accepted = await startImportJob(jobs, actor, { kind: 'inspection', operationId, force: false, ...file }, csv)
 */
export async function startImportJob(jobs: Jobs, actor: Actor, file: { operationId: string } & ImportInput, csv: AsyncIterable<Uint8Array>) {
  await refuseRepeatedFile(jobs.database.db, { kind: file.kind, operationId: file.operationId, actor, force: file.force, sha256: file.sha256 });
  const input: ImportInput = { kind: file.kind, force: file.force, sha256: file.sha256, bytes: file.bytes };
  return startJob(jobs, actor, { kind: 'import', operationId: file.operationId, input: { ...input }, file: csv });
}

async function visibleJob(database: Database, actor: Actor, id: string): Promise<JobRow> {
  const row = await repo.findJob(database.db, id);
  if (!row || !canSeeJob(actor, row)) throw new NotFound('job');
  return row;
}

export async function getJob({ database, queue }: Jobs, actor: Actor, id: string) {
  return presentJob(await visibleJob(database, actor, id), queue, actor);
}

/** The actor's jobs, newest first; a coordinator's or admin's include every job of their bureau. */
export async function listJobs({ database, queue }: Jobs, actor: Actor, query: { active?: boolean; limit?: number }) {
  const rows = await repo.listJobs(database.db, {
    userId: actor.userId,
    bureauId: seesBureauJobs(actor) ? actor.bureauId : null,
    active: query.active === true,
    limit: query.limit ?? 50,
  });
  return { items: rows.map((row) => presentJob(row, queue, actor)) };
}

/** Cancels a job queued or running: its work, if started, rolls back. */
export async function cancelJob({ database, queue }: Jobs, actor: Actor, id: string) {
  // Whoever sees the job may cancel it (src/access/jobs.ts).
  const row = await visibleJob(database, actor, id);
  queue.cancelled(id);
  if (!(await repo.cancelJob(database.db, id))) throw new JobFinished(`this job is ${row.state === 'running' || row.state === 'queued' ? 'finished' : row.state} already; nothing was cancelled`);
  return presentJob((await repo.findJob(database.db, id)) as JobRow, queue, actor);
}

/**
 * The file a completed job made (an export), as a stream, with its type and a file name.
 * @example const { stream, type, name } = await jobResult(jobs, actor, id)
 */
export async function jobResult({ database }: Jobs, actor: Actor, id: string) {
  const row = await visibleJob(database, actor, id);
  if (!canDownloadJobResult(actor, row)) throw new Forbidden('only the user who started a job may download its file: it holds what they may see');
  if (row.state !== 'completed' || !row.result_type) {
    throw new NoResult(
      row.state !== 'completed'
        ? `this job is ${row.state}: it has no file yet`
        : row.kind === 'export'
          ? 'the file of this export has been removed (files are kept for CORDON_JOB_RESULT_DAYS days); start the export again'
          : 'this job makes no file: its result is in the job itself',
    );
  }
  // Still allowed to make this export (the bureau may have left the operation, the role changed).
  if (row.kind === 'export' && row.operation_id) await requireExportAccess(database, actor, row.operation_id);
  const format = row.input.format as ExportFormat | undefined;
  const name = format && format in EXPORT_FILES ? EXPORT_FILES[format].name(row.operation_id ?? row.id) : `job-${row.id}`;
  return { type: row.result_type, name, stream: Readable.from(repo.readChunks(database.db, id, 'result')) };
}

function iso(date: Date | null): string | null {
  return date ? new Date(date).toISOString() : null;
}

export function presentJob(row: JobRow, queue: JobQueue, actor: Actor) {
  const live = row.state === 'running' ? queue.live(row.id) : undefined;
  return {
    id: row.id,
    kind: row.kind,
    operationId: row.operation_id,
    createdBy: row.username,
    input: row.input,
    state: row.state,
    progress: live ?? { done: row.done, total: row.total },
    result: row.result,
    resultUrl: row.state === 'completed' && row.result_type && canDownloadJobResult(actor, row) ? `/api/jobs/${row.id}/result` : null,
    error: row.error,
    createdAt: new Date(row.created_at).toISOString(),
    startedAt: iso(row.started_at),
    finishedAt: iso(row.finished_at),
  };
}
