// A case's entities over HTTP: identifiers taken from its persons and normalised, linked to the
// other cases where they appear, within need-to-know: links only to cases the caller may see, a
// bare "hidden match" for the others, and a child victim's identifiers masked and never linked.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeWorld, USERS, type World } from '../factories/world.ts';
import { engines } from '../helpers/engines.ts';
import { startServer, type TestServer } from '../helpers/http.ts';

interface Entity {
  kind: string;
  raw: string | null;
  value: string | null;
  valid: boolean;
  masked: boolean;
  problem: string | null;
  links: { caseId: string; title: string; ownerCountry: string }[];
  hiddenMatch: boolean;
}

const person = (extra: object) => ({ role: 'recruiter', name: 'R.', ...extra });

describe.each(engines)('entities on %s', (engine) => {
  let server: TestServer;
  let world: World;
  const ids = { nepalShared: '', nepalOwn: '', india: '' };

  const open = async (user: string, payload: object) => {
    const res = await server.as(user, { method: 'POST', url: `/api/operations/${world.operationId}/cases`, payload: { openedOn: '2023-10-16', ...payload } });
    expect(res.statusCode, res.body).toBe(201);
    return res.json().id as string;
  };
  const entitiesOf = async (user: string, caseId: string) => {
    const res = await server.as(user, { url: `/api/cases/${caseId}/entities` });
    expect(res.statusCode, res.body).toBe(200);
    return res.json().entities as Entity[];
  };

  beforeAll(async () => {
    server = await startServer(engine);
    world = await makeWorld(server.database);
    ids.nepalShared = await open(USERS.officerNp, {
      title: 'Recruited in Birgunj',
      sharing: 'operation',
      persons: [
        person({ contacts: [{ kind: 'phone', value: '+977 980 000 0000' }, { kind: 'handle', value: 'https://t.me/Jobs_Abroad_NP', platform: 'telegram' }] }),
        { role: 'victim', name: 'सीता', age: 16, documents: [{ kind: 'passport', number: 'pa 123-4567', country: 'NP' }] },
      ],
    });
    ids.nepalOwn = await open(USERS.officerNp, {
      title: 'Kept in Nepal',
      sharing: 'owner',
      persons: [person({ contacts: [{ kind: 'phone', value: '+977 981 111 1111' }] })],
    });
    ids.india = await open(USERS.officerIn, {
      title: 'Delhi placement agency',
      sharing: 'operation',
      persons: [
        person({ contacts: [{ kind: 'phone', value: '00977-9800000000' }, { kind: 'phone', value: '+977 (981) 1111111' }, { kind: 'phone', value: 'call the agency' }] }),
        { role: 'witness', name: 'Clerk', documents: [{ kind: 'passport', number: 'PA1234567', country: 'NP' }] },
        person({ contacts: [{ kind: 'handle', value: '@jobs_abroad_np', platform: 'telegram' }] }),
      ],
    });
  });
  afterAll(() => server?.drop());

  it('normalises the identifiers of a case and links the same ones across bureaus', async () => {
    const india = await entitiesOf(USERS.officerIn, ids.india);
    expect(india.map((e) => [e.kind, e.value, e.valid])).toEqual([
      ['phone', '+9779800000000', true],
      ['phone', '+9779811111111', true],
      ['phone', '', false],
      ['document', 'NP:PA1234567', true],
      ['handle', 'jobs_abroad_np', true],
    ]);
    expect(india[0]).toMatchObject({ raw: '00977-9800000000', links: [{ caseId: ids.nepalShared, title: 'Recruited in Birgunj', ownerCountry: 'NP' }], hiddenMatch: false });
    expect(india[4]!.links.map((l) => l.caseId)).toEqual([ids.nepalShared]);
    // An identifier that does not validate is kept as written, says why, and links nothing.
    expect(india[2]).toMatchObject({ raw: 'call the agency', links: [], hiddenMatch: false });
    expect(india[2]!.problem).toBeTruthy();
  });

  it('tells a bureau only that a match exists in a record it may not see', async () => {
    const res = await server.as(USERS.officerIn, { url: `/api/cases/${ids.india}/entities` });
    const [, second] = res.json().entities as Entity[];
    // Nepal keeps that number's case to itself: India learns that a match exists, and nothing more.
    expect(second).toMatchObject({ value: '+9779811111111', links: [], hiddenMatch: true });
    expect(res.body).not.toContain(ids.nepalOwn);
    expect(res.body).not.toContain('Kept in Nepal');
    // The child victim's passport in Nepal's shared case matches the witness's: a hidden match for
    // India, whose officers may not see the child's identity.
    const passport = (res.json().entities as Entity[]).find((e) => e.kind === 'document')!;
    expect(passport).toMatchObject({ links: [], hiddenMatch: true });
    // Nepal's own officer sees both links.
    const nepal = await entitiesOf(USERS.officerNp, ids.nepalOwn);
    expect(nepal[0]).toMatchObject({ links: [{ caseId: ids.india }], hiddenMatch: false });
    const child = (await entitiesOf(USERS.officerNp, ids.nepalShared)).find((e) => e.kind === 'document')!;
    expect(child).toMatchObject({ masked: false, value: 'NP:PA1234567', links: [{ caseId: ids.india }] });
  });

  it("masks a child victim's identifiers for everyone but the owner bureau's officers", async () => {
    for (const user of [USERS.officerIn, USERS.coordinator]) {
      const res = await server.as(user, { url: `/api/cases/${ids.nepalShared}/entities` });
      expect(res.statusCode, user).toBe(200);
      const child = (res.json().entities as Entity[]).find((e) => e.kind === 'document')!;
      expect(child, user).toMatchObject({ masked: true, raw: null, value: null, links: [], hiddenMatch: false });
      expect(res.body, user).not.toMatch(/PA1234567|pa 123-4567/i);
    }
  });

  it('answers 404 to a bureau that may not see the case, and audits every read', async () => {
    expect((await server.as(USERS.officerIn, { url: `/api/cases/${ids.nepalOwn}/entities` })).statusCode).toBe(404);
    expect((await server.as(USERS.officerTr, { url: `/api/cases/${ids.nepalOwn}/entities` })).statusCode).toBe(404);
    expect((await server.as(USERS.outsider, { url: `/api/cases/${ids.india}/entities` })).statusCode).toBe(404);
    expect((await server.app.inject({ url: `/api/cases/${ids.india}/entities` })).statusCode).toBe(401);
    const reads = await server.database.db
      .selectFrom('audit_log')
      .select(['entity_id', 'detail'])
      .where('entity', '=', 'case_entities')
      .where('entity_id', '=', ids.india)
      .execute();
    expect(reads.length).toBeGreaterThan(0);
  });
});
