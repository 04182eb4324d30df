// What a whole test run makes once and its files share: the web application built from the
// current sources, and a PGlite folder with the demo loaded (each file opens its own copy). The
// first file to ask for one makes it; the others wait for its "ready" mark. `test/global-setup.ts`
// names the run (CORDON_E2E_RUN) and removes the run's folder at its end.
import { randomUUID } from 'node:crypto';
import { cpSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { setTimeout as sleep } from 'node:timers/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { openDatabase } from '../../src/db/connection.ts';
import { loadDemo } from '../../src/demo/load.ts';
import type { TestDatabase } from './engines.ts';
import { timed } from './timings.ts';

/** The password of every user of the shared demo. */
export const DEMO_PASSWORD = 'e2e demo password';

/** The run's folder of shared fixtures (one per process when no run is named). */
function runDir(): string {
  return join(tmpdir(), `cordon-e2e-${process.env.CORDON_E2E_RUN ?? `solo-${process.pid}`}`);
}

/** The folder the web application is built into, once per run. */
export function sharedWebBuild(): Promise<string> {
  return sharedOnce('web', 'web build', async (outDir) => {
    const { build } = await import('vite');
    await build({
      configFile: resolve(import.meta.dirname, '../../web/vite.config.ts'),
      build: { outDir, emptyOutDir: true },
      logLevel: 'error',
    });
  });
}

/** A PGlite folder with the demo loaded (users' password DEMO_PASSWORD), once per run: copy it before opening it. */
export function sharedDemo(): Promise<string> {
  return sharedOnce('demo', 'demo load', async (dataDir) => {
    const database = await openDatabase({ dataDir, holder: 'shared demo fixture' });
    try {
      const result = await loadDemo(database, { password: DEMO_PASSWORD });
      if (!result.loaded) throw new Error(`the demo was already loaded in ${dataDir}`);
    } finally {
      await database.close();
    }
  });
}

/**
 * This file's own copy of the shared demo, opened (a copy of the loaded folder opens in about 1 s;
 * unpacking a dump of it into memory took 8 s). `drop` closes it and removes the copy.
 */
export async function openDemoCopy(holder: string): Promise<TestDatabase> {
  const demoDir = await sharedDemo();
  const copy = `${demoDir}-copy-${process.pid}-${randomUUID().slice(0, 8)}`;
  const database = await timed('demo copy opened', async () => {
    cpSync(demoDir, copy, { recursive: true });
    return openDatabase({ dataDir: copy, holder });
  });
  return {
    database,
    async drop() {
      await database.close();
      rmSync(copy, { recursive: true, force: true });
    },
  };
}

/** Makes `name` in the run's folder unless another file of the run does, and answers its path once it is ready. */
async function sharedOnce(name: string, phase: string, make: (path: string) => Promise<void>): Promise<string> {
  const dir = runDir();
  mkdirSync(dir, { recursive: true });
  const path = join(dir, name);
  const ready = `${path}.ready`;
  const failed = `${path}.failed`;
  try {
    mkdirSync(`${path}.claim`);
  } catch {
    return timed(`${phase} waited for`, () => madeElsewhere(path, ready, failed));
  }
  try {
    await timed(phase, () => make(path));
    writeFileSync(ready, '');
  } catch (error) {
    writeFileSync(failed, String(error));
    throw error;
  }
  return path;
}

async function madeElsewhere(path: string, ready: string, failed: string): Promise<string> {
  for (let waited = 0; waited < 600; waited += 1) {
    if (existsSync(ready)) return path;
    if (existsSync(failed)) throw new Error(`the run's shared ${path} failed: ${readFileSync(failed, 'utf8')}`);
    await sleep(1000);
  }
  throw new Error(`the run's shared ${path} was not ready after 10 minutes`);
}
