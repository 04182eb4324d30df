// Bad input answers 400 with the field named, and writes nothing.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { engines } from '../helpers/engines.ts';
import { startServer, type TestServer } from '../helpers/http.ts';
import { makeWorld, USERS, type World } from '../factories/world.ts';

describe.each(engines)('bad input on %s', (engine) => {
  let server: TestServer;
  let world: World;
  beforeAll(async () => {
    server = await startServer(engine);
    world = await makeWorld(server.database);
  });
  afterAll(() => server?.drop());

  const inspection = () => ({
    hotspotId: world.hotspots.tr,
    at: '2023-10-16T08:00:00Z',
    kind: 'traveller_check',
    personsChecked: 3,
  });

  const cases = (): { name: string; user: string; method: 'GET' | 'POST'; url: string; payload?: object; field: string }[] => [
    { name: 'login without password', user: '', method: 'POST', url: '/api/auth/login', payload: { username: 'x' }, field: 'password' },
    { name: 'inspection kind', user: USERS.fieldTr, method: 'POST', url: `/api/operations/${world.operationId}/inspections`, payload: { ...inspection(), kind: 'raid' }, field: 'kind' },
    { name: 'inspection time', user: USERS.fieldTr, method: 'POST', url: `/api/operations/${world.operationId}/inspections`, payload: { ...inspection(), at: 'yesterday' }, field: 'at' },
    { name: 'inspection persons', user: USERS.fieldTr, method: 'POST', url: `/api/operations/${world.operationId}/inspections`, payload: { ...inspection(), personsChecked: -1 }, field: 'personsChecked' },
    { name: 'inspection missing hotspot', user: USERS.fieldTr, method: 'POST', url: `/api/operations/${world.operationId}/inspections`, payload: { ...inspection(), hotspotId: undefined }, field: 'hotspotId' },
    { name: 'inspection hotspot not visible', user: USERS.officerIn, method: 'POST', url: `/api/operations/${world.operationId}/inspections`, payload: { ...inspection(), hotspotId: world.hotspots.trPrivate }, field: 'hotspotId' },
    { name: 'inspection unknown field', user: USERS.fieldTr, method: 'POST', url: `/api/operations/${world.operationId}/inspections`, payload: { ...inspection(), victimName: 'x' }, field: 'victimName' },
    { name: 'listed without countries', user: USERS.fieldTr, method: 'POST', url: `/api/operations/${world.operationId}/inspections`, payload: { ...inspection(), sharing: 'listed' }, field: 'sharedWith' },
    { name: 'listed with a non-country', user: USERS.fieldTr, method: 'POST', url: `/api/operations/${world.operationId}/inspections`, payload: { ...inspection(), sharing: 'listed', sharedWith: ['XX'] }, field: 'sharedWith' },
    { name: 'sharing value', user: USERS.fieldTr, method: 'POST', url: `/api/operations/${world.operationId}/inspections`, payload: { ...inspection(), sharing: 'everyone' }, field: 'sharing' },
    { name: 'arrest without offence', user: USERS.officerTr, method: 'POST', url: `/api/operations/${world.operationId}/outcomes`, payload: { kind: 'arrest', at: '2023-10-16T08:00:00Z' }, field: 'offences' },
    { name: 'offence off the list', user: USERS.officerTr, method: 'POST', url: `/api/operations/${world.operationId}/outcomes`, payload: { kind: 'arrest', at: '2023-10-16T08:00:00Z', offences: ['jaywalking'] }, field: 'offences.0' },
    { name: 'investigation without status', user: USERS.officerTr, method: 'POST', url: `/api/operations/${world.operationId}/outcomes`, payload: { kind: 'investigation', at: '2023-10-16T08:00:00Z' }, field: 'status' },
    { name: 'rescue with zero persons', user: USERS.officerTr, method: 'POST', url: `/api/operations/${world.operationId}/outcomes`, payload: { kind: 'rescue', at: '2023-10-16T08:00:00Z', persons: 0 }, field: 'persons' },
    { name: 'outcome country differs from hotspot', user: USERS.officerTr, method: 'POST', url: `/api/operations/${world.operationId}/outcomes`, payload: { kind: 'rescue', at: '2023-10-16T08:00:00Z', hotspotId: world.hotspots.tr, country: 'GR' }, field: 'country' },
    { name: 'hotspot latitude', user: USERS.officerTr, method: 'POST', url: `/api/operations/${world.operationId}/hotspots`, payload: { name: 'x', country: 'TR', kind: 'airport', latitude: 123, longitude: 1 }, field: 'latitude' },
    { name: 'hotspot kind', user: USERS.officerTr, method: 'POST', url: `/api/operations/${world.operationId}/hotspots`, payload: { name: 'x', country: 'TR', kind: 'castle', latitude: 1, longitude: 1 }, field: 'kind' },
    { name: 'hotspot country', user: USERS.officerTr, method: 'POST', url: `/api/operations/${world.operationId}/hotspots`, payload: { name: 'x', country: 'QQ', kind: 'airport', latitude: 1, longitude: 1 }, field: 'country' },
    { name: 'operation phase order', user: USERS.coordinator, method: 'POST', url: '/api/operations', payload: { name: 'Op', phases: [{ name: 'Action', startsOn: '2023-10-20', endsOn: '2023-10-16' }] }, field: 'phases.0.endsOn' },
    { name: 'operation without name', user: USERS.coordinator, method: 'POST', url: '/api/operations', payload: {}, field: 'name' },
    { name: 'user with short password', user: USERS.coordAdmin, method: 'POST', url: '/api/users', payload: { username: 'new-user', bureauId: world.bureaus.tr, roles: ['field'], password: 'short' }, field: 'password' },
    { name: 'police role in a partner bureau', user: USERS.coordAdmin, method: 'POST', url: '/api/users', payload: { username: 'new-user', bureauId: world.bureaus.partner, roles: ['officer'], password: 'long enough password' }, field: 'roles' },
    { name: 'coordinator role in a national bureau', user: USERS.coordAdmin, method: 'POST', url: '/api/users', payload: { username: 'new-user', bureauId: world.bureaus.tr, roles: ['coordinator'], password: 'long enough password' }, field: 'roles' },
    { name: 'user role', user: USERS.coordAdmin, method: 'POST', url: '/api/users', payload: { username: 'new-user', bureauId: world.bureaus.tr, roles: ['king'], password: 'long enough password' }, field: 'roles.0' },
    { name: 'bureau kind', user: USERS.coordAdmin, method: 'POST', url: '/api/bureaus', payload: { name: 'B', country: 'GR', kind: 'army' }, field: 'kind' },
    { name: 'list filter kind', user: USERS.officerTr, method: 'GET', url: `/api/operations/${world.operationId}/inspections?kind=raid`, field: 'kind' },
    { name: 'list time range', user: USERS.officerTr, method: 'GET', url: `/api/operations/${world.operationId}/outcomes?from=last-week`, field: 'from' },
    { name: 'list page size', user: USERS.officerTr, method: 'GET', url: `/api/operations/${world.operationId}/hotspots?limit=100000`, field: 'limit' },
    { name: 'cursor with a bad time inside', user: USERS.officerTr, method: 'GET', url: `/api/operations/${world.operationId}/inspections?cursor=WyJub3QgYSBkYXRlIiwgIjAwMDAwMDAwLTAwMDAtMDAwMC0wMDAwLTAwMDAwMDAwMDAwMCJd`, field: 'cursor' },
    { name: 'cursor with a bad id inside', user: USERS.officerTr, method: 'GET', url: `/api/operations/${world.operationId}/outcomes?cursor=WyIyMDIzLTEwLTE2VDAwOjAwOjAwLjAwMFoiLCAieCJd`, field: 'cursor' },
    { name: 'id in upper case', user: USERS.officerTr, method: 'GET', url: `/api/operations/${world.operationId.toUpperCase()}/inspections`, field: 'id' },
    { name: 'forged cursor', user: USERS.officerTr, method: 'GET', url: `/api/operations/${world.operationId}/inspections?cursor=abc`, field: 'cursor' },
    { name: 'record id', user: USERS.officerTr, method: 'GET', url: '/api/inspections/not-a-uuid', field: 'id' },
  ];

  it('names the field of every bad input', async () => {
    for (const c of cases()) {
      const res = c.user
        ? await server.as(c.user, { method: c.method, url: c.url, payload: c.payload })
        : await server.app.inject({ method: c.method, url: c.url, payload: c.payload });
      expect(res.statusCode, `${c.name}: ${res.body}`).toBe(400);
      const body = res.json();
      expect(body.error, c.name).toBe('invalid');
      expect(body.field, `${c.name}: ${res.body}`).toBe(c.field);
      expect(body.message, c.name).toMatch(/\S/);
    }
  });

  it('leaves nothing behind after refused writes', async () => {
    const count = async (table: 'inspections' | 'outcomes' | 'hotspots' | 'operations' | 'users') =>
      Number((await server.database.db.selectFrom(table).select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);
    expect(await count('inspections')).toBe(0);
    expect(await count('outcomes')).toBe(0);
    expect(await count('hotspots')).toBe(3);
    expect(await count('operations')).toBe(2);
  });

  it('answers an unknown route with 404 and a JSON body', async () => {
    const res = await server.as(USERS.officerTr, { url: '/api/nothing-here' });
    expect(res.statusCode).toBe(404);
    expect(res.json().error).toBe('not_found');
  });
});

describe('malformed requests', () => {
  it('answers broken JSON and unknown content types with a JSON error about the body', async () => {
    const server = await startServer('pglite');
    try {
      await makeWorld(server.database);
      const broken = await server.app.inject({ method: 'POST', url: '/api/auth/login', headers: { 'content-type': 'application/json' }, payload: '{"username":' });
      expect(broken.statusCode).toBe(400);
      expect(broken.json()).toMatchObject({ error: 'invalid', field: 'body' });
      const xml = await server.app.inject({ method: 'POST', url: '/api/auth/login', headers: { 'content-type': 'application/xml' }, payload: '<a/>' });
      expect(xml.statusCode).toBe(415);
      expect(xml.json()).toMatchObject({ error: 'unsupported_media_type', field: 'body' });
    } finally {
      await server.drop();
    }
  });
});
