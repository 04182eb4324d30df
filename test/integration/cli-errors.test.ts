// The cordon command line never prints secrets: an error it did not expect (here the database
// refusing a row that holds a password hash) is one line without the row, the hash or a stack.
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../../src/db/connection.ts';
import { makeWorld } from '../factories/world.ts';
import { engines, freshDatabase, type TestDatabase } from '../helpers/engines.ts';

const exec = promisify(execFile);

describe.each(engines)('cordon CLI errors on %s', (engine) => {
  const dir = mkdtempSync(join(tmpdir(), 'cordon-cli-errors-'));
  let server: TestDatabase | undefined;
  let env: NodeJS.ProcessEnv;

  beforeAll(async () => {
    if (engine === 'postgres') {
      server = await freshDatabase('postgres');
      await makeWorld(server.database);
      env = { ...process.env, DATABASE_URL: server.url, CORDON_DEBUG: '' };
    } else {
      const database = await openDatabase({ dataDir: join(dir, 'data') });
      await makeWorld(database);
      await database.close();
      env = { ...process.env, DATABASE_URL: '', CORDON_DATA_DIR: join(dir, 'data'), CORDON_DEBUG: '' };
    }
  });
  afterAll(async () => {
    await server?.drop();
    rmSync(dir, { recursive: true, force: true });
  });

  it('refuses a username the database refuses in one line, without the row, its password hash or a stack', async () => {
    const result = await exec('node', ['bin/cordon.js', 'users', 'add', 'Bad Name!', '--bureau', 'NCB Kathmandu', '--roles', 'field'], {
      env: { ...env, CORDON_NEW_PASSWORD: 'a long enough password' },
    }).then(
      () => ({ code: 0, stdout: '', stderr: '' }),
      (error) => error as { code: number; stdout: string; stderr: string },
    );
    expect(result.code).toBe(1);
    const printed = `${result.stdout}${result.stderr}`;
    expect(printed).not.toMatch(/\$argon2/);
    expect(printed).not.toMatch(/Failing row/);
    expect(printed).not.toMatch(/\n\s+at /);
    expect(result.stderr).toMatch(/^cordon: .+\n$/);
  });
});
