// Signed checkpoints of the audit chain: the two rewrites the database's owner could do unnoticed
// (change an entry and re-hash the rest; cut the tail and wind the head back) verify as intact on
// the chain alone and as tampered against the checkpoints. On PGlite and the PostgreSQL server.
import { generateKeyPairSync } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { publicKeyFrom, verifyCheckpoints, writeCheckpoint } from '../../src/access/audit-checkpoints.ts';
import { appendAudit, entryHash, verifyAudit } from '../../src/access/audit.ts';
import { readConfig } from '../../src/config.ts';
import type { Database } from '../../src/db/connection.ts';
import { openDatabase } from '../../src/db/connection.ts';
import { startCheckpointWriter } from '../../src/server/plugins/audit-checkpoints.ts';
import { makeWorld, USERS } from '../factories/world.ts';
import { engines, freshDatabase, freshDataDir, type TestDatabase } from '../helpers/engines.ts';
import { startServer, type TestServer } from '../helpers/http.ts';
import { runCordon } from '../helpers/cli.ts';


async function writeEntries(database: Database, from: number, n: number) {
  for (let i = from; i < from + n; i++) {
    await database.db.transaction().execute((tx) => appendAudit(tx, null, { action: 'create', entity: 'inspection', entityId: `rec-${i}`, detail: { i } }));
  }
}

/** As the database's owner would: triggers off, the statements, every hash from `from` on recomputed, the head moved. */
async function rewrite(database: Database, statements: string[], from: number) {
  const db = database.db;
  await sql.raw('alter table audit_log disable trigger audit_log_no_update').execute(db);
  await sql.raw('alter table audit_head disable trigger audit_head_forward').execute(db);
  for (const statement of statements) await sql.raw(statement).execute(db);
  const rows = await db.selectFrom('audit_log').selectAll().where('seq', '>=', from).orderBy('seq').execute();
  let prev = (await db.selectFrom('audit_log').select('hash').where('seq', '=', from - 1).executeTakeFirst())?.hash ?? '0'.repeat(64);
  for (const row of rows) {
    const { hash: _old, ...fields } = row;
    const hash = entryHash({ ...fields, seq: Number(row.seq), prev_hash: prev });
    await db.updateTable('audit_log').set({ prev_hash: prev, hash }).where('seq', '=', row.seq).execute();
    prev = hash;
  }
  const last = await db.selectFrom('audit_log').select(['seq', 'hash']).orderBy('seq', 'desc').executeTakeFirstOrThrow();
  await db.updateTable('audit_head').set({ seq: last.seq, hash: last.hash }).execute();
  await sql.raw('alter table audit_head enable trigger audit_head_forward').execute(db);
  await sql.raw('alter table audit_log enable trigger audit_log_no_update').execute(db);
}

