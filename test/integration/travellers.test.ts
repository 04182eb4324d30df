// Traveller screening over HTTP (C10): the checklist and who may change it, the assessment that
// stores nothing, a screening recorded as an interception at a checkpoint in one transaction with
// its audit entries, the list as sharing allows, and every endpoint tried as the wrong bureau and
// role. On PGlite and, when reachable, on the PostgreSQL server.
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeWorld, USERS, type World } from '../factories/world.ts';
import { engines } from '../helpers/engines.ts';
import { rowCounts } from '../helpers/row-counts.ts';
import { startServer, type TestServer } from '../helpers/http.ts';

const AT = '2023-10-18T06:30:00Z';

describe.each(engines)('traveller screening on %s', (engine) => {
  let server: TestServer;
  let world: World;
  const op = () => `/api/operations/${world.operationId}`;
  const checklist = (user: string) => server.as(user, { url: `${op()}/traveller-checklist` });
  const putChecklist = (user: string, payload: object) =>
    server.as(user, { method: 'PUT', url: `${op()}/traveller-checklist`, payload });
  const assess = (user: string, indicators: string[]) =>
    server.as(user, { method: 'POST', url: `${op()}/traveller-screenings/assess`, payload: { indicators } });
  const record = (user: string, payload: object) =>
    server.as(user, { method: 'POST', url: `${op()}/traveller-screenings`, payload });
  const list = async (user: string, query = '') =>
    (await server.as(user, { url: `${op()}/traveller-screenings${query}` })).json();
  // Rows written, sign-ins aside (a user's first request signs in, which is audited too).
  const counts = async () => {
    const db = server.database.db;
    const n = async (query: Promise<{ n: string | number | bigint }>) => Number((await query).n);
    return {
      outcomes: await n(
        db
          .selectFrom('outcomes')
          .select((eb) => eb.fn.countAll().as('n'))
          .executeTakeFirstOrThrow(),
      ),
      screenings: await n(
        db
          .selectFrom('traveller_screenings')
          .select((eb) => eb.fn.countAll().as('n'))
          .executeTakeFirstOrThrow(),
      ),
      audit: await n(
        db
          .selectFrom('audit_log')
          .where('action', '!=', 'login')
          .select((eb) => eb.fn.countAll().as('n'))
          .executeTakeFirstOrThrow(),
      ),
    };
  };

  beforeAll(async () => {
    server = await startServer(engine);
    world = await makeWorld(server.database);
  });
  afterAll(() => server?.drop());

  it('gives every member the default checklist with weights, categories and sources; what they may do with it', async () => {
    const res = await checklist(USERS.fieldTr);
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json();
    expect(body).toMatchObject({
      operationId: world.operationId,
      updatedAt: null,
      thresholds: { medium: 4, high: 8 },
      can: { update: false, screen: true },
    });
    const minor = body.indicators.find((i: { id: string }) => i.id === 'minor_without_guardian_consent');
    expect(minor).toMatchObject({ category: 'child', weight: 8, enabled: true, custom: false });
    expect(body.indicators.find((i: { id: string }) => i.id === 'passport_held_by_broker').sources).toContain(
      'ILO, Indicators of Forced Labour (2012)',
    );
    expect((await checklist(USERS.coordinator)).json().can).toEqual({ update: true, screen: false });
    expect((await checklist(USERS.partnerNp)).json().can).toEqual({ update: false, screen: false });
  });

  it('assesses the red flags ticked without storing anything', async () => {
    const before = await counts();
    const res = await assess(USERS.fieldTr, [
      'one_way_ticket',
      'ticket_paid_by_someone_else',
      'tourist_visa_with_job_offer',
      'passport_held_by_broker',
    ]);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toEqual({
      score: 11,
      level: 'high',
      recommendedAction: 'intercept_and_refer',
      weighed: [
        { id: 'passport_held_by_broker', weight: 5 },
        { id: 'tourist_visa_with_job_offer', weight: 3 },
        { id: 'ticket_paid_by_someone_else', weight: 2 },
        { id: 'one_way_ticket', weight: 1 },
      ],
    });
    expect((await assess(USERS.officerIn, ['minor_without_guardian_consent'])).json()).toMatchObject({
      level: 'high',
      recommendedAction: 'refer_to_specialist',
    });
    expect((await assess(USERS.officerIn, [])).json()).toMatchObject({
      score: 0,
      level: 'low',
      recommendedAction: 'clear',
    });
    expect(await counts()).toEqual(before);
    // Nor with an Idempotency-Key, which the web client sends with every POST: no answer is kept.
    const tables = await rowCounts(server.database);
    const keyed = await server.as(USERS.fieldTr, {
      method: 'POST',
      url: `${op()}/traveller-screenings/assess`,
      payload: { indicators: ['one_way_ticket'] },
      headers: { 'idempotency-key': 'c0ffee00-0000-4000-8000-000000000002' },
    });
    expect(keyed.statusCode, keyed.body).toBe(200);
    expect(await rowCounts(server.database)).toEqual(tables);
  });

  it('names the indicator that is unknown, repeated or malformed', async () => {
    const unknown = await assess(USERS.fieldTr, ['one_way_ticket', 'smells_of_fear']);
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json()).toMatchObject({
      error: 'invalid',
      field: 'indicators.1',
      message: expect.stringContaining('smells_of_fear'),
    });
    const twice = await assess(USERS.fieldTr, ['one_way_ticket', 'one_way_ticket']);
    expect(twice.statusCode).toBe(400);
    expect(twice.json().field).toBe('indicators');
    const malformed = await assess(USERS.fieldTr, ['One Way']);
    expect(malformed.statusCode).toBe(400);
    expect(malformed.json().field).toBe('indicators.0');
  });

  it('records a screening acted on as an interception at the checkpoint, in one transaction with its audit entries', async () => {
    const before = await counts();
    const res = await record(USERS.fieldTr, {
      hotspotId: world.hotspots.trPrivate,
      indicators: ['group_one_holds_documents', 'job_offer_unknown_company', 'route_through_transit_hub'],
      travellers: 4,
      at: AT,
    });
    expect(res.statusCode, res.body).toBe(201);
    const recorded = res.json();
    expect(recorded).toMatchObject({ score: 9, level: 'high', recommendedAction: 'intercept_and_refer' });
    expect(await counts()).toEqual({
      outcomes: before.outcomes + 1,
      screenings: before.screenings + 1,
      audit: before.audit + 2,
    });

    const outcome = (await server.as(USERS.officerTr, { url: `/api/outcomes/${recorded.outcomeId}` })).json();
    expect(outcome).toMatchObject({
      kind: 'interception',
      hotspotId: world.hotspots.trPrivate,
      country: 'TR',
      persons: 4,
      at: '2023-10-18T06:30:00.000Z',
      sharing: 'owner',
    });
    const audit = await server.database.db
      .selectFrom('audit_log')
      .select(['entity', 'entity_id'])
      .where('operation_id', '=', world.operationId)
      .where('action', '=', 'create')
      .orderBy('seq', 'desc')
      .limit(2)
      .execute();
    expect(audit).toEqual([
      { entity: 'traveller_screening', entity_id: recorded.id },
      { entity: 'interception', entity_id: recorded.outcomeId },
    ]);

    const mine = await list(USERS.officerTr);
    expect(mine.items).toEqual([
      expect.objectContaining({
        id: recorded.id,
        hotspotId: world.hotspots.trPrivate,
        indicators: ['group_one_holds_documents', 'job_offer_unknown_company', 'route_through_transit_hub'],
        score: 9,
        level: 'high',
        actionTaken: 'intercepted',
        travellers: 4,
        outcomeId: recorded.outcomeId,
        ownerCountry: 'TR',
        can: { update: true },
      }),
    ]);
    // Shared `owner`: India's officer sees neither the screening nor the interception.
    expect((await list(USERS.officerIn)).items).toEqual([]);
    expect(
      (await server.as(USERS.officerIn, { url: `/api/outcomes/${recorded.outcomeId}` })).statusCode,
    ).toBe(404);
  });

  it('shares a screening and its interception with the operation when asked, and filters the list', async () => {
    const res = await record(USERS.officerIn, {
      hotspotId: world.hotspots.np,
      indicators: ['minor_without_guardian_consent'],
      actionTaken: 'referred_to_specialist',
      sharing: 'operation',
    });
    expect(res.statusCode, res.body).toBe(201);
    const { id, outcomeId } = res.json();
    expect((await server.as(USERS.officerNp, { url: `/api/outcomes/${outcomeId}` })).json()).toMatchObject({
      kind: 'interception',
      country: 'NP',
      persons: 1,
      sharing: 'operation',
    });
    const seen = await list(USERS.officerNp, `?hotspot=${world.hotspots.np}&level=high`);
    expect(seen.items.map((s: { id: string }) => s.id)).toEqual([id]);
    expect(seen.items[0]).toMatchObject({
      actionTaken: 'referred_to_specialist',
      recommendedAction: 'refer_to_specialist',
      can: { update: false },
    });
    expect((await list(USERS.officerNp, '?level=low')).items).toEqual([]);
  });

  it('refuses a hotspot that is not a checkpoint or that the caller may not see, writing nothing', async () => {
    const before = await counts();
    const coast = await record(USERS.fieldTr, {
      hotspotId: world.hotspots.tr,
      indicators: ['one_way_ticket'],
    });
    expect(coast.statusCode).toBe(400);
    expect(coast.json()).toMatchObject({
      field: 'hotspotId',
      message: expect.stringContaining('not a checkpoint'),
    });
    const hidden = await record(USERS.officerIn, {
      hotspotId: world.hotspots.trPrivate,
      indicators: ['one_way_ticket'],
    });
    expect(hidden.statusCode).toBe(400);
    expect(hidden.json()).toMatchObject({
      field: 'hotspotId',
      message: expect.stringContaining('that you may see'),
    });
    const unknown = await record(USERS.fieldTr, {
      hotspotId: world.hotspots.np,
      indicators: ['one_way_ticket', 'nope_flag'],
    });
    expect(unknown.json()).toMatchObject({ field: 'indicators.1' });
    const none = await record(USERS.fieldTr, { hotspotId: world.hotspots.np, indicators: [] });
    expect(none.json()).toMatchObject({ field: 'indicators' });
    const badSharing = await record(USERS.fieldTr, {
      hotspotId: world.hotspots.np,
      indicators: ['one_way_ticket'],
      sharing: 'listed',
    });
    expect(badSharing.json()).toMatchObject({ field: 'sharedWith' });
    const tooMany = await record(USERS.fieldTr, {
      hotspotId: world.hotspots.np,
      indicators: ['one_way_ticket'],
      travellers: 501,
    });
    expect(tooMany.json()).toMatchObject({ field: 'travellers' });
    const name = await record(USERS.fieldTr, {
      hotspotId: world.hotspots.np,
      indicators: ['one_way_ticket'],
      travellerName: 'A. Person',
    });
    expect(name.json()).toMatchObject({ field: 'travellerName' });
    expect(await counts()).toEqual(before);
  });

  it('leaves no interception behind when the screening cannot be written', async () => {
    const db = server.database.db;
    await sql`create function refuse_screening() returns trigger language plpgsql as $$ begin raise exception 'refused for the test'; end $$`.execute(
      db,
    );
    await sql`create trigger refuse_screening before insert on traveller_screenings for each row execute function refuse_screening()`.execute(
      db,
    );
    try {
      const before = await counts();
      const res = await record(USERS.fieldTr, {
        hotspotId: world.hotspots.np,
        indicators: ['one_way_ticket'],
      });
      expect(res.statusCode).toBe(500);
      expect(await counts()).toEqual(before);
    } finally {
      await sql`drop trigger refuse_screening on traveller_screenings`.execute(db);
      await sql`drop function refuse_screening()`.execute(db);
    }
  });

  it('lets the coordinating bureau reweigh, switch off and add indicators, which the assessment then uses', async () => {
    const res = await putChecklist(USERS.coordinator, {
      indicators: [
        { id: 'one_way_ticket', weight: 4, enabled: true },
        { id: 'signs_of_fear_or_coaching', weight: 2, enabled: false },
        {
          id: 'recruited_at_casino',
          weight: 3,
          enabled: true,
          category: 'recruitment',
          labels: {
            en: 'Recruited at a casino',
            id: 'Direkrut di kasino',
            es: 'Reclutado en un casino',
            zh: '在赌场被招募',
          },
        },
      ],
    });
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json();
    expect(body.updatedAt).not.toBeNull();
    expect(body.indicators.find((i: { id: string }) => i.id === 'one_way_ticket').weight).toBe(4);
    expect(body.indicators.at(-1)).toMatchObject({
      id: 'recruited_at_casino',
      custom: true,
      labels: { zh: '在赌场被招募' },
      sources: [],
    });
    expect((await assess(USERS.fieldTr, ['one_way_ticket', 'recruited_at_casino'])).json()).toMatchObject({
      score: 7,
      level: 'medium',
    });
    const off = await assess(USERS.fieldTr, ['signs_of_fear_or_coaching']);
    expect(off.json()).toMatchObject({
      field: 'indicators.0',
      message: expect.stringContaining('switched off'),
    });
    expect((await checklist(USERS.officerNp)).json().indicators).toHaveLength(body.indicators.length);
    const audit = await server.database.db
      .selectFrom('audit_log')
      .select(['entity', 'entity_id'])
      .orderBy('seq', 'desc')
      .limit(1)
      .executeTakeFirstOrThrow();
    expect(audit).toEqual({ entity: 'traveller_checklist', entity_id: world.operationId });
  });

  it('names the setting that is wrong when the checklist is changed, and keeps the old one', async () => {
    const cases: [object, string][] = [
      [{ id: 'one_way_ticket', weight: 11, enabled: true }, 'indicators.0.weight'],
      [{ id: 'one_way_ticket', weight: 2 }, 'indicators.0.enabled'],
      [{ id: 'one_way_ticket', weight: 2, enabled: true, labels: { en: 'One way' } }, 'indicators.0.labels'],
      [{ id: 'own_flag', weight: 2, enabled: true, category: 'travel' }, 'indicators.0.labels.en'],
      [{ id: 'own_flag', weight: 2, enabled: true, labels: { en: 'Own flag' } }, 'indicators.0.category'],
      [
        { id: 'own_flag', weight: 2, enabled: true, category: 'travel', labels: { en: 'x', fr: 'y' } },
        'indicators.0.labels.fr',
      ],
    ];
    for (const [setting, field] of cases) {
      const res = await putChecklist(USERS.coordinator, { indicators: [setting] });
      expect(res.statusCode, field).toBe(400);
      expect(res.json().field, JSON.stringify(setting)).toBe(field);
    }
    const twice = await putChecklist(USERS.coordinator, {
      indicators: [
        { id: 'one_way_ticket', weight: 2, enabled: true },
        { id: 'one_way_ticket', weight: 3, enabled: true },
      ],
    });
    expect(twice.json()).toMatchObject({
      field: 'indicators.1.id',
      message: expect.stringContaining('twice'),
    });
    expect(
      (await checklist(USERS.fieldTr))
        .json()
        .indicators.find((i: { id: string }) => i.id === 'one_way_ticket').weight,
    ).toBe(4);
  });

  it('answers the wrong bureau 404 and the wrong role 403 on every endpoint', async () => {
    const other = `/api/operations/${world.otherOperationId}`;
    const valid = { hotspotId: world.hotspots.np, indicators: ['one_way_ticket'] };
    const everyEndpoint = [
      { method: 'GET' as const, url: `${op()}/traveller-checklist` },
      { method: 'PUT' as const, url: `${op()}/traveller-checklist`, payload: { indicators: [] } },
      {
        method: 'POST' as const,
        url: `${op()}/traveller-screenings/assess`,
        payload: { indicators: ['one_way_ticket'] },
      },
      { method: 'POST' as const, url: `${op()}/traveller-screenings`, payload: valid },
      { method: 'GET' as const, url: `${op()}/traveller-screenings` },
    ];
    for (const endpoint of everyEndpoint) {
      const res = await server.as(USERS.outsider, endpoint);
      expect(res.statusCode, `${endpoint.method} ${endpoint.url}`).toBe(404);
      expect((await server.as(null, endpoint)).statusCode).toBe(401);
    }
    // Taking part in another operation opens nothing here, and the reverse.
    expect((await server.as(USERS.fieldTr, { url: `${other}/traveller-checklist` })).statusCode).toBe(404);

    const before = await counts();
    for (const user of [USERS.officerTr, USERS.fieldTr, USERS.officerNp, USERS.analyst]) {
      const res = await putChecklist(user, { indicators: [] });
      expect(res.statusCode, user).toBe(403);
    }
    for (const user of [USERS.coordinator, USERS.analyst, USERS.partnerNp]) {
      expect((await assess(user, ['one_way_ticket'])).statusCode, user).toBe(403);
      expect((await record(user, valid)).statusCode, user).toBe(403);
    }
    expect(await counts()).toEqual(before);
    // A coordinator who may not screen still sees what was shared with the operation.
    expect((await list(USERS.coordinator)).items.length).toBeGreaterThan(0);
    expect((await list(USERS.partnerNp)).items).toEqual([]);
  });
});
