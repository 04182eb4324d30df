// The cordon command line never prints secrets: an error it did not expect (here the database
// refusing a row that holds a password hash) is one line without the row, the hash or a stack.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type CliWorld, cliWorld, runCordonProcess } from '../helpers/cli.ts';
import { engines } from '../helpers/engines.ts';

describe.each(engines)('cordon CLI errors on %s', (engine) => {
  let cli: CliWorld;
  beforeAll(async () => {
    cli = await cliWorld(engine, 'cordon-cli-errors-');
  });
  afterAll(() => cli?.drop());

  it('refuses a username the database refuses in one line, without the row, its password hash or a stack', async () => {
    const result = await runCordonProcess({ ...cli.env, CORDON_DEBUG: '', CORDON_NEW_PASSWORD: 'a long enough password' }, [
      'users',
      'add',
      'Bad Name!',
      '--bureau',
      'NCB Kathmandu',
      '--roles',
      'field',
    ]);
    expect(result.code).toBe(1);
    const printed = `${result.stdout}${result.stderr}`;
    expect(printed).not.toMatch(/\$argon2/);
    expect(printed).not.toMatch(/Failing row/);
    expect(printed).not.toMatch(/\n\s+at /);
    expect(result.stderr).toMatch(/^cordon: .+\n$/);
  });
});
