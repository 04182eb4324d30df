// The one place Cordon opens its database: PGlite in a folder by default, a PostgreSQL
// server when DATABASE_URL is set. Both speak the same SQL and run the same migrations.
import { mkdirSync } from 'node:fs';
import { PGlite } from '@electric-sql/pglite';
import { Kysely, PostgresDialect, type PostgresPool, type Transaction } from 'kysely';
import { migrate } from './migrate.ts';
import { pgliteParsers, pglitePool, postgresPool, type RawClient, type RawPool } from './pool.ts';
import type { Schema } from './schema.ts';

export type Db = Kysely<Schema>;
export type Tx = Transaction<Schema>;
/** Either the database or a transaction on it: repositories accept both. */
export type Queryable = Db | Tx;

export interface Database {
  readonly engine: 'pglite' | 'postgres';
  readonly db: Db;
  readonly pool: RawPool;
  /**
   * Runs `work` on one held connection inside a transaction, with a Kysely bound to that
   * connection and the raw client (for COPY). Commits when `work` resolves, rolls back when it throws.
   * @example await database.withRawTransaction(async (tx, client) => client.copyFrom(sql, rows))
   */
  withRawTransaction<T>(work: (tx: Tx, client: RawClient) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}

export interface DatabaseOptions {
  databaseUrl?: string | undefined;
  /** PGlite folder; `memory://` for a throwaway in-memory database. */
  dataDir?: string;
  migrate?: boolean;
  /** A PGlite data folder dumped by `dumpDataDir` to start from (tests share one loaded demo). */
  loadDataDir?: Blob;
}

/** Opens (and by default migrates) the database described by the options. */
export async function openDatabase(options: DatabaseOptions): Promise<Database> {
  let pool: RawPool;
  if (options.databaseUrl) {
    pool = postgresPool(options.databaseUrl);
  } else {
    const dataDir = options.dataDir ?? 'memory://';
    if (!dataDir.startsWith('memory://')) mkdirSync(dataDir, { recursive: true });
    const lite = await PGlite.create(dataDir, { parsers: pgliteParsers, ...(options.loadDataDir ? { loadDataDir: options.loadDataDir } : {}) });
    pool = pglitePool(lite);
  }
  const db = new Kysely<Schema>({ dialect: new PostgresDialect({ pool: pool as unknown as PostgresPool }) });
  const database: Database = {
    engine: pool.engine,
    db,
    pool,
    async withRawTransaction(work) {
      const client = await pool.connect();
      const bound = new Kysely<Schema>({ dialect: new PostgresDialect({ pool: heldPool(client) as unknown as PostgresPool }) });
      try {
        // Kysely's own transaction on the held connection: begin, commit and rollback as usual,
        // and `tx.isTransaction` true for the code that checks it (the audit log does).
        return await bound.transaction().execute((tx) => work(tx, client));
      } finally {
        client.release();
        await bound.destroy();
      }
    },
    async close() {
      await db.destroy();
    },
  };
  if (options.migrate !== false) await migrate(database);
  return database;
}

// A "pool" that always hands out the same connection, released by its owner, not by Kysely.
function heldPool(client: RawClient) {
  return {
    async connect() {
      return { query: client.query.bind(client), release() {} };
    },
    async end() {},
  };
}
