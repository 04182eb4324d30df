// What every CLI command shares: the configuration, the database, the acting user, progress bars.
import cliProgress from 'cli-progress';
import type { Actor } from '../access/actor.ts';
import { type Config, readConfig } from '../config.ts';
import { type Database, openDatabase } from '../db/connection.ts';
import { CordonError, Invalid } from '../errors.ts';
import { actorOfUsername } from '../modules/auth/service.ts';

export async function withDatabase<T>(work: (database: Database, config: Config) => Promise<T>): Promise<T> {
  const config = readConfig();
  const database = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
  try {
    return await work(database, config);
  } finally {
    await database.close();
  }
}

/** The user a command acts as (`--user`, else CORDON_USER): the CLI honours need-to-know too. */
export async function actingUser(database: Database, username: string | undefined): Promise<Actor> {
  if (!username) throw new Invalid('say who you act as: --user <username>', 'user');
  return actorOfUsername(database.db, username);
}

/** A progress bar on stderr when it is a terminal; silent otherwise. */
export function progressBar(label: string, total: number, unit: string) {
  if (!process.stderr.isTTY) return { update: (_n: number) => {}, stop: () => {} };
  const bar = new cliProgress.SingleBar(
    { format: `${label} [{bar}] {percentage}% | {value}/{total} ${unit} | {eta_formatted} left`, stream: process.stderr, hideCursor: true },
    cliProgress.Presets.shades_classic,
  );
  bar.start(total, 0);
  return { update: (n: number) => bar.update(Math.min(n, total)), stop: () => bar.stop() };
}

const FILE_ERRORS: Record<string, string> = {
  ENOENT: 'no such file or folder',
  EACCES: 'permission denied',
  EPERM: 'permission denied',
  EISDIR: 'is a folder, not a file',
  ENOTDIR: 'a part of the path is not a folder',
  ENOSPC: 'no space left on the disk',
};

/** Runs a command's action and turns Cordon's errors into one clear line and exit code 1. */
export function action<A extends unknown[]>(run: (...args: A) => Promise<void>) {
  return async (...args: A) => {
    try {
      await run(...args);
    } catch (error) {
      if (error instanceof CordonError) {
        const where = error instanceof Invalid && error.row !== undefined ? ` (row ${error.row}, column ${error.field})` : '';
        process.stderr.write(`cordon: ${error.message}${where}\n`);
        process.exitCode = 1;
        return;
      }
      // A file that is not there or may not be read or written: say which, without a stack trace.
      const system = error as NodeJS.ErrnoException;
      if (system?.code && system.path && FILE_ERRORS[system.code]) {
        process.stderr.write(`cordon: ${system.path}: ${FILE_ERRORS[system.code]}\n`);
        process.exitCode = 1;
        return;
      }
      throw error;
    }
  };
}
