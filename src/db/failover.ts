// Several PostgreSQL hosts in DATABASE_URL (libpq's `postgres://user@db1:5432,db2:5432/cordon`) or
// CORDON_DATABASE_HOSTS: a primary and its standbys. node-postgres connects to one host only, so
// Cordon does what libpq's target_session_attrs=read-write does: it tries the hosts in order, keeps
// the first that is not in recovery, and, when that one is lost (refused, reset, shut down, or
// turned read-only), finds the primary again: after a failover, the promoted standby. While no
// host is a primary, requests wait up to FIND_PRIMARY_MS, then answer 503.
import pg from 'pg';
import { CordonError } from '../errors.ts';

/** How long a request waits for a primary to appear (a standby being promoted) before 503. */
export const FIND_PRIMARY_MS = 15_000;

/** The database does not answer, or no host is a primary yet: retry shortly. */
export class DatabaseUnavailable extends CordonError {
  readonly status = 503;
  readonly id = 'database_unavailable';
  readonly retryAfter = 2;
  /** What went wrong, for the log: it names hosts and ports, which the answer does not. */
  constructor(readonly detail: string) {
    super('the database is not reachable just now; try again shortly');
  }
  override toJSON(): Record<string, unknown> {
    return { error: this.id, message: this.message, retryAfter: this.retryAfter };
  }
}

export interface Host {
  host: string;
  port: number;
}

const URL_PARTS = /^(postgres(?:ql)?:\/\/)([^@/?]*@)?([^/?]*)(.*)$/;

/**
 * The hosts a connection string names, in order: `db1:5432,db2` → two hosts, the port 5432 when none is given.
 * @example connectionHosts('postgres://u@a:5432,b:5433/db') // [{host:'a',port:5432},{host:'b',port:5433}]
 */
export function connectionHosts(url: string): Host[] {
  const parts = URL_PARTS.exec(url);
  if (!parts?.[3]) return [];
  return parts[3].split(',').map(parseHost);
}

function parseHost(text: string): Host {
  const bracketed = /^\[([^\]]+)\](?::(\d+))?$/.exec(text);
  if (bracketed) return { host: bracketed[1]!, port: Number(bracketed[2] ?? 5432) };
  const [host, port] = text.split(':');
  return { host: host ?? '', port: Number(port || 5432) };
}

/**
 * The connection string with another host list (CORDON_DATABASE_HOSTS: `db1:5432,db2:5432`).
 * @example withHosts('postgres://u@a/db', 'b:5433,c') // 'postgres://u@b:5433,c/db'
 */
export function withHosts(url: string, hosts: string): string {
  const parts = URL_PARTS.exec(url);
  if (!parts) return url;
  return `${parts[1]}${parts[2] ?? ''}${hosts.replace(/\s+/g, '')}${parts[4] ?? ''}`;
}

/** One connection string per host, without `target_session_attrs` (Cordon does its work). */
export function perHostUrls(url: string): string[] {
  const parts = URL_PARTS.exec(url);
  if (!parts) return [url];
  const rest = (parts[4] ?? '').replace(/([?&])target_session_attrs=[^&]*&?/, '$1').replace(/[?&]$/, '');
  return connectionHosts(url).map(({ host, port }) => `${parts[1]}${parts[2] ?? ''}${host.includes(':') ? `[${host}]` : host}:${port}${rest}`);
}

const LOST_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'ENOTFOUND',
  'EPIPE',
  '57P01', // admin_shutdown
  '57P02', // crash_shutdown
  '57P03', // cannot_connect_now: starting up, or a standby not yet accepting
  '08000',
  '08001',
  '08003',
  '08004',
  '08006',
  '25006', // read_only_sql_transaction: the host is a standby now
]);

/** The connection, or the host's part as the primary, is gone: find the primary again. */
export function isConnectionLost(error: unknown): boolean {
  if (!(error instanceof Error)) return false;
  const code = (error as { code?: unknown }).code;
  if (typeof code === 'string' && LOST_CODES.has(code)) return true;
  return /Connection terminated|connection timeout|timeout expired|Client has encountered a connection error/i.test(error.message);
}

/** pg-pool's answer when no connection came free within connectionTimeoutMillis (or its pool was ended meanwhile). */
export function isCheckoutTimeout(error: unknown): boolean {
  return error instanceof Error && /timeout exceeded when trying to connect/i.test(error.message);
}

