// Prevention campaigns over HTTP: recording, place names in their own script, lists and filters,
// sharing, who may change a campaign, validation, the summary by country and channel, the audit
// log, and the bulk insert the demo loader uses.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { insertCampaigns } from '../../src/modules/campaigns/service.ts';
import { makeWorld, USERS, type World } from '../factories/world.ts';
import { engines } from '../helpers/engines.ts';
import { startServer, type TestServer } from '../helpers/http.ts';

const radio = {
  title: 'Safe migration on Radio Birgunj',
  channel: 'radio',
  places: ['बिरगंज', 'पर्सा'],
  audience: 'young women seeking work in India and the Gulf',
  startsOn: '2023-09-01',
  endsOn: '2023-10-31',
  reach: 120_000,
};
const pamphlets = {
  title: 'Know before you go',
  channel: 'pamphlets',
  country: 'NP',
  places: ['काठमाडौं', 'Birgunj bus park'],
  startsOn: '2023-10-01',
  endsOn: '2023-10-15',
  reach: 5000,
};
const markets = {
  title: 'Haat bazaar outreach',
  channel: 'markets',
  startsOn: '2023-08-01',
  endsOn: '2023-08-31',
  reach: 700,
  sharing: 'owner',
};
const shelterPosts = {
  title: 'Shelter hotline posts',
  channel: 'social_media',
  startsOn: '2023-07-01',
  endsOn: '2023-12-31',
  reach: 3000,
};
const coast = {
  title: 'Çeşme harbour outreach',
  channel: 'border_outreach',
  startsOn: '2023-10-10',
  endsOn: '2023-10-20',
};

interface Item {
  id: string;
  title: string;
}

