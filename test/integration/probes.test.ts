// Probing hidden records (issue 13, finding 10): identifiers attached to one's own case are
// look-ups that may reveal a record one may not see. They are limited per user and per bureau in
// the database (429, nothing attached beyond), and a user who looks up many identifiers of one
// bureau's hidden records raises one alert for that bureau's officers — never told to the prober.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeWorld, USERS, type World } from '../factories/world.ts';
import { engines } from '../helpers/engines.ts';
import { startServer, type TestServer } from '../helpers/http.ts';

// Small limits, so that a test reaches them: 6 look-ups a user, 10 a bureau, an alert at 3.
const LIMITS = { CORDON_PROBE_USER_PER_HOUR: '6', CORDON_PROBE_BUREAU_PER_HOUR: '10', CORDON_PROBE_ALERT_HITS: '3' };
const SECOND_OFFICER_IN = 'officer-in-2';

/** Nepalese mobile numbers: held by Nepal (1–4), by Türkiye (9) or by nobody (20–). */
const phone = (n: number) => `+977 980 111 ${String(n).padStart(4, '0')}`;
const normalised = (n: number) => `+977980111${String(n).padStart(4, '0')}`;

interface Alert {
  id: string;
  seeker: { id: string; country: string; name: string };
  user: { id: string; username: string; displayName: string };
  identifiers: number;
  windowStart: string;
  windowEnd: string;
}

