// Answers about people are never cached: every /api answer says `Cache-Control: no-store`, errors
// included, except the OpenAPI document. The web application's static files keep their caching.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readConfig } from '../../src/config.ts';
import { buildApp } from '../../src/server/app.ts';
import type { App } from '../../src/server/types.ts';
import { makeWorld, PASSWORD, USERS, type World } from '../factories/world.ts';
import { engines } from '../helpers/engines.ts';
import { startServer, type TestServer } from '../helpers/http.ts';

describe.each(engines)('caching on %s', (engine) => {
  let server: TestServer;
  let world: World;
  let web: App;
  const webRoot = mkdtempSync(join(tmpdir(), 'cordon-web-'));
  beforeAll(async () => {
    server = await startServer(engine);
    world = await makeWorld(server.database);
    mkdirSync(join(webRoot, 'assets'));
    writeFileSync(join(webRoot, 'index.html'), '<!doctype html><title>Cordon</title>');
    writeFileSync(join(webRoot, 'assets', 'index-3f2a1b.js'), 'console.log(1)');
    web = await buildApp({ database: server.database, config: readConfig({}), webRoot });
  });
  afterAll(async () => {
    await web?.close();
    await server?.drop();
    rmSync(webRoot, { recursive: true, force: true });
  });

  it('says no-store on every API answer that may carry personal data, errors and 404s included', async () => {
    const answers = {
      login: await server.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: USERS.officerTr, password: PASSWORD } }),
      operations: await server.as(USERS.officerTr, { url: '/api/operations' }),
      inspections: await server.as(USERS.officerTr, { url: `/api/operations/${world.operationId}/inspections` }),
      results: await server.as(USERS.coordinator, { url: `/api/operations/${world.operationId}/results` }),
      hidden: await server.as(USERS.outsider, { url: `/api/operations/${world.operationId}` }),
      invalid: await server.as(USERS.officerTr, { url: '/api/inspections/not-a-uuid' }),
      unauthenticated: await server.as(null, { url: '/api/operations' }),
      unknown: await server.as(USERS.officerTr, { url: '/api/nothing-here' }),
      health: await server.as(null, { url: '/api/health' }),
    };
    expect(answers.operations.statusCode).toBe(200);
    expect(answers.hidden.statusCode).toBe(404);
    for (const [name, res] of Object.entries(answers)) expect(res.headers['cache-control'], name).toBe('no-store');
  });

  it('lets the OpenAPI document and the static files keep their caching', async () => {
    const openapi = await web.inject({ url: '/api/openapi.json' });
    expect(openapi.statusCode).toBe(200);
    expect(openapi.headers['cache-control']).toBeUndefined();
    const asset = await web.inject({ url: '/assets/index-3f2a1b.js' });
    expect(asset.statusCode).toBe(200);
    expect(asset.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    for (const url of ['/', '/cases/123']) {
      const page = await web.inject({ url });
      expect(page.statusCode, url).toBe(200);
      expect(page.headers['cache-control'], url).toBe('no-cache');
    }
    const api = await web.inject({ url: `/api/operations/${world.operationId}` });
    expect(api.headers['cache-control']).toBe('no-store');
  });
});
