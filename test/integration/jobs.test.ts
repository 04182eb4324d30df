// Background jobs (issue 14, item 4): a whole-operation export and person matching answer 202
// with a job; the job's state, progress and result are seen only by whoever started it and their
// bureau's coordinators and admins; a job cancelled while it runs rolls back; a job run twice (a
// lease that ran out while it still ran) has its effects once; a bad input fails the job with a
// clear error and is not retried.
import { randomBytes, randomUUID } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Actor } from '../../src/access/actor.ts';
import { Invalid } from '../../src/errors.ts';
import { actorOfUsername } from '../../src/modules/auth/service.ts';
import { createJobQueue, type JobQueue, type JobWork } from '../../src/modules/jobs/queue.ts';
import { purgeResults, readChunks, writeChunks } from '../../src/modules/jobs/repo.ts';
import { cancelJob, getJob, startJob } from '../../src/modules/jobs/service.ts';
import { makeWorld, USERS, type World } from '../factories/world.ts';
import { engines } from '../helpers/engines.ts';
import { startServer, type TestServer } from '../helpers/http.ts';
import { finishedJob } from '../helpers/jobs.ts';

const journey = {
  legs: [{ from: { country: 'NP', city: 'Birgunj' }, to: { country: 'IN', city: 'New Delhi' }, mode: 'land', on: '2023-06-10' }],
  exploitation: { place: { country: 'IN', city: 'New Delhi' }, type: 'sexual_exploitation', months: 14, from: '2023-06-10' },
};

