// One process per PGlite folder, with real processes: while `cordon serve` holds the folder, every
// CLI command that opens the database stops at once with one clear line and writes nothing; commands
// on files only keep working; a server killed with -9 leaves a lock the next command takes over.
import { type ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { actingUser } from '../../src/cli/context.ts';
import { openDatabase } from '../../src/db/connection.ts';
import { DataDirLocked } from '../../src/db/data-dir-lock.ts';
import { importInspections } from '../../src/modules/inspections/service.ts';
import { makeWorld, USERS, type World } from '../factories/world.ts';
import { runCordon, runCordonProcess } from '../helpers/cli.ts';
import { freshDataDir } from '../helpers/engines.ts';
import { rowCounts } from '../helpers/row-counts.ts';

describe('a PGlite data folder held by cordon serve', () => {
  const dir = mkdtempSync(join(tmpdir(), 'cordon-lock-'));
  const dataDir = join(dir, 'data');
  const env = { ...process.env, DATABASE_URL: '', CORDON_DATA_DIR: dataDir, CORDON_NEW_PASSWORD: 'a long enough password' };
  let world: World;
  let before: Record<string, number>;
  let server: ChildProcess | undefined;

  // Commands run in this process (another than the server's, which holds the folder), but for a
  // second `cordon serve` and the one that takes over a killed server's lock: real processes.
  const cordon = (...args: string[]) => runCordon(env, args);
  const cordonProcess = (...args: string[]) => runCordonProcess(env, args);

  const counts = async () => {
    const database = await openDatabase({ dataDir });
    try {
      return await rowCounts(database);
    } finally {
      await database.close();
    }
  };

  /** Starts `cordon serve` on a free port and waits until /api/health answers. */
  async function startServer(): Promise<{ process: ChildProcess; base: string }> {
    const port = await freePort();
    const child = spawn('node', ['bin/cordon.js', 'serve', '--no-demo', '--no-web', '--port', String(port)], { env, stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr!.on('data', (chunk) => {
      stderr += chunk;
    });
    const base = `http://127.0.0.1:${port}`;
    for (let waited = 0; waited < 60_000; waited += 250) {
      if (child.exitCode !== null) throw new Error(`cordon serve ended: ${stderr}`);
      const health = await fetch(`${base}/api/health`).catch(() => undefined);
      if (health?.ok) return { process: child, base };
      await sleep(250);
    }
    child.kill('SIGKILL');
    throw new Error(`cordon serve did not answer within a minute: ${stderr}`);
  }

  beforeAll(async () => {
    const database = await freshDataDir(dataDir);
    world = await makeWorld(database);
    // An audited write, so that `audit verify` has a chain to check.
    const officer = await actingUser(database, USERS.officerTr);
    await importInspections(database, officer, world.operationId, Readable.from([`hotspotId,at,kind,personsChecked\n${world.hotspots.tr},2023-10-16T08:00:00Z,patrol,3\n`]));
    before = await rowCounts(database);
    await database.close();
    writeFileSync(join(dir, 'checks.csv'), `hotspotId,at,kind,personsChecked\n${world.hotspots.tr},2023-10-16T09:00:00Z,patrol,4\n`);
    writeFileSync(join(dir, 'names.csv'), 'name1,name2\nMohammed Ali,Muhammad Aly\n');
    writeFileSync(join(dir, 'people.csv'), 'id,given_name,surname,date_of_birth\n1,sita,tamang,19990203\n2,sita,tamang,19990203\n');
    writeFileSync(join(dir, 'ads.csv'), 'id,text\n1,Work in Cambodia. High salary. No experience needed. Visa and flight paid. Contact on Telegram only.\n');
  });
  afterAll(() => {
    server?.kill('SIGKILL');
    rmSync(dir, { recursive: true, force: true });
  });

  it('refuses every command that opens the database, with one line saying how to do it through the server, and loses nothing', async () => {
    const started = await startServer();
    server = started.process;
    const { base } = started;
    const op = world.operationId;
    const held = new RegExp(`the data folder ${dataDir} is in use by cordon serve \\(pid ${server.pid}, .*serving ${base}\\)`);
    const file = join(dir, 'checks.csv');

    const [imported, added, passwd, matched, demo, exported, listed, verified, stats, secondServer] = await Promise.all([
      cordon('import', 'inspections', file, '--operation', op, '--user', USERS.officerTr),
      cordon('users', 'add', 'field-np2', '--bureau', 'NCB Kathmandu', '--roles', 'field'),
      cordon('users', 'passwd', USERS.fieldTr),
      cordon('match', 'people', '--operation', op),
      cordon('demo'),
      cordon('export', 'inspections', '--operation', op, '--user', USERS.officerTr),
      cordon('users', 'list'),
      cordon('audit', 'verify'),
      cordon('cooperation', 'stats', '--operation', op, '--user', USERS.coordinator),
      cordonProcess('serve', '--no-demo', '--no-web', '--port', String(await freePort())),
    ]);
    for (const refused of [imported, added, passwd, matched, demo, exported, listed, verified, stats, secondServer]) {
      expect(refused.code, refused.stdout).not.toBe(0);
      expect(refused.stdout).toBe('');
      expect(refused.stderr).toMatch(held);
      expect(refused.stderr.trim().split('\n'), refused.stderr).toHaveLength(1);
    }
    // Writing commands: how to do it through the running server instead.
    expect(imported.stderr).toContain(
      `curl -H "Authorization: Bearer $TOKEN" -H "Content-Type: text/csv" --data-binary @${file} ${base}/api/operations/${op}/imports/inspections`,
    );
    expect(added.stderr).toContain(`POST ${base}/api/users`);
    expect(passwd.stderr).toContain(`${base}/api/users`);
    expect(matched.stderr).toContain(`POST ${base}/api/operations/${op}/person-matches/run`);
    expect(demo.stderr).toMatch(/loaded by the server itself/);
    // Reading commands: refused too, naming the API's equivalent.
    expect(exported.stderr).toContain(`GET ${base}/api/operations/${op}/inspections`);
    expect(listed.stderr).toContain(`GET and POST ${base}/api/users`);
    expect(stats.stderr).toContain(`GET ${base}/api/operations/${op}/cooperation/stats`);
    expect(verified.stderr).toContain(`POST ${base}/api/audit/checkpoints`);
    expect(secondServer.stderr).toMatch(/Stop that process first/);

    // Commands on files only do not open the database: they work while the server runs.
    const [names, link, screen] = await Promise.all([
      cordon('names', 'compare', '--in', join(dir, 'names.csv'), '--out', join(dir, 'names-out.csv')),
      cordon('link', '--dedupe', join(dir, 'people.csv'), '--out', join(dir, 'pairs.csv')),
      cordon('screen', 'ads', '--in', join(dir, 'ads.csv'), '--out', join(dir, 'scores.csv')),
    ]);
    expect(names.code, names.stderr).toBe(0);
    expect(readFileSync(join(dir, 'names-out.csv'), 'utf8')).toMatch(/Mohammed Ali,Muhammad Aly,[\d.]+,(true|false)/);
    expect(link.code, link.stderr).toBe(0);
    expect(readFileSync(join(dir, 'pairs.csv'), 'utf8')).toMatch(/^left_id,right_id,score\n/);
    expect(screen.code, screen.stderr).toBe(0);
    expect(screen.stdout).toMatch(/^ads: 1$/m);

    // The server still answers, and stops cleanly, releasing the folder.
    expect((await fetch(`${base}/api/health`)).status).toBe(200);
    server.kill('SIGTERM');
    const [code] = await once(server, 'exit');
    expect(code).toBe(0);
    expect(existsSync(`${dataDir}.lock`)).toBe(false);

    expect(await counts()).toEqual(before);
    const audit = await cordon('audit', 'verify');
    expect(audit.stdout).toMatch(/^audit log intact: 1 entries/);
    expect(audit.stderr).toBe('');
  }, 240_000);

  it('takes over the lock of a server killed with -9, saying so, and the data is intact', async () => {
    const { process: killed } = await startServer();
    server = killed;
    killed.kill('SIGKILL');
    await once(killed, 'exit');
    expect(JSON.parse(readFileSync(`${dataDir}.lock`, 'utf8'))).toMatchObject({ pid: killed.pid, command: 'cordon serve' });

    const audit = await cordonProcess('audit', 'verify');
    expect(audit.code, audit.stderr).toBe(0);
    expect(audit.stderr).toMatch(new RegExp(`taking over the data folder ${dataDir}: it was locked by cordon serve \\(pid ${killed.pid}\\), which is no longer running`));
    expect(audit.stdout).toMatch(/^audit log intact: 1 entries/);
    expect(existsSync(`${dataDir}.lock`)).toBe(false);
    expect(await counts()).toEqual(before);
  });

  it('never opens the folder twice in one process', async () => {
    const first = await openDatabase({ dataDir });
    try {
      const second = openDatabase({ dataDir: join(dir, '.', 'data') });
      await expect(second).rejects.toBeInstanceOf(DataDirLocked);
      await expect(second).rejects.toThrow(/already open in this process/);
      // The first is unharmed.
      const users = await first.db.selectFrom('users').select('username').execute();
      expect(users.length).toBe(before.users);
    } finally {
      await first.close();
    }
    const again = await openDatabase({ dataDir });
    await again.close();
  });
});

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      probe.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
    });
  });
}
