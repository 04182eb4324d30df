// The cordon command line, run as a user would: import, export, users, on both engines. The
// commands run in this process (test/helpers/cli.ts), but for one real `cordon` process.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { actingUser } from '../../src/cli/context.ts';
import { openDatabase } from '../../src/db/connection.ts';
import { createCase } from '../../src/modules/cases/service.ts';
import { makeWorld, USERS, type World } from '../factories/world.ts';
import { runCordon, runCordonProcess } from '../helpers/cli.ts';
import { engines, freshDatabase, freshDataDir, type TestDatabase } from '../helpers/engines.ts';

describe.each(engines)('cordon CLI on %s', (engine) => {
  const dir = mkdtempSync(join(tmpdir(), 'cordon-cli-'));
  const dataDir = join(dir, 'data');
  let server: TestDatabase | undefined;
  let world: World;
  let env: NodeJS.ProcessEnv;

  const cordon = (...args: string[]) => runCordon(env, args);

  beforeAll(async () => {
    if (engine === 'postgres') {
      server = await freshDatabase('postgres');
      world = await makeWorld(server.database);
      env = { ...process.env, DATABASE_URL: server.url };
    } else {
      const database = await freshDataDir(dataDir);
      world = await makeWorld(database);
      await database.close();
      env = { ...process.env, DATABASE_URL: '', CORDON_DATA_DIR: dataDir };
    }
  });
  afterAll(async () => {
    await server?.drop();
    rmSync(dir, { recursive: true, force: true });
  });

  it('imports a CSV file as a user, then exports what another user may see', async () => {
    const file = join(dir, 'checks.csv');
    writeFileSync(
      file,
      [
        'hotspotId,at,kind,personsChecked,sharing,sharedWith',
        `${world.hotspots.tr},2023-10-16T08:00:00Z,patrol,3,operation,`,
        `${world.hotspots.tr},2023-10-16T09:00:00Z,vehicle_check,5,owner,`,
        `${world.hotspots.tr},2023-10-16T10:00:00Z,document_check,2,listed,IN`,
      ].join('\n'),
    );
    const imported = await cordon('import', 'inspections', file, '--operation', world.operationId, '--user', USERS.officerTr);
    expect(imported.stdout, imported.stderr).toMatch(/imported 3 inspections/);

    const out = join(dir, 'export.csv');
    const exported = await cordon('export', 'inspections', '--operation', world.operationId, '--user', USERS.officerNp, '--out', out);
    expect(exported.stderr).toMatch(/exported 1 inspections/);
    const lines = readFileSync(out, 'utf8').trim().split('\n');
    expect(lines[0]).toBe('id,hotspotId,country,at,kind,personsChecked,notes,ownerCountry,sharing,sharedWith');
    expect(lines).toHaveLength(2);
    expect(lines[1]).toContain('patrol');

    // The same file again is refused before a row is read; --force imports it on purpose.
    const again = await cordon('import', 'inspections', file, '--operation', world.operationId, '--user', USERS.officerTr);
    expect(again.code).toBe(1);
    expect(again.stderr).toMatch(/imported into this operation already, on .* \(3 rows, by officer-tr\).*--force/);
    const forced = await cordon('import', 'inspections', file, '--operation', world.operationId, '--user', USERS.officerTr, '--force');
    expect(forced.stdout, forced.stderr).toMatch(/imported 3 inspections/);
  });

  it('rejects a file with a bad row, naming row and column, and writes nothing', async () => {
    const file = join(dir, 'bad.csv');
    writeFileSync(file, `kind,at,offences\narrest,2023-10-17T09:00:00Z,human_trafficking\narrest,not a time,human_trafficking\n`);
    const result = await cordon('import', 'outcomes', file, '--operation', world.operationId, '--user', USERS.officerTr);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/row 3, column at/);
    const exported = await cordon('export', 'outcomes', '--operation', world.operationId, '--user', USERS.officerTr);
    expect(exported.stdout.trim().split('\n')).toHaveLength(1);
  });

  it('exports victims as CTDC and HTCDS, cases and campaigns, and prints cooperation stats', async () => {
    const database = engine === 'postgres' ? server!.database : await openDatabase({ dataDir });
    try {
      const actor = await actingUser(database, USERS.officerNp);
      await createCase(database, actor, world.operationId, {
        title: 'CLI case',
        openedOn: '2023-10-16',
        sharing: 'operation',
        persons: [{ role: 'victim', gender: 'female', age: 24, nationalities: ['NP'] }],
      });
    } finally {
      if (engine !== 'postgres') await database.close();
    }
    const ctdc = await cordon('export', 'ctdc', '--operation', world.operationId, '--user', USERS.officerTr);
    const [header, row] = ctdc.stdout.trim().split('\n');
    expect(header!.split(',')).toHaveLength(27);
    expect(header).toMatch(/^yearOfRegistration,gender,ageBroad,citizenship,CountryOfExploitation,/);
    expect(row).toMatch(/^2023,Woman,24—26,NPL,/);
    const htcds = await cordon('export', 'htcds', '--operation', world.operationId, '--user', USERS.officerTr);
    expect(htcds.stdout).toMatch(/^prs_Gender,prs_Citizenship/);
    const cases = await cordon('export', 'cases', '--operation', world.operationId, '--user', USERS.officerIn);
    expect(cases.stdout).toMatch(/CLI case,open,2023-10-16,,,1,0,1,NP,operation/);
    const stats = await cordon('cooperation', 'stats', '--operation', world.operationId, '--user', USERS.coordinator);
    expect(stats.stdout).toMatch(/^bureau\s+received\s+sent\s+answered\s+median h\s+p90 h/);
    const partner = await cordon('export', 'ctdc', '--operation', world.operationId, '--user', USERS.partnerNp);
    expect(partner.code).toBe(1);
  });

  it('needs to know who acts, and refuses users outside the operation', async () => {
    const anonymous = await cordon('export', 'hotspots', '--operation', world.operationId);
    expect(anonymous.code).toBe(1);
    expect(anonymous.stderr).toMatch(/--user/);
    const outsider = await cordon('export', 'hotspots', '--operation', world.operationId, '--user', USERS.outsider);
    expect(outsider.code).toBe(1);
    expect(outsider.stderr).toMatch(/operation not found/);
  });

  it('adds a user with a checked role, and lists users', async () => {
    // The real `cordon` process, its password from the environment.
    const added = await runCordonProcess({ ...env, CORDON_NEW_PASSWORD: 'a long enough password' }, ['users', 'add', 'field-np2', '--bureau', 'NCB Kathmandu', '--roles', 'field']);
    expect(added.code, added.stderr).toBe(0);
    expect(added.stdout).toMatch(/added field-np2/);
    const list = await cordon('users', 'list');
    expect(list.stdout).toMatch(/^field-np2\tfield\tactive/m);
    const bad = await runCordon({ ...env, CORDON_NEW_PASSWORD: 'a long enough password' }, ['users', 'add', 'x-user', '--bureau', 'NCB Kathmandu', '--roles', 'king']);
    expect(bad.code).toBe(1);
    expect(bad.stderr).toMatch(/"king" is not a role/);
  });
});
