// CSV imports over HTTP: every row lands or none does; errors name the row and column.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
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

  const importCsv = (kind: 'inspections' | 'outcomes', csv: string, user: string = USERS.officerTr) =>
    server.as(user, {
      method: 'POST',
      url: `/api/operations/${world.operationId}/imports/${kind}`,
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
    expect(res.json()).toEqual({ imported: 1200 });
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
});
