// Who runs a job, and how. A job's row (migration 013) is inserted, with whatever the job reads,
// in the transaction of the request that starts it; the queue delivers it once that commits:
//   - on a PostgreSQL server, pg-boss: the job is sent in the same transaction, any Cordon
//     process of the server takes it, and one that dies holding it loses it to another once its
//     lease (CORDON_JOB_LEASE_SECONDS) runs out;
//   - on PGlite, this process: its one owner runs the jobs one after another, and at start
//     those a stopped or killed process left unfinished.
// Either way runJob does the work. Each kind of work commits its effects in the transaction that
// completes the job's row (context.complete), so a second run of a job does nothing twice.
import { CompiledQuery } from 'kysely';
import PgBoss from 'pg-boss';
import type { Actor } from '../../access/actor.ts';
import type { Config } from '../../config.ts';
import type { Database, Queryable, Tx } from '../../db/connection.ts';
import { DatabaseUnavailable, isConnectionLost } from '../../db/failover.ts';
import { CordonError, NotFound } from '../../errors.ts';
import { actorOfUserId } from '../auth/service.ts';
import { outsideRequest } from '../idempotency/context.ts';
import * as repo from './repo.ts';
import type { JobRow } from './repo.ts';

/** What a job's work is given. */
export interface JobContext {
  database: Database;
  /** The user who started the job, as they are now (their roles and bureau at the time it runs). */
  actor: Actor;
  job: JobRow;
  /** Says how far the job is; throws JobCancelled once someone cancelled it. */
  progress(done: number, total: number | null): Promise<void>;
  /**
   * Completes the job in `tx`, the transaction that commits its work, with the answer and the
   * file it made. Throws AlreadyFinished when another run completed it, or it was cancelled, first:
   * the work then rolls back.
   */
  complete(tx: Queryable, result: Record<string, unknown>, file?: { type: string; bytes: Uint8Array[] }): Promise<void>;
}
export type JobWork = (context: JobContext) => Promise<void>;
export type JobWorks = Record<JobRow['kind'], JobWork>;

/** The job was cancelled while it ran: its work rolls back. */
export class JobCancelled extends Error {
  constructor() {
    super('the job was cancelled');
  }
}

/** Another run of the job finished it first (or it was cancelled): this run's work rolls back. */
export class AlreadyFinished extends Error {
  constructor() {
    super('the job was finished by another run');
  }
}

export interface JobQueue {
  readonly engine: Database['engine'];
  /** Gets the queue ready to take a job (pg-boss's tables); called before the transaction that sends one. */
  prepare(): Promise<void>;
  /** Called in the transaction that inserted the job's row: the job is delivered once it commits. */
  enqueue(tx: Tx, jobId: string): Promise<void>;
  /** Called once that transaction has committed. */
  committed(jobId: string): void;
  /** Starts taking jobs (on PGlite, first those left unfinished). */
  start(): Promise<void>;
  /** Stops taking jobs; the one running finishes first, for at most `timeoutMs`. */
  stop(timeoutMs?: number): Promise<void>;
  /** The progress of a job this process runs, where it cannot be written to the database as it goes (PGlite). */
  live(jobId: string): { done: number; total: number | null } | undefined;
  /** The job's row was cancelled: the process running it stops at its next progress. */
  cancelled(jobId: string): void;
}

/**
 * Runs of a job before it is failed for an error that is not its input's (a lost connection, a
 * process killed while it ran, a lease that ran out). pg-boss may deliver a job more often than
 * this (each graceful stop hands back the job in hand): the count in the job's row decides.
 */
export const MAX_ATTEMPTS = 5;
const DELIVERIES = 25;
const PROGRESS_EVERY_MS = 250;

type Log = (message: string) => void;

interface RunOptions {
  database: Database;
  works: JobWorks;
  log: Log;
  /** Where progress goes: the database (a server) or memory (PGlite). Returns false once cancelled. */
  report(jobId: string, done: number, total: number | null): Promise<boolean>;
  /** Whether an unexpected error should be thrown for the queue to retry the job. */
  retries: boolean;
}