interface Primary {
  pool: pg.Pool;
  url: string;
}

/**
 * A pg.Pool on whichever host is the primary now. `connect` finds it (once for all callers at a
 * time), and a lost connection on any client drops it so that the next `connect` looks again.
 */
export function primaryPool(urls: string[], max: number, warn: (message: string) => void = (m) => process.emitWarning(m)) {
  let current: Primary | undefined;
  let finding: Promise<Primary> | undefined;
  let ended = false;

  // Why each host was passed over, said once per search: a wrong password or database name must
  // not look like an outage.
  const reasons = new Map<string, string>();

  async function isPrimary(url: string): Promise<boolean> {
    // Both bounded: a host that accepts and then stalls must not hold the search past its deadline.
    const probe = new pg.Client({ connectionString: url, connectionTimeoutMillis: 2_000, query_timeout: 2_000 });
    probe.on('error', () => undefined);
    try {
      await probe.connect();
      const { rows } = await probe.query<{ standby: boolean }>('select pg_is_in_recovery() as standby');
      if (rows[0]?.standby === false) return true;
      note(url, 'in recovery (a standby)');
      return false;
    } catch (error) {
      note(url, (error as Error).message);
      return false;
    } finally {
      await probe.end().catch(() => undefined);
    }
  }

  function note(url: string, reason: string) {
    const host = hostOf(url);
    if (reasons.get(host) === reason) return;
    reasons.set(host, reason);
    warn(`PostgreSQL host ${host} is not a primary now: ${reason}`);
  }

  async function find(): Promise<Primary> {
    const deadline = Date.now() + FIND_PRIMARY_MS;
    for (let pause = 100; ; pause = Math.min(pause * 2, 1_000)) {
      for (const url of urls) {
        if (ended) throw new DatabaseUnavailable('the pool was closed');
        if (await isPrimary(url)) {
          if (ended) throw new DatabaseUnavailable('the pool was closed');
          reasons.clear();
          const pool = new pg.Pool({ connectionString: url, max, connectionTimeoutMillis: 5_000 });
          const found: Primary = { pool, url };
          pool.on('error', (error) => {
            warn(`PostgreSQL connection lost while idle: ${error.message}`);
            if (isConnectionLost(error)) lose(found);
          });
          return found;
        }
      }
      if (Date.now() + pause > deadline) throw new DatabaseUnavailable(`none of the ${urls.length} hosts is a primary that accepts writes`);
      await new Promise((resolve) => setTimeout(resolve, pause));
    }
  }

  function lose(primary: Primary) {
    if (current !== primary) return;
    current = undefined;
    warn(`PostgreSQL primary ${hostOf(primary.url)} lost: looking for the primary among the hosts`);
    // Its idle connections are dead; the ones in use end as their requests fail.
    primary.pool.end().catch(() => undefined);
  }

  async function primary(): Promise<Primary> {
    if (current) return current;
    finding ??= find().then(
      (found) => {
        current = found;
        finding = undefined;
        return found;
      },
      (error: unknown) => {
        finding = undefined;
        throw error;
      },
    );
    return finding;
  }

  return {
    /** A client on the primary, and a callback to say that its connection was lost. */
    async connect(): Promise<{ client: pg.PoolClient; lost: () => void }> {
      for (let attempt = 0; ; attempt++) {
        const found = await primary();
        try {
          const client = await found.pool.connect();
          return { client, lost: () => lose(found) };
        } catch (error) {
          const message = (error as Error).message;
          // A pool dropped while this caller waited in its queue: the primary changed, look again.
          const dropped = found !== current;
          if (isCheckoutTimeout(error) && !dropped) throw new DatabaseUnavailable(message);
          if (!dropped && !isConnectionLost(error) && !/ended|Cannot use a pool after calling end/i.test(message)) throw error;
          lose(found);
          if (attempt >= 2) throw new DatabaseUnavailable(message);
        }
      }
    },
    async end() {
      ended = true;
      await finding?.catch(() => undefined);
      const last = current;
      current = undefined;
      await last?.pool.end();
    },
  };
}

function hostOf(url: string): string {
  return connectionHosts(url)
    .map((h) => `${h.host}:${h.port}`)
    .join(',');
}
