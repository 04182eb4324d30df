import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { engines, freshDatabase, freshDataDir } from '../../test/helpers/engines.ts';
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

describe.skipIf(!engines.includes('postgres'))('statements on a PostgreSQL server', () => {
  // The same query text is prepared once a connection and planned from then on without parsing;
  // a connection keeps at most 500 of them, and queries past that run unnamed.
  it('prepares a repeated query once a connection, and still runs queries past the cap', async () => {
    const test = await freshDatabase('postgres');
    try {
      const client = await test.database.pool.connect();
      try {
        for (let i = 0; i < 3; i++) expect((await client.query<{ n: number }>('select $1::int + 1 as n', [i])).rows[0]!.n).toBe(i + 1);
        const prepared = await client.query<{ statement: string }>('select statement from pg_prepared_statements');
        expect(prepared.rows.filter((r) => r.statement === 'select $1::int + 1 as n')).toHaveLength(1);
        for (let i = 0; i < 520; i++) expect((await client.query<{ n: number }>(`select $1::int + ${i} as n`, [1])).rows[0]!.n).toBe(1 + i);
        const count = await client.query<{ n: number }>('select count(*)::int as n from pg_prepared_statements');
        expect(count.rows[0]!.n).toBe(500);
      } finally {
        client.release();
      }
    } finally {
      await test.drop();
    }
  });
});
