import { sql } from 'kysely';
// The demo operation reproduces the published figures of Storm Makers II exactly.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_FIGURES } from '../../src/demo/generate.ts';
import { DEMO_OPERATION_ID, loadDemo } from '../../src/demo/load.ts';
import { engines } from '../helpers/engines.ts';
import { serveDatabase, startServer, type TestServer } from '../helpers/http.ts';
import { DEMO_PASSWORD, openDemoCopy } from '../helpers/run-fixtures.ts';

describe.each(engines)('demo operation on %s', (engine) => {
  let server: TestServer;
  const login = async (username: string) => {
    const res = await server.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username, password: DEMO_PASSWORD } });
    expect(res.statusCode, username).toBe(200);
    return { authorization: `Bearer ${res.json().token}` };
  };

  beforeAll(async () => {
    if (engine === 'pglite') {
      // The run loads the demo on PGlite once (the e2e files share it too); this file opens a copy.
      server = await serveDatabase(await openDemoCopy('demo.test'), {}, DEMO_PASSWORD);
      return;
    }
    server = await startServer(engine);
    const result = await loadDemo(server.database, { password: DEMO_PASSWORD });
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

  it('puts every rescue and investigation in a case, with the six narratives and their routes', async () => {
    const db = server.database.db;
    const unlinked = await db
      .selectFrom('outcomes as o')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('o.kind', 'in', ['rescue', 'investigation'])
      .where(({ not, exists, selectFrom }) =>
        not(exists(selectFrom('case_outcomes as co').select('co.case_id').whereRef('co.outcome_id', '=', 'o.id'))),
      )
      .executeTakeFirstOrThrow();
    expect(Number(unlinked.n)).toBe(0);
    // The victims of the cases that rescues belong to add up to the persons rescued.
    const rescued = await db
      .selectFrom('case_persons as p')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('p.role', '=', 'victim')
      .where('p.case_id', 'in', (eb) =>
        eb
          .selectFrom('case_outcomes as co')
          .innerJoin('outcomes as o', 'o.id', 'co.outcome_id')
          .select('co.case_id')
          .where('o.kind', '=', 'rescue'),
      )
      .executeTakeFirstOrThrow();
    expect(Number(rescued.n)).toBeGreaterThanOrEqual(149);

    const route = async (title: string) => {
      const c = await db.selectFrom('cases').select('id').where('title', 'like', `${title}%`).executeTakeFirstOrThrow();
      const legs = await db
        .selectFrom('journey_legs as l')
        .innerJoin('journeys as j', 'j.id', 'l.journey_id')
        .select(['l.from_country', 'l.to_country'])
        .where('j.case_id', '=', c.id)
        .orderBy('l.journey_id')
        .orderBy('l.seq')
        .execute();
      const stops = [legs[0]?.from_country, ...legs.map((l) => l.to_country)];
      return stops.filter((country, i) => country !== stops[i - 1]);
    };
    expect(await route('Forty Malaysians')).toEqual(['MY', 'PE']);
    expect(await route('Ugandans diverted')).toEqual(['UG', 'AE', 'TH', 'MM']);
    expect(await route('Accountant from Telangana')).toEqual(['IN', 'TH', 'LA']);
    expect(await route('Boy of 13')).toEqual(['BD', 'IN']);
    expect(await route('Two Nepali women')).toEqual(['NP', 'IN']);
    const myanmar = await db
      .selectFrom('case_persons as p')
      .innerJoin('cases as c', 'c.id', 'p.case_id')
      .select((eb) => eb.fn.count<number>(sql`distinct p.nationalities[1]`).as('n'))
      .where('c.title', 'like', 'Victims from 22 countries%')
      .executeTakeFirstOrThrow();
    expect(Number(myanmar.n)).toBe(22);
    const children = await db.selectFrom('case_persons').select(['name', 'age']).where('is_child', '=', true).where('age', 'in', [13, 17]).execute();
    expect(children.map((c) => c.name)).toEqual(expect.arrayContaining(['রাকিব হাসান', 'सीता तामाङ']));
  });

  it('links the network: one wallet paid into from Uganda, India and Myanmar, found by the link graph within each view', async () => {
    const caseId = async (title: string) =>
      (await server.database.db.selectFrom('cases').select('id').where('title', 'like', `${title}%`).executeTakeFirstOrThrow()).id;
    const walletOf = async (headers: Record<string, string>, id: string) => {
      const res = await server.app.inject({ url: `/api/cases/${id}/entities`, headers });
      expect(res.statusCode, res.body).toBe(200);
      return (res.json().entities as { id: string; kind: string; hit: string | null }[]).find((e) => e.kind === 'crypto_wallet')!;
    };
    // Myanmar sees all three cases: the graph from its wallet reaches Uganda and India.
    const mm = await login('officer-mm');
    const fromMyanmar = await walletOf(mm, await caseId('Victims from 22 countries'));
    const graph = (await server.app.inject({ url: `/api/entities/${fromMyanmar.id}/graph?depth=1`, headers: mm })).json();
    expect(graph.countries).toEqual(expect.arrayContaining(['IN', 'MM', 'UG']));
    // India may not see the Ugandan case (shared with AE, TH, MM and FR): the same walk shows India
    // and Myanmar, and a hit for the rest.
    const india = await login('officer-in');
    const fromIndia = await walletOf(india, await caseId('Accountant from Telangana'));
    expect(fromIndia.hit).toEqual(expect.any(String));
    const seen = (await server.app.inject({ url: `/api/entities/${fromIndia.id}/graph?depth=1`, headers: india })).json();
    expect(seen.countries).toEqual(['IN', 'MM']);
    expect(seen.nodes).toContainEqual(expect.objectContaining({ type: 'hidden', kind: 'crypto_wallet', hit: fromIndia.hit }));
  });

  it('proposes the recruiter recorded in Uganda and India as one person, and tells India only of a hidden match', async () => {
    const analyst = await login('analyst');
    const page = (await server.app.inject({ url: `/api/operations/${DEMO_OPERATION_ID}/person-matches?status=proposed`, headers: analyst })).json();
    const annet = page.items.find((m: { left: { name: string }; right: { name: string } }) => [m.left.name, m.right.name].sort().join(' / ') === 'Annet K. / KYOMUHENDO Annet');
    expect(annet, JSON.stringify(page.items.slice(0, 5))).toBeDefined();
    expect(annet.score).toBeGreaterThan(0.9);
    const india = await login('officer-in');
    const seen = await server.app.inject({ url: `/api/operations/${DEMO_OPERATION_ID}/person-matches`, headers: india });
    expect(seen.json().hiddenMatches).toEqual([expect.objectContaining({ hit: expect.any(String) })]);
    expect(seen.body).not.toContain('Annet K.');
  });

  it('shows the Bangladesh → India request answered within the day, and the UAE and Nepal campaigns', async () => {
    const headers = await login('officer-bd');
    const stats = (await server.app.inject({ url: `/api/operations/${DEMO_OPERATION_ID}/cooperation/stats`, headers })).json();
    const india = stats.bureaus.find((b: { country: string }) => b.country === 'IN');
    expect(india).toMatchObject({ received: 2, answered: 2 });
    expect(india.medianHoursToFirstAnswer).toBeLessThan(24);
    expect(stats.bureaus.find((b: { country: string }) => b.country === 'BD')).toMatchObject({ sent: 1 });
    const sent = (await server.app.inject({ url: `/api/operations/${DEMO_OPERATION_ID}/cooperation?box=sent`, headers })).json();
    expect(sent.items).toHaveLength(1);
    const request = (await server.app.inject({ url: `/api/cooperation/${sent.items[0].id}`, headers })).json();
    const answer = Date.parse(request.to[0].firstAnswerAt) - Date.parse(request.createdAt);
    expect(request).toMatchObject({ priority: 'urgent', status: 'answered' });
    expect(answer).toBeLessThan(24 * 3_600_000);
    const campaigns = (await server.app.inject({ url: `/api/operations/${DEMO_OPERATION_ID}/campaigns?limit=100`, headers })).json();
    const channels = campaigns.items.map((c: { country: string; channel: string }) => `${c.country}:${c.channel}`);
    expect(channels).toEqual(expect.arrayContaining(['AE:markets', 'AE:massage_parlours', 'NP:radio', 'NP:border_outreach', 'NP:pamphlets']));
  });

  it('loads once: a second load changes nothing', async () => {
    const again = await loadDemo(server.database, { password: DEMO_PASSWORD });
    expect(again.loaded).toBe(false);
  });
});
