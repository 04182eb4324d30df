// The FollowTheMoney export over HTTP and the CLI: only the cases a caller may see, child victims
// left out for all but the owner bureau's officers, one entity per identifier across cases, and
// every entity valid in the FtM model.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FtmEntity } from '../../src/modules/exports/ftm.ts';
import { makeWorld, USERS, type World } from '../factories/world.ts';
import { engines } from '../helpers/engines.ts';
import { ftmProblems } from '../helpers/ftm-model.ts';
import { startServer, type TestServer } from '../helpers/http.ts';
import { runCordon } from '../helpers/cli.ts';

const WALLET = '0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed';

/** What only the Nepal-only case holds: none of it may reach another bureau. */
const SECRET = { title: 'Nepal only', suspect: 'Hidden Gurung', phone: '+9779851112233', passport: 'PX7654321', wallet: 'TNPeeaaFB7K9cmo4uQpcU32zGK8G1NYqeL' };
/** The child victim of the shared case: seen only by the officers of the bureau that owns it. */
const CHILD = { name: 'Kanchi Lama', phone: '+9779817776655' };

describe.each(engines)('FollowTheMoney export on %s', (engine) => {
  let server: TestServer;
  let world: World;
  const url = () => `/api/operations/${world.operationId}/exports/ftm`;
  const cases: Record<'shared' | 'secret' | 'india', { id: string; persons: Record<string, string> }> = {} as never;

  /** Opens a case through the API; its persons' ids by name. */
  const openCase = async (user: string, payload: Record<string, unknown>) => {
    const res = await server.as(user, { method: 'POST', url: `/api/operations/${world.operationId}/cases`, payload: { openedOn: '2023-10-16', ...payload } });
    expect(res.statusCode, res.body).toBe(201);
    const { id } = res.json() as { id: string };
    const persons = await server.database.db.selectFrom('case_persons').select(['id', 'name']).where('case_id', '=', id).execute();
    return { id, persons: Object.fromEntries(persons.map((p) => [p.name, p.id])) };
  };

  /** A wallet named by hand in a case (the API for entities added by hand is not what is tested here). */
  const addWallet = async (caseId: string, personId: string | null, address: string, chain: string) => {
    await server.database.db
      .insertInto('entity_mentions')
      .values({ operation_id: world.operationId, case_id: caseId, person_id: personId, kind: 'crypto_wallet', raw: address, value: address, valid: true, details: JSON.stringify({ chain }), source: 'manual', position: 100 })
      .execute();
  };

  const exportAs = async (user: string) => {
    const res = await server.as(user, { url: url() });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers['content-type']).toMatch(/^application\/x-ndjson/);
    const entities = res.body.split('\n').filter((line) => line !== '').map((line) => JSON.parse(line) as FtmEntity);
    return { text: res.body, entities };
  };
  const ofSchema = (entities: FtmEntity[], schema: string) => entities.filter((e) => e.schema === schema);

  beforeAll(async () => {
    server = await startServer(engine);
    world = await makeWorld(server.database);
    cases.shared = await openCase(USERS.officerNp, {
      title: 'Birgunj ring',
      sharing: 'operation',
      persons: [
        { role: 'victim', name: 'Sita Tamang', birthDate: '2001-04-03', gender: 'female', nationalities: ['NP'], documents: [{ kind: 'passport', number: 'PA1234567', country: 'NP' }] },
        { role: 'victim', name: CHILD.name, age: 15, gender: 'female', contacts: [{ kind: 'phone', value: CHILD.phone }] },
        { role: 'recruiter', name: 'Raj Thapa', contacts: [{ kind: 'phone', value: '+9779841234567' }, { kind: 'handle', value: 't.me/Job_Offers_KH' }] },
      ],
    });
    cases.secret = await openCase(USERS.officerNp, {
      title: SECRET.title,
      sharing: 'owner',
      persons: [{ role: 'suspect', name: SECRET.suspect, contacts: [{ kind: 'phone', value: SECRET.phone }], documents: [{ kind: 'passport', number: SECRET.passport, country: 'NP' }] }],
    });
    cases.india = await openCase(USERS.officerIn, {
      title: 'Delhi placement agency',
      sharing: 'owner',
      persons: [{ role: 'suspect', name: 'R. Thapa', gender: 'male', nationalities: ['NP'] }],
    });
    const recruiter = cases.shared.persons['Raj Thapa']!;
    const indianSuspect = cases.india.persons['R. Thapa']!;
    await addWallet(cases.shared.id, recruiter, WALLET, 'ethereum');
    await addWallet(cases.india.id, indianSuspect, WALLET, 'ethereum');
    await addWallet(cases.secret.id, null, SECRET.wallet, 'tron');
    const [left, right] = [recruiter, indianSuspect].sort();
    await server.database.db
      .insertInto('person_matches')
      .values({ operation_id: world.operationId, left_person_id: left!, right_person_id: right!, score: 0.93, explanation: JSON.stringify([]), status: 'confirmed' })
      .execute();
  });
  afterAll(() => server?.drop());

  it('gives another bureau the shared case and nothing of the one its owner kept', async () => {
    const { text, entities } = await exportAs(USERS.officerIn);
    expect(ftmProblems(entities)).toEqual([]);
    expect(ofSchema(entities, 'Event').flatMap((e) => e.properties.name).sort()).toEqual(['Birgunj ring', 'Delhi placement agency']);
    for (const secret of [...Object.values(SECRET), cases.secret.id, cases.secret.persons[SECRET.suspect]!]) expect(text).not.toContain(secret);
    expect(ofSchema(entities, 'Passport').map((e) => e.properties.number)).toEqual([['PA1234567']]);
    expect(ofSchema(entities, 'UserAccount')[0]?.properties).toMatchObject({ username: ['job_offers_kh'], service: ['telegram'] });
  });

  it('leaves a child victim out, identifiers and all, for everyone but the owner bureau\'s officers', async () => {
    const child = cases.shared.persons[CHILD.name]!;
    for (const user of [USERS.officerIn, USERS.coordinator, USERS.analyst]) {
      const { text, entities } = await exportAs(user);
      expect(ftmProblems(entities)).toEqual([]);
      for (const secret of [CHILD.name, CHILD.phone, child]) expect(text, user).not.toContain(secret);
    }
    const own = await exportAs(USERS.officerNp);
    expect(ftmProblems(own.entities)).toEqual([]);
    expect(own.entities.find((e) => e.id === `cordon-person-${child}`)?.properties).toMatchObject({ name: [CHILD.name], phone: [CHILD.phone] });
    expect(own.text).toContain(SECRET.suspect);
  });

  it('makes one CryptoWallet of the wallet named in two cases, held by the persons of both', async () => {
    const { entities } = await exportAs(USERS.officerIn);
    const wallets = ofSchema(entities, 'CryptoWallet');
    expect(wallets).toHaveLength(1);
    expect(wallets[0]?.properties.publicKey).toEqual([WALLET]);
    const holders = wallets[0]?.properties.holder ?? [];
    expect(holders.sort()).toEqual([cases.shared.persons['Raj Thapa']!, cases.india.persons['R. Thapa']!].map((id) => `cordon-person-${id}`).sort());
    expect(ofSchema(entities, 'Similar')).toHaveLength(1);
  });

  it('answers 404 outside the operation, 401 without a token, 403 to field teams and partners, and audits each export', async () => {
    expect((await server.as(USERS.outsider, { url: url() })).statusCode).toBe(404);
    expect((await server.as(null, { url: url() })).statusCode).toBe(401);
    expect((await server.as(USERS.fieldTr, { url: url() })).statusCode).toBe(403);
    expect((await server.as(USERS.partnerNp, { url: url() })).statusCode).toBe(403);
    const before = await server.database.db.selectFrom('audit_log').select(['detail']).where('action', '=', 'export').where('entity', '=', 'ftm').execute();
    await exportAs(USERS.officerTr);
    const after = await server.database.db.selectFrom('audit_log').select(['detail']).where('action', '=', 'export').where('entity', '=', 'ftm').execute();
    expect(after).toHaveLength(before.length + 1);
    // The Türkiye bureau sees the case shared with the operation only; the child victim is left out of the count.
    expect(after.at(-1)?.detail).toMatchObject({ cases: 1, persons: 2 });
  });

  it.skipIf(engine !== 'postgres')('writes the same file from `cordon export ftm`', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'cordon-ftm-'));
    try {
      const out = join(dir, 'ftm.jsonl');
      const env = { ...process.env, DATABASE_URL: server.url };
      const run = await runCordon(env, ['export', 'ftm', '--operation', world.operationId, '--user', USERS.officerIn, '--out', out]);
      expect(run.stderr).toMatch(/exported \d+ FollowTheMoney entities/);
      const fromCli = readFileSync(out, 'utf8');
      expect(fromCli).toBe((await exportAs(USERS.officerIn)).text);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
