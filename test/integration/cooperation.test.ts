// Cooperation requests over HTTP: sending one about a case shares the case with the addressees only,
// a child victim makes it urgent, answers and statistics, who may read and write, boxes, closing.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeWorld, USERS, type World } from '../factories/world.ts';
import { engines } from '../helpers/engines.ts';
import { startServer, type TestServer } from '../helpers/http.ts';

const NO_SUCH_ID = '00000000-0000-4000-8000-000000000000';

/** A day counted from today (UTC), YYYY-MM-DD. */
function day(offset: number): string {
  return new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);
}

const caseWithChild = (sharing: object) => ({
  title: 'Girl from Sindhupalchok in New Delhi',
  openedOn: '2023-10-16',
  offences: ['human_trafficking'],
  persons: [
    { role: 'victim', name: 'Gita', age: 13, gender: 'female', nationalities: ['NP'] },
    { role: 'recruiter', name: 'R. Thapa' },
  ],
  ...sharing,
});

interface Item {
  id: string;
  subject: string;
  priority: string;
  status: string;
  overdue: boolean;
  messages: number;
  createdAt: string;
  caseId: string | null;
}

describe.each(engines)('cooperation requests on %s', (engine) => {
  let server: TestServer;
  let world: World;
  /** Owned by Nepal, shared with nobody, with a child victim. */
  let childCase: string;
  /** Owned by Nepal, shared with the whole operation, adults only. */
  let openCase: string;
  /** Nepal → India about childCase. */
  let aboutChild: string;

  const send = (user: string | null, payload: object) =>
    server.as(user, { method: 'POST', url: `/api/operations/${world.operationId}/cooperation`, payload });
  const request = (base: object = {}) => ({
    to: [world.bureaus.in],
    subject: 'Recruiter seen in Raxaul',
    message: 'Please check whether R. Thapa is known to you.',
    ...base,
  });
  const list = async (user: string, query = '') => {
    const res = await server.as(user, { url: `/api/operations/${world.operationId}/cooperation${query}` });
    expect(res.statusCode, res.body).toBe(200);
    return res.json() as { items: Item[]; next: string | null };
  };
  const openCaseAs = async (payload: object) => {
    const res = await server.as(USERS.officerNp, {
      method: 'POST',
      url: `/api/operations/${world.operationId}/cases`,
      payload,
    });
    expect(res.statusCode, res.body).toBe(201);
    return res.json().id as string;
  };
  const requestCount = async () =>
    (
      await server.database.db
        .selectFrom('cooperation_requests')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .executeTakeFirstOrThrow()
    ).n;

  beforeAll(async () => {
    server = await startServer(engine);
    world = await makeWorld(server.database);
    childCase = await openCaseAs(caseWithChild({ sharing: 'owner' }));
    openCase = await openCaseAs({
      title: 'Workers in Istanbul',
      openedOn: '2023-10-16',
      sharing: 'operation',
      persons: [{ role: 'victim', age: 30 }],
    });
  });
  afterAll(() => server?.drop());

  it('sends a request about a case with a child victim as urgent, and shares the case with the addressee only', async () => {
    expect((await server.as(USERS.officerIn, { url: `/api/cases/${childCase}` })).statusCode).toBe(404);
    const res = await send(
      USERS.officerNp,
      request({ caseId: childCase, priority: 'normal', dueOn: day(7) }),
    );
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json().priority).toBe('urgent');
    aboutChild = res.json().id;

    expect((await server.as(USERS.officerIn, { url: `/api/cases/${childCase}` })).statusCode).toBe(200);
    expect((await server.as(USERS.officerTr, { url: `/api/cases/${childCase}` })).statusCode).toBe(404);
    const owned = (await server.as(USERS.officerNp, { url: `/api/cases/${childCase}` })).json();
    expect(owned).toMatchObject({ sharing: 'listed', sharedWith: ['IN'] });
    const share = await server.database.db
      .selectFrom('audit_log')
      .select('detail')
      .where('action', '=', 'share')
      .where('entity', '=', 'case')
      .where('entity_id', '=', childCase)
      .executeTakeFirst();
    expect(share?.detail).toMatchObject({
      request: aboutChild,
      to: { sharing: 'listed', sharedWith: ['IN'] },
    });
  });

  it('adds the addressees to a listed case and leaves an operation-wide case as it is', async () => {
    const listed = await openCaseAs(
      caseWithChild({ sharing: 'listed', sharedWith: ['TR'], title: 'Listed for Türkiye' }),
    );
    expect((await send(USERS.officerNp, request({ caseId: listed }))).statusCode).toBe(201);
    expect((await server.as(USERS.officerNp, { url: `/api/cases/${listed}` })).json().sharedWith).toEqual([
      'TR',
      'IN',
    ]);
    const res = await send(USERS.officerNp, request({ caseId: openCase, subject: 'Adults only' }));
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json().priority).toBe('normal');
    expect((await server.as(USERS.officerNp, { url: `/api/cases/${openCase}` })).json()).toMatchObject({
      sharing: 'operation',
      sharedWith: [],
    });
  });

  it('shows the thread to the sending and addressed bureaus only, and audits every read', async () => {
    const res = await server.as(USERS.officerIn, { url: `/api/cooperation/${aboutChild}` });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({
      status: 'open',
      priority: 'urgent',
      caseId: childCase,
      dueOn: day(7),
      overdue: false,
      from: { id: world.bureaus.np, country: 'NP', name: 'NCB Kathmandu' },
      to: [{ id: world.bureaus.in, country: 'IN', firstAnswerAt: null }],
      messages: [
        { country: 'NP', author: USERS.officerNp, body: 'Please check whether R. Thapa is known to you.' },
      ],
      can: { post: true, close: false },
    });
    expect((await server.as(USERS.officerNp, { url: `/api/cooperation/${aboutChild}` })).json().can).toEqual({
      post: true,
      close: true,
    });
    for (const user of [USERS.officerTr, USERS.fieldTr, USERS.partnerNp, USERS.coordinator, USERS.outsider]) {
      expect((await server.as(user, { url: `/api/cooperation/${aboutChild}` })).statusCode, user).toBe(404);
      expect(
        (
          await server.as(user, {
            method: 'POST',
            url: `/api/cooperation/${aboutChild}/messages`,
            payload: { body: 'x' },
          })
        ).statusCode,
        user,
      ).toBe(404);
      expect(
        (await server.as(user, { method: 'POST', url: `/api/cooperation/${aboutChild}/close` })).statusCode,
        user,
      ).toBe(404);
    }
    expect((await server.as(USERS.officerIn, { url: `/api/cooperation/${NO_SUCH_ID}` })).statusCode).toBe(
      404,
    );
    const reads = await server.database.db
      .selectFrom('audit_log')
      .innerJoin('users', 'users.id', 'audit_log.actor_user_id')
      .select('users.username')
      .where('action', '=', 'read')
      .where('entity', '=', 'cooperation_request')
      .where('entity_id', '=', aboutChild)
      .execute();
    expect(reads.map((r) => r.username).sort()).toEqual([USERS.officerIn, USERS.officerNp]);
  });

  it('records the first answer, marks the request answered and counts it in the statistics', async () => {
    const post = (user: string, body: string) =>
      server.as(user, { method: 'POST', url: `/api/cooperation/${aboutChild}/messages`, payload: { body } });
    expect((await post(USERS.officerIn, 'R. Thapa was arrested in 2021 in Raxaul.')).statusCode).toBe(201);
    const answered = (await server.as(USERS.officerNp, { url: `/api/cooperation/${aboutChild}` })).json();
    expect(answered.status).toBe('answered');
    const firstAnswerAt = answered.to[0].firstAnswerAt;
    expect(Date.parse(firstAnswerAt)).toBeGreaterThanOrEqual(Date.parse(answered.createdAt));
    expect((await post(USERS.officerNp, 'Thank you: can you send his file?')).statusCode).toBe(201);
    expect((await post(USERS.officerIn, 'Attached.')).statusCode).toBe(201);
    const thread = (await server.as(USERS.officerNp, { url: `/api/cooperation/${aboutChild}` })).json();
    expect(thread.to[0].firstAnswerAt).toBe(firstAnswerAt);
    expect(
      thread.messages.map((m: { country: string; author: string }) => `${m.country}/${m.author}`),
    ).toEqual([
      `NP/${USERS.officerNp}`,
      `IN/${USERS.officerIn}`,
      `NP/${USERS.officerNp}`,
      `IN/${USERS.officerIn}`,
    ]);

    const stats = await server.as(USERS.officerTr, {
      url: `/api/operations/${world.operationId}/cooperation/stats`,
    });
    expect(stats.statusCode, stats.body).toBe(200);
    const of = (country: string) =>
      stats.json().bureaus.find((b: { country: string }) => b.country === country);
    expect(of('IN')).toMatchObject({
      bureauId: world.bureaus.in,
      name: 'NCB New Delhi',
      answered: 1,
      sent: 0,
    });
    expect(of('IN').received).toBeGreaterThanOrEqual(1);
    expect(of('IN').medianHoursToFirstAnswer).toBeGreaterThanOrEqual(0);
    expect(of('IN').p90HoursToFirstAnswer).toBeGreaterThanOrEqual(of('IN').medianHoursToFirstAnswer);
    expect(of('NP')).toMatchObject({
      received: 0,
      answered: 0,
      medianHoursToFirstAnswer: null,
      p90HoursToFirstAnswer: null,
    });
    expect(of('NP').sent).toBeGreaterThanOrEqual(1);
    expect(of('TR')).toBeUndefined();
    for (const user of [USERS.partnerNp, USERS.outsider]) {
      expect(
        (await server.as(user, { url: `/api/operations/${world.operationId}/cooperation/stats` })).statusCode,
        user,
      ).toBe(404);
    }
  });

  it('counts exactly one received and one sent for a fresh pair of bureaus', async () => {
    const res = await server.as(USERS.officerTr, {
      method: 'POST',
      url: `/api/operations/${world.operationId}/cooperation`,
      payload: { to: [world.bureaus.coord], subject: 'Red notice', message: 'Please publish a notice.' },
    });
    expect(res.statusCode, res.body).toBe(201);
    const stats = (
      await server.as(USERS.analyst, { url: `/api/operations/${world.operationId}/cooperation/stats` })
    ).json();
    const coord = stats.bureaus.find((b: { country: string }) => b.country === 'FR');
    expect(coord).toMatchObject({ received: 1, sent: 0, answered: 0, medianHoursToFirstAnswer: null });
    expect(stats.bureaus.find((b: { country: string }) => b.country === 'TR')).toMatchObject({
      sent: 1,
      received: 0,
    });
  });

  it("lets reading roles read their bureau's requests but not write", async () => {
    const res = await send(
      USERS.officerNp,
      request({ to: [world.bureaus.tr], subject: 'Passports seen in Istanbul' }),
    );
    expect(res.statusCode).toBe(201);
    const id = res.json().id;
    const asField = await server.as(USERS.fieldTr, { url: `/api/cooperation/${id}` });
    expect(asField.statusCode).toBe(200);
    expect(asField.json().can).toEqual({ post: false, close: false });
    expect(
      (
        await server.as(USERS.fieldTr, {
          method: 'POST',
          url: `/api/cooperation/${id}/messages`,
          payload: { body: 'x' },
        })
      ).statusCode,
    ).toBe(403);
    expect(
      (await server.as(USERS.officerTr, { method: 'POST', url: `/api/cooperation/${id}/close` })).statusCode,
    ).toBe(403);
    for (const user of [USERS.fieldTr, USERS.analyst, USERS.partnerNp]) {
      expect((await send(user, request())).statusCode, user).toBe(403);
    }
    expect((await send(USERS.outsider, request())).statusCode).toBe(404);
  });

  it("lets the coordinating bureau's coordinators write, and its analysts read", async () => {
    const res = await server.as(USERS.coordinator, {
      method: 'POST',
      url: `/api/operations/${world.operationId}/cooperation`,
      payload: {
        to: [world.bureaus.in, world.bureaus.np],
        subject: 'Joint action day',
        priority: 'urgent',
        message: 'Confirm your teams for 20 October.',
      },
    });
    expect(res.statusCode, res.body).toBe(201);
    const id = res.json().id;
    const asAnalyst = await server.as(USERS.analyst, { url: `/api/cooperation/${id}` });
    expect(asAnalyst.statusCode).toBe(200);
    expect(asAnalyst.json().to.map((b: { country: string }) => b.country)).toEqual(['IN', 'NP']);
    expect(
      (
        await server.as(USERS.analyst, {
          method: 'POST',
          url: `/api/cooperation/${id}/messages`,
          payload: { body: 'x' },
        })
      ).statusCode,
    ).toBe(403);
    expect(
      (
        await server.as(USERS.officerNp, {
          method: 'POST',
          url: `/api/cooperation/${id}/messages`,
          payload: { body: 'Two teams.' },
        })
      ).statusCode,
    ).toBe(201);
    expect((await server.as(USERS.coordinator, { url: `/api/cooperation/${id}` })).json().status).toBe(
      'answered',
    );
  });

  it('names the field of bad input, refuses a case the sender does not own, and writes nothing', async () => {
    const before = await requestCount();
    const bad: [string, object, string][] = [
      [USERS.officerNp, request({ to: [] }), 'to'],
      [USERS.officerNp, request({ to: [world.bureaus.np] }), 'to.0'],
      [USERS.officerNp, request({ to: [world.bureaus.in, world.bureaus.outsider] }), 'to.1'],
      [USERS.officerNp, request({ to: [world.bureaus.partner] }), 'to.0'],
      [USERS.officerNp, request({ to: [world.bureaus.in, world.bureaus.in] }), 'to.1'],
      [USERS.officerNp, request({ to: [NO_SUCH_ID] }), 'to.0'],
      [USERS.officerNp, request({ to: ['not-an-id'] }), 'to.0'],
      [USERS.officerNp, request({ caseId: NO_SUCH_ID }), 'caseId'],
      [USERS.officerTr, request({ caseId: childCase }), 'caseId'],
      [USERS.officerNp, request({ dueOn: day(-1) }), 'dueOn'],
      [USERS.officerNp, request({ dueOn: '2023-02-30' }), 'dueOn'],
      [USERS.officerNp, request({ priority: 'whenever' }), 'priority'],
      [USERS.officerNp, request({ subject: undefined }), 'subject'],
      [USERS.officerNp, request({ subject: '   ' }), 'subject'],
      [USERS.officerNp, request({ message: '' }), 'message'],
      [USERS.officerNp, request({ cc: [world.bureaus.tr] }), 'cc'],
    ];
    for (const [user, payload, field] of bad) {
      const res = await send(user, payload);
      expect(res.statusCode, `${field}: ${res.body}`).toBe(400);
      expect(res.json().field, `${field}: ${res.body}`).toBe(field);
    }
    const notOwned = await send(USERS.officerTr, request({ caseId: openCase }));
    expect(notOwned.statusCode, notOwned.body).toBe(403);
    expect(await requestCount()).toBe(before);
    expect((await server.as(USERS.officerNp, { url: `/api/cases/${openCase}` })).json().sharing).toBe(
      'operation',
    );
    const blank = await server.as(USERS.officerIn, {
      method: 'POST',
      url: `/api/cooperation/${aboutChild}/messages`,
      payload: { body: ' ' },
    });
    expect(blank.json().field).toBe('body');
    const badBox = await server.as(USERS.officerIn, {
      url: `/api/operations/${world.operationId}/cooperation?box=trash`,
    });
    expect(badBox.json().field).toBe('box');
  });

  it('lists the inbox and the sent box, urgent first then newest, a page at a time', async () => {
    const later = await send(USERS.officerNp, request({ subject: 'Sent after the urgent one' }));
    expect(later.statusCode).toBe(201);
    await server.database.db
      .updateTable('cooperation_requests')
      .set({ due_on: '2020-01-01' })
      .where('id', '=', later.json().id)
      .execute();

    const inbox = (await list(USERS.officerIn, '?box=inbox')).items;
    const priorities = inbox.map((r) => r.priority);
    expect(priorities).toEqual([...priorities].sort().reverse());
    const at = (id: string) => inbox.findIndex((r) => r.id === id);
    // The oldest request, but urgent: above every normal one.
    expect(at(aboutChild)).toBeGreaterThanOrEqual(0);
    expect(at(aboutChild)).toBeLessThan(at(later.json().id));
    for (const p of ['urgent', 'normal']) {
      const created = inbox.filter((r) => r.priority === p).map((r) => r.createdAt);
      expect(created, p).toEqual([...created].sort().reverse());
    }
    expect(inbox.find((r) => r.id === later.json().id)).toMatchObject({
      overdue: true,
      status: 'open',
      messages: 1,
    });
    expect(inbox.find((r) => r.id === aboutChild)).toMatchObject({
      status: 'answered',
      messages: 4,
      overdue: false,
    });
    expect((await list(USERS.officerIn, '?box=sent')).items).toEqual([]);

    const sent = (await list(USERS.officerNp, '?box=sent')).items;
    expect(sent.map((r) => r.id)).toContain(aboutChild);
    expect(sent.every((r) => r.subject !== 'Joint action day')).toBe(true);
    expect((await list(USERS.officerNp, '?box=inbox')).items.map((r) => r.subject)).toEqual([
      'Joint action day',
    ]);
    expect((await list(USERS.officerNp, '?box=all')).items).toHaveLength(sent.length + 1);
    expect(
      (await list(USERS.officerIn, '?box=inbox&priority=normal')).items.every((r) => r.priority === 'normal'),
    ).toBe(true);
    expect((await list(USERS.officerIn, '?status=answered')).items.map((r) => r.id)).toContain(aboutChild);
    const aboutTheCase = (await list(USERS.officerNp, `?case=${childCase}`)).items;
    expect(aboutTheCase.map((r) => r.id)).toContain(aboutChild);
    expect(aboutTheCase.every((r) => r.caseId === childCase)).toBe(true);
    expect((await list(USERS.officerTr, `?case=${childCase}`)).items).toEqual([]);
    expect((await list(USERS.officerTr, '?box=inbox')).items.every((r) => r.id !== aboutChild)).toBe(true);
    expect((await list(USERS.partnerNp)).items).toEqual([]);
    expect(
      (await server.as(USERS.outsider, { url: `/api/operations/${world.operationId}/cooperation` }))
        .statusCode,
    ).toBe(404);

    const walked: string[] = [];
    let next: string | null = null;
    do {
      const page = await list(USERS.officerNp, `?box=sent&limit=2${next ? `&cursor=${next}` : ''}`);
      walked.push(...page.items.map((r) => r.id));
      next = page.next;
    } while (next);
    expect(walked).toEqual(sent.map((r) => r.id));
  });

  it('closes a request by its sender only, and takes no more messages', async () => {
    const close = (user: string) =>
      server.as(user, { method: 'POST', url: `/api/cooperation/${aboutChild}/close` });
    expect((await close(USERS.officerIn)).statusCode).toBe(403);
    expect((await close(USERS.officerNp)).statusCode).toBe(204);
    const closed = (await server.as(USERS.officerIn, { url: `/api/cooperation/${aboutChild}` })).json();
    expect(closed.status).toBe('closed');
    expect(Date.parse(closed.closedAt)).toBeGreaterThanOrEqual(Date.parse(closed.createdAt));
    expect(closed.can).toEqual({ post: false, close: false });
    expect((await close(USERS.officerNp)).statusCode).toBe(409);
    const late = await server.as(USERS.officerIn, {
      method: 'POST',
      url: `/api/cooperation/${aboutChild}/messages`,
      payload: { body: 'One more thing' },
    });
    expect(late.statusCode).toBe(409);
    expect((await list(USERS.officerIn, '?status=closed')).items.map((r) => r.id)).toEqual([aboutChild]);
  });

  it('answers 401 without a token on every endpoint', async () => {
    for (const [method, url] of [
      ['POST', `/api/operations/${world.operationId}/cooperation`],
      ['GET', `/api/operations/${world.operationId}/cooperation`],
      ['GET', `/api/operations/${world.operationId}/cooperation/stats`],
      ['GET', `/api/cooperation/${aboutChild}`],
      ['POST', `/api/cooperation/${aboutChild}/messages`],
      ['POST', `/api/cooperation/${aboutChild}/close`],
    ] as const) {
      expect(
        (await server.as(null, { method, url, payload: method === 'GET' ? undefined : {} })).statusCode,
        `${method} ${url}`,
      ).toBe(401);
    }
  });
});