describe.each(engines)('probing hidden records on %s', (engine) => {
  let server: TestServer;
  let world: World;
  let probingCase = '';
  const answers: Record<string, string> = {};

  const open = (user: string, title: string, persons: object[]) =>
    server.as(user, { method: 'POST', url: `/api/operations/${world.operationId}/cases`, payload: { title, openedOn: '2023-10-16', sharing: 'owner', persons } });
  const addPhone = (user: string, caseId: string, n: number) =>
    server.as(user, { method: 'POST', url: `/api/cases/${caseId}/entities`, payload: { kind: 'phone', value: phone(n) } });
  const entitiesOf = async (user: string, caseId: string) => {
    const res = await server.as(user, { url: `/api/cases/${caseId}/entities` });
    expect(res.statusCode, res.body).toBe(200);
    return res.json().entities as { value: string | null; hiddenMatch: boolean }[];
  };
  const alertsOf = async (user: string) => {
    const res = await server.as(user, { url: `/api/operations/${world.operationId}/probe-alerts` });
    expect(res.statusCode, res.body).toBe(200);
    return res.json() as Alert[];
  };
  const casesTitled = (title: string) => server.database.db.selectFrom('cases').select('id').where('title', '=', title).execute();

  beforeAll(async () => {
    server = await startServer(engine, LIMITS);
    world = await makeWorld(server.database);
    const officerIn = await server.database.db.selectFrom('users').select('password_hash').where('username', '=', USERS.officerIn).executeTakeFirstOrThrow();
    await server.database.db
      .insertInto('users')
      .values({ username: SECOND_OFFICER_IN, display_name: 'Second officer', bureau_id: world.bureaus.in, roles: ['officer'], password_hash: officerIn.password_hash })
      .execute();
    // Records India may not see: Nepal's holds four numbers, Türkiye's one.
    const nepal = await open(USERS.officerNp, 'Kept in Kathmandu', [{ role: 'recruiter', name: 'R.', contacts: [1, 2, 3, 4].map((n) => ({ kind: 'phone', value: phone(n) })) }]);
    expect(nepal.statusCode, nepal.body).toBe(201);
    const turkey = await open(USERS.officerTr, 'Kept in Ankara', [{ role: 'recruiter', name: 'R.', contacts: [{ kind: 'phone', value: phone(9) }] }]);
    expect(turkey.statusCode, turkey.body).toBe(201);
  });
  afterAll(() => server?.drop());

  it('counts identifiers attached by hand and through persons, not re-reading a case, and refuses the look-up past the user limit with nothing attached', async () => {
    // 2 look-ups through a person's contacts (both Nepal's) and one through a contact that is not a number (none).
    const opened = await open(USERS.officerIn, 'Delhi agency', [
      { role: 'recruiter', name: 'R.', contacts: [{ kind: 'phone', value: phone(1) }, { kind: 'phone', value: phone(2) }, { kind: 'phone', value: 'call the agency' }] },
    ]);
    expect(opened.statusCode, opened.body).toBe(201);
    probingCase = opened.json().id;
    for (let i = 0; i < 5; i++) await entitiesOf(USERS.officerIn, probingCase);
    // 4 more by hand: Nepal's 3rd (the alert's threshold), Türkiye's, Nepal's 4th, and one nobody holds.
    for (const n of [3, 9, 4, 20]) {
      const res = await addPhone(USERS.officerIn, probingCase, n);
      expect(res.statusCode, res.body).toBe(201);
      answers[n] = res.body;
    }
    // The 7th: refused whether a hidden record holds it (Nepal's 2nd is already in; 21 is nobody's).
    const refused = await addPhone(USERS.officerIn, probingCase, 21);
    expect(refused.statusCode, refused.body).toBe(429);
    expect(refused.json()).toMatchObject({ error: 'rate_limited' });
    expect(refused.json().retryAfter).toBeGreaterThanOrEqual(1);
    expect(refused.json().retryAfter).toBeLessThanOrEqual(3600);
    expect(refused.headers['retry-after']).toBe(String(refused.json().retryAfter));
    const person = await server.as(USERS.officerIn, {
      method: 'POST',
      url: `/api/cases/${probingCase}/persons`,
      payload: { role: 'witness', name: 'Clerk', contacts: [{ kind: 'phone', value: phone(22) }] },
    });
    expect(person.statusCode, person.body).toBe(429);
    expect(person.json()).toMatchObject({ error: 'rate_limited', retryAfter: expect.any(Number) });
    const values = (await entitiesOf(USERS.officerIn, probingCase)).map((e) => e.value);
    expect(values).toEqual([normalised(1), normalised(2), '', normalised(3), normalised(9), normalised(4), normalised(20)]);
    const persons = await server.database.db.selectFrom('case_persons').select('name').where('case_id', '=', probingCase).execute();
    expect(persons.map((p) => p.name)).toEqual(['R.']);
    // A new case with an identifier is refused whole; one without any is opened.
    const another = await open(USERS.officerIn, 'Refused with its contact', [{ role: 'victim', name: 'V.', contacts: [{ kind: 'phone', value: phone(23) }] }]);
    expect(another.statusCode, another.body).toBe(429);
    expect(await casesTitled('Refused with its contact')).toEqual([]);
    const plain = await open(USERS.officerIn, 'No identifiers', [{ role: 'victim', name: 'V.' }]);
    expect(plain.statusCode, plain.body).toBe(201);
  });

  it('stops another user of the same bureau at the bureau limit, and no other bureau', async () => {
    // The bureau has made 6 of its 10; the second officer's own count is 0.
    for (const n of [30, 31, 32, 33]) {
      const res = await addPhone(SECOND_OFFICER_IN, probingCase, n);
      expect(res.statusCode, res.body).toBe(201);
    }
    const refused = await addPhone(SECOND_OFFICER_IN, probingCase, 34);
    expect(refused.statusCode, refused.body).toBe(429);
    expect(refused.json()).toMatchObject({ error: 'rate_limited', retryAfter: expect.any(Number) });
    expect(refused.json().message).toMatch(/bureau/);
    const opened = await open(SECOND_OFFICER_IN, 'Second officer refused', [{ role: 'victim', name: 'V.', documents: [{ kind: 'passport', number: 'PA7654321', country: 'NP' }] }]);
    expect(opened.statusCode, opened.body).toBe(429);
    expect(await casesTitled('Second officer refused')).toEqual([]);
    expect((await entitiesOf(SECOND_OFFICER_IN, probingCase)).map((e) => e.value)).not.toContain(normalised(34));
    // Another bureau's officer is not held back by India's look-ups.
    const turkishCase = await open(USERS.officerTr, 'Ankara follow-up', [{ role: 'recruiter', name: 'R.', contacts: [{ kind: 'phone', value: phone(40) }] }]);
    expect(turkishCase.statusCode, turkishCase.body).toBe(201);
  });

  it("tells the holder's officers once about the user who probed many of its identifiers, and no other bureau", async () => {
    const nepal = await alertsOf(USERS.officerNp);
    expect(nepal).toHaveLength(1);
    const [alert] = nepal;
    expect(alert).toMatchObject({
      seeker: { id: world.bureaus.in, country: 'IN', name: 'NCB New Delhi' },
      user: { username: USERS.officerIn },
      // Nepal's 1, 2, 3 and 4: the alert was raised at 3 and grew, not repeated.
      identifiers: 4,
    });
    expect(Date.parse(alert!.windowStart)).toBeLessThanOrEqual(Date.parse(alert!.windowEnd));
    expect(Date.parse(alert!.windowEnd) - Date.parse(alert!.windowStart)).toBeLessThan(3600_000);
    // Türkiye's record was looked up once (below 3); India's records were not probed at all.
    expect(await alertsOf(USERS.officerTr)).toEqual([]);
    expect(await alertsOf(USERS.officerIn)).toEqual([]);
    expect(await alertsOf(USERS.coordinator)).toEqual([]);
    // The alert is audited without an actor: nothing the prober's bureau did names the holder.
    const audited = await server.database.db
      .selectFrom('audit_log')
      .select(['action', 'actor_user_id', 'actor_bureau_id', 'entity_id', 'detail'])
      .where('entity', '=', 'probe_alert')
      .orderBy('seq')
      .execute();
    expect(audited.map((a) => a.action)).toEqual(['create', 'update']);
    expect(audited.every((a) => a.entity_id === alert!.id && a.actor_user_id === null && a.actor_bureau_id === null)).toBe(true);
    expect(audited.at(-1)!.detail).toMatchObject({ holderBureau: world.bureaus.np, seekerBureau: world.bureaus.in, identifiers: 4 });
  });

  it('answers the prober the same before and after the alert, naming no holder', async () => {
    const nepal = (await alertsOf(USERS.officerNp))[0]!;
    const shapeOf = (body: string) => {
      const { id: _id, entity } = JSON.parse(body) as { id: string; entity: Record<string, unknown> };
      return { ...entity, id: '', raw: '', value: '', hit: typeof entity.hit };
    };
    // Nepal's 3rd number raised the alert, Nepal's 4th extended it, Türkiye's raised none: the answers differ only in the number.
    expect(shapeOf(answers[3]!)).toEqual(shapeOf(answers[9]!));
    expect(shapeOf(answers[4]!)).toEqual(shapeOf(answers[9]!));
    expect(shapeOf(answers[3]!)).toMatchObject({ hiddenMatch: true, links: [], hit: 'string' });
    for (const body of Object.values(answers)) {
      for (const secret of [world.bureaus.np, world.bureaus.tr, 'Kathmandu', 'Ankara', nepal.id]) expect(body).not.toContain(secret);
    }
  });

  it('counts parallel look-ups in the database: exactly the limit pass', async () => {
    // Ten cases, so that no case's lock lines the look-ups up.
    const cases: string[] = [];
    for (let i = 0; i < 10; i++) {
      const opened = await open(USERS.officerTr, `Parallel ${i}`, []);
      expect(opened.statusCode, opened.body).toBe(201);
      cases.push(opened.json().id);
    }
    // Türkiye's officer has made 2 (the two cases above); 4 of 10 parallel look-ups fit.
    const answers = await Promise.all(cases.map((caseId, i) => addPhone(USERS.officerTr, caseId, 50 + i)));
    expect(answers.filter((a) => a.statusCode === 201)).toHaveLength(4);
    expect(answers.filter((a) => a.statusCode === 429)).toHaveLength(6);
    const attached = await server.database.db.selectFrom('entity_mentions').select('id').where('case_id', 'in', cases).execute();
    expect(attached).toHaveLength(4);
  });

  it('keeps the alerts to the police roles of bureaus taking part: no token 401, wrong role 403, wrong bureau or operation 404', async () => {
    const url = `/api/operations/${world.operationId}/probe-alerts`;
    expect((await server.as(null, { url })).statusCode).toBe(401);
    expect((await server.as(USERS.partnerNp, { url })).statusCode).toBe(403);
    expect((await server.as(USERS.fieldTr, { url })).statusCode).toBe(403);
    expect((await server.as(USERS.outsider, { url })).statusCode).toBe(404);
    expect((await server.as(USERS.officerNp, { url: `/api/operations/${world.otherOperationId}/probe-alerts` })).statusCode).toBe(404);
    expect((await server.as(USERS.officerNp, { url: `/api/operations/${randomUUID()}/probe-alerts` })).statusCode).toBe(404);
  });
});
