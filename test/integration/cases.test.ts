// Case files over HTTP: persons, journeys, masking of child victims, sharing, validation, audit.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeWorld, USERS, type World } from '../factories/world.ts';
import { engines } from '../helpers/engines.ts';
import { startServer, type TestServer } from '../helpers/http.ts';

const nepalToDelhi = {
  recruitment: { channel: 'acquaintance', promisedJob: 'hotel work', promisedDestination: { country: 'IN', city: 'New Delhi' }, on: '2023-06-01' },
  legs: [
    { from: { country: 'NP', city: 'Birgunj' }, to: { country: 'IN', city: 'Raxaul' }, mode: 'land', on: '2023-06-10', transit: true },
    { from: { country: 'IN', city: 'Raxaul' }, to: { country: 'IN', city: 'New Delhi' }, mode: 'land', on: '2023-06-11' },
  ],
  exploitation: { place: { country: 'IN', city: 'New Delhi' }, type: 'sexual_exploitation', means: ['false_promises', 'withheld_documents'], from: '2023-06-11' },
  exit: { kind: 'rescued', on: '2023-10-17', country: 'IN' },
  returnHome: { country: 'NP', on: '2023-10-25' },
};

const twoWomen = (sharing: object) => ({
  title: 'Two Nepali women in New Delhi',
  openedOn: '2023-10-16',
  offences: ['human_trafficking', 'sexual_exploitation'],
  journeys: [nepalToDelhi],
  persons: [
    { role: 'victim', name: 'सीता', otherNames: [{ name: 'Sita', script: 'Latn' }], age: 17, gender: 'female', nationalities: ['NP'], documents: [{ kind: 'passport', number: 'PA1234567', country: 'NP' }], journey: 0 },
    { role: 'victim', name: 'Maya', birthDate: '2001-02-03', gender: 'female', nationalities: ['NP'], journey: 0 },
    { role: 'recruiter', name: 'R. Thapa', contacts: [{ kind: 'phone', value: '+977 980 000 0000' }] },
  ],
  ...sharing,
});

