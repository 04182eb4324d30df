// The request limits of the public routes (`config.rateLimit` on a route), counted in the database
// (migration 012) rather than in a process's memory, so that N processes sharing it allow what
// one would. Clients are keyed by network, as the login throttle keys them: an IPv4 address, an
// IPv6 /64 (one customer holds a whole /64), behind a reverse proxy the address it forwards
// (CORDON_TRUST_PROXY). Each route counts apart, in fixed windows. A row's key is a hash of the
// route and the network, and rows are swept an hour after their window ends: the public checker
// keeps no address in readable form, and none for long.
// With REDIS_URL the counts live in Redis instead, through the plugin's own Redis store, under the
// same hash of the network, each key expiring with its window. Should Redis not answer, the
// limits are not applied (and a warning logged) rather than the public routes refused.
import { createHash } from 'node:crypto';
import rateLimit from '@fastify/rate-limit';
import { Redis } from 'ioredis';
import { sql } from 'kysely';
import type { Db } from '../../db/connection.ts';
import { addressKey } from '../../modules/auth/throttle.ts';
import type { App } from '../types.ts';

type Answer = (error: Error | null, result?: { current: number; ttl: number }) => void;

/** What the plugin hands `child` at run time: the route's merged limit settings and the route. */
interface RouteLimit {
  routeInfo?: { method?: string | string[]; url?: string };
}

/** How often a running server sweeps the counts whose window ended an hour ago or more. */
const SWEEP_EVERY_MS = 10 * 60_000;

/**
 * A store for `@fastify/rate-limit` that counts in `rate_limits`: one statement per request, which
 * starts a new window at 1 or adds one to the current window's count, atomically whatever the
 * number of processes.
 */
export function databaseStore(db: Db) {
  return class DatabaseRateLimitStore {
    constructor(
      _params?: unknown,
      private readonly prefix = '',
    ) {}

    /** The row's key: a hash of the route and the client's network, so no address is stored as such. */
    private row(key: string): string {
      return createHash('sha256').update(this.prefix + key).digest('hex');
    }

    incr(key: string, answer: Answer, timeWindow: number): void {
      sql<{ hits: number; ttl: number }>`
        insert into rate_limits as r (key, hits, reset_at)
        values (${this.row(key)}, 1, now() + make_interval(secs => ${timeWindow / 1000}))
        on conflict (key) do update set
          hits = case when r.reset_at <= now() then 1 else r.hits + 1 end,
          reset_at = case when r.reset_at <= now() then excluded.reset_at else r.reset_at end
        returning hits, greatest(0, ceil(extract(epoch from (reset_at - now())) * 1000))::integer as ttl`
        .execute(db)
        .then(({ rows: [row] }) => answer(null, { current: row!.hits, ttl: row!.ttl }), (error: Error) => answer(error));
    }

    read(key: string, answer: Answer): void {
      sql<{ hits: number; ttl: number }>`
        select hits, greatest(0, ceil(extract(epoch from (reset_at - now())) * 1000))::integer as ttl
        from rate_limits where key = ${this.row(key)} and reset_at > now()`
        .execute(db)
        .then(({ rows: [row] }) => answer(null, { current: row?.hits ?? 0, ttl: row?.ttl ?? 0 }), (error: Error) => answer(error));
    }

    child(options: object): DatabaseRateLimitStore {
      const route = (options as RouteLimit).routeInfo;
      return new DatabaseRateLimitStore(undefined, `${[route?.method ?? ''].flat().join(',')} ${route?.url ?? ''}\n`);
    }
  };
}

/** Forgets the counts whose window ended more than an hour ago; returns how many. */
export async function sweepRateLimits(db: Db): Promise<number> {
  const result = await db.deleteFrom('rate_limits').where(sql<boolean>`reset_at < now() - interval '1 hour'`).executeTakeFirst();
  return Number(result.numDeletedRows);
}

/** The client's network as the counts are keyed: hashed, so that no store holds an address as such. */
const networkKey = (ip: string) => createHash('sha256').update(addressKey(ip)).digest('hex');

export async function registerRateLimits(app: App): Promise<void> {
  const db = app.database.db;
  const { redisUrl } = app.config;
  if (redisUrl) {
    // No offline queue: a request is not held while Redis is away; its count fails and is skipped.
    const redis = new Redis(redisUrl, { enableOfflineQueue: false, maxRetriesPerRequest: 1, connectTimeout: 2000, lazyConnect: false });
    let warned = false;
    redis.on('error', (error: Error) => {
      if (!warned) app.log.warn(`rate limits: Redis does not answer (${error.message}); the public routes are not limited until it does`);
      warned = true;
    });
    redis.on('ready', () => {
      warned = false;
    });
    app.addHook('onClose', async () => {
      await redis.quit().catch(() => redis.disconnect());
    });
    await app.register(rateLimit, { global: false, redis, nameSpace: 'cordon-rate-', skipOnError: true, keyGenerator: (request) => networkKey(request.ip) });
    return;
  }
  await app.register(rateLimit, {
    global: false,
    store: databaseStore(db),
    keyGenerator: (request) => addressKey(request.ip),
  });
  const sweep = () => sweepRateLimits(db).catch((error: unknown) => app.log.warn(`could not sweep old rate-limit counts: ${(error as Error).message}`));
  let sweeping: NodeJS.Timeout | undefined;
  app.addHook('onReady', async () => {
    sweeping = setInterval(() => void sweep(), SWEEP_EVERY_MS);
    sweeping.unref();
  });
  app.addHook('onClose', async () => clearInterval(sweeping));
}