describe.each(engines)('signed audit checkpoints on %s', (engine) => {
  let test: TestDatabase;
  let dir: string;
  let settings: { keyFile: string; file: string };

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'cordon-checkpoints-'));
    settings = { keyFile: join(dir, 'keys', 'audit-key.pem'), file: join(dir, 'audit-checkpoints.jsonl') };
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  async function chainWithCheckpoints() {
    test = await freshDatabase(engine);
    rmSync(settings.file, { force: true });
    await writeEntries(test.database, 1, 10);
    await writeCheckpoint(test.database.db, settings, { force: true });
    await writeEntries(test.database, 11, 5);
    await writeCheckpoint(test.database.db, settings, { force: true });
    // The key was made on first use, readable by its owner only.
    expect(statSync(settings.keyFile).mode & 0o777).toBe(0o600);
    const checkpoints = readFileSync(settings.file, 'utf8');
    expect(await verifyCheckpoints(test.database.db, checkpoints, publicKeyFrom(settings.keyFile))).toEqual({ ok: true, checkpoints: 2, lastSeq: 15 });
    return checkpoints;
  }

  it('catches an entry changed and every later entry re-hashed, which the chain alone calls intact', async () => {
    const checkpoints = await chainWithCheckpoints();
    await rewrite(test.database, [`update audit_log set detail = '{"i": 400}' where seq = 4`], 4);
    // The chain holds together: this is what the owner could do unnoticed before.
    expect(await verifyAudit(test.database.db)).toMatchObject({ ok: true, entries: 15 });
    const verdict = await verifyCheckpoints(test.database.db, checkpoints, publicKeyFrom(settings.keyFile));
    expect(verdict.ok).toBe(false);
    expect(verdict.problem).toBe('entry 10 is not the one checkpoint on line 1 signed: the chain was rewritten at or before entry 10 (after entry 0)');
    await test.drop();
  });

  it('catches the last entries deleted and the head wound back', async () => {
    const checkpoints = await chainWithCheckpoints();
    await rewrite(test.database, ['delete from audit_log where seq > 12'], 13);
    expect(await verifyAudit(test.database.db)).toMatchObject({ ok: true, entries: 12 });
    const verdict = await verifyCheckpoints(test.database.db, checkpoints, publicKeyFrom(settings.keyFile));
    expect(verdict).toMatchObject({ ok: false, checkpoints: 1, lastSeq: 10 });
    expect(verdict.problem).toMatch(/the log ends at entry 12 but checkpoint on line 2 signed entry 15: entries were removed/);
    await test.drop();
  });

  it('refuses a forged, edited or reordered checkpoint, and one signed by another key', async () => {
    const checkpoints = await chainWithCheckpoints();
    const [first, second] = checkpoints.trim().split('\n').map((line) => JSON.parse(line));
    const key = publicKeyFrom(settings.keyFile);
    const check = (lines: object[]) => verifyCheckpoints(test.database.db, lines.map((l) => JSON.stringify(l)).join('\n'), key);
    // An owner who rewrote the chain and edits the checkpoint's hash to match it.
    const edited = await check([first, { ...second, hash: 'f'.repeat(64) }]);
    expect(edited.problem).toBe('checkpoint on line 2 has a signature that does not verify: it was forged or changed');
    expect((await check([second, first])).problem).toMatch(/lines were reordered/);
    const other = generateKeyPairSync('ed25519').publicKey;
    const foreign = await verifyCheckpoints(test.database.db, checkpoints, other);
    expect(foreign.problem).toMatch(/checkpoint on line 1 was signed by another key/);
    expect((await verifyCheckpoints(test.database.db, `${checkpoints}not json\n`, key)).problem).toBe('checkpoint on line 3 is not a checkpoint (not JSON)');
    await test.drop();
  });

  it('signs at start, then only when the chain has grown, and once more when stopped', async () => {
    test = await freshDatabase(engine);
    rmSync(settings.file, { force: true });
    await writeEntries(test.database, 1, 2);
    const config = { ...readConfig({}), auditKeyFile: settings.keyFile, auditCheckpointFile: settings.file, auditCheckpointMinutes: 0 };
    const writer = startCheckpointWriter(test.database, config, (message) => {
      throw new Error(message);
    });
    expect((await writer.tick())).toBeUndefined(); // the start's own checkpoint already signed entry 2
    await writeEntries(test.database, 3, 1);
    expect((await writer.tick())?.seq).toBe(3);
    expect(await writer.tick()).toBeUndefined();
    await writeEntries(test.database, 4, 1);
    await writer.stop();
    const lines = readFileSync(settings.file, 'utf8').trim().split('\n').map((line) => JSON.parse(line).seq);
    expect(lines).toEqual([2, 3, 4]);
    await test.drop();
  });
});

