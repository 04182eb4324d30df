// The demo operation reproduces the published figures of Storm Makers II exactly.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_FIGURES } from '../../src/demo/generate.ts';
import { DEMO_OPERATION_ID, loadDemo } from '../../src/demo/load.ts';
import { engines } from '../helpers/engines.ts';
import { startServer, type TestServer } from '../helpers/http.ts';

const PASSWORD = 'demo password for tests';

describe.each(engines)('demo operation on %s', (engine) => {
  let server: TestServer;
  const login = async (username: string) => {
    const res = await server.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username, password: PASSWORD } });
    expect(res.statusCode, username).toBe(200);
    return { authorization: `Bearer ${res.json().token}` };
  };

  beforeAll(async () => {
    server = await startServer(engine);
    const result = await loadDemo(server.database, { password: PASSWORD });
    expect(result.loaded).toBe(true);
  }, 180_000);
  afterAll(() => server?.drop());

  it('shows the coordinator the published results', async () => {
    const headers = await login('coordinator');
    const operations = (await server.app.inject({ url: '/api/operations', headers })).json();
    expect(operations).toEqual([expect.objectContaining({ id: DEMO_OPERATION_ID, name: 'Storm Makers II' })]);
    const results = (await server.app.inject({ url: `/api/operations/${DEMO_OPERATION_ID}/results`, headers })).json();
    expect(results.totals).toMatchObject({
      inspections: 270_000,
      hotspots: 450,
      countries: 27,
      arrests: 281,
      rescues: 149,
      investigations: 360,
      interceptions: 800,
      smugglersApprehended: 239,
      migrantsIntercepted: 4_000,
    });
    expect(results.byCountry).toHaveLength(DEMO_FIGURES.countries);
    expect(results.byDay.map((d: { day: string }) => d.day)).toEqual(['2023-10-16', '2023-10-17', '2023-10-18', '2023-10-19', '2023-10-20']);
    const turkey = results.byCountry.find((c: { country: string }) => c.country === 'TR');
    expect(turkey).toMatchObject({ smugglersApprehended: 239, migrantsIntercepted: 4_000 });
    const offences = results.byOffence.map((o: { offence: string }) => o.offence);
    expect(offences).toEqual(expect.arrayContaining(['human_trafficking', 'document_forgery', 'corruption', 'telecom_fraud', 'sexual_exploitation']));
  });

  it('signs in every demo user and shows each officer their own country', async () => {
    const headers = await login('officer-in');
    const hotspots = (await server.app.inject({ url: `/api/operations/${DEMO_OPERATION_ID}/hotspots?country=TR&limit=100`, headers })).json();
    expect(hotspots.items.length).toBeGreaterThan(5);
    expect(hotspots.items.every((h: { country: string }) => h.country === 'TR')).toBe(true);
    for (const username of ['analyst', 'field-tr', 'officer-np', 'admin']) await login(username);
    // Some Turkish inspections are `owner`-only: India's officer never sees them.
    const own = await server.database.db
      .selectFrom('inspections')
      .innerJoin('bureaus', 'bureaus.id', 'inspections.owner_bureau_id')
      .select('inspections.id')
      .where('bureaus.country', '=', 'TR')
      .where('inspections.sharing', '=', 'owner')
      .limit(1)
      .executeTakeFirstOrThrow();
    expect((await server.app.inject({ url: `/api/inspections/${own.id}`, headers })).statusCode).toBe(404);
    expect((await server.app.inject({ url: `/api/inspections/${own.id}`, headers: await login('officer-tr') })).statusCode).toBe(200);
  });

  it('loads once: a second load changes nothing', async () => {
    const again = await loadDemo(server.database, { password: PASSWORD });
    expect(again.loaded).toBe(false);
  });
});
