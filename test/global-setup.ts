// Prepares what the whole test run shares, once, and removes it when the run ends:
// - CORDON_PASSWORD_HASH_COST=test for the `cordon` processes the tests start (the files' own
//   processes are set by test/setup.ts);
// - the run's name (CORDON_E2E_RUN), so that the end-to-end files share one built web application
//   and one loaded demo (see test/helpers/run-fixtures.ts: demo.test opens a copy of it too);
// - a migrated PGlite database, dumped, that each test file's fresh PGlite database starts from
//   (CORDON_TEST_PGLITE_DUMP), instead of running initdb and every migration again;
// - on the PostgreSQL server, the run's databases (named with the run's prefix) dropped here at the
//   end, not by each file: a DROP DATABASE forces a checkpoint, which under the suite's load took
//   seconds per file. (Migrating a new server database takes about 0.2 s: no template needed.)
import { randomUUID } from 'node:crypto';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { openDatabase } from '../src/db/connection.ts';
import { dropDatabase } from '../src/db/admin.ts';
import { timed } from './helpers/timings.ts';
import { runDatabasePrefix, SERVER_URL, serverReachable } from './helpers/engines.ts';

export default function setup() {
  return timed('global setup (migrated PGlite dump)', prepareRun);
}

async function prepareRun() {
  const run = randomUUID();
  process.env.CORDON_E2E_RUN = run;
  process.env.CORDON_PASSWORD_HASH_COST = 'test';
  const dir = join(tmpdir(), `cordon-test-${run}`);
  mkdirSync(dir, { recursive: true });

  const lite = await openDatabase({ dataDir: 'memory://' });
  const dump = await lite.pool.dumpDataDir?.();
  await lite.close();
  if (dump) {
    const file = join(dir, 'migrated.tar');
    writeFileSync(file, Buffer.from(await dump.arrayBuffer()));
    process.env.CORDON_TEST_PGLITE_DUMP = file;
  }

  const prefix = runDatabasePrefix(run);
  const server = await serverReachable();

  return async () => {
    rmSync(join(tmpdir(), `cordon-e2e-${run}`), { recursive: true, force: true });
    rmSync(dir, { recursive: true, force: true });
    if (!server) return;
    const admin = new pg.Client({ connectionString: SERVER_URL });
    await admin.connect();
    const { rows } = await admin.query<{ datname: string }>(
      'select datname from pg_database where starts_with(datname, $1)',
      [prefix],
    );
    await admin.end();
    // The first drop's checkpoint writes what the run left dirty; the others find little to write.
    await timed(`global teardown (${rows.length} server databases dropped)`, async () => {
      for (const { datname } of rows) await dropDatabase(SERVER_URL, datname);
    });
  };
}
