// Liveness answers from the process even while the database is busy; readiness asks the database
// and answers 503 when it does not answer in time.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RawClient } from '../../src/db/pool.ts';
import { READY_TIMEOUT_MS } from '../../src/server/plugins/health.ts';
import { engines } from '../helpers/engines.ts';
import { startServer, type TestServer } from '../helpers/http.ts';

describe.each(engines)('health on %s', (engine) => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startServer(engine);
  });
  afterAll(() => server?.drop());

  it('answers liveness at once and readiness 503 while every connection is held', async () => {
    const ready = await server.app.inject({ url: '/api/health/ready' });
    expect(ready.statusCode).toBe(200);
    expect(ready.json()).toMatchObject({ status: 'ready', engine });

    // PGlite has one connection; the server's pool has ten. Hold them all, as queued work would.
    const held: RawClient[] = [];
    for (let i = 0; i < (engine === 'pglite' ? 1 : 10); i++) held.push(await server.database.pool.connect());
    try {
      let started = Date.now();
      const live = await server.app.inject({ url: '/api/health' });
      expect(Date.now() - started).toBeLessThan(1000);
      expect(live.statusCode).toBe(200);
      expect(live.json()).toMatchObject({ status: 'ok', engine });
      expect(live.json().uptime).toBeGreaterThanOrEqual(0);

      started = Date.now();
      const busy = await server.app.inject({ url: '/api/health/ready' });
      expect(busy.statusCode).toBe(503);
      expect(busy.json()).toMatchObject({ status: 'unavailable', engine });
      expect(Date.now() - started).toBeGreaterThanOrEqual(READY_TIMEOUT_MS - 50);
      expect(Date.now() - started).toBeLessThan(READY_TIMEOUT_MS + 1000);
    } finally {
      for (const client of held) client.release();
    }
    const again = await server.app.inject({ url: '/api/health/ready' });
    expect(again.statusCode).toBe(200);
  });
});
