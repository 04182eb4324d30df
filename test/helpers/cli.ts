// The factory's world on an engine, for tests that run the real `cordon` command: on PGlite a data
// folder the CLI processes open, on the server a fresh database they reach through DATABASE_URL.
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { openDatabase } from '../../src/db/connection.ts';
import { makeWorld, type World } from '../factories/world.ts';
import { type Engine, freshDatabase } from './engines.ts';

export interface CliWorld {
  world: World;
  /** The environment the CLI runs with: the database, and nothing else of Cordon's set. */
  env: NodeJS.ProcessEnv;
  /** Drops the server's database, or removes the PGlite folder. */
  drop(): Promise<void>;
}

/**
 * Builds the world where CLI processes will find it.
 * @example const cli = await cliWorld(engine, 'cordon-accounts-'); await runCordon(cli.env, ['users', 'list'])
 */
export async function cliWorld(engine: Engine, prefix: string): Promise<CliWorld> {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  const removeDir = () => rmSync(dir, { recursive: true, force: true });
  if (engine === 'postgres') {
    const server = await freshDatabase('postgres');
    const world = await makeWorld(server.database);
    return {
      world,
      env: { ...process.env, DATABASE_URL: server.url },
      async drop() {
        await server.drop();
        removeDir();
      },
    };
  }
  const dataDir = join(dir, 'data');
  const database = await openDatabase({ dataDir });
  const world = await makeWorld(database);
  await database.close();
  return { world, env: { ...process.env, DATABASE_URL: '', CORDON_DATA_DIR: dataDir }, drop: async () => removeDir() };
}

export interface CordonRun {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs `node bin/cordon.js …` and answers its exit code and output, whether it succeeded or not. */
export function runCordon(env: NodeJS.ProcessEnv, args: string[]): Promise<CordonRun> {
  return promisify(execFile)('node', ['bin/cordon.js', ...args], { env }).then(
    (ok) => ({ code: 0, ...ok }),
    (error) => error as CordonRun,
  );
}
