// The databases the integration suite runs on: PGlite always, and the PostgreSQL server when
// one answers at TEST_DATABASE_URL (default postgres://root@127.0.0.1:5432/test).
import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import pg from 'pg';
import { dropDatabase } from '../../src/db/admin.ts';
import { type Database, openDatabase } from '../../src/db/connection.ts';
import { timed } from './timings.ts';

export type Engine = 'pglite' | 'postgres';

export const SERVER_URL = process.env.TEST_DATABASE_URL ?? 'postgres://root@127.0.0.1:5432/test';

export async function serverReachable(): Promise<boolean> {
  if (process.env.CORDON_TEST_SKIP_POSTGRES === '1') return false;
  const client = new pg.Client({ connectionString: SERVER_URL, connectionTimeoutMillis: 2000 });
  try {
    await client.connect();
    await client.query('select 1');
    return true;
  } catch {
    return false;
  } finally {
    await client.end().catch(() => undefined);
  }
}

/** The engines to run on; CI sets CORDON_TEST_REQUIRE_POSTGRES=1 so a missing server fails loudly. */
export async function testEngines(): Promise<Engine[]> {
  if (await serverReachable()) return ['pglite', 'postgres'];
  if (process.env.CORDON_TEST_REQUIRE_POSTGRES === '1') {
    throw new Error(`CORDON_TEST_REQUIRE_POSTGRES is set but no PostgreSQL server answers at ${SERVER_URL}`);
  }
  return ['pglite'];
}

export const engines: Engine[] = await testEngines();

export function withDatabaseName(url: string, name: string): string {
  const u = new URL(url);
  u.pathname = `/${name}`;
  return u.toString();
}

export interface TestDatabase {
  database: Database;
  /** Closes the database and, on the server, drops it. */
  drop(): Promise<void>;
  url?: string;
}

/** The names of a test run's databases on the server start with this (dropped at the run's end). */
export function runDatabasePrefix(run: string): string {
  return `cordon_test_${run.replaceAll('-', '').slice(0, 12)}_`;
}

// What test/global-setup.ts prepared once for the run: a migrated PGlite database, dumped (opening
// it takes about 0.6 s where initdb and every migration take about 3.7 s). Outside a run, none.
let migratedDump: Blob | undefined;
function pgliteDump(): Blob | undefined {
  const file = process.env.CORDON_TEST_PGLITE_DUMP;
  if (!file || !existsSync(file)) return undefined;
  migratedDump ??= new Blob([readFileSync(file)]);
  return migratedDump;
}

/** A new PGlite database in `dataDir` (a folder or memory://), migrated: from the run's dump when there is one. */
function openMigratedPglite(dataDir: string): Promise<Database> {
  const dump = pgliteDump();
  return openDatabase({ dataDir, ...(dump ? { loadDataDir: dump } : {}) });
}

/**
 * A new PGlite folder, migrated (unpacked from the run's dump when there is one), opened.
 * @example await (await freshDataDir(join(dir, 'data'))).close()
 */
export function freshDataDir(dataDir: string): Promise<Database> {
  return timed('fresh database (pglite folder)', () => openMigratedPglite(dataDir));
}

/** A fresh, migrated database of the engine, for one test file. */
export function freshDatabase(engine: Engine): Promise<TestDatabase> {
  return timed(`fresh database (${engine})`, () => makeFreshDatabase(engine));
}

async function makeFreshDatabase(engine: Engine): Promise<TestDatabase> {
  if (engine === 'pglite') {
    const database = await openMigratedPglite('memory://');
    return { database, drop: () => database.close() };
  }
  // Within a run, names carry the run's prefix and the global teardown drops them together: a
  // DROP DATABASE forces a checkpoint, which under the suite's load took seconds per file.
  const run = process.env.CORDON_E2E_RUN;
  const name = `${run ? runDatabasePrefix(run) : 'cordon_test_'}${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: SERVER_URL });
  await admin.connect();
  try {
    await admin.query(`create database ${name}`);
  } finally {
    await admin.end();
  }
  const url = withDatabaseName(SERVER_URL, name);
  const database = await openDatabase({ databaseUrl: url });
  return {
    database,
    url,
    async drop() {
      await database.close();
      if (!run) await dropDatabase(SERVER_URL, name);
    },
  };
}
