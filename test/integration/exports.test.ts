// Victim-case exports over HTTP and the CLI: CTDC's 27 variables with codebook values, HTCDS,
// only the victims the caller may see, no names.
import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CTDC_VARIABLES, isAllowedCtdcValue } from '../../src/modules/exports/ctdc-codebook.ts';
import { HTCDS_COLUMNS } from '../../src/modules/exports/htcds.ts';
import { makeWorld, USERS, type World } from '../factories/world.ts';
import { engines } from '../helpers/engines.ts';
import { startServer, type TestServer } from '../helpers/http.ts';

const journey = {
  recruitment: { channel: 'acquaintance', on: '2023-06-01' },
  legs: [{ from: { country: 'NP', city: 'Birgunj' }, to: { country: 'IN', city: 'New Delhi' }, mode: 'land', on: '2023-06-10' }],
  exploitation: { place: { country: 'IN', city: 'New Delhi' }, type: 'sexual_exploitation', means: ['withheld_documents', 'armed_guard'], months: 14, from: '2023-06-10' },
  exit: { kind: 'rescued', on: '2023-10-17', country: 'IN' },
};

describe.each(engines)('victim exports on %s', (engine) => {
  let server: TestServer;
  let world: World;
  const url = (format: string) => `/api/operations/${world.operationId}/exports/${format}.csv`;
  const rows = async (user: string, format = 'ctdc') => {
    const res = await server.as(user, { url: url(format) });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers['content-type']).toMatch(/^text\/csv/);
    return { text: res.body, records: parse(res.body, { columns: false }) as string[][] };
  };

  beforeAll(async () => {
    server = await startServer(engine);
    world = await makeWorld(server.database);
    for (const [sharing, title] of [['listed', 'Shared with India'], ['owner', 'Nepal only']] as const) {
      const res = await server.as(USERS.officerNp, {
        method: 'POST',
        url: `/api/operations/${world.operationId}/cases`,
        payload: {
          title,
          openedOn: '2023-10-16',
          sharing,
          ...(sharing === 'listed' ? { sharedWith: ['IN'] } : {}),
          journeys: [journey],
          persons: [
            { role: 'victim', name: 'सीता', age: 17, gender: 'female', nationalities: ['NP'], journey: 0 },
            { role: 'victim', name: 'Maya', gender: 'unknown', journey: 0 },
            { role: 'suspect', name: 'R. Thapa' },
          ],
        },
      });
      expect(res.statusCode, res.body).toBe(201);
    }
  });
  afterAll(() => server?.drop());

  it('writes exactly the codebook\'s 27 variables, and only values the codebook allows', async () => {
    const { records, text } = await rows(USERS.officerNp);
    expect(records[0]).toEqual(CTDC_VARIABLES.map((v) => v.name));
    expect(records).toHaveLength(1 + 4);
    for (const record of records.slice(1)) {
      record.forEach((value, i) => {
        expect(isAllowedCtdcValue(CTDC_VARIABLES[i]!.name, value), `${CTDC_VARIABLES[i]!.name}=${value}`).toBe(true);
      });
    }
    const named = records.slice(1).map((r) => Object.fromEntries(records[0]!.map((name, i) => [name, r[i]])));
    expect(named.find((r) => r.gender === 'Woman')).toMatchObject({ gender: 'Woman', ageBroad: '9—17', citizenship: 'NPL', CountryOfExploitation: 'IND', traffickMonths: '13—24 (1-2 yrs)', isSexualExploit: '1', recruiterRelationFriend: '1' });
    expect(text).not.toMatch(/सीता|Maya|Thapa/);
  });

  it('holds only the victims the caller may see, and none for other bureaus\' owner cases', async () => {
    expect((await rows(USERS.officerIn)).records).toHaveLength(1 + 2);
    expect((await rows(USERS.officerTr)).records).toHaveLength(1);
    expect((await rows(USERS.coordinator)).records).toHaveLength(1);
    expect((await server.as(USERS.outsider, { url: url('ctdc') })).statusCode).toBe(404);
    expect((await server.as(USERS.partnerNp, { url: url('ctdc') })).statusCode).toBe(403);
    expect((await server.as(USERS.fieldTr, { url: url('ctdc') })).statusCode).toBe(403);
    expect((await server.as(null, { url: url('ctdc') })).statusCode).toBe(401);
    expect((await server.as(null, { url: url('htcds') })).statusCode).toBe(401);
  });

  it('writes the HTCDS fields Cordon records, one row per victim', async () => {
    const { records } = await rows(USERS.officerNp, 'htcds');
    expect(records[0]).toEqual([...HTCDS_COLUMNS]);
    expect(records).toHaveLength(1 + 4);
  });

  it('records every export in the audit log', async () => {
    const entries = await server.database.db.selectFrom('audit_log').select(['detail']).where('action', '=', 'export').where('entity', '=', 'victims_ctdc').execute();
    expect(entries.length).toBeGreaterThanOrEqual(4);
  });
});
