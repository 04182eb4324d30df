// What every CLI command shares: the configuration, the database, the acting user, progress bars,
// and errors printed as one line that never carries a record's data.
import cliProgress from 'cli-progress';
import { Command } from 'commander';
import type { Actor } from '../access/actor.ts';
import { type Config, readConfig } from '../config.ts';
import { type Database, openDatabase } from '../db/connection.ts';
import { DataDirLocked } from '../db/data-dir-lock.ts';
import { CordonError, Invalid } from '../errors.ts';
import { setPasswordHashCost } from '../modules/auth/passwords.ts';
import { actorOfUsername } from '../modules/auth/service.ts';
import { cliIo } from './io.ts';

/**
 * How to do what a command does through the running server, given its address: told instead of
 * opening the data folder while `cordon serve` holds it.
 * @example (server) => `read them at GET ${server}/api/users as an admin`
 */
export type ThroughServer = (server: string) => string;

// The command this process runs (`cordon import`), set by `action`: named in the data folder's lock.
let runningCommand = 'cordon';

/**
 * Opens the database for one command and closes it after. While another process holds the PGlite
 * folder, nothing is opened: the command stops, saying how to do the same through the server.
 * @example await withDatabase((database) => listAllUsers(database.db), (server) => `GET ${server}/api/users`)
 */
export async function withDatabase<T>(work: (database: Database, config: Config) => Promise<T>, throughServer?: ThroughServer): Promise<T> {
  const config = readConfig(cliIo().env);
  let database: Database;
  try {
    database = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir, holder: runningCommand });
  } catch (error) {
    throw error instanceof DataDirLocked ? refusal(error, config, throughServer) : error;
  }
  try {
    return await work(database, config);
  } finally {
    await database.close();
  }
}

function refusal(locked: DataDirLocked, config: Config, throughServer: ThroughServer | undefined): DataDirLocked {
  if (locked.owner === 'this process') return locked;
  if (!locked.owner.command.startsWith('cordon serve')) return locked.withAdvice('Wait for it to finish, then run this again.');
  const server = locked.owner.url ?? `http://${config.host}:${config.port}`;
  return locked.withAdvice(
    throughServer ? `While the server runs, ${throughServer(server)}; or stop the server first.` : 'Stop the server first, then run this again.',
  );
}

/** The user a command acts as (`--user`, else CORDON_USER): the CLI honours need-to-know too. */
export async function actingUser(database: Database, username: string | undefined): Promise<Actor> {
  if (!username) throw new Invalid('say who you act as: --user <username>', 'user');
  return actorOfUsername(database.db, username);
}

/** A progress bar on stderr when it is a terminal; silent otherwise. */
export function progressBar(label: string, total: number, unit: string) {
  if (!cliIo().stderr.isTTY) return { update: (_n: number) => {}, stop: () => {} };
  const bar = new cliProgress.SingleBar(
    { format: `${label} [{bar}] {percentage}% | {value}/{total} ${unit} | {eta_formatted} left`, stream: cliIo().stderr, hideCursor: true },
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

/**
 * Runs a command's action: Cordon's errors and file errors become one clear line, anything else
 * `cordon: unexpected error: <message>` (a database error's detail can hold a row, password hash
 * and all: it is never printed; CORDON_DEBUG=1 adds the stack). Exit code 1.
 */
export function action<A extends unknown[]>(run: (...args: A) => Promise<void>) {
  return async (...args: A) => {
    const command = args.at(-1);
    if (command instanceof Command) runningCommand = commandPath(command);
    try {
      setPasswordHashCost(readConfig(cliIo().env).passwordHashCost);
      await run(...args);
    } catch (error) {
      cliIo().exit(1);
      cliIo().stderr.write(`cordon: ${oneLine(describeError(error))}\n`);
      if (debugging() && error instanceof Error && error.stack) cliIo().stderr.write(`${error.stack}\n`);
    }
  };
}

function describeError(error: unknown): string {
  if (error instanceof CordonError) {
    return `${error.message}${error instanceof Invalid && error.row !== undefined ? ` (row ${error.row}, column ${error.field})` : ''}`;
  }
  // A file that is not there or may not be read or written: say which.
  const system = error as NodeJS.ErrnoException | undefined;
  if (system?.code && system.path && FILE_ERRORS[system.code]) return `${system.path}: ${FILE_ERRORS[system.code]}`;
  return `unexpected error: ${error instanceof Error ? error.message : String(error)}`;
}

const oneLine = (text: string) => text.replace(/\s*[\r\n]+\s*/g, ' ');

function debugging(): boolean {
  try {
    return readConfig(cliIo().env).debug;
  } catch {
    return false;
  }
}

function commandPath(command: Command): string {
  const names: string[] = [];
  for (let at: Command | null = command; at; at = at.parent) names.unshift(at.name());
  return names.join(' ');
}
