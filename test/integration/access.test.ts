// Every endpoint: no token → 401, wrong bureau → 404 on a record shared `owner`, bad input → 400
// naming the field. On PGlite and, when reachable, on the PostgreSQL server.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { engines } from '../helpers/engines.ts';
import { startServer, type TestServer } from '../helpers/http.ts';
import { makeWorld, USERS, type World } from '../factories/world.ts';

describe.each(engines)('need-to-know on %s', (engine) => {
  let server: TestServer;
  let world: World;
  let ownerInspection: string;
  let ownerArrest: string;

  beforeAll(async () => {
    server = await startServer(engine);
    world = await makeWorld(server.database);
    const inspection = await server.as(USERS.fieldTr, {
      method: 'POST',
      url: `/api/operations/${world.operationId}/inspections`,
      payload: { hotspotId: world.hotspots.tr, at: '2023-10-16T08:00:00Z', kind: 'traveller_check', personsChecked: 4, sharing: 'owner' },
    });
    expect(inspection.statusCode).toBe(201);
    ownerInspection = inspection.json().id;
    const arrest = await server.as(USERS.officerTr, {
      method: 'POST',
      url: `/api/operations/${world.operationId}/outcomes`,
      payload: { kind: 'arrest', at: '2023-10-17T10:00:00Z', hotspotId: world.hotspots.tr, offences: ['migrant_smuggling'] },
    });
    expect(arrest.statusCode).toBe(201);
    ownerArrest = arrest.json().id;
  });
  afterAll(() => server?.drop());

  const endpoints = (): { method: 'GET' | 'POST'; url: string }[] => [
    { method: 'GET', url: '/api/auth/me' },
    { method: 'GET', url: '/api/bureaus' },
    { method: 'GET', url: '/api/users' },
    { method: 'POST', url: '/api/users' },
    { method: 'POST', url: '/api/bureaus' },
    { method: 'GET', url: '/api/operations' },
    { method: 'POST', url: '/api/operations' },
    { method: 'GET', url: `/api/operations/${world.operationId}` },
    { method: 'GET', url: `/api/operations/${world.operationId}/results` },
    { method: 'GET', url: `/api/operations/${world.operationId}/hotspots` },
    { method: 'POST', url: `/api/operations/${world.operationId}/hotspots` },
    { method: 'GET', url: `/api/hotspots/${world.hotspots.tr}` },
    { method: 'GET', url: `/api/operations/${world.operationId}/inspections` },
    { method: 'POST', url: `/api/operations/${world.operationId}/inspections` },
    { method: 'GET', url: `/api/inspections/${ownerInspection}` },
    { method: 'POST', url: `/api/operations/${world.operationId}/imports/inspections` },
    { method: 'GET', url: `/api/operations/${world.operationId}/outcomes` },
    { method: 'POST', url: `/api/operations/${world.operationId}/outcomes` },
    { method: 'GET', url: `/api/outcomes/${ownerArrest}` },
    { method: 'POST', url: `/api/operations/${world.operationId}/imports/outcomes` },
    { method: 'POST', url: '/api/auth/logout' },
  ];

  it('answers 401 without a token on every endpoint but health, the OpenAPI document and login', async () => {
    for (const { method, url } of endpoints()) {
      const res = await server.as(null, { method, url, payload: method === 'POST' ? {} : undefined });
      expect(res.statusCode, `${method} ${url}`).toBe(401);
      expect(res.json().error).toBe('unauthenticated');
    }
    for (const url of ['/%61pi/bureaus', '/api//bureaus', '/API/bureaus']) {
      const sneaky = await server.app.inject({ url });
      expect([401, 404], url).toContain(sneaky.statusCode);
    }
    const sneakyUser = await server.app.inject({
      method: 'POST',
      url: '/%61pi/users',
      payload: { username: 'intruder', bureauId: world.bureaus.coord, roles: ['admin'], password: 'long enough password' },
    });
    expect(sneakyUser.statusCode).toBe(401);
    const badToken = await server.app.inject({ url: '/api/operations', headers: { authorization: 'Bearer forged' } });
    expect(badToken.statusCode).toBe(401);
    expect((await server.as(null, { url: '/api/health' })).statusCode).toBe(200);
    const openapi = await server.as(null, { url: '/api/openapi.json' });
    expect(openapi.statusCode).toBe(200);
    expect(Object.keys(openapi.json().paths)).toEqual(expect.arrayContaining(['/api/operations/{id}/results', '/api/inspections/{id}']));
    const docs = await server.as(null, { url: '/api/docs/' });
    expect(docs.statusCode).toBe(200);
    expect(docs.body).toContain('swagger');
  });

  it('hides another bureau\'s `owner` records behind 404 on every read', async () => {
    for (const url of [`/api/inspections/${ownerInspection}`, `/api/outcomes/${ownerArrest}`, `/api/hotspots/${world.hotspots.trPrivate}`]) {
      const res = await server.as(USERS.officerIn, { url });
      expect(res.statusCode, url).toBe(404);
      expect(res.body).not.toContain('TR');
      expect((await server.as(USERS.officerTr, { url })).statusCode, url).toBe(200);
    }
    // The coordinator sees aggregates, but individual records only as shared.
    expect((await server.as(USERS.coordinator, { url: `/api/inspections/${ownerInspection}` })).statusCode).toBe(404);
  });

  it('keeps bureaus outside the operation out of it entirely', async () => {
    for (const url of [
      `/api/operations/${world.operationId}`,
      `/api/operations/${world.operationId}/results`,
      `/api/operations/${world.operationId}/hotspots`,
      `/api/operations/${world.operationId}/inspections`,
      `/api/operations/${world.operationId}/outcomes`,
      `/api/hotspots/${world.hotspots.tr}`,
    ]) {
      expect((await server.as(USERS.outsider, { url })).statusCode, url).toBe(404);
    }
    const list = await server.as(USERS.outsider, { url: '/api/operations' });
    expect(list.json().map((o: { id: string }) => o.id)).toEqual([world.otherOperationId]);
    const write = await server.as(USERS.outsider, {
      method: 'POST',
      url: `/api/operations/${world.operationId}/inspections`,
      payload: { hotspotId: world.hotspots.tr, at: '2023-10-16T08:00:00Z', kind: 'patrol', personsChecked: 1 },
    });
    expect(write.statusCode).toBe(404);
    const csv = await server.as(USERS.outsider, {
      method: 'POST',
      url: `/api/operations/${world.operationId}/imports/inspections`,
      headers: { 'content-type': 'text/csv' },
      payload: `hotspotId,at,kind,personsChecked\n${world.hotspots.tr},2023-10-16T08:00:00Z,patrol,1\n`,
    });
    expect(csv.statusCode).toBe(404);
  });

  it('filters lists by sharing: owner, listed and operation', async () => {
    const post = (payload: object) =>
      server.as(USERS.fieldTr, { method: 'POST', url: `/api/operations/${world.operationId}/inspections`, payload });
    const base = { hotspotId: world.hotspots.tr, kind: 'patrol', personsChecked: 2 };
    const listed = (await post({ ...base, at: '2023-10-18T01:00:00Z', sharing: 'listed', sharedWith: ['NP'] })).json().id;
    const open = (await post({ ...base, at: '2023-10-18T02:00:00Z', sharing: 'operation' })).json().id;
    const ids = async (user: string) =>
      (await server.as(user, { url: `/api/operations/${world.operationId}/inspections?limit=1000` })).json().items.map((i: { id: string }) => i.id);
    expect(await ids(USERS.officerNp)).toEqual(expect.arrayContaining([listed, open]));
    expect(await ids(USERS.officerNp)).not.toContain(ownerInspection);
    expect(await ids(USERS.officerIn)).toContain(open);
    expect(await ids(USERS.officerIn)).not.toContain(listed);
    expect(await ids(USERS.officerTr)).toEqual(expect.arrayContaining([listed, open, ownerInspection]));
    // Partners (victim-support organisations) get nothing through sharing.
    expect(await ids(USERS.partnerNp)).toEqual([]);
    expect((await server.as(USERS.officerNp, { url: `/api/inspections/${listed}` })).statusCode).toBe(200);
    expect((await server.as(USERS.officerIn, { url: `/api/inspections/${listed}` })).statusCode).toBe(404);
  });

  it('does not say which hotspot a visible record was at when the hotspot is hidden', async () => {
    const shared = (kind: 'inspections' | 'outcomes', payload: object) =>
      server.as(USERS.officerTr, { method: 'POST', url: `/api/operations/${world.operationId}/${kind}`, payload: { ...payload, hotspotId: world.hotspots.trPrivate, sharing: 'operation' } });
    const inspection = await shared('inspections', { at: '2023-10-16T09:00:00Z', kind: 'document_check', personsChecked: 2 });
    const rescue = await shared('outcomes', { kind: 'rescue', at: '2023-10-16T09:30:00Z', persons: 1 });
    expect([inspection.statusCode, rescue.statusCode]).toEqual([201, 201]);
    const seen = async (user: string, url: string) => (await server.as(user, { url })).json().hotspotId;
    expect(await seen(USERS.officerTr, `/api/inspections/${inspection.json().id}`)).toBe(world.hotspots.trPrivate);
    expect(await seen(USERS.officerIn, `/api/inspections/${inspection.json().id}`)).toBeNull();
    expect(await seen(USERS.officerIn, `/api/outcomes/${rescue.json().id}`)).toBeNull();
    for (const kind of ['inspections', 'outcomes']) {
      const url = `/api/operations/${world.operationId}/${kind}?hotspot=${world.hotspots.trPrivate}`;
      expect((await server.as(USERS.officerIn, { url })).json().items, kind).toEqual([]);
      expect((await server.as(USERS.officerTr, { url })).json().items.length, kind).toBeGreaterThan(0);
    }
  });

  it('refuses writes the role does not allow', async () => {
    const analyst = await server.as(USERS.analyst, {
      method: 'POST',
      url: `/api/operations/${world.operationId}/inspections`,
      payload: { hotspotId: world.hotspots.tr, at: '2023-10-16T08:00:00Z', kind: 'patrol', personsChecked: 1 },
    });
    expect(analyst.statusCode).toBe(403); // analysts read, they do not log
    const officerOp = await server.as(USERS.officerTr, { method: 'POST', url: '/api/operations', payload: { name: 'Mine' } });
    expect(officerOp.statusCode).toBe(403);
    const fieldImport = await server.as(USERS.fieldTr, {
      method: 'POST',
      url: `/api/operations/${world.operationId}/imports/inspections`,
      headers: { 'content-type': 'text/csv' },
      payload: 'hotspotId,at,kind,personsChecked\n',
    });
    expect(fieldImport.statusCode).toBe(403);
    const users = await server.as(USERS.officerTr, { url: '/api/users' });
    expect(users.statusCode).toBe(403);
  });

  it('tells each caller what they may do in the operation, as the writes then answer', async () => {
    const can = async (username: string) => {
      const operations = (await server.as(username, { url: '/api/operations' })).json() as { id: string; can: object }[];
      return operations.find((o) => o.id === world.operationId)?.can;
    };
    expect(await can(USERS.coordinator)).toEqual({ manage: true, logEntries: false, openCases: false, recordCampaigns: true, sendRequests: true });
    expect(await can(USERS.officerTr)).toEqual({ manage: false, logEntries: true, openCases: true, recordCampaigns: true, sendRequests: true });
    expect(await can(USERS.fieldTr)).toEqual({ manage: false, logEntries: true, openCases: false, recordCampaigns: false, sendRequests: false });
    expect(await can(USERS.analyst)).toEqual({ manage: false, logEntries: false, openCases: false, recordCampaigns: false, sendRequests: false });
    expect(await can(USERS.partnerNp)).toEqual({ manage: false, logEntries: false, openCases: false, recordCampaigns: true, sendRequests: false });
    // The analyst was told it may not log; the API refuses (above). A field officer may not send.
    const fieldSends = await server.as(USERS.fieldTr, {
      method: 'POST',
      url: `/api/operations/${world.operationId}/cooperation`,
      payload: { to: [world.bureaus.np], subject: 'x', message: 'y' },
    });
    expect(fieldSends.statusCode).toBe(403);
  });
});

