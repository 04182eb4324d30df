// CSV uploads are authorised before their body is read: a refused upload is neither received nor
// written to disk, an oversized one is refused from its Content-Length at once, the temporary file
// goes on every path (client abort included), and folders left by a crashed process are removed
// at start-up, only those whose process is dead.
import { spawnSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { existsSync, type FSWatcher, mkdirSync, readdirSync, rmSync, watch, writeFileSync } from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { readConfig } from '../../src/config.ts';
import { startTimeOf } from '../../src/db/data-dir-lock.ts';
import { buildApp } from '../../src/server/app.ts';
import { makeWorld, USERS, type World } from '../factories/world.ts';
import { engines } from '../helpers/engines.ts';
import { startServer, type TestServer } from '../helpers/http.ts';

const OURS = `cordon-upload-${process.pid}-`;
const MB = 1024 * 1024;

/** A body of `total` bytes made only as the server reads it; `read()` says how much it took. */
function lazyBody(total: number, line = 'hotspotId,at,kind,personsChecked\n') {
  let made = 0;
  const chunk = Buffer.from(line.repeat(Math.ceil(65536 / line.length)).slice(0, 65536));
  const stream = new Readable({
    read() {
      if (made >= total) return void this.push(null);
      const part = chunk.subarray(0, Math.min(chunk.length, total - made));
      made += part.length;
      this.push(part);
    },
  });
  return { stream, read: () => made };
}

/** Every upload folder of this process created while watching, even one removed at once. */
function watchUploads(): { seen: string[]; watcher: FSWatcher } {
  const seen: string[] = [];
  const watcher = watch(tmpdir(), (_event, name) => {
    if (name?.startsWith(OURS) && !seen.includes(name)) seen.push(name);
  });
  return { seen, watcher };
}

const leftovers = () => readdirSync(tmpdir()).filter((name) => name.startsWith(OURS));

describe.each(engines)('uploads on %s', (engine) => {
  let server: TestServer;
  let world: World;
  let watching: ReturnType<typeof watchUploads>;
  beforeAll(async () => {
    server = await startServer(engine);
    world = await makeWorld(server.database);
  });
  afterAll(() => server?.drop());
  beforeEach(() => {
    watching = watchUploads();
  });
  afterEach(() => watching.watcher.close());

  const upload = (user: string | null, operationId: string, body: ReturnType<typeof lazyBody>, headers: Record<string, string> = {}) =>
    server.as(user, {
      method: 'POST',
      url: `/api/operations/${operationId}/imports/inspections`,
      headers: { 'content-type': 'text/csv', 'content-length': '314572800', ...headers },
      payload: body.stream,
    });

  it('answers 404 to 300 MB posted to a random operation by a field user without reading or writing it', async () => {
    const body = lazyBody(300 * MB);
    const res = await upload(USERS.fieldTr, randomUUID(), body);
    body.stream.destroy();
    expect(res.statusCode, res.body).toBe(404);
    expect(res.json().error).toBe('not_found');
    // Only what the stream machinery buffers ahead (a chunk or two), not the body.
    expect(body.read()).toBeLessThan(MB);
    await new Promise((resolve) => setTimeout(resolve, 50)); // let the watcher report
    expect(watching.seen).toEqual([]);
    expect(leftovers()).toEqual([]);
  });

  it('answers 403 to a field user and 404 to a bureau outside the operation, before the body', async () => {
    for (const [user, status] of [
      [USERS.fieldTr, 403],
      [USERS.outsider, 404],
    ] as const) {
      const body = lazyBody(300 * MB);
      const res = await upload(user, world.operationId, body);
      body.stream.destroy();
      expect(res.statusCode, `${user}: ${res.body}`).toBe(status);
      expect(body.read(), user).toBeLessThan(MB);
    }
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(watching.seen).toEqual([]);
  });

  it('answers 401 to a body without a token before reading it, JSON bodies included', async () => {
    const csv = lazyBody(300 * MB);
    const res = await upload(null, world.operationId, csv);
    csv.stream.destroy();
    expect(res.statusCode).toBe(401);
    expect(csv.read()).toBeLessThan(MB);
    // Fastify reads a JSON body whole before validation: the token is checked before that.
    const json = lazyBody(900 * 1024, '{"name":"x"}');
    const refused = await server.app.inject({
      method: 'POST',
      url: '/api/operations',
      headers: { 'content-type': 'application/json', 'content-length': String(900 * 1024) },
      payload: json.stream,
    });
    json.stream.destroy();
    expect(refused.statusCode).toBe(401);
    expect(json.read()).toBeLessThan(256 * 1024);
  });

  it('answers 413 at once to a Content-Length above the limit', async () => {
    const body = lazyBody(2 * 1024 * MB);
    const res = await upload(USERS.officerTr, world.operationId, body, { 'content-length': String(server.app.config.importMaxBytes + 1) });
    body.stream.destroy();
    expect(res.statusCode, res.body).toBe(413);
    expect(res.json()).toMatchObject({ error: 'too_large' });
    expect(body.read()).toBeLessThan(MB);
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(watching.seen).toEqual([]);
  });

  it('removes the temporary file after an import that succeeds and after one that fails', async () => {
    const good = `${world.hotspots.tr},2023-10-16T08:00:00Z,patrol,3`;
    for (const [csv, status] of [
      [`hotspotId,at,kind,personsChecked\n${good}\n`, 201],
      [`hotspotId,at,kind,personsChecked\n${good}\n${good.replace('patrol', 'raid')}\n`, 400],
    ] as const) {
      const res = await server.as(USERS.officerTr, {
        method: 'POST',
        url: `/api/operations/${world.operationId}/imports/inspections`,
        headers: { 'content-type': 'text/csv' },
        payload: csv,
      });
      expect(res.statusCode, res.body).toBe(status);
      expect(leftovers()).toEqual([]);
    }
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(watching.seen.length).toBe(2); // it was spooled, then removed
  });

  it('removes the temporary file when the client aborts mid-upload, and closes refused uploads', async () => {
    await server.app.listen({ port: 0, host: '127.0.0.1' });
    const { port } = server.app.server.address() as AddressInfo;
    const token = await server.token(USERS.officerTr);
    const post = (operationId: string) =>
      http.request({
        host: '127.0.0.1',
        port,
        method: 'POST',
        path: `/api/operations/${operationId}/imports/inspections`,
        headers: { authorization: `Bearer ${token}`, 'content-type': 'text/csv', 'content-length': String(50 * MB) },
      });
    const chunk = Buffer.alloc(256 * 1024, 'a');

    // Refused: the answer comes while the client is still sending, and closes the connection.
    const refused = post(randomUUID());
    refused.on('error', () => undefined);
    refused.write(chunk);
    const answer = await new Promise<http.IncomingMessage>((resolve) => refused.on('response', resolve));
    expect(answer.statusCode).toBe(404);
    expect(answer.headers.connection).toBe('close');
    answer.resume();
    refused.destroy();

    // Accepted, then abandoned half-way: the spooled part is removed.
    const aborted = post(world.operationId);
    aborted.on('error', () => undefined);
    aborted.write(chunk);
    const deadline = Date.now() + 5000;
    while (leftovers().length === 0 && Date.now() < deadline) {
      aborted.write(chunk);
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    expect(leftovers().length).toBe(1);
    aborted.destroy();
    while (leftovers().length > 0 && Date.now() < deadline + 5000) await new Promise((resolve) => setTimeout(resolve, 20));
    expect(leftovers()).toEqual([]);
  });
});

describe('upload folders left by a crash', () => {
  it('are removed at start-up when their process is dead, and kept while it lives', async () => {
    const dead = spawnSync(process.execPath, ['-e', '']).pid;
    expect(dead).toBeGreaterThan(0);
    const crashed = join(tmpdir(), `cordon-upload-${dead}-crashed`);
    const running = join(tmpdir(), `${OURS}running`);
    const foreign = join(tmpdir(), 'cordon-upload-notapid');
    // In a container a restarted process often gets its predecessor's pid: the start time tells them apart.
    const start = startTimeOf(process.pid);
    const recycled = join(tmpdir(), `${OURS}${Number(start) + 1}-recycled`);
    const current = join(tmpdir(), `${OURS}${start}-current`);
    const server = await startServer('pglite');
    try {
      for (const dir of [crashed, running, foreign, recycled, current]) {
        mkdirSync(dir, { recursive: true });
        writeFileSync(join(dir, 'body.csv'), 'hotspotId,at,kind,personsChecked\n');
      }
      const app = await buildApp({ database: server.database, config: readConfig({}) });
      await app.close();
      expect(existsSync(crashed)).toBe(false);
      expect(existsSync(running)).toBe(true);
      expect(existsSync(foreign)).toBe(true);
      expect(existsSync(recycled)).toBe(false);
      expect(existsSync(current)).toBe(true);
    } finally {
      for (const dir of [crashed, running, foreign, recycled, current]) rmSync(dir, { recursive: true, force: true });
      await server.drop();
    }
  });
});
