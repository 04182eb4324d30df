// A JSON body is checked as sent: a wrong type answers 400 naming the field instead of being
// coerced (null → 0, true → 1, [3] → 3, 123 → "123"). Query strings and path parameters arrive
// as text and still read numbers as numbers.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeWorld, USERS, type World } from '../factories/world.ts';
import { engines } from '../helpers/engines.ts';
import { startServer, type TestServer } from '../helpers/http.ts';
import { rowCounts } from '../helpers/row-counts.ts';

describe.each(engines)('body types on %s', (engine) => {
  let server: TestServer;
  let world: World;
  beforeAll(async () => {
    server = await startServer(engine);
    world = await makeWorld(server.database);
  });
  afterAll(() => server?.drop());

  const inspection = (personsChecked: unknown) => ({ hotspotId: world.hotspots.tr, at: '2023-10-16T08:00:00Z', kind: 'patrol', personsChecked });

  it('refuses null, true and [3] for a number, and 123 for a title, naming the field', async () => {
    const cases: { name: string; url: string; payload: object; field: string }[] = [
      { name: 'null count', url: `/api/operations/${world.operationId}/inspections`, payload: inspection(null), field: 'personsChecked' },
      { name: 'true count', url: `/api/operations/${world.operationId}/inspections`, payload: inspection(true), field: 'personsChecked' },
      { name: '[3] count', url: `/api/operations/${world.operationId}/inspections`, payload: inspection([3]), field: 'personsChecked' },
      { name: '"3" count', url: `/api/operations/${world.operationId}/inspections`, payload: inspection('3'), field: 'personsChecked' },
      { name: 'number title', url: `/api/operations/${world.operationId}/cases`, payload: { title: 123, openedOn: '2023-10-16' }, field: 'title' },
      {
        name: 'a single offence for a list',
        url: `/api/operations/${world.operationId}/outcomes`,
        payload: { kind: 'arrest', at: '2023-10-16T08:00:00Z', offences: 'human_trafficking' },
        field: 'offences',
      },
    ];
    const records = async () => {
      const { inspections, cases, outcomes } = await rowCounts(server.database);
      return { inspections, cases, outcomes };
    };
    const before = await records();
    for (const c of cases) {
      const res = await server.as(USERS.officerTr, { method: 'POST', url: c.url, payload: c.payload });
      expect(res.statusCode, `${c.name}: ${res.body}`).toBe(400);
      expect(res.json(), c.name).toMatchObject({ error: 'invalid', field: c.field });
    }
    expect(await records()).toEqual(before);
  });

  it('accepts the right types in the body and reads numbers from the query string', async () => {
    const created = await server.as(USERS.officerTr, { method: 'POST', url: `/api/operations/${world.operationId}/inspections`, payload: inspection(3) });
    expect(created.statusCode, created.body).toBe(201);
    const page = await server.as(USERS.officerTr, { url: `/api/operations/${world.operationId}/inspections?limit=1` });
    expect(page.statusCode, page.body).toBe(200);
    expect(page.json().items).toHaveLength(1);
    expect(page.json().items[0].personsChecked).toBe(3);
  });
});
