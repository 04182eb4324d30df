import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { freshDataDir } from '../../test/helpers/engines.ts';
import { openDatabase } from './connection.ts';

const root = mkdtempSync(join(tmpdir(), 'cordon-connection-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

const timers = () => process.getActiveResourcesInfo().filter((kind) => kind === 'Timeout').length;

describe('openDatabase on a PGlite folder', () => {
  // PostgreSQL's start-up progress timer (10 s) once stayed armed after close and kept a `cordon`
  // process alive that long after a command that ran no query.
  it('leaves no timer running once closed, also when no query ran', async () => {
    const dataDir = join(root, 'data');
    await (await freshDataDir(dataDir)).close();
    const before = timers();
    const reopened = await openDatabase({ dataDir, migrate: false });
    await reopened.close();
    expect(timers()).toBe(before);
  });
});