describe.each(engines)('campaigns on %s', (engine) => {
  let server: TestServer;
  let world: World;
  const ids: Record<'radio' | 'pamphlets' | 'markets' | 'shelterPosts' | 'coast', string> = {
    radio: '',
    pamphlets: '',
    markets: '',
    shelterPosts: '',
    coast: '',
  };

  const base = () => `/api/operations/${world.operationId}/campaigns`;
  const create = (user: string, payload: object) => server.as(user, { method: 'POST', url: base(), payload });
  const list = async (user: string, query = '') =>
    (await server.as(user, { url: `${base()}${query}` })).json();
  const titles = (page: { items: Item[] }) => page.items.map((c) => c.title);
  const summary = (user: string, query = '') => server.as(user, { url: `${base()}/summary${query}` });

  beforeAll(async () => {
    server = await startServer(engine);
    world = await makeWorld(server.database);
    for (const [key, user, payload] of [
      ['radio', USERS.officerNp, radio],
      ['pamphlets', USERS.officerNp, pamphlets],
      ['markets', USERS.officerNp, markets],
      ['shelterPosts', USERS.partnerNp, shelterPosts],
      ['coast', USERS.officerTr, coast],
    ] as const) {
      const res = await create(user, payload);
      expect(res.statusCode, res.body).toBe(201);
      ids[key] = res.json().id;
    }
  });
  afterAll(() => server?.drop());

  it("records a campaign in the bureau's country, shared with the operation, place names as written", async () => {
    const mine = (await server.as(USERS.officerNp, { url: `/api/campaigns/${ids.radio}` })).json();
    expect(mine).toMatchObject({
      ...radio,
      country: 'NP',
      ownerBureauId: world.bureaus.np,
      ownerCountry: 'NP',
      sharing: 'operation',
      sharedWith: [],
      notes: '',
      can: { update: true },
    });
    expect(mine.places).toEqual(['बिरगंज', 'पर्सा']);
    const theirs = await server.as(USERS.officerIn, { url: `/api/campaigns/${ids.pamphlets}` });
    expect(theirs.statusCode).toBe(200);
    expect(theirs.json()).toMatchObject({
      channel: 'pamphlets',
      places: ['काठमाडौं', 'Birgunj bus park'],
      can: { update: false },
    });
    const partners = (await server.as(USERS.partnerNp, { url: `/api/campaigns/${ids.shelterPosts}` })).json();
    expect(partners).toMatchObject({ country: 'NP', reach: 3000, can: { update: true } });
  });

  it('lists the latest start first and filters by country, channel, bureau and dates that overlap', async () => {
    expect(titles(await list(USERS.officerNp))).toEqual([
      coast.title,
      pamphlets.title,
      radio.title,
      markets.title,
      shelterPosts.title,
    ]);
    expect(titles(await list(USERS.officerNp, '?country=NP&channel=radio'))).toEqual([radio.title]);
    expect(titles(await list(USERS.officerNp, `?bureau=${world.bureaus.tr}`))).toEqual([coast.title]);
    expect(titles(await list(USERS.officerNp, '?from=2023-10-16&to=2023-10-31'))).toEqual([
      coast.title,
      radio.title,
      shelterPosts.title,
    ]);
    expect(titles(await list(USERS.officerNp, '?to=2023-08-15'))).toEqual([
      markets.title,
      shelterPosts.title,
    ]);
  });

  it('pages through the list with the cursor, each campaign once', async () => {
    const seen: string[] = [];
    let query = '?limit=2';
    for (;;) {
      const page = await list(USERS.officerNp, query);
      seen.push(...titles(page));
      if (!page.next) break;
      query = `?limit=2&cursor=${page.next}`;
    }
    expect(seen).toEqual(titles(await list(USERS.officerNp)));
    const forged = await server.as(USERS.officerNp, { url: `${base()}?cursor=bm90LWEtY3Vyc29y` });
    expect(forged.statusCode).toBe(400);
    expect(forged.json().field).toBe('cursor');
  });

  it('keeps an `owner` campaign from other bureaus, and every campaign from bureaus outside the operation', async () => {
    expect((await server.as(USERS.officerIn, { url: `/api/campaigns/${ids.markets}` })).statusCode).toBe(404);
    expect(titles(await list(USERS.officerIn))).not.toContain(markets.title);
    expect(titles(await list(USERS.officerIn))).toHaveLength(4);
    expect((await server.as(USERS.outsider, { url: `/api/campaigns/${ids.radio}` })).statusCode).toBe(404);
    expect((await server.as(USERS.outsider, { url: base() })).statusCode).toBe(404);
    expect((await summary(USERS.outsider)).statusCode).toBe(404);
    expect((await create(USERS.outsider, radio)).statusCode).toBe(404);
    // A partner sees its own bureau's campaigns only, never those shared by others.
    expect(titles(await list(USERS.partnerNp))).not.toContain(coast.title);
  });

  it('sums campaigns and reach by country and channel over what the caller may see', async () => {
    const np = await summary(USERS.officerNp, '?to=2023-12-31');
    expect(np.statusCode, np.body).toBe(200);
    expect(np.json()).toEqual({
      operationId: world.operationId,
      totals: { campaigns: 5, reach: 128_700, withoutReach: 1 },
      byCountryChannel: [
        { country: 'NP', channel: 'markets', campaigns: 1, reach: 700, withoutReach: 0 },
        { country: 'NP', channel: 'pamphlets', campaigns: 1, reach: 5000, withoutReach: 0 },
        { country: 'NP', channel: 'radio', campaigns: 1, reach: 120_000, withoutReach: 0 },
        { country: 'NP', channel: 'social_media', campaigns: 1, reach: 3000, withoutReach: 0 },
        { country: 'TR', channel: 'border_outreach', campaigns: 1, reach: 0, withoutReach: 1 },
      ],
    });
    const india = (await summary(USERS.officerIn, '?to=2023-12-31')).json();
    expect(india.totals).toEqual({ campaigns: 4, reach: 128_000, withoutReach: 1 });
    expect(india.byCountryChannel.map((r: { channel: string }) => r.channel)).not.toContain('markets');
    const partner = (await summary(USERS.partnerNp, '?to=2023-12-31')).json();
    expect(partner.totals).toEqual({ campaigns: 4, reach: 128_700, withoutReach: 0 });
    const radioOnly = (await summary(USERS.officerTr, '?channel=radio&from=2023-10-01&to=2023-12-31')).json();
    expect(radioOnly.totals).toEqual({ campaigns: 1, reach: 120_000, withoutReach: 0 });
  });

  it('names the field of bad input and records nothing', async () => {
    const before = (await list(USERS.officerNp, '?limit=1000')).items.length;
    const bad: [object, string][] = [
      [{ ...radio, channel: 'billboards' }, 'channel'],
      [{ ...radio, endsOn: '2023-08-31' }, 'endsOn'],
      [{ ...radio, endsOn: '2023-02-30' }, 'endsOn'],
      [{ ...radio, country: 'XX' }, 'country'],
      [{ ...radio, country: 'np' }, 'country'],
      [{ ...radio, reach: -5 }, 'reach'],
      [{ ...radio, reach: 1.5 }, 'reach'],
      [{ ...radio, title: '   ' }, 'title'],
      [{ ...radio, places: ['बिरगंज', '  '] }, 'places.1'],
      [{ ...radio, places: Array.from({ length: 51 }, (_, i) => `place ${i}`) }, 'places'],
      [{ ...radio, sharing: 'listed' }, 'sharedWith'],
      [{ ...radio, startsOn: undefined }, 'startsOn'],
    ];
    for (const [payload, field] of bad) {
      const res = await create(USERS.officerNp, payload);
      expect(res.statusCode, `${field}: ${res.body}`).toBe(400);
      expect(res.json(), field).toMatchObject({ error: 'invalid', field });
    }
    const backwards = await server.as(USERS.officerNp, { url: `${base()}?from=2023-10-01&to=2023-09-01` });
    expect(backwards.json().field).toBe('to');
    expect((await list(USERS.officerNp, '?limit=1000')).items).toHaveLength(before);
  });

  it('lets only the owner bureau change a campaign: 404 to those who may not see it, 403 to those who may', async () => {
    const created = await create(USERS.officerNp, {
      ...radio,
      title: 'Radio spring season',
      startsOn: '2024-03-01',
      endsOn: '2024-04-30',
    });
    const id = created.json().id;
    const patch = (user: string, campaignId: string, payload: object) =>
      server.as(user, { method: 'PATCH', url: `/api/campaigns/${campaignId}`, payload });
    expect((await patch(USERS.officerIn, id, { reach: 1 })).statusCode).toBe(403);
    expect((await patch(USERS.officerTr, id, { title: 'x' })).statusCode).toBe(403);
    expect((await patch(USERS.coordinator, id, { title: 'x' })).statusCode).toBe(403);
    expect((await patch(USERS.officerIn, ids.markets, { reach: 1 })).statusCode).toBe(404);
    expect((await patch(USERS.outsider, id, { reach: 1 })).statusCode).toBe(404);
    const backwards = await patch(USERS.officerNp, id, { endsOn: '2024-02-01' });
    expect(backwards.statusCode).toBe(400);
    expect(backwards.json().field).toBe('endsOn');
    expect((await patch(USERS.officerNp, id, { reach: -1 })).json().field).toBe('reach');
    expect((await patch(USERS.officerNp, id, {})).statusCode).toBe(400);
    // The bureau's partner role runs campaigns too, and may change its bureau's.
    const byPartner = await patch(USERS.partnerNp, id, {
      reach: 150_000,
      places: ['बिरगंज', 'कलैया'],
      endsOn: '2024-05-31',
    });
    expect(byPartner.statusCode, byPartner.body).toBe(204);
    expect((await patch(USERS.officerNp, id, { sharing: 'listed', sharedWith: ['IN'] })).statusCode).toBe(
      204,
    );
    const after = (await server.as(USERS.officerIn, { url: `/api/campaigns/${id}` })).json();
    expect(after).toMatchObject({
      reach: 150_000,
      places: ['बिरगंज', 'कलैया'],
      endsOn: '2024-05-31',
      sharing: 'listed',
      sharedWith: ['IN'],
    });
    expect((await server.as(USERS.officerTr, { url: `/api/campaigns/${id}` })).statusCode).toBe(404);
    // null removes an estimate that turned out to be wrong; the summary then counts it as without one.
    expect((await patch(USERS.officerNp, id, { reach: null })).statusCode).toBe(204);
    expect((await server.as(USERS.officerNp, { url: `/api/campaigns/${id}` })).json().reach).toBeNull();
    expect((await patch(USERS.officerNp, id, { title: 'Radio spring season (NP)' })).statusCode).toBe(204);
    expect((await server.as(USERS.officerNp, { url: `/api/campaigns/${id}` })).json()).toMatchObject({
      reach: null,
      title: 'Radio spring season (NP)',
    });
  });

  it('refuses campaigns from roles that do not run them', async () => {
    const res = await create(USERS.fieldTr, coast);
    expect(res.statusCode).toBe(403);
    expect(res.json().error).toBe('forbidden');
  });

  it('answers 401 without a token on every endpoint', async () => {
    for (const [method, url] of [
      ['GET', base()],
      ['POST', base()],
      ['GET', `${base()}/summary`],
      ['GET', `/api/campaigns/${ids.radio}`],
      ['PATCH', `/api/campaigns/${ids.radio}`],
    ] as const) {
      const res = await server.as(null, {
        method,
        url,
        payload: method === 'GET' ? undefined : { reach: 1 },
      });
      expect(res.statusCode, `${method} ${url}`).toBe(401);
    }
  });

  it('writes every change to the audit log', async () => {
    const entries = await server.database.db
      .selectFrom('audit_log')
      .select(['action', 'entity_id'])
      .where('entity', '=', 'campaign')
      .execute();
    const created = entries.filter((e) => e.action === 'create').map((e) => e.entity_id);
    expect(created).toEqual(expect.arrayContaining(Object.values(ids)));
    // Two by the partner and officer in the change test, two more removing the reach and retitling.
    expect(entries.filter((e) => e.action === 'update')).toHaveLength(4);
  });

  it("inserts the demo loader's campaigns in one go, checked like the API's", async () => {
    const seed = {
      operationId: world.otherOperationId,
      ownerBureauId: world.bureaus.outsider,
      title: 'Rádio Amazonas',
      channel: 'radio',
      country: 'BR',
      places: ['Manaus'],
      startsOn: '2023-05-01',
      endsOn: '2023-06-30',
      reach: 40_000,
    };
    const inserted = await server.database.db
      .transaction()
      .execute((tx) =>
        insertCampaigns(tx, [
          seed,
          { ...seed, title: 'Escolas seguras', channel: 'schools', startsOn: '2023-04-01', reach: null },
        ]),
      );
    expect(inserted).toHaveLength(2);
    const page = await server.as(USERS.outsider, {
      url: `/api/operations/${world.otherOperationId}/campaigns`,
    });
    expect(page.json().items).toMatchObject([
      { title: 'Rádio Amazonas', sharing: 'operation', places: ['Manaus'] },
      { title: 'Escolas seguras', reach: null },
    ]);
    const bad = server.database.db
      .transaction()
      .execute((tx) => insertCampaigns(tx, [seed, { ...seed, endsOn: '2023-04-01' }]));
    await expect(bad).rejects.toMatchObject({ field: 'endsOn', row: 2 });
  });
});
