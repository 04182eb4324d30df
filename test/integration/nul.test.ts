// PostgreSQL refuses the NUL character in text: a NUL anywhere in a request answers 400 naming
// where it was, on every route of the API, never a 500 from deep inside a query.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeWorld, USERS, type World } from '../factories/world.ts';
import { engines } from '../helpers/engines.ts';
import { startServer, type TestServer } from '../helpers/http.ts';

interface OpenApiOperation {
  parameters?: { in: string; name: string }[];
  requestBody?: { content: Record<string, { schema?: { properties?: Record<string, unknown> } }> };
}

describe.each(engines)('NUL characters on %s', (engine) => {
  let server: TestServer;
  let world: World;
  beforeAll(async () => {
    server = await startServer(engine);
    world = await makeWorld(server.database);
  });
  afterAll(() => server?.drop());

  const expectRefused = async (res: { statusCode: number; body: string; json(): { error?: string; field?: string } }, field: string, what: string) => {
    expect(res.statusCode, `${what}: ${res.body}`).toBe(400);
    expect(res.json(), what).toMatchObject({ error: 'invalid', field });
  };

  it('answers 400 naming the field for the examples of the review', async () => {
    const login = await server.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'a\u0000', password: 'x' } });
    await expectRefused(login, 'username', 'login');
    const search = await server.as(USERS.officerTr, { url: `/api/operations/${world.operationId}/cases?q=a%00b` });
    await expectRefused(search, 'q', 'case search');
    const nested = await server.as(USERS.officerTr, {
      method: 'POST',
      url: `/api/operations/${world.operationId}/cases`,
      payload: { title: 'Case', openedOn: '2023-10-16', persons: [{ role: 'victim', name: 'Maya\u0000' }] },
    });
    await expectRefused(nested, 'persons.0.name', 'nested body string');
    const key = await server.as(USERS.officerTr, {
      method: 'POST',
      url: `/api/operations/${world.operationId}/cases`,
      payload: { title: 'Case', openedOn: '2023-10-16', 'ti\u0000tle': 'x' },
    });
    await expectRefused(key, 'ti\\0tle', 'body key');
    const cases = await server.database.db.selectFrom('cases').select('id').execute();
    expect(cases).toEqual([]);
  });

  it('answers 400, never a 500, for a NUL in the path, the query and the body of every route', async () => {
    const doc = server.app.swagger() as { paths: Record<string, Record<string, OpenApiOperation>> };
    const token = await server.token(USERS.officerTr);
    const headers = { authorization: `Bearer ${token}` };
    let tried = 0;
    let requests = 0;
    const address = () => {
      requests += 1;
      return `10.13.${requests >> 8}.${requests & 255}`;
    };
    for (const [path, operations] of Object.entries(doc.paths)) {
      for (const [method, operation] of Object.entries(operations)) {
        const pathParams = (operation.parameters ?? []).filter((p) => p.in === 'path').map((p) => p.name);
        const queryParams = (operation.parameters ?? []).filter((p) => p.in === 'query').map((p) => p.name);
        const url = (nul?: string) =>
          path.replace(/\{(\w+)\}/g, (_all, name: string) => (name === nul ? 'a%00b' : name === 'id' ? world.operationId : randomUUID()));
        // Each request from its own address: the public routes' rate limits count per address.
        const send = (u: string, payload?: object) =>
          server.app.inject({ method: method.toUpperCase() as 'GET', url: u, headers, remoteAddress: address(), ...(payload ? { payload } : {}) });
        const what = `${method.toUpperCase()} ${path}`;

        for (const name of pathParams) await expectRefused(await send(url(name)), name, `${what} path ${name}`);
        for (const name of queryParams.length > 0 ? queryParams : ['q']) {
          await expectRefused(await send(`${url()}?${name}=a%00b`), name, `${what} query ${name}`);
        }
        await expectRefused(await send(`${url()}?a%00b=1`), 'a\\0b', `${what} query name`);
        if (method !== 'get' && method !== 'delete') {
          const properties = Object.keys(operation.requestBody?.content['application/json']?.schema?.properties ?? { text: true });
          for (const name of properties) await expectRefused(await send(url(), { [name]: 'a\u0000b' }), name, `${what} body ${name}`);
          await expectRefused(await send(url(), { list: [{ 'k\u0000': 1 }] }), 'list.0.k\\0', `${what} body key`);
        }
        tried += 1;
      }
    }
    expect(tried).toBeGreaterThan(60);
  });

  it('answers 400 with the row and column for a NUL in a CSV cell of either import', async () => {
    const imports = [
      ['inspections', `hotspotId,at,kind,personsChecked,notes\n${world.hotspots.tr},2023-10-16T08:00:00Z,patrol,3,ok\n${world.hotspots.tr},2023-10-16T08:00:00Z,patrol,3,"a\u0000b"\n`, 3, 'notes'],
      ['outcomes', `kind,at,country,persons,notes\nrescue,2023-10-17T09:00:00Z,TR\u0000,1,\n`, 2, 'country'],
    ] as const;
    for (const [kind, csv, row, column] of imports) {
      const res = await server.as(USERS.officerTr, {
        method: 'POST',
        url: `/api/operations/${world.operationId}/imports/${kind}`,
        headers: { 'content-type': 'text/csv' },
        payload: csv,
      });
      expect(res.statusCode, res.body).toBe(400);
      expect(res.json()).toMatchObject({ error: 'invalid', row, column });
    }
    const written = await server.database.db.selectFrom('inspections').select('id').execute();
    expect(written).toEqual([]);
  });
});