describe.each(engines)('background jobs on %s', (engine) => {
  let server: TestServer;
  let world: World;
  // A second officer and a coordinator of India's bureau.
  const officerIn2 = 'officer-in-2';
  const coordinatorIn = 'coordinator-in';
  const adminIn = 'admin-in';
  const exports = () => `/api/operations/${world.operationId}/exports`;
  const startExport = (user: string | null, payload: object = { format: 'ftm' }, headers: Record<string, string> = {}) =>
    server.as(user, { method: 'POST', url: exports(), payload, headers });

  beforeAll(async () => {
    server = await startServer(engine);
    world = await makeWorld(server.database);
    const { password_hash } = await server.database.db.selectFrom('users').select('password_hash').where('username', '=', USERS.officerIn).executeTakeFirstOrThrow();
    await server.database.db
      .insertInto('users')
      .values([
        { username: officerIn2, display_name: officerIn2, bureau_id: world.bureaus.in, roles: ['officer'], password_hash },
        { username: coordinatorIn, display_name: coordinatorIn, bureau_id: world.bureaus.in, roles: ['coordinator'], password_hash },
        { username: adminIn, display_name: adminIn, bureau_id: world.bureaus.in, roles: ['admin'], password_hash },
      ])
      .execute();
    for (const [user, title] of [
      [USERS.officerIn, 'Delhi placement agency'],
      [USERS.officerNp, 'Recruited in Birgunj'],
    ] as const) {
      const res = await server.as(user, {
        method: 'POST',
        url: `/api/operations/${world.operationId}/cases`,
        payload: {
          title,
          openedOn: '2023-10-16',
          sharing: 'operation',
          journeys: [journey],
          persons: [
            { role: 'victim', name: 'सीता', age: 17, gender: 'female', nationalities: ['NP'], journey: 0 },
            { role: 'suspect', name: 'R. Thapa' },
          ],
        },
      });
      expect(res.statusCode, res.body).toBe(201);
    }
  });
  afterAll(() => server?.drop());

  it('exports the operation as a job: 202, progress to the end, and the same file as the direct export', async () => {
    for (const format of ['ftm', 'ctdc', 'htcds'] as const) {
      const res = await startExport(USERS.officerIn, { format });
      expect(res.statusCode, res.body).toBe(202);
      const { job, location } = res.json();
      expect(res.headers.location).toBe(location);
      expect(location).toBe(`/api/jobs/${job.id}`);
      expect(job).toMatchObject({ kind: 'export', operationId: world.operationId, createdBy: USERS.officerIn, input: { format } });
      const done = await finishedJob(server, USERS.officerIn, job.id);
      expect(done.state, JSON.stringify(done)).toBe('completed');
      expect(done.resultUrl).toBe(`/api/jobs/${job.id}/result`);
      const records = done.result?.records as number;
      expect(records).toBeGreaterThan(0);
      expect(done.progress).toEqual({ done: records, total: records });

      const file = await server.as(USERS.officerIn, { url: done.resultUrl! });
      expect(file.statusCode, file.body).toBe(200);
      expect(file.headers['content-disposition']).toContain(world.operationId);
      expect(done.result?.bytes).toBe(file.rawPayload.length);
      const direct = await server.as(USERS.officerIn, { url: `/api/operations/${world.operationId}/exports/${format === 'ftm' ? 'ftm' : `${format}.csv`}` });
      expect(file.headers['content-type']).toBe(direct.headers['content-type']);
      expect(file.body).toBe(direct.body);
    }
    // Each export is audited once, when its job completes (and once more for each direct export).
    const audited = await server.database.db.selectFrom('audit_log').select(['entity']).where('action', '=', 'export').execute();
    expect(audited.map((a) => a.entity).sort()).toEqual(['ftm', 'ftm', 'victims_ctdc', 'victims_ctdc', 'victims_htcds', 'victims_htcds']);
  });

  it('shows a job only to whoever started it and to their bureau\'s coordinators and admins, and its file to its starter only', async () => {
    const res = await startExport(USERS.officerIn);
    const { id } = res.json().job;
    await finishedJob(server, USERS.officerIn, id);
    for (const user of [coordinatorIn, adminIn, USERS.officerIn]) {
      const seen = await server.as(user, { url: `/api/jobs/${id}` });
      expect(seen.statusCode, user).toBe(200);
      expect(((await server.as(user, { url: '/api/jobs' })).json().items as { id: string }[]).map((j) => j.id), user).toContain(id);
      // The file holds what the officer may see (their own bureau's child victims, say): theirs alone.
      const file = await server.as(user, { url: `/api/jobs/${id}/result` });
      expect(file.statusCode, user).toBe(user === USERS.officerIn ? 200 : 403);
      expect(seen.json().resultUrl, user).toBe(user === USERS.officerIn ? `/api/jobs/${id}/result` : null);
    }
    // Why: the officer's file names the child victim of India's own case, whom the coordinator may not identify.
    expect((await server.as(USERS.officerIn, { url: `/api/jobs/${id}/result` })).body).toContain('सीता');
    expect((await server.as(coordinatorIn, { url: `/api/operations/${world.operationId}/exports/ftm` })).body).not.toContain('सीता');
    // Another officer of the same bureau, other bureaus (in the operation or not), the secretariat's coordinator.
    for (const user of [officerIn2, USERS.officerNp, USERS.outsider, USERS.coordinator, USERS.coordAdmin]) {
      for (const request of [{ url: `/api/jobs/${id}` }, { url: `/api/jobs/${id}/result` }, { method: 'DELETE' as const, url: `/api/jobs/${id}` }]) {
        const answer = await server.as(user, request);
        expect(answer.statusCode, `${user} ${request.url}`).toBe(404);
        expect(answer.body).not.toContain(USERS.officerIn);
      }
      expect(((await server.as(user, { url: '/api/jobs' })).json().items as { id: string }[]).map((j) => j.id), user).not.toContain(id);
    }
    for (const request of [{ url: `/api/jobs/${id}` }, { url: '/api/jobs' }, { method: 'DELETE' as const, url: `/api/jobs/${id}` }]) {
      expect((await server.as(null, request)).statusCode, request.url).toBe(401);
    }
    expect((await server.as(USERS.officerIn, { url: `/api/jobs/${randomUUID()}` })).statusCode).toBe(404);
    // Finished: nothing to cancel.
    const cancel = await server.as(USERS.officerIn, { method: 'DELETE', url: `/api/jobs/${id}` });
    expect(cancel.statusCode).toBe(409);
    expect(cancel.json()).toMatchObject({ error: 'job_finished' });
  });

  it('refuses an export the caller may not make before starting a job, naming the field of a bad one', async () => {
    const count = async () => (await server.database.db.selectFrom('jobs').select(sql<number>`count(*)`.as('n')).executeTakeFirstOrThrow()).n;
    const before = await count();
    expect((await startExport(USERS.outsider)).statusCode).toBe(404);
    expect((await startExport(USERS.fieldTr)).statusCode).toBe(403);
    expect((await startExport(USERS.partnerNp)).statusCode).toBe(403);
    expect((await startExport(null)).statusCode).toBe(401);
    const bad = await startExport(USERS.officerIn, { format: 'xlsx' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json()).toMatchObject({ error: 'invalid', field: 'format' });
    expect((await startExport(USERS.officerIn, { format: 'ftm', extra: 1 })).statusCode).toBe(400);
    expect((await server.as(USERS.officerIn, { url: '/api/jobs?activ=true' })).statusCode).toBe(400);
    expect(await count()).toBe(before);
  });

  it('starts one job for one Idempotency-Key, however often it is sent', async () => {
    const key = randomUUID();
    const before = await server.database.db.selectFrom('jobs').select('id').execute();
    const first = await startExport(USERS.officerIn, { format: 'ctdc' }, { 'idempotency-key': key });
    const again = await startExport(USERS.officerIn, { format: 'ctdc' }, { 'idempotency-key': key });
    expect(first.statusCode).toBe(202);
    expect(again.statusCode).toBe(202);
    expect(again.json().job.id).toBe(first.json().job.id);
    const after = await server.database.db.selectFrom('jobs').select('id').execute();
    expect(after.length - before.length).toBe(1);
    // The job's own change (its audit entry) is not the request's: it completes, and a third copy
    // still gets the first answer.
    expect((await finishedJob(server, USERS.officerIn, first.json().job.id)).state).toBe('completed');
    const third = await startExport(USERS.officerIn, { format: 'ctdc' }, { 'idempotency-key': key });
    expect(third.statusCode, third.body).toBe(202);
    expect(third.json().job.id).toBe(first.json().job.id);
  });

  it('has no file for a job that makes none, and lists the bureau\'s active jobs to its coordinator', async () => {
    await server.database.db.insertInto('users').values({ username: 'analyst-in', display_name: 'analyst-in', bureau_id: world.bureaus.in, roles: ['analyst'], password_hash: (await server.database.db.selectFrom('users').select('password_hash').where('username', '=', USERS.officerIn).executeTakeFirstOrThrow()).password_hash }).execute();
    const run = await server.as('analyst-in', { method: 'POST', url: `/api/operations/${world.operationId}/person-matches/run` });
    expect(run.statusCode, run.body).toBe(202);
    const job = await finishedJob(server, 'analyst-in', run.json().job.id);
    expect(job).toMatchObject({ state: 'completed', resultUrl: null });
    expect(job.result).toMatchObject({ persons: 4 });
    const file = await server.as('analyst-in', { url: `/api/jobs/${job.id}/result` });
    expect(file.statusCode).toBe(409);
    expect(file.json()).toMatchObject({ error: 'no_result' });
    const active = (await server.as(coordinatorIn, { url: '/api/jobs?active=true' })).json().items as { state: string }[];
    expect(active.every((j) => j.state === 'queued' || j.state === 'running')).toBe(true);
  });

  it('imports a large file as a job: the rows once, then a second upload of it refused before any job', async () => {
    // Every file is "large" here: the threshold is 0 MB.
    server.app.config.importJobBytes = 0;
    try {
      const url = `/api/operations/${world.operationId}/imports/inspections`;
      const upload = (csv: string) => server.as(USERS.officerTr, { method: 'POST', url, headers: { 'content-type': 'text/csv' }, payload: csv });
      const count = async () => (await server.database.db.selectFrom('inspections').select(sql<number>`count(*)::int`.as('n')).executeTakeFirstOrThrow()).n;
      const rows = Array.from({ length: 2000 }, (_, i) => `${world.hotspots.tr},2023-10-17T0${i % 10}:00:00Z,patrol,${i % 7},job ${i}`);
      const csv = `hotspotId,at,kind,personsChecked,notes\n${rows.join('\n')}\n`;
      const before = await count();
      const res = await upload(csv);
      expect(res.statusCode, res.body).toBe(202);
      const job = await finishedJob(server, USERS.officerTr, res.json().job.id);
      expect(job).toMatchObject({ kind: 'import', state: 'completed', resultUrl: null, result: { imported: 2000 } });
      expect(job.progress).toEqual({ done: Buffer.byteLength(csv), total: Buffer.byteLength(csv) });
      expect(await count()).toBe(before + 2000);
      // The uploaded file is not kept once it is imported.
      expect(await server.database.db.selectFrom('job_chunks').select('seq').where('job_id', '=', job.id).execute()).toEqual([]);
      const again = await upload(csv);
      expect(again.statusCode).toBe(409);
      expect(again.json()).toMatchObject({ error: 'already_imported', earlier: { rows: 2000 } });

      // A bad row fails the job naming its row and column; nothing of the file is written.
      const bad = `hotspotId,at,kind,personsChecked\n${rows.slice(0, 1500).map((r) => r.split(',').slice(0, 4).join(',')).join('\n')}\n${world.hotspots.tr},2023-10-17T01:00:00Z,patrol,-3\n`;
      const refused = await upload(bad);
      expect(refused.statusCode, refused.body).toBe(202);
      const failed = await finishedJob(server, USERS.officerTr, refused.json().job.id);
      expect(failed).toMatchObject({ state: 'failed', error: { error: 'invalid', field: 'personsChecked', row: 1502 } });
      expect(await count()).toBe(before + 2000);
      expect(await server.database.db.selectFrom('job_chunks').select('seq').where('job_id', '=', failed.id).execute()).toEqual([]);
    } finally {
      server.app.config.importJobBytes = 8 * 1048576;
    }
  });

  describe('the runner', () => {
    let actor: Actor;
    const queues: JobQueue[] = [];
    const effects = async (jobId: string) =>
      (await sql<{ n: number }>`select count(*)::int as n from job_effects where job_id = ${jobId}`.execute(server.database.db)).rows[0]!.n;
    const queueWith = (work: JobWork, lease = 900) => {
      const queue = createJobQueue(server.database, { jobLeaseSeconds: lease, jobResultDays: 7 }, { export: work, person_matching: work, import: work }, () => {});
      queues.push(queue);
      return queue;
    };
    /** Work that reports `steps` steps, then writes its effect in the transaction that completes it. */
    const stepper = (steps: number, started: (jobId: string) => void = () => {}): JobWork => async ({ database, job, progress, complete }) => {
      started(job.id);
      for (let i = 0; i < steps; i++) {
        await progress(i, steps);
        await sleep(10);
      }
      await database.db.transaction().execute(async (tx) => {
        await sql`insert into job_effects (job_id) values (${job.id})`.execute(tx);
        await complete(tx, { done: steps, total: steps });
      });
    };

    beforeAll(async () => {
      // The test server's own queue must not take these jobs: each test runs its own.
      await server.app.jobs.stop();
      await sql`create table job_effects (job_id uuid not null)`.execute(server.database.db);
      actor = await actorOfUsername(server.database.db, USERS.officerIn);
    });
    afterAll(async () => {
      for (const queue of queues) await queue.stop();
    });

    it('keeps a file of several megabytes in slices of 1 MB and reads it back as it was', async () => {
      const { job } = await startJob({ database: server.database, queue: { ...server.app.jobs, committed() {} } }, actor, { kind: 'export', operationId: world.operationId, input: {} });
      const bytes = randomBytes(2_500_001);
      // Parts of odd sizes, as a stream gives them.
      const parts = [bytes.subarray(0, 7), bytes.subarray(7, 1_048_590), bytes.subarray(1_048_590)];
      await server.database.db.transaction().execute((tx) => writeChunks(tx, job.id, 'result', parts));
      const slices: Uint8Array[] = [];
      for await (const slice of readChunks(server.database.db, job.id, 'result')) slices.push(slice);
      expect(slices.map((s) => s.length)).toEqual([1_048_576, 1_048_576, 2_500_001 - 2 * 1_048_576]);
      expect(Buffer.concat(slices).equals(bytes)).toBe(true);
      await cancelJob({ database: server.database, queue: server.app.jobs }, actor, job.id);
    });

    it('refuses a sixth job while five of the user\'s are queued or running', async () => {
      const idle = { ...server.app.jobs, committed() {} };
      const spec = { kind: 'export' as const, operationId: world.operationId, input: {} };
      const started: string[] = [];
      try {
        for (let i = 0; i < 5; i++) started.push((await startJob({ database: server.database, queue: idle }, actor, spec)).job.id);
        await expect(startJob({ database: server.database, queue: idle }, actor, spec)).rejects.toMatchObject({ status: 429, id: 'too_many_jobs' });
      } finally {
        for (const id of started) await cancelJob({ database: server.database, queue: idle }, actor, id);
      }
      await startJob({ database: server.database, queue: idle }, actor, spec).then(({ job }) => cancelJob({ database: server.database, queue: idle }, actor, job.id));
    });

    it('forgets the files of jobs finished a week ago, and says so', async () => {
      const queue = queueWith(async ({ database, complete }) => {
        await database.db.transaction().execute((tx) => complete(tx, { records: 1 }, { type: 'text/csv; charset=utf-8', bytes: [Buffer.from('a\n1\n')] }));
      });
      await queue.start();
      const { job } = await startJob({ database: server.database, queue }, actor, { kind: 'export', operationId: world.operationId, input: { format: 'ctdc' } });
      for (let i = 0; i < 400 && (await getJob({ database: server.database, queue }, actor, job.id)).state !== 'completed'; i++) await sleep(25);
      await queue.stop();
      expect((await server.as(USERS.officerIn, { url: `/api/jobs/${job.id}/result` })).body).toBe('a\n1\n');
      expect(await purgeResults(server.database.db, 7)).toBe(0);
      await server.database.db.updateTable('jobs').set({ finished_at: new Date(Date.now() - 8 * 86_400_000) }).where('id', '=', job.id).execute();
      expect(await purgeResults(server.database.db, 7)).toBe(1);
      const gone = await server.as(USERS.officerIn, { url: `/api/jobs/${job.id}/result` });
      expect(gone.statusCode).toBe(409);
      expect(gone.json().message).toMatch(/removed/);
      expect(await server.database.db.selectFrom('job_chunks').select('seq').where('job_id', '=', job.id).execute()).toEqual([]);
      expect((await getJob({ database: server.database, queue }, actor, job.id)).resultUrl).toBeNull();
    });

    it.skipIf(engine !== 'postgres')('rolls back the effects a job wrote before it was cancelled, in its last transaction', async () => {
      let inside!: () => void;
      const reached = new Promise<void>((resolve) => (inside = resolve));
      let release!: () => void;
      const released = new Promise<void>((resolve) => (release = resolve));
      const queue = queueWith(async ({ database, job, complete }) => {
        await database.db.transaction().execute(async (tx) => {
          await sql`insert into job_effects (job_id) values (${job.id})`.execute(tx);
          inside();
          await released;
          await complete(tx, {});
        });
      });
      await queue.start();
      const { job } = await startJob({ database: server.database, queue }, actor, { kind: 'export', operationId: world.operationId, input: {} });
      await reached;
      expect((await cancelJob({ database: server.database, queue }, actor, job.id)).state).toBe('cancelled');
      release();
      await queue.stop();
      expect(await effects(job.id)).toBe(0);
      expect((await getJob({ database: server.database, queue }, actor, job.id)).state).toBe('cancelled');
    });

    it('rolls back a job cancelled while it runs, and says how far it was', async () => {
      let running = false;
      const queue = queueWith(stepper(400, () => (running = true)));
      await queue.start();
      const { job } = await startJob({ database: server.database, queue }, actor, { kind: 'export', operationId: world.operationId, input: { format: 'ftm' } });
      while (!running) await sleep(5);
      await sleep(400);
      const seen = await getJob({ database: server.database, queue }, actor, job.id);
      expect(seen.state).toBe('running');
      expect(seen.progress.total).toBe(400);
      expect(seen.progress.done).toBeGreaterThan(0);
      const cancelled = await cancelJob({ database: server.database, queue }, actor, job.id);
      expect(cancelled.state).toBe('cancelled');
      await queue.stop();
      expect(await effects(job.id)).toBe(0);
      expect((await getJob({ database: server.database, queue }, actor, job.id)).state).toBe('cancelled');
    });

    it('fails a job whose input is at fault with the error that names the field, without retrying it', async () => {
      let runs = 0;
      const queue = queueWith(async () => {
        runs++;
        throw new Invalid('no such column', 'format');
      });
      await queue.start();
      const { job } = await startJob({ database: server.database, queue }, actor, { kind: 'export', operationId: world.operationId, input: {} });
      for (let i = 0; i < 400 && (await getJob({ database: server.database, queue }, actor, job.id)).state !== 'failed'; i++) await sleep(25);
      const failed = await getJob({ database: server.database, queue }, actor, job.id);
      expect(failed).toMatchObject({ state: 'failed', error: { error: 'invalid', field: 'format', message: 'no such column' } });
      await queue.stop();
      expect(runs).toBe(1);
    });

    it('runs a job left unfinished when its process stopped, once, when the queue starts again', async () => {
      const first = queueWith(stepper(1));
      // Sent while nothing takes it (on PGlite the queue has not started; on the server no process works).
      const { job } = await startJob({ database: server.database, queue: { ...first, committed() {} } }, actor, { kind: 'export', operationId: world.operationId, input: {} });
      await first.stop();
      const second = queueWith(stepper(1));
      await second.start();
      for (let i = 0; i < 400 && (await getJob({ database: server.database, queue: second }, actor, job.id)).state !== 'completed'; i++) await sleep(25);
      await second.stop();
      expect((await getJob({ database: server.database, queue: second }, actor, job.id)).state).toBe('completed');
      expect(await effects(job.id)).toBe(1);
    });

    it.skipIf(engine !== 'postgres')('gives a job whose lease ran out to another process, and keeps the effects of the run that completes first only', async () => {
      const runs: string[] = [];
      let release!: () => void;
      const released = new Promise<void>((resolve) => (release = resolve));
      const work = (name: string): JobWork => async (context) => {
        runs.push(name);
        await released;
        await stepper(1)(context);
      };
      const a = queueWith(work('a'), 1);
      await a.start();
      const { job } = await startJob({ database: server.database, queue: a }, actor, { kind: 'export', operationId: world.operationId, input: {} });
      while (runs.length === 0) await sleep(20);
      // The lease (1 s) runs out while the first run still holds the job: it is given out again
      // (to `b`, or to `a` itself, whose handler pg-boss gave up on at the lease's end).
      const b = queueWith(work('b'), 1);
      await b.start();
      for (let i = 0; i < 300 && runs.length < 2; i++) await sleep(50);
      expect(runs.length).toBeGreaterThanOrEqual(2);
      release();
      for (let i = 0; i < 400 && (await getJob({ database: server.database, queue: a }, actor, job.id)).state !== 'completed'; i++) await sleep(25);
      await a.stop();
      await b.stop();
      expect(await effects(job.id)).toBe(1);
      const row = await server.database.db.selectFrom('jobs').select(['state', 'attempts']).where('id', '=', job.id).executeTakeFirstOrThrow();
      expect(row.state).toBe('completed');
      expect(row.attempts).toBe(runs.length);
    }, 30_000);
  });
});
