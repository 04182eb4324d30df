// One small connection interface over both engines: PGlite (embedded, one query at a time)
// and a PostgreSQL server (node-postgres pool). Kysely and the bulk COPY paths both use it.
import { createHash } from 'node:crypto';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { PGlite } from '@electric-sql/pglite';
import pg from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import { DatabaseUnavailable, isCheckoutTimeout, isConnectionLost, perHostUrls, primaryPool } from './failover.ts';

export interface QueryResult<R> {
  rows: R[];
  rowCount: number;
  command: string;
}

/** A connection held by one caller until `release()`: queries on it run in order, in its transaction. */
export interface RawClient {
  query<R = Record<string, unknown>>(sql: string, params?: readonly unknown[]): Promise<QueryResult<R>>;
  /**
   * Runs `COPY ... FROM STDIN` fed by text chunks in PostgreSQL's text format.
   * @example await client.copyFrom('copy t (a, b) from stdin', ['1\tx\n', '2\ty\n'])
   */
  copyFrom(sql: string, chunks: Iterable<string> | AsyncIterable<string>): Promise<number>;
  release(): void;
}

export interface RawPool {
  readonly engine: 'pglite' | 'postgres';
  connect(): Promise<RawClient>;
  end(): Promise<void>;
  /** PGlite only: the whole data folder as a tarball, to open again with `loadDataDir`. */
  dumpDataDir?(): Promise<Blob>;
}

// int8 counts and sums as numbers (they stay far below 2^53 here); dates as 'YYYY-MM-DD' strings.
const INT8 = 20;
const DATE = 1082;
const NUMERIC = 1700;

/** A pool over PGlite: one client at a time, so a transaction never interleaves with another caller. */
export function pglitePool(db: PGlite): RawPool {
  let tail: Promise<void> = Promise.resolve();
  return {
    engine: 'pglite',
    async connect() {
      let unlock!: () => void;
      const previous = tail;
      tail = new Promise<void>((resolve) => {
        unlock = resolve;
      });
      await previous;
      let released = false;
      return {
        async query<R>(sql: string, params: readonly unknown[] = []) {
          const result = await db.query<R>(sql, [...params]);
          return {
            rows: result.rows,
            rowCount: result.affectedRows ?? result.rows.length,
            command: (result as { command?: string }).command ?? commandOf(sql),
          };
        },
        async copyFrom(sql: string, chunks: Iterable<string> | AsyncIterable<string>) {
          const parts: string[] = [];
          for await (const chunk of chunks) parts.push(chunk);
          const blobSql = sql.replace(/\bfrom\s+stdin\b/i, "from '/dev/blob'");
          const result = await db.query(blobSql, [], { blob: new Blob(parts) });
          return result.affectedRows ?? 0;
        },
        release() {
          if (released) return;
          released = true;
          unlock();
        },
      };
    },
    async end() {
      await tail;
      await db.close();
    },
    async dumpDataDir() {
      await tail;
      return db.dumpDataDir('none');
    },
  };
}

pg.types.setTypeParser(INT8, (v) => Number(v));
pg.types.setTypeParser(NUMERIC, (v) => Number(v));
pg.types.setTypeParser(DATE, (v) => v);

/**
 * A pool over a PostgreSQL server; with several hosts (`postgres://u@db1,db2/cordon`), over the one
 * that is the primary now, found again after a failover (failover.ts). A connection that is lost
 * answers DatabaseUnavailable (503, retry), never a 500.
 */
export function postgresPool(connectionString: string, max = 10): RawPool {
  const urls = perHostUrls(connectionString);
  const source = urls.length > 1 ? primaryPool(urls, max) : singlePool(connectionString, max);
  return {
    engine: 'postgres',
    async connect() {
      const { client, lost } = await source.connect();
      let broken = false;
      // pg-pool listens for a client's errors only while it is idle: a connection that drops
      // while its holder is between two queries would otherwise be an uncaught error.
      const onError = () => {
        broken = true;
        lost();
      };
      client.on('error', onError);
      const failed = (error: unknown): never => {
        if (!isConnectionLost(error)) throw error;
        onError();
        throw new DatabaseUnavailable((error as Error).message);
      };
      return {
        async query<R>(sql: string, params: readonly unknown[] = []) {
          try {
            const name = params.length > 0 ? statementName(client, sql) : undefined;
            const result = await (name ? client.query({ name, text: sql, values: [...params] }) : client.query(sql, [...params]));
            return { rows: result.rows as R[], rowCount: result.rowCount ?? 0, command: result.command };
          } catch (error) {
            return failed(error);
          }
        },
        async copyFrom(sql: string, chunks: Iterable<string> | AsyncIterable<string>) {
          try {
            const stream = client.query(copyFrom(sql));
            await pipeline(Readable.from(chunks), stream);
            return Number(stream.rowCount ?? 0);
          } catch (error) {
            return failed(error);
          }
        },
        release() {
          client.off('error', onError);
          // A connection that failed is closed, not handed to the next caller.
          client.release(broken);
        },
      };
    },
    async end() {
      await source.end();
    },
  };
}

/**
 * Statements prepared on each connection, by name: the same query text (Kysely writes the same text
 * for the same query) is parsed and planned once per connection instead of on every request.
 * Planning the session look-up alone took about 1 ms of the server's time a request. A connection
 * keeps at most PREPARED_PER_CONNECTION of them (queries with lists of every length would
 * otherwise grow without end); past that, statements are sent unnamed as before.
 */
const PREPARED_PER_CONNECTION = 500;
const prepared = new WeakMap<object, Set<string>>();

// The name of each query text, hashed once (a few thousand texts at most; past that, hashed each time).
const NAMES_KEPT = 5000;
const names = new Map<string, string>();

function statementName(client: object, sql: string): string | undefined {
  let name = names.get(sql);
  if (!name) {
    name = `c${createHash('sha1').update(sql).digest('base64url').slice(0, 20)}`;
    if (names.size < NAMES_KEPT) names.set(sql, name);
  }
  let ready = prepared.get(client);
  if (!ready) {
    ready = new Set();
    prepared.set(client, ready);
  }
  if (ready.has(name)) return name;
  if (ready.size >= PREPARED_PER_CONNECTION) return undefined;
  ready.add(name);
  return name;
}

function singlePool(connectionString: string, max: number) {
  const pool = new pg.Pool({ connectionString, max });
  // An idle connection the server drops (a restart, an administrator) must not take the process
  // down: the pool replaces it at the next checkout.
  pool.on('error', (error) => process.emitWarning(`PostgreSQL connection lost while idle: ${error.message}`));
  return {
    async connect() {
      try {
        return { client: await pool.connect(), lost: () => undefined };
      } catch (error) {
        if (isConnectionLost(error) || isCheckoutTimeout(error)) throw new DatabaseUnavailable((error as Error).message);
        throw error;
      }
    },
    end: () => pool.end(),
  };
}

export const pgliteParsers = {
  [INT8]: (v: string) => Number(v),
  [NUMERIC]: (v: string) => Number(v),
  [DATE]: (v: string) => v,
};

function commandOf(sql: string): string {
  const match = /^\s*(\w+)/.exec(sql);
  return (match?.[1] ?? '').toUpperCase();
}
