// `cordon serve --workers N` (issue 14, item 2): N processes on one port behave as one, because
// what they keep lives in the database. Run as real processes on the PostgreSQL server: a session
// made through one connection is good on every other, the public checker's limit counts across
// the workers that answered, a worker killed with SIGKILL is replaced, and SIGTERM stops them all.
// PGlite, whose folder has one owner process, refuses more than one worker.
import { type ChildProcess, spawn } from 'node:child_process';
import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeWorld, PASSWORD, USERS } from '../factories/world.ts';
import { runCordon } from '../helpers/cli.ts';
import { engines, freshDatabase, type TestDatabase } from '../helpers/engines.ts';
import { send as sendRaw } from '../helpers/serve-process.ts';

const OFFER = { text: 'Office assistant wanted in Jakarta. Monthly salary IDR 6,000,000, contract through our registered agency, apply with your CV.' };

/** A JSON request on a connection of its own, so that the cluster may hand it to any worker. */
async function send(base: string, method: string, path: string, body?: object, headers: Record<string, string> = {}) {
  const payload = body === undefined ? undefined : JSON.stringify(body);
  const answer = await sendRaw(base, method, path, payload, { ...headers, ...(payload ? { 'content-type': 'application/json' } : {}) });
  return { ...answer, json: () => JSON.parse(answer.body) as Record<string, unknown> };
}

describe('cordon serve --workers', () => {
  it('refuses more than one worker on PGlite, naming the option', async () => {
    const run = await runCordon({ ...process.env, DATABASE_URL: '', CORDON_DATA_DIR: '/nonexistent/cordon' }, ['serve', '--workers', '2', '--no-demo', '--no-web']);
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/--workers needs a PostgreSQL server: set DATABASE_URL/);
  });
});

describe.skipIf(!engines.includes('postgres'))('cordon serve --workers 2 on the PostgreSQL server', () => {
  let database: TestDatabase;
  let primary: ChildProcess;
  let base = '';
  let stderr = '';
  const pids = new Set<number>();

  beforeAll(async () => {
    database = await freshDatabase('postgres');
    await makeWorld(database.database);
    primary = spawn('node', ['bin/cordon.js', 'serve', '--workers', '2', '--no-demo', '--no-web', '--port', '0'], {
      env: { ...process.env, DATABASE_URL: database.url, LOG_LEVEL: 'info' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    primary.stderr!.on('data', (chunk) => {
      stderr += chunk;
    });
    // The workers' request logs (pino: one JSON line each, with its pid) show who answered.
    let partial = '';
    primary.stdout!.on('data', (chunk) => {
      const lines = (partial + chunk).split('\n');
      partial = lines.pop() ?? '';
      for (const line of lines) {
        const entry = /"pid":(\d+).*"msg":"request completed"/.exec(line);
        if (entry) pids.add(Number(entry[1]));
      }
    });
    for (let waited = 0; waited < 60_000 && !/worker processes serve/.test(stderr); waited += 200) {
      if (primary.exitCode !== null) throw new Error(`cordon serve ended: ${stderr}`);
      await sleep(200);
    }
    base = /open (http:\/\/[^/ ]+)\//.exec(stderr)?.[1] ?? '';
    expect(base, stderr).not.toBe('');
  }, 90_000);

  afterAll(async () => {
    if (primary && primary.exitCode === null) primary.kill('SIGKILL');
    await database?.drop();
  });

  it('share sessions and the public limit across the workers that answered', async () => {
    const login = await send(base, 'POST', '/api/auth/login', { username: USERS.officerTr, password: PASSWORD });
    expect(login.status).toBe(200);
    const authorization = `Bearer ${login.json().token}`;
    for (let i = 0; i < 6; i++) expect((await send(base, 'GET', '/api/auth/me', undefined, { authorization })).status).toBe(200);
    const statuses: number[] = [];
    for (let i = 0; i < 31; i++) statuses.push((await send(base, 'POST', '/api/public/check', OFFER)).status);
    expect(statuses.slice(0, 30).every((s) => s === 200), statuses.join()).toBe(true);
    expect(statuses[30]).toBe(429);
    await sleep(300);
    expect(pids.size, 'both workers answered').toBe(2);
    // Signed out through one connection, the session is gone on every worker.
    expect((await send(base, 'POST', '/api/auth/logout', undefined, { authorization })).status).toBeLessThan(300);
    for (let i = 0; i < 4; i++) expect((await send(base, 'GET', '/api/auth/me', undefined, { authorization })).status).toBe(401);
  });

  it('replaces a worker killed with SIGKILL and stops every process on SIGTERM', async () => {
    const victim = [...pids][0]!;
    process.kill(victim, 'SIGKILL');
    for (let waited = 0; waited < 20_000 && !stderr.includes(`worker ${victim} stopped (SIGKILL); starting another`); waited += 200) await sleep(200);
    expect(stderr).toContain(`worker ${victim} stopped (SIGKILL); starting another`);
    let healthy = 0;
    for (let waited = 0; waited < 20_000 && healthy < 6; waited += 100) {
      healthy = (await send(base, 'GET', '/api/health').catch(() => ({ status: 0 }))).status === 200 ? healthy + 1 : 0;
    }
    expect(healthy).toBe(6);
    const others = [...pids].filter((pid) => pid !== victim);
    const exited = new Promise<number | null>((resolve) => primary.once('exit', (code) => resolve(code)));
    primary.kill('SIGTERM');
    expect(await exited).toBe(0);
    for (const pid of others) expect(() => process.kill(pid, 0)).toThrow();
  });
});
