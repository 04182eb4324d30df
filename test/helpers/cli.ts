// The factory's world on an engine, for tests that run the `cordon` command: on PGlite a data
// folder the command opens, on the server a fresh database it reaches through DATABASE_URL.
// `runCordon` runs the command line in this process with its own environment and streams (a
// `cordon` process costs 1.5 s of start-up, and 3 to 6 s under the suite's load);
// `runCordonProcess` starts the real `node bin/cordon.js`, for what only a process shows.
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable, Writable } from 'node:stream';
import { promisify } from 'node:util';
import { runCli } from '../../src/cli/program.ts';
import { makeWorld, type World } from '../factories/world.ts';
import { type Engine, freshDatabase, freshDataDir } from './engines.ts';

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
  const database = await freshDataDir(dataDir);
  const world = await makeWorld(database);
  await database.close();
  return { world, env: { ...process.env, DATABASE_URL: '', CORDON_DATA_DIR: dataDir }, drop: async () => removeDir() };
}

export interface CordonRun {
  code: number;
  stdout: string;
  stderr: string;
}

/** Text written to a stream, kept. */
function kept() {
  let text = '';
  const stream = new Writable({
    write(chunk: Buffer | string, _encoding, done) {
      text += String(chunk);
      done();
    },
  });
  return { stream, text: () => text };
}

/**
 * Runs `cordon …` in this process, as the `cordon` process would with `env` and `stdin` (empty
 * when not given): answers its exit code and output, whether it succeeded or not.
 * @example const run = await runCordon(cli.env, ['users', 'list']); expect(run.code).toBe(0)
 */
export async function runCordon(env: NodeJS.ProcessEnv, args: string[], stdin = ''): Promise<CordonRun> {
  const stdout = kept();
  const stderr = kept();
  let code = 0;
  await runCli(['node', 'cordon', ...args], {
    env,
    stdin: Readable.from(stdin ? [stdin] : []),
    stdout: stdout.stream,
    stderr: stderr.stream,
    exit: (exitCode) => {
      code = exitCode;
    },
  });
  return { code, stdout: stdout.text(), stderr: stderr.text() };
}

/** Runs `node bin/cordon.js …` and answers its exit code and output, whether it succeeded or not. */
export function runCordonProcess(env: NodeJS.ProcessEnv, args: string[]): Promise<CordonRun> {
  return promisify(execFile)('node', ['bin/cordon.js', ...args], { env }).then(
    (ok) => ({ code: 0, ...ok }),
    (error) => error as CordonRun,
  );
}
