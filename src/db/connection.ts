// The one place Cordon opens its database: PGlite in a folder by default, a PostgreSQL
// server when DATABASE_URL is set. Both speak the same SQL and run the same migrations.
import { PGlite } from '@electric-sql/pglite';
import { Kysely, PostgresDialect, type PostgresPool, type Transaction } from 'kysely';
import { type DataDirLock, defaultHolder, lockDataDir } from './data-dir-lock.ts';
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
  /**
   * For reads that may lag the primary by a moment (the dashboards' aggregates): a standby when
   * CORDON_READ_URL is set, else `db` itself.
   */
  readonly reader: Db;
  readonly pool: RawPool;
  /** PGlite in a folder: the lock this process holds on it (released by `close`). */
  readonly lock?: DataDirLock;
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
  /** Who opens a PGlite folder, as others refused by its lock are told (e.g. `cordon serve`). */
  holder?: string;
  /** A hot standby of the server in `databaseUrl`, for `reader` (CORDON_READ_URL). */
  readUrl?: string | undefined;
}

// PostgreSQL arms a 10 s timer to log the progress of slow start-up steps and leaves it armed;
// PGlite's timer kept a `cordon` process alive for those 10 s after a command that ran no query
// (every refusal of a bad --user, say). Progress of a start-up step is never logged in PGlite.
const START_PARAMS = [...PGlite.defaultStartParams, '-c', 'log_startup_progress_interval=0'];

/**
 * Opens (and by default migrates) the database described by the options. A PGlite folder is
 * locked first: while one process (or one Database in this process) has it open, others fail.
 * @example const database = await openDatabase({ dataDir: '.cordon/data', holder: 'cordon serve' });
 * @throws DataDirLocked when the folder is held, before anything in it is touched.
 */
export async function openDatabase(options: DatabaseOptions): Promise<Database> {
  let pool: RawPool;
  let lock: DataDirLock | undefined;
  if (options.databaseUrl) {
    pool = postgresPool(options.databaseUrl);
  } else {
    const dataDir = options.dataDir ?? 'memory://';
    if (!dataDir.startsWith('memory://')) lock = lockDataDir(dataDir, options.holder ?? defaultHolder());
    try {
      const lite = await PGlite.create(lock?.dataDir ?? dataDir, { startParams: START_PARAMS, parsers: pgliteParsers, ...(options.loadDataDir ? { loadDataDir: options.loadDataDir } : {}) });
      pool = pglitePool(lite);
    } catch (error) {
      lock?.release();
      throw error;
    }
  }
  const db = new Kysely<Schema>({ dialect: new PostgresDialect({ pool: pool as unknown as PostgresPool }) });
  const readPool = options.readUrl && options.databaseUrl ? postgresPool(options.readUrl, 5) : undefined;
  const reader = readPool ? new Kysely<Schema>({ dialect: new PostgresDialect({ pool: readPool as unknown as PostgresPool }) }) : db;
  const database: Database = {
    engine: pool.engine,
    db,
    reader,
    pool,
    ...(lock ? { lock } : {}),
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
      try {
        await db.destroy();
        if (reader !== db) await reader.destroy();
      } finally {
        lock?.release();
      }
    },
  };
  if (options.migrate !== false) {
    try {
      await migrate(database);
    } catch (error) {
      await database.close().catch(() => undefined);
      throw error;
    }
  }
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
