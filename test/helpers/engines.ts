// The databases the integration suite runs on: PGlite always, and the PostgreSQL server when
// one answers at TEST_DATABASE_URL (default postgres://root@127.0.0.1:5432/test).
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { dropDatabase } from '../../src/db/admin.ts';
import { type Database, openDatabase } from '../../src/db/connection.ts';

export type Engine = 'pglite' | 'postgres';

const SERVER_URL = process.env.TEST_DATABASE_URL ?? 'postgres://root@127.0.0.1:5432/test';

async function serverReachable(): Promise<boolean> {
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

function withDatabaseName(url: string, name: string): string {
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

/** A fresh, migrated database of the engine, for one test file. */
export async function freshDatabase(engine: Engine): Promise<TestDatabase> {
  if (engine === 'pglite') {
    const database = await openDatabase({ dataDir: 'memory://' });
    return { database, drop: () => database.close() };
  }
  const name = `cordon_test_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: SERVER_URL });
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
  const url = withDatabaseName(SERVER_URL, name);
  const database = await openDatabase({ databaseUrl: url });
  return {
    database,
    url,
    async drop() {
      await database.close();
      await dropDatabase(SERVER_URL, name);
    },
  };
}