describe.each(engines)('POST /api/audit/checkpoints on %s', (engine) => {
  let server: TestServer;
  let dir: string;
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'cordon-checkpoints-api-'));
    server = await startServer(engine, { CORDON_AUDIT_KEY_FILE: join(dir, 'key.pem'), CORDON_AUDIT_CHECKPOINT_FILE: join(dir, 'cp.jsonl') });
    await makeWorld(server.database);
  });
  afterAll(async () => {
    await server?.drop();
    rmSync(dir, { recursive: true, force: true });
  });

  it("signs the head, including the request's own audit entry, for the coordinating bureau's admins only", async () => {
    const url = '/api/audit/checkpoints';
    expect((await server.as(null, { method: 'POST', url })).statusCode).toBe(401);
    expect((await server.as(USERS.officerTr, { method: 'POST', url })).statusCode).toBe(403);
    expect((await server.as(USERS.coordinator, { method: 'POST', url })).statusCode).toBe(403);
    const res = await server.as(USERS.coordAdmin, { method: 'POST', url });
    expect(res.statusCode).toBe(201);
    const head = await server.database.db.selectFrom('audit_head').select(['seq', 'hash']).executeTakeFirstOrThrow();
    expect(res.json()).toMatchObject({ seq: Number(head.seq), hash: head.hash });
    const last = await server.database.db.selectFrom('audit_log').select(['action', 'actor_user_id']).where('seq', '=', head.seq).executeTakeFirstOrThrow();
    expect(last.action).toBe('checkpoint');
    const file = readFileSync(join(dir, 'cp.jsonl'), 'utf8');
    expect(await verifyCheckpoints(server.database.db, file, publicKeyFrom(join(dir, 'key.pem')))).toMatchObject({ ok: true, checkpoints: 1 });
  });
});

describe('cordon audit checkpoint and verify --checkpoints', () => {
  const dir = mkdtempSync(join(tmpdir(), 'cordon-checkpoints-cli-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('signs from the command line and exits 2 naming the checkpoint a rewritten chain breaks', async () => {
    const dataDir = join(dir, 'data');
    const env = {
      ...process.env,
      DATABASE_URL: '',
      CORDON_DATA_DIR: dataDir,
      CORDON_AUDIT_KEY_FILE: join(dir, 'key.pem'),
      CORDON_AUDIT_CHECKPOINT_FILE: join(dir, 'cp.jsonl'),
    };
    let database = await freshDataDir(dataDir);
    await writeEntries(database, 1, 6);
    await database.close();
    const signed = await runCordon(env, ['audit', 'checkpoint']);
    expect(signed.stdout).toMatch(/checkpoint of entry 6 /);
    const publicPem = join(dir, 'public.pem');
    const keygen = await runCordon(env, ['audit', 'keygen', '--out', join(dir, 'other.pem')]);
    expect(keygen.stdout).toMatch(/BEGIN PUBLIC KEY/);
    const again = await runCordon(env, ['audit', 'keygen', '--out', join(dir, 'other.pem')]);
    expect(again.code).toBe(1);
    expect(again.stderr).toMatch(/never overwritten/);
    // The auditor keeps only the public key.
    writeFileSync(publicPem, publicKeyFrom(join(dir, 'key.pem')).export({ type: 'spki', format: 'pem' }) as string);
    const ok = await runCordon(env, ['audit', 'verify', '--checkpoints', join(dir, 'cp.jsonl'), '--public-key', publicPem]);
    expect(ok.stdout).toMatch(/audit log intact: 6 entries.*1 signed checkpoints hold \(the last at entry 6/);

    database = await openDatabase({ dataDir });
    await rewrite(database, [`update audit_log set entity_id = 'rec-x' where seq = 2`], 2);
    await database.close();
    const plain = await runCordon(env, ['audit', 'verify']);
    expect(plain.stdout).toMatch(/audit log intact: 6 entries/);
    const bad = await runCordon(env, ['audit', 'verify', '--checkpoints', join(dir, 'cp.jsonl'), '--public-key', publicPem]);
    expect(bad.code).toBe(2);
    expect(bad.stdout).toMatch(/AUDIT LOG TAMPERED: entry 6 is not the one checkpoint on line 1 signed/);
  }, 240_000);
});
