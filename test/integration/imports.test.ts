// CSV imports over HTTP: every row lands or none does; errors name the row and column.
import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readConfig } from '../../src/config.ts';
import { openDatabase } from '../../src/db/connection.ts';
import { buildApp } from '../../src/server/app.ts';
import { engines } from '../helpers/engines.ts';
import { startServer, type TestServer } from '../helpers/http.ts';
import { makeWorld, USERS, type World } from '../factories/world.ts';

describe.each(engines)('CSV imports on %s', (engine) => {
  let server: TestServer;
  let world: World;
  beforeAll(async () => {
    server = await startServer(engine);
    world = await makeWorld(server.database);
  });
  afterAll(() => server?.drop());

  const importCsv = (kind: 'inspections' | 'outcomes', csv: string, user: string = USERS.officerTr, query = '') =>
    server.as(user, {
      method: 'POST',
      url: `/api/operations/${world.operationId}/imports/${kind}${query}`,
      headers: { 'content-type': 'text/csv' },
      payload: csv,
    });
  const results = async () =>
    (await server.as(USERS.coordinator, { url: `/api/operations/${world.operationId}/results` })).json();

  it('imports inspections and the results count them at once', async () => {
    const rows = Array.from({ length: 1200 }, (_, i) => {
      const day = 16 + (i % 5);
      const kind = ['premises_inspection', 'document_check', 'vehicle_check', 'traveller_check', 'patrol'][i % 5];
      return `${i % 2 ? world.hotspots.tr : world.hotspots.np},2023-10-${day}T${String((i % 20) + 3).padStart(2, '0')}:15:00+03:00,${kind},${i % 7},"note, with comma ${i}",operation,`;
    });
    const res = await importCsv('inspections', `hotspot_id,at,kind,persons_checked,notes,sharing,shared_with\n${rows.join('\n')}\n`);
    expect(res.statusCode, res.body).toBe(201);
    const csv = `hotspot_id,at,kind,persons_checked,notes,sharing,shared_with\n${rows.join('\n')}\n`;
    expect(res.json()).toEqual({ imported: 1200, sha256: createHash('sha256').update(csv).digest('hex') });
    const r = await results();
    expect(r.totals.inspections).toBe(1200);
    expect(r.byCountry.find((c: { country: string }) => c.country === 'TR').inspections).toBe(600);
    expect(r.byCountry.find((c: { country: string }) => c.country === 'NP').inspections).toBe(600);
    expect(r.byDay).toHaveLength(5);
    const listed = await server.as(USERS.officerIn, { url: `/api/operations/${world.operationId}/inspections?country=TR&limit=5` });
    expect(listed.json().items[0].notes).toMatch(/^note, with comma/);
  });

  it('rejects a file with one bad row, names it, and writes nothing', async () => {
    const before = (await results()).totals.inspections;
    const good = `${world.hotspots.tr},2023-10-16T08:00:00Z,patrol,3`;
    const csv = ['hotspotId,at,kind,personsChecked', good, good, `${world.hotspots.tr},2023-10-16T08:00:00Z,raid,3`, good].join('\n');
    const res = await importCsv('inspections', csv);
    expect(res.statusCode).toBe(400);
    const body = res.json();
    expect(body).toMatchObject({ error: 'invalid', row: 4, column: 'kind' });
    expect(body.message).toContain('raid');
    expect((await results()).totals.inspections).toBe(before);
  });

  it('rejects a bad row deep in a large file, after earlier batches were copied', async () => {
    const before = (await results()).totals.inspections;
    const good = `${world.hotspots.tr},2023-10-16T08:00:00Z,patrol,3`;
    const lines = ['hotspotId,at,kind,personsChecked', ...Array.from({ length: 60_010 }, () => good)];
    lines[60_005] = `${world.hotspots.tr},2023-10-16T08:00:00Z,patrol,many`;
    const res = await importCsv('inspections', lines.join('\n'));
    expect(res.statusCode).toBe(400);
    expect(res.json()).toMatchObject({ row: 60_006, column: 'personsChecked' });
    expect((await results()).totals.inspections).toBe(before);
  });

  it('names header problems and hotspots the importer may not see', async () => {
    const missing = await importCsv('inspections', 'hotspotId,at,personsChecked\n');
    expect(missing.json()).toMatchObject({ row: 1, column: 'kind' });
    const unknown = await importCsv('inspections', 'hotspotId,at,kind,personsChecked,victim\n');
    expect(unknown.json()).toMatchObject({ row: 1, column: 'victim' });
    const hidden = await importCsv(
      'inspections',
      `hotspotId,at,kind,personsChecked\n${world.hotspots.trPrivate},2023-10-16T08:00:00Z,patrol,1\n`,
      USERS.officerIn,
    );
    expect(hidden.json()).toMatchObject({ row: 2, column: 'hotspotId' });
    const ragged = await importCsv('inspections', `hotspotId,at,kind,personsChecked\n${world.hotspots.tr},2023-10-16T08:00:00Z\n`);
    expect(ragged.statusCode).toBe(400);
    expect(ragged.json().row).toBe(2);
    const empty = await importCsv('inspections', '');
    expect(empty.statusCode).toBe(400);
  });

  it('numbers rows as the lines of the file, blank lines and cells spanning lines included', async () => {
    const good = `${world.hotspots.tr},2023-10-16T08:00:00Z,patrol,3`;
    const csv = ['hotspotId,at,kind,personsChecked,notes', '', `${good},"two\nlines"`, '', `${world.hotspots.tr},2023-10-16T08:00:00Z,raid,3,`].join('\n');
    expect((await importCsv('inspections', csv)).json()).toMatchObject({ row: 6, column: 'kind' });
    const nul = await importCsv('inspections', `hotspotId,at,kind,personsChecked,notes\n${good},"a\u0000b"\n`);
    expect(nul.json()).toMatchObject({ row: 2, column: 'notes' });
    const open = await importCsv('inspections', 'hotspotId,"at,kind\n');
    expect(open.json()).toMatchObject({ row: 1, column: 'file' });
  });

  it('refuses a body over the size limit before writing anything', async () => {
    const before = (await results()).totals.inspections;
    const limit = server.app.config.importMaxBytes;
    server.app.config.importMaxBytes = 1000;
    try {
      const good = `${world.hotspots.tr},2023-10-16T08:00:00Z,patrol,3`;
      const res = await importCsv('inspections', ['hotspotId,at,kind,personsChecked', ...Array(100).fill(good)].join('\n'));
      expect(res.statusCode).toBe(413);
      expect(res.json()).toMatchObject({ error: 'too_large', field: 'body' });
      expect(res.json().message).toMatch(/larger than/);
    } finally {
      server.app.config.importMaxBytes = limit;
    }
    expect((await results()).totals.inspections).toBe(before);
  });

  it('imports outcomes of every kind, checked per kind', async () => {
    const csv = [
      'kind,at,hotspotId,country,persons,offences,status,sharing,sharedWith',
      `arrest,2023-10-17T09:00:00Z,${world.hotspots.tr},,1,human_trafficking;document_forgery,,operation,`,
      'rescue,2023-10-17T09:00:00Z,,NP,5,,,listed,IN;NP',
      'investigation,2023-10-18T09:00:00Z,,,1,,open,owner,',
      `smuggler_apprehension,2023-10-18T09:00:00Z,${world.hotspots.tr},,3,,,,`,
      `migrant_interception,2023-10-18T09:00:00Z,${world.hotspots.tr},,60,,,,`,
      `interception,2023-10-19T09:00:00Z,${world.hotspots.np},,2,,,,`,
    ].join('\n');
    const res = await importCsv('outcomes', csv);
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json().imported).toBe(6);
    const r = await results();
    expect(r.totals).toMatchObject({ arrests: 1, rescues: 5, investigations: 1, smugglersApprehended: 3, migrantsIntercepted: 60, interceptions: 2 });
    expect(r.byOffence).toEqual(
      expect.arrayContaining([
        { offence: 'human_trafficking', count: 1 },
        { offence: 'document_forgery', count: 1 },
      ]),
    );
    const bad = await importCsv('outcomes', 'kind,at,offences\narrest,2023-10-17T09:00:00Z,human_trafficking\narrest,2023-10-17T09:00:00Z,\n');
    expect(bad.json()).toMatchObject({ row: 3, column: 'offences' });
    expect((await results()).totals.arrests).toBe(1);
  });

  it('refuses a second import of the same file into the operation unless forced, per bureau', async () => {
    const file = `hotspotId,at,kind,personsChecked\n${world.hotspots.tr},2023-10-20T06:00:00Z,traveller_check,11\n${world.hotspots.tr},2023-10-20T07:00:00Z,traveller_check,12\n`;
    const before = (await results()).totals.inspections;
    expect((await importCsv('inspections', file)).statusCode).toBe(201);
    const again = await importCsv('inspections', file);
    expect(again.statusCode, again.body).toBe(409);
    const body = again.json();
    expect(body).toMatchObject({ error: 'already_imported', field: 'file', earlier: { rows: 2, by: USERS.officerTr } });
    expect(new Date(body.earlier.at).getTime()).toBeLessThanOrEqual(Date.now());
    expect(body.message).toMatch(/force=true/);
    expect((await results()).totals.inspections).toBe(before + 2);
    // On purpose, with force=true; a forced import does not make a third one pass unforced.
    const forced = await importCsv('inspections', file, USERS.officerTr, '?force=true');
    expect(forced.statusCode, forced.body).toBe(201);
    expect((await importCsv('inspections', file)).statusCode).toBe(409);
    expect((await results()).totals.inspections).toBe(before + 4);
    // The same bytes as outcomes are another import; another bureau's import is its own, and it is
    // not told that this bureau imported the file (the hotspot is one both may see).
    const otherBureau = await importCsv('inspections', file, USERS.officerIn);
    expect(otherBureau.statusCode, otherBureau.body).toBe(201);
    expect((await results()).totals.inspections).toBe(before + 6);
    const files = await server.database.db.selectFrom('import_files').select(['kind', 'rows', 'forced']).where('sha256', '=', createHash('sha256').update(file).digest('hex')).execute();
    expect(files.map((f) => [f.kind, f.rows, f.forced]).sort()).toEqual([['inspection', 2, false], ['inspection', 2, false], ['inspection', 2, true]]);
    // Outcomes are checked the same way.
    const outcomes = 'kind,at,country,persons\nrescue,2023-10-20T09:00:00Z,TR,2\n';
    expect((await importCsv('outcomes', outcomes)).statusCode).toBe(201);
    expect((await importCsv('outcomes', outcomes)).json()).toMatchObject({ error: 'already_imported', earlier: { rows: 1 } });
  });

  it('stores one of two copies of a file imported at once on two servers sharing the database', async () => {
    const database = server.url ? await openDatabase({ databaseUrl: server.url }) : null;
    const second = await buildApp({ database: database ?? server.database, config: readConfig({}) });
    try {
      await second.ready();
      const before = (await results()).totals.inspections;
      const good = `${world.hotspots.np},2023-10-19T05:00:00Z,vehicle_check,4`;
      const file = ['hotspotId,at,kind,personsChecked', ...Array.from({ length: 3000 }, () => good)].join('\n');
      const token = await server.token(USERS.officerTr);
      const send = (app: typeof second) =>
        app.inject({
          method: 'POST',
          url: `/api/operations/${world.operationId}/imports/inspections`,
          headers: { authorization: `Bearer ${token}`, 'content-type': 'text/csv' },
          payload: file,
        });
      const answers = await Promise.all([send(server.app), send(second), send(server.app), send(second)]);
      expect(answers.map((a) => a.statusCode).sort(), answers.map((a) => a.body).join('\n')).toEqual([201, 409, 409, 409]);
      for (const a of answers.filter((x) => x.statusCode === 409)) expect(a.json()).toMatchObject({ error: 'already_imported', field: 'file' });
      expect((await results()).totals.inspections).toBe(before + 3000);
    } finally {
      await second.close();
      await database?.close();
    }
  });
});