/** One run of a job: nothing if it is finished already; its error recorded if its input is at fault. */
async function runJob(options: RunOptions, jobId: string): Promise<void> {
  const { database, works, log } = options;
  const attempt = await repo.startAttempt(database.db, jobId);
  if (!attempt) return;
  const job = await repo.findJob(database.db, jobId);
  if (!job) return;
  if (attempt.attempts > MAX_ATTEMPTS) {
    log(`job ${jobId} (${job.kind}) failed: started ${MAX_ATTEMPTS} times without finishing`);
    await repo.failJob(database.db, jobId, { error: 'job_failed', message: `the job was started ${MAX_ATTEMPTS} times without finishing; start it again` });
    return;
  }
  let completed = false;
  try {
    const actor = await actorOfUserId(database.db, job.created_by);
    // The job's results belong to the bureau it was started in: a user since moved to another
    // bureau would otherwise do that bureau's work for the first one's coordinators to read.
    if (actor.bureauId !== job.owner_bureau_id) throw new NotFound('the user who started this job, in the bureau it was started in');
    let reportedAt = 0;
    const context: JobContext = {
      database,
      actor,
      job,
      async progress(done, total) {
        const now = Date.now();
        if (now - reportedAt < PROGRESS_EVERY_MS && done !== total) return;
        reportedAt = now;
        if (!(await options.report(jobId, done, total))) throw new JobCancelled();
      },
      async complete(tx, result, file) {
        const total = typeof result.total === 'number' ? result.total : null;
        const done = typeof result.done === 'number' ? result.done : (total ?? 0);
        // The row first: another run that finished first, or a cancellation, is found before any file is written.
        if (!(await repo.completeJob(tx, jobId, { result, resultType: file?.type ?? null, progress: done, total }))) throw new AlreadyFinished();
        if (file) await repo.writeChunks(tx, jobId, 'result', file.bytes);
        await repo.deleteChunks(tx, jobId, 'input');
        completed = true;
      },
    };
    await works[job.kind](context);
    if (!completed) throw new Error(`the ${job.kind} job's work returned without completing the job`);
  } catch (error) {
    if (error instanceof JobCancelled || error instanceof AlreadyFinished) return;
    const transient = error instanceof DatabaseUnavailable || isConnectionLost(error);
    if (error instanceof CordonError && !transient) {
      // The input's fault (a bad row, a file imported before, a permission gone): told, not retried.
      await repo.failJob(database.db, jobId, error.toJSON() as { error: string; message: string });
      return;
    }
    if (options.retries && attempt.attempts < MAX_ATTEMPTS) throw error;
    log(`job ${jobId} (${job.kind}) failed on attempt ${attempt.attempts}: ${(error as Error).message}`);
    await repo.failJob(database.db, jobId, { error: 'job_failed', message: 'the job failed on the server; an administrator will find why in its log' });
  }
}

/**
 * The queue for the database: pg-boss on a PostgreSQL server, this process on PGlite. Whatever it
 * starts (a run, pg-boss's timers and polling) runs as no request's, though a request starts it:
 * a job's change must not count as the change of the request that sent the job (its
 * Idempotency-Key would be marked written by the job's commit).
 */
export function createJobQueue(database: Database, config: Pick<Config, 'jobLeaseSeconds' | 'jobResultDays'>, works: JobWorks, log: Log): JobQueue {
  const queue = database.engine === 'postgres' ? pgBossQueue(database, config, works, log) : inProcessQueue(database, works, log);
  // A process that takes jobs also forgets the files of old ones, once at start and hourly.
  let purging: NodeJS.Timeout | undefined;
  const purge = () =>
    repo.purgeResults(database.db, config.jobResultDays).catch((error: unknown) => log(`job files not purged: ${(error as Error).message}`));
  return {
    ...queue,
    prepare: () => outsideRequest(() => queue.prepare()),
    committed: (jobId) => outsideRequest(() => queue.committed(jobId)),
    enqueue: (tx, jobId) => outsideRequest(() => queue.enqueue(tx, jobId)),
    start: () =>
      outsideRequest(async () => {
        await queue.start();
        if (purging) return;
        void purge();
        purging = setInterval(purge, 60 * 60_000);
        purging.unref();
      }),
    async stop(timeoutMs) {
      clearInterval(purging);
      await queue.stop(timeoutMs);
    },
  };
}