describe.each(engines)('cases on %s', (engine) => {
  let server: TestServer;
  let world: World;
  let shared: string;
  let hidden: string;

  const open = async (user: string, payload: object) =>
    server.as(user, { method: 'POST', url: `/api/operations/${world.operationId}/cases`, payload });

  beforeAll(async () => {
    server = await startServer(engine);
    world = await makeWorld(server.database);
    const a = await open(USERS.officerNp, twoWomen({ sharing: 'operation' }));
    expect(a.statusCode, a.body).toBe(201);
    shared = a.json().id;
    const b = await open(USERS.officerNp, { ...twoWomen({ sharing: 'owner' }), title: 'Kept in Nepal' });
    expect(b.statusCode, b.body).toBe(201);
    hidden = b.json().id;
  });
  afterAll(() => server?.drop());

  it('shows the child victim to the owner bureau\'s officer and masks her for everyone else', async () => {
    const owner = (await server.as(USERS.officerNp, { url: `/api/cases/${shared}` })).json();
    const sita = owner.persons.find((p: { age: number }) => p.age === 17);
    expect(sita).toMatchObject({ child: true, masked: false, name: 'सीता', documents: [{ number: 'PA1234567' }] });
    for (const user of [USERS.officerTr, USERS.coordinator]) {
      const res = await server.as(user, { url: `/api/cases/${shared}` });
      expect(res.statusCode, user).toBe(200);
      const persons = res.json().persons;
      const child = persons.find((p: { child: boolean }) => p.child);
      expect(child, user).toMatchObject({ masked: true, name: null, otherNames: [], documents: [], birthDate: null, ageBand: '9-17' });
      expect(persons.find((p: { name: string }) => p.name === 'Maya'), user).toMatchObject({ masked: false, child: false });
      expect(JSON.stringify(res.json()), user).not.toMatch(/सीता|Sita|PA1234567/);
    }
  });

  it('keeps a case shared `owner` from other bureaus, and every bureau outside the operation', async () => {
    expect((await server.as(USERS.officerIn, { url: `/api/cases/${hidden}` })).statusCode).toBe(404);
    expect((await server.as(USERS.outsider, { url: `/api/cases/${shared}` })).statusCode).toBe(404);
    const list = await server.as(USERS.officerIn, { url: `/api/operations/${world.operationId}/cases` });
    expect(list.json().items.map((c: { id: string }) => c.id)).toEqual([shared]);
    const own = await server.as(USERS.officerNp, { url: `/api/operations/${world.operationId}/cases?nationality=NP&country=IN` });
    expect(own.json().items).toHaveLength(2);
    expect(own.json().items[0]).toMatchObject({ victims: 2, children: 1, persons: 3 });
  });

  it('returns the journey as given, legs in order', async () => {
    const c = (await server.as(USERS.officerIn, { url: `/api/cases/${shared}` })).json();
    expect(c.journeys).toHaveLength(1);
    expect(c.journeys[0].legs.map((l: { to: { city: string } }) => l.to.city)).toEqual(['Raxaul', 'New Delhi']);
    expect(c.journeys[0].exit).toEqual({ kind: 'rescued', on: '2023-10-17', country: 'IN' });
    expect(c.persons.filter((p: { journeyId: string }) => p.journeyId === c.journeys[0].id)).toHaveLength(2);
  });

  it('gives the victim routes of the cases the caller may see', async () => {
    const routes = async (user: string) => (await server.as(user, { url: `/api/operations/${world.operationId}/routes` })).json();
    expect(await routes(USERS.officerNp)).toEqual([{ path: ['NP', 'IN'], victims: 4, cases: 2 }]);
    expect(await routes(USERS.officerIn)).toEqual([{ path: ['NP', 'IN'], victims: 2, cases: 1 }]);
    expect((await server.as(USERS.outsider, { url: `/api/operations/${world.operationId}/routes` })).statusCode).toBe(404);
    expect((await server.as(null, { url: `/api/operations/${world.operationId}/routes` })).statusCode).toBe(401);
  });

  it('rejects a broken chain of legs with a 400 naming the leg, and writes nothing', async () => {
    const before = (await server.as(USERS.officerNp, { url: `/api/operations/${world.operationId}/cases` })).json().items.length;
    const broken = { ...nepalToDelhi, legs: [nepalToDelhi.legs[0], { ...nepalToDelhi.legs[1], from: { country: 'IN', city: 'Gorakhpur' } }] };
    const res = await open(USERS.officerNp, { ...twoWomen({}), journeys: [broken] });
    expect(res.statusCode).toBe(400);
    expect(res.json()).toMatchObject({ error: 'invalid', field: 'journeys.0.legs.1.from' });
    expect(res.json().message).toMatch(/leg 2 starts in Gorakhpur, IN but leg 1 ended in Raxaul, IN/);
    const after = (await server.as(USERS.officerNp, { url: `/api/operations/${world.operationId}/cases` })).json().items.length;
    expect(after).toBe(before);
  });

  it('names the field of other bad input', async () => {
    const cases: [object, string][] = [
      [{ ...twoWomen({}), persons: [{ role: 'victim', journey: 3 }] }, 'persons.0.journey'],
      [{ ...twoWomen({}), persons: [{ role: 'victim', age: 30, ageBand: '9-17' }] }, 'persons.0.ageBand'],
      [{ ...twoWomen({}), status: 'closed' }, 'closedOn'],
      [{ ...twoWomen({}), outcomeIds: ['00000000-0000-4000-8000-000000000000'] }, 'outcomeIds.0'],
      [{ ...twoWomen({}), persons: [{ role: 'spy' }] }, 'persons.0.role'],
      [{ ...twoWomen({}), sharing: 'listed' }, 'sharedWith'],
      // A date of birth that makes a child cannot be outvoted by an adult age or band.
      [{ ...twoWomen({}), persons: [{ role: 'victim', birthDate: '2010-01-01', age: 30 }] }, 'persons.0.age'],
      [{ ...twoWomen({}), persons: [{ role: 'victim', birthDate: '1990-01-01', ageBand: '0-8' }] }, 'persons.0.ageBand'],
      [{ ...twoWomen({}), persons: [{ role: 'victim', nationalities: ['ZZ'] }] }, 'persons.0.nationalities.0'],
      [{ ...twoWomen({}), journeys: [{ legs: [{ from: { country: 'QQ' }, to: { country: 'IN' }, mode: 'air' }] }] }, 'journeys.0.legs.0.from.country'],
      [{ ...twoWomen({}), openedOn: '0000-01-01' }, 'openedOn'],
      [{ ...twoWomen({}), openedOn: '2023-02-30' }, 'openedOn'],
      [{ ...twoWomen({}), title: '   ' }, 'title'],
    ];
    for (const [payload, field] of cases) {
      const res = await open(USERS.officerNp, payload);
      expect(res.statusCode, field).toBe(400);
      expect(res.json().field, `${field}: ${res.body}`).toBe(field);
    }
  });

  it('lets only the owner bureau\'s officers change a case, add persons and link outcomes', async () => {
    const patch = (user: string, payload: object) => server.as(user, { method: 'PATCH', url: `/api/cases/${shared}`, payload });
    expect((await patch(USERS.officerTr, { status: 'closed', closedOn: '2023-11-01' })).statusCode).toBe(403);
    expect((await patch(USERS.officerIn, { title: 'x' })).statusCode).toBe(403);
    expect((await server.as(USERS.officerIn, { method: 'PATCH', url: `/api/cases/${hidden}`, payload: { title: 'x' } })).statusCode).toBe(404);
    expect((await patch(USERS.officerNp, { status: 'closed', closedOn: '2023-10-01' })).json().field).toBe('closedOn');
    expect((await patch(USERS.officerNp, { title: ' ' })).json().field).toBe('title');
    expect((await patch(USERS.officerNp, { status: 'closed', closedOn: '2023-11-01' })).statusCode).toBe(204);
    const rescue = await server.as(USERS.officerNp, {
      method: 'POST',
      url: `/api/operations/${world.operationId}/outcomes`,
      payload: { kind: 'rescue', at: '2023-10-17T06:00:00Z', persons: 2, country: 'IN', sharing: 'operation' },
    });
    const link = (user: string, id: string) => server.as(user, { method: 'POST', url: `/api/cases/${id}/outcomes`, payload: { outcomeIds: [rescue.json().id] } });
    expect((await link(USERS.officerIn, shared)).statusCode).toBe(403);
    expect((await link(USERS.officerNp, shared)).statusCode).toBe(204);
    const addPerson = await server.as(USERS.officerNp, { method: 'POST', url: `/api/cases/${shared}/persons`, payload: { role: 'witness', name: 'Hotel clerk' } });
    expect(addPerson.statusCode, addPerson.body).toBe(201);
    const born = await server.as(USERS.officerNp, { method: 'POST', url: `/api/cases/${shared}/persons`, payload: { role: 'victim', name: 'Asha', birthDate: '2009-03-01' } });
    expect(born.statusCode, born.body).toBe(201);
    const badBirth = await server.as(USERS.officerNp, { method: 'POST', url: `/api/cases/${shared}/persons`, payload: { role: 'victim', birthDate: '2025-01-01' } });
    expect(badBirth.json().field).toBe('birthDate');
    const c = (await server.as(USERS.officerTr, { url: `/api/cases/${shared}` })).json();
    expect(c).toMatchObject({ status: 'closed', closedOn: '2023-11-01', hiddenOutcomes: 0 });
    expect(c.outcomes).toMatchObject([{ kind: 'rescue', persons: 2 }]);
    expect(c.persons).toHaveLength(5);
    // Only a date of birth given: the age and band follow from it, and she is a child.
    expect(c.persons.find((p: { age: number }) => p.age === 14)).toMatchObject({ child: true, masked: true, name: null, ageBand: '9-17' });
  });

  it('answers 401 without a token and writes every read of persons to the audit log', async () => {
    for (const [method, url] of [
      ['GET', `/api/operations/${world.operationId}/cases`],
      ['POST', `/api/operations/${world.operationId}/cases`],
      ['GET', `/api/cases/${shared}`],
      ['PATCH', `/api/cases/${shared}`],
      ['POST', `/api/cases/${shared}/persons`],
      ['POST', `/api/cases/${shared}/journeys`],
      ['POST', `/api/cases/${shared}/outcomes`],
    ] as const) {
      expect((await server.as(null, { method, url, payload: method === 'GET' ? undefined : {} })).statusCode, url).toBe(401);
    }
    expect((await open(USERS.fieldTr, twoWomen({}))).statusCode).toBe(403);
    expect((await open(USERS.partnerNp, twoWomen({}))).statusCode).toBe(403);
    await server.as(USERS.officerTr, { url: `/api/cases/${shared}` });
    const reads = await server.database.db
      .selectFrom('audit_log')
      .innerJoin('users', 'users.id', 'audit_log.actor_user_id')
      .select(['users.username', 'audit_log.detail'])
      .where('action', '=', 'read')
      .where('entity', '=', 'case')
      .where('entity_id', '=', shared)
      .execute();
    expect(reads.map((r) => r.username)).toContain(USERS.officerTr);
    expect(reads.find((r) => r.username === USERS.officerTr)?.detail).toMatchObject({ masked: 1 });
  });
});