describe.each(engines)('audit of reads on %s', (engine) => {
  let server: TestServer;
  let world: World;
  beforeAll(async () => {
    server = await startServer(engine);
    world = await makeWorld(server.database);
  });
  afterAll(() => server?.drop());

  it('records who read a record about people, and every write', async () => {
    const created = await server.as(USERS.officerTr, {
      method: 'POST',
      url: `/api/operations/${world.operationId}/outcomes`,
      payload: { kind: 'rescue', at: '2023-10-17T10:00:00Z', persons: 3, sharing: 'operation' },
    });
    const id = created.json().id;
    await server.as(USERS.officerIn, { url: `/api/outcomes/${id}` });
    await server.as(USERS.officerNp, { url: `/api/operations/${world.operationId}/outcomes` });
    const entries = await server.database.db
      .selectFrom('audit_log')
      .innerJoin('users', 'users.id', 'audit_log.actor_user_id')
      .select(['users.username', 'audit_log.action', 'audit_log.entity', 'audit_log.entity_id', 'audit_log.detail'])
      .where('audit_log.action', 'in', ['create', 'read', 'list'])
      .orderBy('audit_log.seq')
      .execute();
    expect(entries.map((e) => [e.username, e.action, e.entity])).toEqual([
      [USERS.officerTr, 'create', 'rescue'],
      [USERS.officerIn, 'read', 'rescue'],
      [USERS.officerNp, 'list', 'outcome'],
    ]);
    expect(entries[1]!.entity_id).toBe(id);
    expect(entries[2]!.detail).toEqual({ ids: [id] });
  });
});

