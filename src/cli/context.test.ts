import { afterEach, describe, expect, it, vi } from 'vitest';
import { DataDirLocked } from '../db/data-dir-lock.ts';
import { Invalid } from '../errors.ts';
import { action } from './context.ts';

// A database error as both drivers raise it: the message names the constraint, the detail holds the row.
function constraintError() {
  return Object.assign(new Error('new row for relation "users" violates check constraint "users_username_check"'), {
    code: '23514',
    detail: 'Failing row contains (7b0c…, Bad Name!, Bad Name!, 0c67…, {field}, $argon2id$v=19$m=65536,p=4,t=3$uzFVuq9vyzdRDzSlHEopDg$V7L92f…, f).',
  });
}

async function printed(error: unknown, env: Record<string, string> = {}) {
  const stderr = vi.spyOn(process.stderr, 'write').mockImplementation(() => true);
  for (const [name, value] of Object.entries(env)) vi.stubEnv(name, value);
  const before = process.exitCode;
  try {
    await action(async () => {
      throw error;
    })();
    return { text: stderr.mock.calls.map(([chunk]) => String(chunk)).join(''), exitCode: process.exitCode };
  } finally {
    stderr.mockRestore();
    process.exitCode = before;
  }
}

afterEach(() => {
  vi.restoreAllMocks();
  vi.unstubAllEnvs();
});

describe('action', () => {
  it('prints an unexpected error as one line, without its detail, hash or stack', async () => {
    const { text, exitCode } = await printed(constraintError(), { CORDON_DEBUG: '' });
    expect(text).toBe('cordon: unexpected error: new row for relation "users" violates check constraint "users_username_check"\n');
    expect(text).not.toMatch(/argon2|Failing row/);
    expect(exitCode).toBe(1);
  });

  it('adds the stack, never the detail, when CORDON_DEBUG=1', async () => {
    const { text } = await printed(constraintError(), { CORDON_DEBUG: '1' });
    expect(text).toMatch(/^cordon: unexpected error: new row .*\nError: new row .*\n\s+at /);
    expect(text).not.toMatch(/argon2|Failing row/);
  });

  it("prints Cordon's own errors and file errors as one line", async () => {
    expect((await printed(new Invalid('bad time', 'at', 3))).text).toBe('cordon: bad time (row 3, column at)\n');
    const missing = Object.assign(new Error('ENOENT: no such file'), { code: 'ENOENT', path: 'F.csv' });
    expect((await printed(missing)).text).toBe('cordon: F.csv: no such file or folder\n');
    const locked = new DataDirLocked('/data', { pid: 7, startTime: null, host: 'elsewhere', command: 'cordon serve', since: '2026-12-04T10:00:00.000Z' });
    expect((await printed(locked)).text).toMatch(/^cordon: the data folder \/data is in use by cordon serve \(pid 7 on host elsewhere, [^\n]*\n$/);
  });
});
