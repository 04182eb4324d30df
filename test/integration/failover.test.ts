// A standby that takes over (issue 14, item 6): a primary and a synchronous hot standby made by
// scripts/standby.sh on loopback ports, a real `cordon serve` given both hosts in DATABASE_URL,
// 1,000 writes acknowledged, the primary killed as a crash would, the standby promoted: Cordon
// finds the new primary by itself, writes resume within 10 seconds, and every acknowledged write
// is there; the dashboard's figures are read from the standby meanwhile (CORDON_READ_URL). Needs PostgreSQL's binaries (Debian's postgresql package); skipped with a message
// without them, required where CORDON_TEST_REQUIRE_POSTGRES=1 (.ci/run).
import { execFileSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { chmodSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../../src/db/connection.ts';
import { makeWorld, USERS, type World } from '../factories/world.ts';
import { type ServeProcess, send, startServeProcess } from '../helpers/serve-process.ts';

const SCRIPT = resolve(import.meta.dirname, '../../scripts/standby.sh');
const PG_ROOT = '/usr/lib/postgresql';
const pgBin = existsSync(PG_ROOT)
  ? readdirSync(PG_ROOT)
      .sort((a, b) => Number(a) - Number(b))
      .map((version) => join(PG_ROOT, version, 'bin'))
      .filter((bin) => existsSync(join(bin, 'pg_ctl')) && existsSync(join(bin, 'pg_basebackup')))
      .pop()
  : undefined;
const required = process.env.CORDON_TEST_REQUIRE_POSTGRES === '1';
const WRITES = 1_000;

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const { port } = server.address() as { port: number };
  await new Promise((done) => server.close(done));
  return port;
}

const standby = (...args: string[]) => execFileSync(SCRIPT, args, { env: { ...process.env, PG_BIN: pgBin }, stdio: ['ignore', 'pipe', 'pipe'] }).toString();

it.runIf(!pgBin)('needs PostgreSQL’s binaries (pg_ctl, pg_basebackup) for the failover test', () => {
  if (required) throw new Error(`no PostgreSQL binaries under ${PG_ROOT}: apt-get install postgresql (CORDON_TEST_REQUIRE_POSTGRES=1 requires the failover test)`);
  console.warn(`failover test skipped: no PostgreSQL binaries under ${PG_ROOT} (apt-get install postgresql)`);
});

describe.runIf(pgBin)('failover to a promoted standby', () => {
  // Made in beforeAll: a suite body also runs when the suite is filtered out, and afterAll not.
  let dir = '';
  let primaryDir = '';
  let standbyDir = '';
  const run = randomUUID().slice(0, 8);
  let ports: [number, number];
  let world: World;
  let cordon: ServeProcess | undefined;

  const url = (port: number, database = 'cordon') => `postgres://cordon@127.0.0.1:${port}/${database}`;

  async function query<R extends pg.QueryResultRow>(port: number, sql: string, params: unknown[] = []): Promise<R[]> {
    const client = new pg.Client({ connectionString: url(port) });
    await client.connect();
    try {
      return (await client.query<R>(sql, params)).rows;
    } finally {
      await client.end();
    }
  }

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'cordon-failover-'));
    primaryDir = join(dir, 'primary');
    standbyDir = join(dir, 'standby');
    // The servers run as `postgres` when the tests run as root: it must reach the folder.
    chmodSync(dir, 0o755);
    ports = [await freePort(), await freePort()];
    standby('primary', primaryDir, String(ports[0]));
    // Made once the standby is there: until then a synchronous primary's commits wait for it.
    standby('standby', `127.0.0.1:${ports[0]}`, standbyDir, String(ports[1]));
    const admin = new pg.Client({ connectionString: url(ports[0], 'postgres') });
    await admin.connect();
    await admin.query('create database cordon');
    await admin.end();
    const database = await openDatabase({ databaseUrl: url(ports[0]) });
    world = await makeWorld(database);
    await database.close();
    const hosts = `postgres://cordon@127.0.0.1:${ports[0]},127.0.0.1:${ports[1]}/cordon`;
    cordon = await startServeProcess({ ...process.env, DATABASE_URL: hosts, CORDON_READ_URL: url(ports[1]), TMPDIR: dir }, USERS.officerTr);
  }, 120_000);

  afterAll(async () => {
    if (cordon && cordon.child.exitCode === null) {
      const exited = new Promise((done) => cordon!.child.once('exit', done));
      cordon.child.kill('SIGTERM');
      await exited;
    }
    if (!dir) return;
    for (const data of [primaryDir, standbyDir]) {
      try {
        standby('kill', data);
      } catch {
        // Not running (the primary was killed by the test), or never made.
      }
    }
    rmSync(dir, { recursive: true, force: true });
  });

  const write = (notes: string, key = randomUUID()) =>
    send(
      cordon!.base,
      'POST',
      `/api/operations/${world.operationId}/inspections`,
      JSON.stringify({ hotspotId: world.hotspots.tr, at: '2023-10-17T10:00:00Z', kind: 'document_check', personsChecked: 1, notes }),
      { authorization: `Bearer ${cordon!.token}`, 'content-type': 'application/json', 'idempotency-key': key },
    ).catch((error: Error) => ({ status: 0, body: error.message }));

  it(`keeps ${WRITES} acknowledged writes through the primary’s crash and writes to the promoted standby within 10 s`, async () => {
    const replication = await query<{ sync_state: string }>(ports[0], 'select sync_state from pg_stat_replication');
    expect(replication.map((r) => r.sync_state)).toEqual(['sync']);

    const acknowledged: string[] = [];
    for (let start = 0; start < WRITES; start += 25) {
      const batch = Array.from({ length: Math.min(25, WRITES - start) }, (_, i) => `failover ${run} ${start + i}`);
      const answers = await Promise.all(batch.map((notes) => write(notes)));
      answers.forEach((answer, i) => {
        expect(answer.status, answer.body).toBe(201);
        acknowledged.push(batch[i]!);
      });
    }
    expect(acknowledged).toHaveLength(WRITES);

    // The dashboard's figures are read from the standby (CORDON_READ_URL), which has every write.
    const readers = async () =>
      Number(
        (
          await query<{ n: string }>(
            ports[1],
            "select count(*) as n from pg_stat_activity where backend_type = 'client backend' and datname = 'cordon' and pid <> pg_backend_pid()",
          )
        )[0]!.n,
      );
    expect(await readers()).toBe(0);
    const figures = async () => {
      const answer = await send(cordon!.base, 'GET', `/api/operations/${world.operationId}/results`, undefined, { authorization: `Bearer ${cordon!.token}` });
      expect(answer.status, answer.body).toBe(200);
      return JSON.parse(answer.body).totals.inspections as number;
    };
    // Synchronous commit has the standby keep each write; applying it may take it a moment more.
    await expect.poll(figures, { timeout: 5_000 }).toBe(WRITES);
    expect(await readers()).toBeGreaterThan(0);

    // Field clients keep writing through the crash: each entry is sent again with its key, as the
    // web application does, until it is stored.
    const statuses = new Set<number>();
    let stop = false;
    let promoted = 0;
    let resumedAfter: number | undefined;
    const during: string[] = [];
    const attempted: string[] = [];
    const client = async (n: number) => {
      for (let i = 0; !stop; i++) {
        const notes = `failover ${run} during ${n}.${i}`;
        const key = randomUUID();
        attempted.push(notes);
        for (;;) {
          const answer = await write(notes, key);
          statuses.add(answer.status);
          if (answer.status === 201) {
            during.push(notes);
            if (promoted && resumedAfter === undefined) resumedAfter = performance.now() - promoted;
            break;
          }
          if (stop && performance.now() - promoted > 40_000) return;
          await sleep(100);
        }
      }
    };
    const clients = Array.from({ length: 10 }, (_, n) => client(n));
    await sleep(300);
    standby('kill', primaryDir);
    standby('promote', standbyDir);
    promoted = performance.now();
    while (resumedAfter === undefined && performance.now() - promoted < 30_000) await sleep(50);
    await sleep(500);
    stop = true;
    await Promise.all(clients);
    expect(resumedAfter, `no write succeeded within 30 s of the promotion; answers: ${[...statuses]}; ${cordon!.stderr().slice(-3000)}`).toBeDefined();
    expect(resumedAfter!).toBeLessThan(10_000);
    // While the primary was away, writes were refused as unavailable (503, to be retried) or, for a
    // write stored just as its answer was lost, named so (409): no 500, and the process stayed up
    // (a connection lost under a request must not take it down).
    for (const status of statuses) expect([201, 409, 503]).toContain(status);
    expect(cordon!.child.exitCode, cordon!.stderr().slice(-2000)).toBeNull();

    // Every acknowledged write is on the promoted standby, none twice; a write whose answer was lost
    // in the crash may be there too (its client would get it named on retry), nothing else.
    const stored = (await query<{ notes: string }>(ports[1], 'select notes from inspections where notes like $1', [`failover ${run} %`])).map((r) => r.notes);
    expect(new Set(stored).size, 'a write was stored twice').toBe(stored.length);
    const storedSet = new Set(stored);
    for (const notes of [...acknowledged, ...during]) expect(storedSet.has(notes), `${notes} was acknowledged but is not stored`).toBe(true);
    const sent = new Set([...acknowledged, ...attempted]);
    for (const notes of stored) expect(sent.has(notes), `${notes} was never sent`).toBe(true);
    expect(stored.length - acknowledged.length - during.length, 'writes stored whose answers were lost in the crash').toBeLessThanOrEqual(10);
    const ready = await send(cordon!.base, 'GET', '/api/health/ready', undefined, {});
    expect(ready.status, ready.body).toBe(200);
    console.log(`failover: writes resumed ${Math.round(resumedAfter!)} ms after the promotion`);
  }, 180_000);
});
