// Shared set-up for benchmarks: databases to measure on, and the demo's hotspots as a stage.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { dropDatabase } from '../src/db/admin.ts';
import { type Database, openDatabase } from '../src/db/connection.ts';
import { DEMO_OPERATION_ID, loadDemo } from '../src/demo/load.ts';

export const SERVER_URL = process.env.BENCH_DATABASE_URL ?? 'postgres://root@127.0.0.1:5432/test';

export async function serverReachable(): Promise<boolean> {
  const client = new pg.Client({ connectionString: SERVER_URL, connectionTimeoutMillis: 2000 });
  try {
    await client.connect();
    return true;
  } catch {
    return false;
  } finally {
    await client.end().catch(() => undefined);
  }
}

export interface BenchDatabase {
  name: string;
  database: Database;
  /** The server database's URL (PostgreSQL only), for processes of their own. */
  url?: string;
  close(): Promise<void>;
}

/** PGlite in a folder on disk (as Cordon runs by default), or a new database on the server. */
export async function benchDatabase(engine: 'pglite' | 'postgres', label: string): Promise<BenchDatabase> {
  if (engine === 'pglite') {
    const dir = mkdtempSync(join(tmpdir(), `cordon-bench-${label}-`));
    const database = await openDatabase({ dataDir: dir });
    return {
      name: 'PGlite (on disk)',
      database,
      async close() {
        await database.close();
        rmSync(dir, { recursive: true, force: true });
      },
    };
  }
  const name = `cordon_bench_${label}`;
  const admin = new pg.Client({ connectionString: SERVER_URL });
  await admin.connect();
  await admin.query(`drop database if exists ${name} with (force)`);
  await admin.query(`create database ${name}`);
  await admin.end();
  const url = new URL(SERVER_URL);
  url.pathname = `/${name}`;
  const database = await openDatabase({ databaseUrl: url.toString() });
  const version = (await database.pool.connect().then(async (c) => {
    const r = await c.query<{ server_version: string }>('show server_version');
    c.release();
    return r.rows[0]!.server_version;
  })) as string;
  return {
    name: `PostgreSQL ${version.split(' ')[0]} server`,
    database,
    url: url.toString(),
    async close() {
      await database.close();
      await dropDatabase(SERVER_URL, name);
    },
  };
}

/** The demo operation, bureaus, users and hotspots (and, by default, its 270,000 inspections). */
export async function stageDemo(database: Database, withInspections = true): Promise<string> {
  await loadDemo(database, { password: 'bench password' });
  if (!withInspections) {
    const client = await database.pool.connect();
    await client.query('truncate inspections, inspection_rollup');
    client.release();
  }
  return DEMO_OPERATION_ID;
}

export function rate(rows: number, ms: number): number {
  return Math.round(rows / (ms / 1000));
}

export function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}
