// Idempotent writes (issue 14, item 3): a POST sent again with the same Idempotency-Key gets the
// first answer back and writes nothing again, also when the copies race on two servers sharing the
// database; a key is the user's own; a failure that wrote nothing frees the key; a request that
// lost its key to another attempt rolls its change back. On PGlite and on the PostgreSQL server.
import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readConfig } from '../../src/config.ts';
import { openDatabase, type Database } from '../../src/db/connection.ts';
import { runHolding } from '../../src/modules/idempotency/context.ts';
import { createInspection } from '../../src/modules/inspections/service.ts';
import { buildApp } from '../../src/server/app.ts';
import { fingerprint } from '../../src/server/plugins/idempotency.ts';
import type { App } from '../../src/server/types.ts';
import { makeWorld, USERS, type World } from '../factories/world.ts';
import { engines } from '../helpers/engines.ts';
import { startServer, type TestServer } from '../helpers/http.ts';

describe.each(engines)('Idempotency-Key on %s', (engine) => {
  let server: TestServer;
  let world: World;
  /** A second server on the same database: its own connection pool on PostgreSQL, as a second process has. */
  let second: { app: App; database: Database | null };
  beforeAll(async () => {
    server = await startServer(engine);
    world = await makeWorld(server.database);
    const database = server.url ? await openDatabase({ databaseUrl: server.url }) : null;
    const app = await buildApp({ database: database ?? server.database, config: readConfig({}) });
    await app.ready();
    second = { app, database };
  });
  afterAll(async () => {
    await second?.app.close();
    await second?.database?.close();
    await server?.drop();
  });

  const url = () => `/api/operations/${world.operationId}/inspections`;
  const inspection = (personsChecked = 3) => ({ hotspotId: world.hotspots.tr, at: '2023-10-16T08:00:00Z', kind: 'patrol', personsChecked });
  const post = (key: string | undefined, payload: object, user: string = USERS.fieldTr) =>
    server.as(user, { method: 'POST', url: url(), payload, headers: key === undefined ? {} : { 'idempotency-key': key } });
  const count = async () => Number((await server.database.db.selectFrom('inspections').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);
  const keyRow = (scope: string, key: string) => server.database.db.selectFrom('idempotency_keys').selectAll().where('scope', '=', scope).where('key', '=', key).executeTakeFirst();
  const userId = async (username: string) => (await server.database.db.selectFrom('users').select('id').where('username', '=', username).executeTakeFirstOrThrow()).id;

  it('answers a retry with the first answer and writes nothing again', async () => {
    const before = await count();
    const key = randomUUID();
    const first = await post(key, inspection());
    expect(first.statusCode, first.body).toBe(201);
    expect(first.headers['idempotent-replayed']).toBeUndefined();
    const again = await post(key, inspection());
    expect(again.statusCode).toBe(201);
    expect(again.json()).toEqual(first.json());
    expect(again.headers['idempotent-replayed']).toBe('true');
    expect(again.headers['content-type']).toMatch(/^application\/json/);
    expect(await count()).toBe(before + 1);
    // Without the header every request is a new one.
    expect((await post(undefined, inspection())).statusCode).toBe(201);
    expect((await post(undefined, inspection())).statusCode).toBe(201);
    expect(await count()).toBe(before + 3);
  });

  it('stores one record when copies race on two servers sharing the database', async () => {
    const before = await count();
    const key = randomUUID();
    const token = await server.token(USERS.fieldTr);
    const send = (app: App) =>
      app.inject({ method: 'POST', url: url(), payload: inspection(5), headers: { authorization: `Bearer ${token}`, 'idempotency-key': key } });
    const answers = await Promise.all(Array.from({ length: 8 }, (_, i) => send(i % 2 ? second.app : server.app)));
    for (const answer of answers) expect(answer.statusCode, answer.body).toBe(201);
    expect(new Set(answers.map((a) => a.json().id)).size).toBe(1);
    expect(answers.filter((a) => a.headers['idempotent-replayed'] === 'true')).toHaveLength(7);
    expect(await count()).toBe(before + 1);
  });

  it('refuses the key for another request, naming the header, and writes nothing', async () => {
    const key = randomUUID();
    expect((await post(key, inspection(1))).statusCode).toBe(201);
    const before = await count();
    const other = await post(key, inspection(2));
    expect(other.statusCode).toBe(422);
    expect(other.json()).toMatchObject({ error: 'idempotency_key_reused', field: 'Idempotency-Key' });
    // The same key on another route is another request too.
    const elsewhere = await server.as(USERS.fieldTr, { method: 'POST', url: `/api/operations/${world.operationId}/outcomes`, payload: { kind: 'rescue', at: '2023-10-17T10:00:00Z', persons: 3, sharing: 'operation' }, headers: { 'idempotency-key': key } });
    expect(elsewhere.statusCode).toBe(422);
    expect(await count()).toBe(before);
  });

  it('refuses a malformed key, naming the header', async () => {
    for (const key of ['', 'has space', 'x'.repeat(256), 'ключ']) {
      const res = await post(key, inspection());
      expect(res.statusCode, key).toBe(400);
      expect(res.json()).toMatchObject({ error: 'invalid', field: 'Idempotency-Key' });
    }
  });

  it('keeps each user their own keys: another bureau never gets the first answer', async () => {
    const key = randomUUID();
    const mine = await post(key, inspection());
    expect(mine.statusCode).toBe(201);
    // The same key and body from a user of a bureau outside the operation: their own request, refused as theirs.
    const outsider = await post(key, inspection(), USERS.outsider);
    expect(outsider.statusCode).toBe(404);
    expect(outsider.body).not.toContain(mine.json().id);
    expect(outsider.headers['idempotent-replayed']).toBeUndefined();
    // A colleague's key of the same name is theirs too: a record of their own.
    const colleague = await post(key, inspection(), USERS.officerTr);
    expect(colleague.statusCode).toBe(201);
    expect(colleague.json().id).not.toBe(mine.json().id);
    // Without a token the key is not even looked at.
    expect((await server.as(null, { method: 'POST', url: url(), payload: inspection(), headers: { 'idempotency-key': key } })).statusCode).toBe(401);
  });

  it('frees the key when the request failed and wrote nothing, so a corrected one may use it', async () => {
    const key = randomUUID();
    const before = await count();
    const bad = await post(key, { ...inspection(), hotspotId: randomUUID() });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().field).toBe('hotspotId');
    expect(await keyRow(await userId(USERS.fieldTr), key)).toBeUndefined();
    const good = await post(key, inspection());
    expect(good.statusCode, good.body).toBe(201);
    expect(await count()).toBe(before + 1);
    expect(await keyRow(await userId(USERS.fieldTr), key)).toMatchObject({ state: 'done', status: 201, entity: 'inspection', entity_id: good.json().id });
  });

  it('waits for a first request still running and answers what it answered', async () => {
    const key = randomUUID();
    const scope = await userId(USERS.fieldTr);
    const print = fingerprint('POST', url(), inspection(), {});
    await server.database.db.insertInto('idempotency_keys').values({ scope, key, fingerprint: print, token: randomUUID(), state: 'pending' }).execute();
    const before = await count();
    const waiting = post(key, inspection());
    await new Promise((resolve) => setTimeout(resolve, 300));
    const body = JSON.stringify({ id: '00000000-0000-4000-8000-000000000001' });
    await server.database.db.updateTable('idempotency_keys').set({ state: 'done', status: 201, content_type: 'application/json; charset=utf-8', body }).where('key', '=', key).execute();
    const answer = await waiting;
    expect(answer.statusCode).toBe(201);
    expect(answer.body).toBe(body);
    expect(await count()).toBe(before);
  });

  it('takes over a key whose holder stopped before writing, and says so where the holder wrote but lost its answer', async () => {
    const scope = await userId(USERS.fieldTr);
    const print = fingerprint('POST', url(), inspection(), {});
    const lapsed = sql`now() - interval '5 minutes'`;
    const before = await count();
    // Pending and lapsed: the holder's process died before its change committed.
    const abandoned = randomUUID();
    await server.database.db.insertInto('idempotency_keys').values({ scope, key: abandoned, fingerprint: print, token: randomUUID(), state: 'pending', locked_at: lapsed as never }).execute();
    const taken = await post(abandoned, inspection());
    expect(taken.statusCode, taken.body).toBe(201);
    expect(await count()).toBe(before + 1);
    // Written and lapsed: the change committed but the process died before storing the answer.
    const lost = randomUUID();
    await server.database.db
      .insertInto('idempotency_keys')
      .values({ scope, key: lost, fingerprint: print, token: randomUUID(), state: 'written', entity: 'inspection', entity_id: taken.json().id, locked_at: lapsed as never })
      .execute();
    const told = await post(lost, inspection());
    expect(told.statusCode).toBe(409);
    expect(told.json()).toMatchObject({ error: 'idempotency_answer_lost', field: 'Idempotency-Key', entity: 'inspection', entityId: taken.json().id });
    expect(await count()).toBe(before + 1);
  });

  it('rolls back the change of a request that no longer holds its key', async () => {
    const scope = await userId(USERS.fieldTr);
    const key = randomUUID();
    // Another attempt took the key over (its token is in the row): the first one's change must not land.
    await server.database.db.insertInto('idempotency_keys').values({ scope, key, fingerprint: 'f'.repeat(64), token: randomUUID(), state: 'pending' }).execute();
    const actor = await (await import('../../src/modules/auth/service.ts')).authenticate(server.database.db, await server.token(USERS.fieldTr), server.app.config);
    const before = await count();
    await expect(runHolding({ scope, key, token: randomUUID() }, () => createInspection(server.database, actor, world.operationId, inspection() as never))).rejects.toMatchObject({
      id: 'idempotency_in_progress',
    });
    expect(await count()).toBe(before);
  });

  it('replays a CSV import once, and ignores the header where the answer holds a secret (signing in)', async () => {
    const key = randomUUID();
    const csv = `hotspotId,at,kind,personsChecked\n${world.hotspots.tr},2023-10-16T08:00:00Z,patrol,3\n${world.hotspots.tr},2023-10-16T09:00:00Z,patrol,4\n`;
    const send = () =>
      server.as(USERS.officerTr, { method: 'POST', url: `/api/operations/${world.operationId}/imports/inspections`, payload: csv, headers: { 'content-type': 'text/csv', 'idempotency-key': key } });
    const before = await count();
    const first = await send();
    expect(first.statusCode, first.body).toBe(201);
    const again = await send();
    expect(again.json()).toEqual(first.json());
    expect(again.json()).toMatchObject({ imported: 2 });
    expect(again.headers['idempotent-replayed']).toBe('true');
    expect(await count()).toBe(before + 2);

    const login = () => server.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: USERS.fieldTr, password: 'x' }, headers: { 'idempotency-key': key } });
    expect((await login()).headers['idempotent-replayed']).toBeUndefined();
    expect(await keyRow('public', key)).toBeUndefined();
  });

  it("remembers a field record's key for 30 days: a device's outbox sending again after days offline stores it once", async () => {
    const before = await count();
    const key = randomUUID();
    const first = await post(key, inspection(7));
    expect(first.statusCode, first.body).toBe(201);
    const scope = await userId(USERS.fieldTr);
    expect(await keyRow(scope, key)).toMatchObject({ keep_hours: 720 });
    // Three days later (the answer was lost, the device went offline), the same key again.
    await sql`update idempotency_keys set created_at = now() - interval '3 days' where key = ${key}`.execute(server.database.db);
    const again = await post(key, inspection(7));
    expect(again.statusCode).toBe(201);
    expect(again.headers['idempotent-replayed']).toBe('true');
    expect(again.json()).toEqual(first.json());
    expect(await count()).toBe(before + 1);
    // After 30 days it is forgotten, by the purge a server runs when it starts.
    await sql`update idempotency_keys set created_at = now() - interval '31 days' where key = ${key}`.execute(server.database.db);
    const app = await buildApp({ database: second.database ?? server.database, config: readConfig({}) });
    try {
      await app.ready();
      expect(await keyRow(scope, key)).toBeUndefined();
    } finally {
      await app.close();
    }
  });

  it('forgets keys older than a day when a server starts', async () => {
    const scope = await userId(USERS.fieldTr);
    const old = randomUUID();
    const recent = randomUUID();
    for (const [key, hours] of [[old, 25], [recent, 23]] as const) {
      await server.database.db
        .insertInto('idempotency_keys')
        .values({ scope, key, fingerprint: '0'.repeat(64), token: randomUUID(), state: 'done', status: 201, content_type: 'application/json', body: '{}' })
        .execute();
      await sql`update idempotency_keys set created_at = now() - make_interval(hours => ${hours}) where key = ${key}`.execute(server.database.db);
    }
    const app = await buildApp({ database: second.database ?? server.database, config: readConfig({}) });
    try {
      await app.ready();
      expect(await keyRow(scope, old)).toBeUndefined();
      expect(await keyRow(scope, recent)).toMatchObject({ state: 'done' });
    } finally {
      await app.close();
    }
  });
});
