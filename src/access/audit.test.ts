// The audit chain: appended in the change's transaction, refused updates, tampering detected.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCordon } from '../../test/helpers/cli.ts';
import { engines, freshDatabase, freshDataDir, type TestDatabase } from '../../test/helpers/engines.ts';
import { openDatabase } from '../db/connection.ts';
import { appendAudit, verifyAudit } from './audit.ts';

async function writeEntries(test: TestDatabase, n: number) {
  for (let i = 0; i < n; i++) {
    await test.database.db.transaction().execute((tx) =>
      appendAudit(tx, null, { action: 'create', entity: 'inspection', entityId: `rec-${i}`, detail: { i, note: 'ünïcode 中文', nested: { b: 2, a: 1 } } }),
    );
  }
}

async function tamper(test: TestDatabase, statement: string) {
  const db = test.database.db;
  await sql.raw('alter table audit_log disable trigger audit_log_no_update').execute(db);
  await sql.raw(statement).execute(db);
  await sql.raw('alter table audit_log enable trigger audit_log_no_update').execute(db);
}

describe.each(engines)('audit chain on %s', (engine) => {
  let test: TestDatabase;
  beforeAll(async () => {
    test = await freshDatabase(engine);
    await writeEntries(test, 5);
  });
  afterAll(() => test?.drop());

  it('verifies an untouched chain', async () => {
    const verdict = await verifyAudit(test.database.db, 2);
    expect(verdict).toMatchObject({ ok: true, entries: 5 });
  });

  it('refuses updates, deletes and truncation through SQL', async () => {
    const db = test.database.db;
    await expect(sql`update audit_log set action = 'x'`.execute(db)).rejects.toThrow(/append-only/);
    await expect(sql`delete from audit_log`.execute(db)).rejects.toThrow(/append-only/);
    await expect(sql`truncate audit_log`.execute(db)).rejects.toThrow(/append-only/);
  });

  it('keeps no entry for a rolled-back change', async () => {
    await expect(
      test.database.db.transaction().execute(async (tx) => {
        await appendAudit(tx, null, { action: 'create', entity: 'x' });
        throw new Error('change failed');
      }),
    ).rejects.toThrow('change failed');
    expect((await verifyAudit(test.database.db)).entries).toBe(5);
  });

  it('refuses to delete the head or wind it back', async () => {
    const db = test.database.db;
    await expect(sql`delete from audit_head`.execute(db)).rejects.toThrow(/cannot be deleted/);
    await expect(sql`truncate audit_head`.execute(db)).rejects.toThrow(/append-only/);
    await expect(sql`update audit_head set seq = seq - 1`.execute(db)).rejects.toThrow(/forward one entry/);
  });

  it('detects a log whose head was removed', async () => {
    const db = test.database.db;
    await sql.raw('alter table audit_head disable trigger audit_head_forward').execute(db);
    const head = await db.selectFrom('audit_head').selectAll().executeTakeFirstOrThrow();
    await sql`delete from audit_head`.execute(db);
    const verdict = await verifyAudit(db);
    await db.insertInto('audit_head').values(head).execute();
    await sql.raw('alter table audit_head enable trigger audit_head_forward').execute(db);
    expect(verdict).toMatchObject({ ok: false, problem: 'the log holds 5 entries but its head is missing' });
  });

  it('refuses an entry written outside a transaction', async () => {
    await expect(appendAudit(test.database.db, null, { action: 'create', entity: 'x' })).rejects.toThrow(/inside the transaction/);
  });

  it('detects a changed entry, naming it', async () => {
    await tamper(test, `update audit_log set detail = '{"i": 99}' where seq = 3`);
    const verdict = await verifyAudit(test.database.db);
    expect(verdict.ok).toBe(false);
    expect(verdict.problem).toBe('entry 3 was changed after it was written');
  });

  it('detects a deleted entry', async () => {
    await tamper(test, 'delete from audit_log where seq = 3');
    const verdict = await verifyAudit(test.database.db);
    expect(verdict.ok).toBe(false);
    expect(verdict.problem).toMatch(/entry 3 is missing/);
  });
});

describe('cordon audit verify', () => {
  const dir = mkdtempSync(join(tmpdir(), 'cordon-audit-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('reports an intact log, then a tampered entry with exit code 2', async () => {
    const database = await freshDataDir(dir);
    const test = { database, drop: () => database.close() };
    await writeEntries(test, 3);
    await database.close();
    const env = { ...process.env, CORDON_DATA_DIR: dir, DATABASE_URL: '' };
    const ok = await runCordon(env, ['audit', 'verify']);
    expect(ok.stdout).toMatch(/audit log intact: 3 entries/);

    const again = await openDatabase({ dataDir: dir });
    await tamper({ database: again, drop: async () => {} }, `update audit_log set actor_user_id = gen_random_uuid() where seq = 2`);
    await again.close();
    const bad = await runCordon(env, ['audit', 'verify']);
    expect(bad.code).toBe(2);
    expect(bad.stdout).toMatch(/AUDIT LOG TAMPERED: entry 2 was changed/);
  });
});
