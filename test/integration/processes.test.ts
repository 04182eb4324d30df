// Several Cordon processes on one database behave as one (issue 14, item 2): a session made by
// one is good on the other and ends on both; the public routes' rate limits count across them,
// keyed by client network (an IPv4 address, an IPv6 /64). Two servers with their own connection
// pools stand for two processes here; `cordon serve --workers` is tried in workers.test.ts.
import { createHash } from 'node:crypto';
import { Redis } from 'ioredis';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readConfig } from '../../src/config.ts';
import { openDatabase, type Database } from '../../src/db/connection.ts';
import { buildApp } from '../../src/server/app.ts';
import type { App } from '../../src/server/types.ts';
import { makeWorld, PASSWORD, USERS } from '../factories/world.ts';
import { engines } from '../helpers/engines.ts';
import { startServer, type TestServer } from '../helpers/http.ts';

const OFFER = { text: 'Office assistant wanted in Jakarta. Monthly salary IDR 6,000,000, contract through our registered agency, apply with your CV.' };

describe.each(engines)('two processes on %s', (engine) => {
  let server: TestServer;
  let second: { app: App; database: Database | null };
  beforeAll(async () => {
    server = await startServer(engine);
    const world = await makeWorld(server.database);
    server.app.config.publicOperationId = world.operationId;
    const database = server.url ? await openDatabase({ databaseUrl: server.url }) : null;
    const app = await buildApp({ database: database ?? server.database, config: { ...readConfig({}), publicOperationId: world.operationId } });
    await app.ready();
    second = { app, database };
  });
  afterAll(async () => {
    await second?.app.close();
    await second?.database?.close();
    await server?.drop();
  });

  const check = (app: App, remoteAddress: string) => app.inject({ method: 'POST', url: '/api/public/check', payload: OFFER, remoteAddress });

  it('share sessions: signed in on one, known to the other, signed out on both', async () => {
    const login = await second.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: USERS.officerTr, password: PASSWORD } });
    expect(login.statusCode, login.body).toBe(200);
    const headers = { authorization: `Bearer ${login.json().token}` };
    expect((await server.app.inject({ url: '/api/auth/me', headers })).json().username).toBe(USERS.officerTr);
    expect((await server.app.inject({ method: 'POST', url: '/api/auth/logout', headers })).statusCode).toBeLessThan(300);
    expect((await second.app.inject({ url: '/api/auth/me', headers })).statusCode).toBe(401);
  });

  it('count the public checker’s limit across both: 30 a minute per address, whichever process answers', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 30; i++) statuses.push((await check(i % 2 ? second.app : server.app, '198.51.100.40')).statusCode);
    expect(statuses.every((s) => s === 200), statuses.join()).toBe(true);
    for (const app of [server.app, second.app]) {
      const refused = await check(app, '198.51.100.40');
      expect(refused.statusCode).toBe(429);
      expect(refused.json()).toMatchObject({ error: 'rate_limited' });
      expect(Number(refused.headers['retry-after'])).toBeGreaterThan(0);
      expect(Number(refused.headers['retry-after'])).toBeLessThanOrEqual(60);
    }
    expect((await check(second.app, '198.51.100.41')).statusCode).toBe(200);
    // Other routes count apart.
    expect((await second.app.inject({ url: '/api/public/check/setup', remoteAddress: '198.51.100.40' })).statusCode).toBe(200);
    // Once the window has passed, the address starts again.
    await sql`update rate_limits set reset_at = now() - interval '1 second'`.execute(server.database.db);
    expect((await check(server.app, '198.51.100.40')).statusCode).toBe(200);
  });

  it('key IPv6 clients by their /64, and IPv4-mapped addresses as the IPv4 address', async () => {
    const network = (i: number) => `2001:db8:7:${i}::`;
    for (let i = 0; i < 30; i++) {
      const address = `${network(1)}${(i + 1).toString(16)}`;
      expect((await check(i % 2 ? second.app : server.app, address)).statusCode, address).toBe(200);
    }
    expect((await check(server.app, '2001:db8:7:1:ffff:ffff:ffff:ffff')).statusCode).toBe(429);
    expect((await check(second.app, `${network(2)}1`)).statusCode).toBe(200);
    for (let i = 0; i < 30; i++) expect((await check(server.app, '192.0.2.60')).statusCode).toBe(200);
    expect((await check(second.app, '::ffff:192.0.2.60')).statusCode).toBe(429);
  });

  it('sweep counts whose window ended over an hour ago', async () => {
    const { sweepRateLimits } = await import('../../src/server/plugins/rate-limits.ts');
    await check(server.app, '198.51.100.77');
    const before = Number((await sql<{ n: number }>`select count(*)::int as n from rate_limits`.execute(server.database.db)).rows[0]!.n);
    await sql`update rate_limits set reset_at = now() - interval '2 hours' where hits = 1`.execute(server.database.db);
    const swept = await sweepRateLimits(server.database.db);
    expect(swept).toBeGreaterThan(0);
    const after = Number((await sql<{ n: number }>`select count(*)::int as n from rate_limits`.execute(server.database.db)).rows[0]!.n);
    expect(after).toBe(before - swept);
  });
});

