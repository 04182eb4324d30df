// Person matches over HTTP: the same person written differently in two bureaus' cases is proposed,
// analysts confirm or reject, a decided pair is never proposed again, and a caller who sees one
// side only learns that a hidden match exists and nothing about the other side.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { proposePersonMatches } from '../../src/modules/matches/service.ts';
import { makeWorld, USERS, type World } from '../factories/world.ts';
import { engines } from '../helpers/engines.ts';
import { startServer, type TestServer } from '../helpers/http.ts';
import { runCordon } from '../helpers/cli.ts';
import { finishedJob } from '../helpers/jobs.ts';

interface MatchPerson {
  id: string;
  name: string;
  caseId: string;
  caseTitle: string;
  ownerCountry: string;
}
interface Match {
  id: string;
  score: number;
  status: string;
  note: string;
  decidedAt: string | null;
  decidedBy: string | null;
  explanation: { field: string; level: string; weight: number }[];
  left: MatchPerson;
  right: MatchPerson;
}

const names = (m: Match) => [m.left.name, m.right.name].sort();

describe.each(engines)('person matches on %s', (engine) => {
  let server: TestServer;
  let world: World;
  const cases = { nepalShared: '', nepalOwn: '', india: '' };
  const persons: Record<string, string> = {};

  const open = async (user: string, payload: object) => {
    const res = await server.as(user, { method: 'POST', url: `/api/operations/${world.operationId}/cases`, payload: { openedOn: '2023-10-16', ...payload } });
    expect(res.statusCode, res.body).toBe(201);
    return res.json().id as string;
  };
  const list = async (user: string, query = '') => {
    const res = await server.as(user, { url: `/api/operations/${world.operationId}/person-matches${query}` });
    expect(res.statusCode, res.body).toBe(200);
    return res;
  };
  const matchOf = async (user: string, a: string, b: string) => {
    const items = (await list(user)).json().items as Match[];
    return items.find((m) => [m.left.id, m.right.id].sort().join() === [persons[a], persons[b]].sort().join());
  };

  beforeAll(async () => {
    server = await startServer(engine);
    world = await makeWorld(server.database);
    const passport = (number: string, country: string) => [{ kind: 'passport', number, country }];
    cases.nepalShared = await open(USERS.officerNp, {
      title: 'Recruited in Birgunj',
      sharing: 'operation',
      persons: [
        { role: 'recruiter', name: 'Wang Xiaoming', birthDate: '1990-05-01', gender: 'male', nationalities: ['CN'], documents: passport('E12345678', 'CN') },
        { role: 'victim', name: 'Maya Rai', birthDate: '2008-01-01', gender: 'female', nationalities: ['NP'] },
        { role: 'victim', name: 'Ram Thapa', birthDate: '1985-07-07', nationalities: ['NP'] },
      ],
    });
    cases.nepalOwn = await open(USERS.officerNp, {
      title: 'Kept in Nepal',
      sharing: 'owner',
      persons: [{ role: 'victim', name: 'Sita Tamang', birthDate: '1995-02-02', gender: 'female', nationalities: ['NP'], documents: passport('PA7777777', 'NP') }],
    });
    cases.india = await open(USERS.officerIn, {
      title: 'Delhi placement agency',
      sharing: 'operation',
      persons: [
        { role: 'suspect', name: '王小明', birthDate: '1990-05-01', gender: 'male', documents: passport('e1234 5678', 'CN') },
        { role: 'witness', name: 'Tamang Sita', birthDate: '1995-02-02', nationalities: ['NP'], documents: passport('PA 777 7777', 'NP') },
        { role: 'witness', name: 'Maya Rai', birthDate: '2008-01-01', nationalities: ['NP'] },
        { role: 'witness', name: 'Gita Tamang', birthDate: '1999-09-09', nationalities: ['NP'] },
      ],
    });
    const rows = await server.database.db.selectFrom('case_persons').select(['id', 'name', 'case_id']).where('operation_id', '=', world.operationId).execute();
    const key = (r: { name: string; case_id: string }) => `${r.name}@${r.case_id === cases.india ? 'in' : 'np'}`;
    for (const r of rows) persons[key(r)] = r.id;
  });
  afterAll(() => server?.drop());

  it('proposes the same person written in another script, word order or bureau', async () => {
    const run = await server.as(USERS.analyst, { method: 'POST', url: `/api/operations/${world.operationId}/person-matches/run` });
    expect(run.statusCode, run.body).toBe(202);
    expect(run.headers.location).toBe(`/api/jobs/${run.json().job.id}`);
    const job = await finishedJob(server, USERS.analyst, run.json().job.id);
    expect(job).toMatchObject({ kind: 'person_matching', state: 'completed', createdBy: USERS.analyst, resultUrl: null });
    // Eight persons: too few pairs to fit the model by EM, so it scores with fixed priors.
    expect(job.result).toMatchObject({ persons: 8, proposed: 3, model: 'priors' });
    expect(job.result?.candidatePairs).toBeGreaterThanOrEqual(3);
    const all = (await list(USERS.officerNp)).json().items as Match[];
    expect(all.map(names)).toEqual(expect.arrayContaining([['Maya Rai', 'Maya Rai'], ['Sita Tamang', 'Tamang Sita'], ['Wang Xiaoming', '王小明']]));
    expect(all).toHaveLength(3);
    const wang = all.find((m) => names(m)[0] === 'Wang Xiaoming')!;
    expect(wang).toMatchObject({ status: 'proposed', decidedAt: null, decidedBy: null });
    expect(wang.score).toBeGreaterThan(0.95);
    expect(wang.explanation.find((e) => e.field === 'document')).toMatchObject({ level: 'exact' });
    expect(wang.explanation.find((e) => e.field === 'birthDate')).toMatchObject({ level: 'exact' });
    const india = wang.left.caseId === cases.india ? wang.left : wang.right;
    expect(india).toMatchObject({ caseTitle: 'Delhi placement agency', ownerCountry: 'IN', name: '王小明' });
    // Highest score first.
    expect(all.map((m) => m.score)).toEqual([...all.map((m) => m.score)].sort((a, b) => b - a));
    const audit = await server.database.db.selectFrom('audit_log').select(['detail']).where('entity', '=', 'person_matches').where('action', '=', 'run').execute();
    expect(audit).toHaveLength(1);
  });

  it('keeps a decision, changes it when asked, and never proposes a decided pair again', async () => {
    const wang = (await matchOf(USERS.analyst, 'Wang Xiaoming@np', '王小明@in'))!;
    const reject = await server.as(USERS.analyst, { method: 'POST', url: `/api/person-matches/${wang.id}/decision`, payload: { decision: 'rejected', note: 'different fathers' } });
    expect(reject.statusCode, reject.body).toBe(200);
    expect(reject.json()).toMatchObject({ id: wang.id, status: 'rejected', note: 'different fathers', decidedBy: USERS.analyst });
    expect(reject.json().decidedAt).toBeTruthy();

    const again = await proposePersonMatches(server.database, world.operationId);
    expect(again).toMatchObject({ persons: 8, proposed: 0 });
    const rejected = (await list(USERS.analyst, '?status=rejected')).json().items as Match[];
    expect(rejected.map((m) => m.id)).toEqual([wang.id]);
    expect((await list(USERS.analyst, '?status=proposed')).json().items).toEqual([]);

    const confirm = await server.as(USERS.officerNp, { method: 'POST', url: `/api/person-matches/${wang.id}/decision`, payload: { decision: 'confirmed' } });
    expect(confirm.json()).toMatchObject({ status: 'confirmed', decidedBy: USERS.officerNp, note: '' });
    const decisions = await server.database.db.selectFrom('audit_log').select(['detail']).where('entity', '=', 'person_match').where('entity_id', '=', wang.id).orderBy('seq').execute();
    expect(decisions.map((d) => (d.detail as { to: string }).to)).toEqual(['rejected', 'confirmed']);
  });

  it('tells a bureau that sees one side only that a hidden match exists, and nothing about the other side', async () => {
    const hiddenPerson = persons['Sita Tamang@np']!;
    const res = await server.as(USERS.officerIn, { url: `/api/persons/${persons['Tamang Sita@in']}/matches` });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toEqual({ personId: persons['Tamang Sita@in'], items: [], hiddenMatches: [{ personId: persons['Tamang Sita@in'], hit: expect.any(String) }] });
    for (const secret of [hiddenPerson, cases.nepalOwn, 'Kept in Nepal', 'Sita Tamang', '"NP"', world.bureaus.np]) {
      expect(res.body, secret).not.toContain(secret);
    }
    // The operation-wide list: India sees the Wang pair (both cases shared) but not Nepal's own case.
    const listed = await list(USERS.officerIn);
    for (const secret of [hiddenPerson, cases.nepalOwn, 'Kept in Nepal', 'Sita Tamang']) expect(listed.body, secret).not.toContain(secret);
    expect((listed.json().items as Match[]).map(names)).toEqual([['Wang Xiaoming', '王小明']]);
    // The hit is kept for the holder: Nepal's bureau and case, never shown to India.
    const hit = await server.database.db.selectFrom('entity_hit_holders').select(['case_id', 'bureau_id']).where('hit_id', '=', res.json().hiddenMatches[0].hit).execute();
    expect(hit).toEqual([{ case_id: cases.nepalOwn, bureau_id: world.bureaus.np }]);
    // Deciding a match India cannot see is a 404, as if it did not exist.
    const sita = (await matchOf(USERS.officerNp, 'Sita Tamang@np', 'Tamang Sita@in'))!;
    expect((await server.as(USERS.officerIn, { method: 'POST', url: `/api/person-matches/${sita.id}/decision`, payload: { decision: 'confirmed' } })).statusCode).toBe(404);
  });

  it("keeps a child victim's match to the owner bureau's officers", async () => {
    // Both cases are shared, but the child's identity is Nepal's officers' alone.
    const analyst = await list(USERS.analyst);
    expect((analyst.json().items as Match[]).some((m) => names(m)[0] === 'Maya Rai')).toBe(false);
    expect(analyst.json().hiddenMatches).toContainEqual({ personId: persons['Maya Rai@in'], hit: expect.any(String) });
    expect(analyst.body).not.toContain(persons['Maya Rai@np']!);
    expect(await matchOf(USERS.officerNp, 'Maya Rai@np', 'Maya Rai@in')).toBeDefined();
    expect((await server.as(USERS.analyst, { url: `/api/persons/${persons['Maya Rai@np']}/matches` })).statusCode).toBe(404);
  });

  it('pages by score', async () => {
    const first = (await list(USERS.officerNp, '?limit=2')).json();
    expect(first.items).toHaveLength(2);
    const second = (await list(USERS.officerNp, `?limit=2&cursor=${first.next}`)).json();
    expect(second.items).toHaveLength(1);
    expect(second.next).toBeNull();
    expect(second.items[0].score).toBeLessThanOrEqual(first.items[1].score);
    expect((await server.as(USERS.officerNp, { url: `/api/operations/${world.operationId}/person-matches?cursor=bm9wZQ` })).json()).toMatchObject({ field: 'cursor' });
  });

  it('answers 404 to the wrong bureau or role, 403 to a reader who may not run, 401 without a token', async () => {
    const wang = (await matchOf(USERS.analyst, 'Wang Xiaoming@np', '王小明@in'))!;
    const run = { method: 'POST' as const, url: `/api/operations/${world.operationId}/person-matches/run` };
    const listing = { url: `/api/operations/${world.operationId}/person-matches` };
    const decide = { method: 'POST' as const, url: `/api/person-matches/${wang.id}/decision`, payload: { decision: 'rejected' } };
    const ofPerson = { url: `/api/persons/${persons['Wang Xiaoming@np']}/matches` };
    for (const request of [run, listing, decide, ofPerson]) {
      expect((await server.as(USERS.outsider, request)).statusCode, request.url).toBe(404);
      expect((await server.as(null, request)).statusCode, request.url).toBe(401);
    }
    for (const request of [listing, decide, ofPerson]) {
      expect((await server.as(USERS.fieldTr, request)).statusCode, request.url).toBe(404);
      expect((await server.as(USERS.partnerNp, request)).statusCode, request.url).toBe(404);
    }
    // Türkiye may not see Nepal's own case: a person there is not found.
    expect((await server.as(USERS.officerTr, { url: `/api/persons/${persons['Sita Tamang@np']}/matches` })).statusCode).toBe(404);
    // Bureaus taking part that may not run the model are told so.
    for (const user of [USERS.officerIn, USERS.fieldTr, USERS.partnerNp]) expect((await server.as(user, run)).statusCode, user).toBe(403);
    expect((await matchOf(USERS.analyst, 'Wang Xiaoming@np', '王小明@in'))!.status).toBe('confirmed');
  });

  it('refuses a decision that is not confirmed or rejected, naming the field', async () => {
    const wang = (await matchOf(USERS.analyst, 'Wang Xiaoming@np', '王小明@in'))!;
    const res = await server.as(USERS.analyst, { method: 'POST', url: `/api/person-matches/${wang.id}/decision`, payload: { decision: 'maybe' } });
    expect(res.statusCode).toBe(400);
    expect(res.json()).toMatchObject({ error: 'invalid', field: 'decision' });
    expect(res.json().message).toMatch(/confirmed, rejected/);
  });

  // The CLI opens its own connection: on the server only (the PGlite database here is in memory).
  it.runIf(engine === 'postgres')('runs from the command line, progress on stderr', async () => {
    const env = { ...process.env, DATABASE_URL: server.url };
    const run = () => runCordon(env, ['match', 'people', '--operation', world.operationId]);
    const first = await run();
    expect(first.stdout).toMatch(/^persons: 8\ncandidate pairs: \d+\nnew proposals: \d+\nmodel: priors\n$/);
    expect(first.stderr).toMatch(/^match: read 8 persons/m);
    // Whatever the first run stored, a second one proposes nothing new.
    expect((await run()).stdout).toMatch(/new proposals: 0\n/);
    const unknown = await runCordon(env, ['match', 'people', '--operation', randomUUID()]);
    expect(unknown).toMatchObject({ code: 1 });
    expect(unknown.stderr).toMatch(/operation not found/);
  });
});