describe('sign-in throttling', () => {
  it('slows password guessing at one account with 429, leaving other accounts alone', async () => {
    const server = await startServer('pglite');
    try {
      await makeWorld(server.database);
      const attempt = (username: string, password: string) =>
        server.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username, password } });
      const codes: number[] = [];
      for (let i = 0; i < 12; i++) codes.push((await attempt(USERS.officerTr, `guess ${i}`)).statusCode);
      expect(codes.slice(0, 10).every((c) => c === 401)).toBe(true);
      expect(codes.slice(10)).toEqual([429, 429]);
      expect((await attempt(USERS.officerIn, 'correct horse battery staple')).statusCode).toBe(200);
    } finally {
      await server.drop();
    }
  });
});

describe('sessions', () => {
  it('end at logout and when they expire, with a message that says so', async () => {
    const server = await startServer('pglite');
    try {
      await makeWorld(server.database);
      const login = async () =>
        (await server.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: USERS.officerTr, password: 'correct horse battery staple' } })).json().token as string;
      const me = (token: string) => server.app.inject({ url: '/api/auth/me', headers: { authorization: `Bearer ${token}` } });

      const first = await login();
      expect((await me(first)).json()).toMatchObject({ username: USERS.officerTr, roles: ['officer'], bureau: { country: 'TR' } });
      await server.app.inject({ method: 'POST', url: '/api/auth/logout', headers: { authorization: `Bearer ${first}` } });
      expect((await me(first)).statusCode).toBe(401);

      const second = await login();
      await server.database.db.updateTable('sessions').set({ expires_at: new Date(Date.now() - 1000) }).execute();
      const expired = await me(second);
      expect(expired.statusCode).toBe(401);
      expect(expired.json().message).toMatch(/expired/);
      await login(); // signing in again clears expired sessions
      expect(await server.database.db.selectFrom('sessions').select('token_hash').execute()).toHaveLength(1);
    } finally {
      await server.drop();
    }
  });
});
