// A process stopped at any moment keeps every acknowledged write and leaves nothing half-written
// (issue 14, item 5), with real `cordon serve` processes on both engines: SIGKILL in the middle of
// a 270,000-row import leaves none of its rows and the same file imports next time; SIGTERM with
// 200 writes in flight answers each one it stored and stores none it did not answer, then exits 0.
import { randomUUID } from 'node:crypto';
import { mkdirSync, mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { actingUser } from '../../src/cli/context.ts';
import { type Database, openDatabase } from '../../src/db/connection.ts';
import { importInspections } from '../../src/modules/inspections/service.ts';
import { makeWorld, USERS, type World } from '../factories/world.ts';
import { engines, freshDatabase, freshDataDir, type TestDatabase } from '../helpers/engines.ts';
import { send, startServeProcess } from '../helpers/serve-process.ts';

const ROWS = 270_000;

describe.each(engines)('cordon serve stopped mid-work on %s', (engine) => {
  const dir = mkdtempSync(join(tmpdir(), 'cordon-crash-'));
  const dataDir = join(dir, 'data');
  const uploads = join(dir, 'tmp');
  mkdirSync(uploads);
  let server: TestDatabase | undefined;
  let world: World;
  let env: NodeJS.ProcessEnv;

  beforeAll(async () => {
    if (engine === 'postgres') {
      server = await freshDatabase('postgres');
      world = await makeWorld(server.database);
      env = { ...process.env, DATABASE_URL: server.url, TMPDIR: uploads };
    } else {
      const database = await freshDataDir(dataDir);
      world = await makeWorld(database);
      await database.close();
      env = { ...process.env, DATABASE_URL: '', CORDON_DATA_DIR: dataDir, TMPDIR: uploads };
    }
  });
  afterAll(async () => {
    await server?.drop();
    rmSync(dir, { recursive: true, force: true });
  });

  /** Runs `work` on the database while no server holds it (PGlite) or beside it (PostgreSQL). */
  async function withDatabase<T>(work: (database: Database) => Promise<T>): Promise<T> {
    if (server) return work(server.database);
    const database = await openDatabase({ dataDir });
    try {
      return await work(database);
    } finally {
      await database.close();
    }
  }
  const inspections = (notes?: string) =>
    withDatabase(async (database) => {
      let query = database.db.selectFrom('inspections').select(['notes']);
      if (notes) query = query.where('notes', 'like', notes);
      return (await query.execute()).map((r) => r.notes);
    });

  const startServe = () => startServeProcess(env, USERS.officerTr);

  it('SIGKILL during a 270,000-row import leaves none of its rows, and the next import of the file succeeds', async () => {
    const before = (await inspections()).length;
    const rows = Array.from({ length: ROWS }, (_, i) => `${i % 2 ? world.hotspots.tr : world.hotspots.np},2023-10-1${6 + (i % 4)}T0${i % 10}:00:00Z,patrol,${i % 9},crash ${i}`);
    const csv = `hotspotId,at,kind,personsChecked,notes\n${rows.join('\n')}\n`;
    const { child, base, token } = await startServe();
    const exited = new Promise((resolve) => child.once('exit', resolve));
    const upload = send(base, 'POST', `/api/operations/${world.operationId}/imports/inspections`, csv, {
      authorization: `Bearer ${token}`,
      'content-type': 'text/csv',
    }).then(
      (answer) => ({ answered: answer }),
      () => ({ answered: null }),
    );
    // The upload is spooled to a file first; once it is whole, the COPY runs for some seconds.
    const size = Buffer.byteLength(csv);
    const spooled = () =>
      readdirSync(uploads)
        .filter((name) => name.startsWith('cordon-upload-'))
        .some((name) => {
          try {
            return statSync(join(uploads, name, 'body.csv')).size === size;
          } catch {
            return false;
          }
        });
    for (let waited = 0; waited < 60_000 && !spooled(); waited += 20) await sleep(20);
    expect(spooled()).toBe(true);
    await sleep(engine === 'postgres' ? 300 : 500);
    child.kill('SIGKILL');
    await exited;
    expect((await upload).answered, 'the import was still running when the process was killed').toBeNull();
    expect((await inspections()).length).toBe(before);

    const imported = await withDatabase(async (database) => {
      const officer = await actingUser(database, USERS.officerTr);
      return importInspections(database, officer, world.operationId, Readable.from([csv]));
    });
    expect(imported).toBe(ROWS);
    expect((await inspections()).length).toBe(before + ROWS);
  }, 180_000);

  it('SIGTERM with 200 writes in flight answers every write it stored, stores none it did not answer, and exits 0', async () => {
    const run = randomUUID().slice(0, 8);
    const { child, base, token, stderr } = await startServe();
    const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
    let answered = 0;
    const writes = Array.from({ length: 200 }, (_, i) => {
      const notes = `sigterm ${run} ${i}`;
      const payload = JSON.stringify({ hotspotId: world.hotspots.tr, at: '2023-10-17T10:00:00Z', kind: 'vehicle_check', personsChecked: 2, notes });
      return send(base, 'POST', `/api/operations/${world.operationId}/inspections`, payload, {
        authorization: `Bearer ${token}`,
        'content-type': 'application/json',
        'idempotency-key': randomUUID(),
      }).then(
        (answer) => {
          if (answer.status === 201) answered += 1;
          return { notes, status: answer.status };
        },
        () => ({ notes, status: 0 }),
      );
    });
    for (let waited = 0; waited < 30_000 && answered < 10; waited += 5) await sleep(5);
    child.kill('SIGTERM');
    const results = await Promise.all(writes);
    expect(await exited, stderr()).toBe(0);
    const acknowledged = results.filter((r) => r.status === 201).map((r) => r.notes);
    expect(acknowledged.length).toBeGreaterThanOrEqual(10);
    // Whatever was not stored was refused or never reached the server: 503 while closing, or no answer.
    for (const r of results) expect([0, 201, 503]).toContain(r.status);
    const stored = await inspections(`sigterm ${run} %`);
    expect(stored.sort()).toEqual(acknowledged.sort());
  }, 120_000);
});