function inProcessQueue(database: Database, works: JobWorks, log: Log): JobQueue {
  const live = new Map<string, { done: number; total: number | null; cancelled: boolean }>();
  const waiting = new Set<string>();
  let chain: Promise<void> = Promise.resolve();
  let stopped = false;
  let started = false;
  const options: RunOptions = {
    database,
    works,
    log,
    retries: false,
    async report(jobId, done, total) {
      const entry = live.get(jobId) ?? { done, total, cancelled: false };
      Object.assign(entry, { done, total });
      live.set(jobId, entry);
      return !entry.cancelled && !stopped;
    },
  };
  const run = (jobId: string) => {
    if (waiting.has(jobId)) return;
    waiting.add(jobId);
    chain = chain.then(async () => {
      waiting.delete(jobId);
      if (stopped) return;
      live.set(jobId, { done: 0, total: null, cancelled: false });
      try {
        await runJob(options, jobId);
      } catch (error) {
        log(`job ${jobId}: ${(error as Error).message}`);
      } finally {
        live.delete(jobId);
      }
    });
  };
  return {
    engine: database.engine,
    async prepare() {},
    async enqueue() {},
    committed(jobId) {
      if (started && !stopped) run(jobId);
    },
    async start() {
      if (started) return;
      started = true;
      for (const id of await repo.unfinishedJobIds(database.db)) run(id);
    },
    async stop(timeoutMs = 25_000) {
      stopped = true;
      // The job in hand may finish; one that would outlast the deadline is left unfinished, to run again at the next start.
      let timer: NodeJS.Timeout | undefined;
      await Promise.race([chain, new Promise<void>((resolve) => (timer = setTimeout(resolve, timeoutMs)))]);
      clearTimeout(timer);
    },
    live(jobId) {
      const entry = live.get(jobId);
      return entry && { done: entry.done, total: entry.total };
    },
    cancelled(jobId) {
      const entry = live.get(jobId);
      if (entry) entry.cancelled = true;
    },
  };
}

const QUEUE = 'cordon-jobs';

function pgBossQueue(database: Database, config: Pick<Config, 'jobLeaseSeconds'>, works: JobWorks, log: Log): JobQueue {
  // pg-boss speaks through Cordon's own pool, so that it follows the primary after a failover.
  const executeSql = async (text: string, values: unknown[] = []) => {
    const client = await database.pool.connect();
    try {
      return await client.query(text, values);
    } finally {
      client.release();
    }
  };
  const lease = config.jobLeaseSeconds;
  const boss = new PgBoss({
    db: { executeSql: executeSql as PgBoss.Db['executeSql'] },
    schema: 'pgboss',
    migrate: true,
    supervise: true,
    schedule: false,
    // Expired leases are looked for this often: a job whose process died waits at most lease + this.
    maintenanceIntervalSeconds: Math.max(1, Math.min(30, lease)),
  });
  boss.on('error', (error) => log(`job queue: ${error.message}`));
  let ready: Promise<void> | undefined;
  let workerId: string | undefined;
  let working: Promise<void> | undefined;
  const ensureReady = () => {
    ready ??= (async () => {
      await boss.start();
      if (!(await boss.getQueue(QUEUE))) {
        await boss.createQueue(QUEUE, { name: QUEUE, expireInSeconds: lease, retryLimit: DELIVERIES, retryDelay: 2, retryBackoff: true }).catch(async (error: unknown) => {
          // Two processes creating it at once: the other one won.
          if (!(await boss.getQueue(QUEUE))) throw error;
        });
      }
    })().catch((error: unknown) => {
      ready = undefined;
      throw error;
    });
    return ready;
  };
  const options: RunOptions = {
    database,
    works,
    log,
    retries: true,
    async report(jobId, done, total) {
      return (await repo.setProgress(database.db, jobId, done, total)) === 'running';
    },
  };
  return {
    engine: database.engine,
    prepare: ensureReady,
    async enqueue(tx, jobId) {
      await ensureReady();
      const inTransaction = { executeSql: async (text: string, values: unknown[]) => tx.executeQuery(CompiledQuery.raw(text, values)) };
      await boss.send(QUEUE, { jobId }, { id: jobId, db: inTransaction as unknown as PgBoss.Db, expireInSeconds: lease });
    },
    committed() {
      // The process that starts a job works too: it takes this one at once unless another is quicker.
      this.start().then(
        () => workerId && boss.notifyWorker(workerId),
        (error: unknown) => log(`job queue: ${(error as Error).message}`),
      );
    },
    async start() {
      working ??= (async () => {
        await ensureReady();
        workerId = await boss.work<{ jobId: string }>(QUEUE, { batchSize: 1, pollingIntervalSeconds: 1 }, async ([job]) => {
          if (job) await runJob(options, job.data.jobId);
        });
      })();
      await working;
    },
    async stop(timeoutMs = 25_000) {
      if (!ready) return;
      await ready.catch(() => undefined);
      await boss.stop({ graceful: true, wait: true, close: false, timeout: timeoutMs });
    },
    live: () => undefined,
    cancelled() {},
  };
}
