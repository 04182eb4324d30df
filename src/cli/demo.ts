// `cordon demo`: load the demo operation (Storm Makers II, October 2023).
import type { Command } from 'commander';
import { type Config, readConfig } from '../config.ts';
import type { Database } from '../db/connection.ts';
import { loadDemo, randomDemoPassword } from '../demo/load.ts';
import { checkPasswordPolicy } from '../modules/auth/password-policy.ts';
import { action, progressBar, withDatabase } from './context.ts';
import { cliIo } from './io.ts';

/** Loads the demo when the database holds no operation and no user yet. */
export async function loadIfEmpty(database: Database, config: Config) {
  const anyUser = await database.db.selectFrom('users').select('id').limit(1).executeTakeFirst();
  if (anyUser) return;
  checkDemoPassword(config);
  await load(database, config);
}

// A chosen demo password meets the policy; the random one (16 characters) is long and random.
function checkDemoPassword(config: Config) {
  if (config.demoPassword) checkPasswordPolicy(config.demoPassword, { field: 'CORDON_DEMO_PASSWORD', subject: 'CORDON_DEMO_PASSWORD' });
}

/** Loads the demo; the caller has checked a chosen password (`checkDemoPassword`). */
async function load(database: Database, config: Config) {
  const password = config.demoPassword ?? randomDemoPassword();
  const started = Date.now();
  const bar = progressBar('demo', 271_900, 'records');
  const result = await loadDemo(database, { password, onProgress: (done) => bar.update(done) });
  bar.stop();
  if (!result.loaded) {
    cliIo().stderr.write('cordon: the demo operation is already loaded\n');
    return;
  }
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  cliIo().stderr.write(
    `cordon: demo operation "Storm Makers II" loaded in ${seconds}s (operation ${result.operationId})\n` +
      `cordon: demo users: coordinator, analyst, admin, officer-<cc> and field-<cc> (e.g. officer-in, field-tr)\n` +
      (config.demoPassword
        ? 'cordon: their password is CORDON_DEMO_PASSWORD\n'
        : `cordon: their password (random, set CORDON_DEMO_PASSWORD to choose one): ${password}\n`),
  );
}

export function demoCommand(program: Command) {
  program
    .command('demo')
    .description('load the demo operation (27 countries, 450 hotspots, 270,000 inspections)')
    .action(
      action(async () => {
        // Refused before the database is opened (and, on a new folder, made and migrated).
        checkDemoPassword(readConfig(cliIo().env));
        await withDatabase(
          (database, config) => load(database, config),
          () => 'the demo is loaded by the server itself when it starts on an empty folder (without --no-demo), or into another folder: CORDON_DATA_DIR=<folder> cordon demo',
        );
      }),
    );
}
