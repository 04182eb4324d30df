// The jobs table and the slices of its files (migration 013).
import { sql } from 'kysely';
import type { Queryable } from '../../db/connection.ts';
import type { JobKind } from '../../db/schema.ts';

/** At most this many bytes in one row of job_chunks. */
export const CHUNK_BYTES = 1024 * 1024;

export function selectJobs(db: Queryable) {
  return db
    .selectFrom('jobs as j')
    .leftJoin('users as u', 'u.id', 'j.created_by')
    .select([
      'j.id',
      'j.kind',
      'j.operation_id',
      'j.owner_bureau_id',
      'j.created_by',
      'u.username',
      'j.input',
      'j.state',
      'j.done',
      'j.total',
      'j.result',
      'j.result_type',
      'j.error',
      'j.attempts',
      'j.created_at',
      'j.started_at',
      'j.finished_at',
    ]);
}
export type JobRow = NonNullable<Awaited<ReturnType<ReturnType<typeof selectJobs>['executeTakeFirst']>>>;

export function findJob(db: Queryable, id: string) {
  return selectJobs(db).where('j.id', '=', id).executeTakeFirst();
}

export async function insertJob(
  db: Queryable,
  job: { kind: JobKind; operationId: string | null; bureauId: string; userId: string; input: Record<string, unknown> },
): Promise<string> {
  const row = await db
    .insertInto('jobs')
    .values({ kind: job.kind, operation_id: job.operationId, owner_bureau_id: job.bureauId, created_by: job.userId, input: JSON.stringify(job.input) })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

/** Marks a queued (or interrupted) job running for one more attempt; undefined when it is finished already. */
export function startAttempt(db: Queryable, id: string) {
  return db
    .updateTable('jobs')
    .set({ state: 'running', started_at: sql`coalesce(started_at, now())`, attempts: sql`attempts + 1` })
    .where('id', '=', id)
    .where('state', 'in', ['queued', 'running'])
    .returning(['id', 'attempts'])
    .executeTakeFirst();
}

/** Progress of a running job; returns its state, so that the runner learns of a cancellation. */
export async function setProgress(db: Queryable, id: string, done: number, total: number | null) {
  const row = await db.updateTable('jobs').set({ done, total }).where('id', '=', id).where('state', '=', 'running').returning('state').executeTakeFirst();
  return row?.state;
}

/**
 * Completes a running job, in the transaction that commits its work. The row lock makes a second
 * run of the same job wait here for the first to commit, then find it completed: it gets false and
 * must roll its work back.
 */
export async function completeJob(tx: Queryable, id: string, done: { result: Record<string, unknown>; resultType: string | null; progress: number; total: number | null }) {
  const row = await tx
    .updateTable('jobs')
    .set({ state: 'completed', result: JSON.stringify(done.result), result_type: done.resultType, done: done.progress, total: done.total, error: null, finished_at: sql`now()` })
    .where('id', '=', id)
    .where('state', '=', 'running')
    .returning('id')
    .executeTakeFirst();
  return row !== undefined;
}

export async function failJob(db: Queryable, id: string, error: { error: string; message: string; field?: string; row?: number }) {
  await db
    .updateTable('jobs')
    .set({ state: 'failed', error: JSON.stringify(error), finished_at: sql`now()` })
    .where('id', '=', id)
    .where('state', 'in', ['queued', 'running'])
    .execute();
  await deleteChunks(db, id, 'input');
}

/** Cancels a job not finished yet; false when it had finished (or was cancelled) already. */
export async function cancelJob(db: Queryable, id: string): Promise<boolean> {
  const row = await db
    .updateTable('jobs')
    .set({ state: 'cancelled', finished_at: sql`now()` })
    .where('id', '=', id)
    .where('state', 'in', ['queued', 'running'])
    .returning('id')
    .executeTakeFirst();
  if (row) await deleteChunks(db, id, 'input');
  return row !== undefined;
}

/** Jobs the caller may list: their own, and with `bureauId` every job of that bureau. */
export function listJobs(db: Queryable, filter: { userId: string; bureauId: string | null; active: boolean; limit: number }) {
  let query = selectJobs(db);
  query = filter.bureauId
    ? query.where((eb) => eb.or([eb('j.created_by', '=', filter.userId), eb('j.owner_bureau_id', '=', filter.bureauId as string)]))
    : query.where('j.created_by', '=', filter.userId);
  if (filter.active) query = query.where('j.state', 'in', ['queued', 'running']);
  return query.orderBy('j.created_at', 'desc').orderBy('j.id', 'desc').limit(filter.limit).execute();
}

/** How many jobs the user has queued or running. */
export async function activeJobCount(db: Queryable, userId: string): Promise<number> {
  const row = await db
    .selectFrom('jobs')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('created_by', '=', userId)
    .where('state', 'in', ['queued', 'running'])
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/**
 * Forgets the files of jobs finished more than `days` ago (exports hold victims' data): their
 * rows stay, with no file. Returns how many jobs lost their file.
 */
export async function purgeResults(db: Queryable, days: number): Promise<number> {
  const old = await db
    .updateTable('jobs')
    .set({ result_type: null })
    .where('result_type', 'is not', null)
    .where(sql<boolean>`finished_at < now() - make_interval(days => ${days})`)
    .returning('id')
    .execute();
  if (old.length > 0) await db.deleteFrom('job_chunks').where('job_id', 'in', old.map((r) => r.id)).execute();
  return old.length;
}

/** Jobs left queued or running (a process stopped or died before it finished them). */
export async function unfinishedJobIds(db: Queryable): Promise<string[]> {
  const rows = await db.selectFrom('jobs').select('id').where('state', 'in', ['queued', 'running']).orderBy('created_at').execute();
  return rows.map((r) => r.id);
}

/** Stores `bytes` as the job's input or result, in slices of at most CHUNK_BYTES. */
export async function writeChunks(db: Queryable, jobId: string, part: 'input' | 'result', bytes: Iterable<Uint8Array> | AsyncIterable<Uint8Array>): Promise<number> {
  let seq = 0;
  let total = 0;
  for await (const slice of slices(bytes)) {
    await db.insertInto('job_chunks').values({ job_id: jobId, part, seq: seq++, bytes: slice }).execute();
    total += slice.length;
  }
  return total;
}

/** The parts joined and cut again into slices of CHUNK_BYTES (the last one shorter). */
async function* slices(parts: Iterable<Uint8Array> | AsyncIterable<Uint8Array>): AsyncGenerator<Uint8Array> {
  let slice = new Uint8Array(CHUNK_BYTES);
  let filled = 0;
  for await (const part of parts) {
    for (let at = 0; at < part.length; ) {
      const taken = Math.min(CHUNK_BYTES - filled, part.length - at);
      slice.set(part.subarray(at, at + taken), filled);
      filled += taken;
      at += taken;
      if (filled === CHUNK_BYTES) {
        yield slice;
        slice = new Uint8Array(CHUNK_BYTES);
        filled = 0;
      }
    }
  }
  if (filled > 0) yield slice.subarray(0, filled);
}

/** The job's input or result, slice by slice, in order. */
export async function* readChunks(db: Queryable, jobId: string, part: 'input' | 'result'): AsyncGenerator<Uint8Array> {
  let next = 0;
  for (;;) {
    const rows = await db
      .selectFrom('job_chunks')
      .select(['seq', 'bytes'])
      .where('job_id', '=', jobId)
      .where('part', '=', part)
      .where('seq', '>=', next)
      .orderBy('seq')
      .limit(4)
      .execute();
    for (const row of rows) yield row.bytes;
    if (rows.length < 4) return;
    next = (rows.at(-1)?.seq ?? 0) + 1;
  }
}

export async function deleteChunks(db: Queryable, jobId: string, part: 'input' | 'result'): Promise<void> {
  await db.deleteFrom('job_chunks').where('job_id', '=', jobId).where('part', '=', part).execute();
}