// With REDIS_URL the public routes' counts live in Redis (issue 14, item 2), keyed by a hash of the
// client's network; two processes share them there. Redis runs on 127.0.0.1:6379 on the project's
// machines; without it this part is skipped.
const REDIS_URL = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';
async function redisReachable(): Promise<boolean> {
  const probe = new Redis(REDIS_URL, { lazyConnect: true, connectTimeout: 1000, maxRetriesPerRequest: 0, retryStrategy: () => null });
  probe.on('error', () => undefined);
  try {
    await probe.connect();
    return (await probe.ping()) === 'PONG';
  } catch {
    return false;
  } finally {
    probe.disconnect();
  }
}
const redisUp = await redisReachable();
if (!redisUp) process.stderr.write(`processes.test: no Redis at ${REDIS_URL}; the REDIS_URL tests are skipped\n`);

describe.skipIf(!redisUp)('two processes counting the public limits in Redis', () => {
  let server: TestServer;
  let second: App;
  let world: Awaited<ReturnType<typeof makeWorld>>;
  const redis = new Redis(REDIS_URL, { lazyConnect: true });
  // An address of this run's own, so that runs (and engines) do not count together.
  const address = `198.18.${Math.floor(Math.random() * 250)}.${Math.floor(Math.random() * 250)}`;
  beforeAll(async () => {
    await redis.connect();
    server = await startServer(engines[0]!, { REDIS_URL });
    world = await makeWorld(server.database);
    server.app.config.publicOperationId = world.operationId;
    second = await buildApp({ database: server.database, config: { ...readConfig({ REDIS_URL }), publicOperationId: world.operationId } });
    await second.ready();
  });
  afterAll(async () => {
    await second?.close();
    await server?.drop();
    redis.disconnect();
  });
  const check = (app: App, remoteAddress: string) => app.inject({ method: 'POST', url: '/api/public/check', payload: OFFER, remoteAddress });

  it('share the public checker’s 30 a minute, and keep no address in Redis, nor any row in the database', async () => {
    const rows = async () => Number((await sql<{ n: number }>`select count(*)::int as n from rate_limits`.execute(server.database.db)).rows[0]!.n);
    const before = await rows();
    const statuses: number[] = [];
    for (let i = 0; i < 30; i++) statuses.push((await check(i % 2 ? second : server.app, address)).statusCode);
    expect(statuses.every((s) => s === 200), statuses.join()).toBe(true);
    for (const app of [server.app, second]) expect((await check(app, address)).statusCode).toBe(429);
    const keys = await redis.keys('cordon-rate-*');
    const hashed = createHash('sha256').update(address).digest('hex');
    const ours = keys.filter((k) => k.includes(hashed));
    expect(ours).toHaveLength(1);
    expect(Number(await redis.get(ours[0]!))).toBe(32);
    expect(await redis.pttl(ours[0]!)).toBeGreaterThan(0);
    expect(keys.some((k) => k.includes(address))).toBe(false);
    expect(await rows()).toBe(before);
  });

  it('lets the public routes through, not refused, while Redis does not answer', async () => {
    const away = await buildApp({ database: server.database, config: { ...readConfig({ REDIS_URL: 'redis://127.0.0.1:1' }), publicOperationId: world.operationId } });
    try {
      await away.ready();
      const statuses: number[] = [];
      for (let i = 0; i < 35; i++) statuses.push((await check(away, '198.18.251.1')).statusCode);
      expect(new Set(statuses)).toEqual(new Set([200]));
    } finally {
      await away.close();
    }
  });
});
