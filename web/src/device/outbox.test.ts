// The outbox on an in-memory IndexedDB (fake-indexeddb) against a scripted server: records go in
// the order they were made, each with its own id as Idempotency-Key; a failed send waits (and the
// ones after it with it) and goes again with the same key; a refusal stays with the server's
// reason until replaced or discarded; a lost answer the server reports as stored counts as sent;
// only the signed-in user's records are sent, and none once the session is gone.
import 'fake-indexeddb/auto';
import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';

type Outbox = typeof import('./outbox.ts');
let outbox: Outbox;

interface Sent {
  path: string;
  key: string;
  body: Record<string, unknown>;
}
type Answer = { status: number; body?: unknown } | Error;

let sent: Sent[] = [];
let answer: (request: Sent) => Answer = () => ({ status: 201, body: { id: 'server-id' } });

beforeAll(async () => {
  const store = new Map<string, string>();
  vi.stubGlobal('localStorage', {
    getItem: (k: string) => store.get(k) ?? null,
    setItem: (k: string, v: string) => void store.set(k, v),
    removeItem: (k: string) => void store.delete(k),
  });
  vi.stubGlobal('navigator', { onLine: true });
  vi.stubGlobal('fetch', async (path: string, init: RequestInit) => {
    const headers = init.headers as Record<string, string>;
    const request = { path, key: headers['idempotency-key'] ?? '', body: JSON.parse(String(init.body)) as Record<string, unknown> };
    sent.push(request);
    const reply = answer(request);
    if (reply instanceof Error) throw reply;
    return new Response(reply.body === undefined ? null : JSON.stringify(reply.body), { status: reply.status, headers: { 'content-type': 'application/json' } });
  });
  outbox = await import('./outbox.ts');
});

beforeEach(async () => {
  sent = [];
  answer = () => ({ status: 201, body: { id: 'server-id' } });
  outbox.setOutboxSender(undefined);
  await outbox.clearOutbox();
});

afterEach(() => {
  vi.useRealTimers();
});

const record = (n: number, userId = 'officer-1') => ({
  kind: 'inspection' as const,
  operationId: 'op',
  userId,
  path: '/api/operations/op/inspections',
  body: { n, at: '2026-12-08T04:00:00.000Z' },
  label: { place: 'Mae Sot', persons: 1, kindOf: 'field.inspectionKinds.patrol' },
});

async function states(): Promise<string[]> {
  const db = await (await import('./store.ts')).deviceDb();
  return (await db.getAllFromIndex('outbox', 'seq')).map((r) => `${(r.body as { n: number }).n}:${r.state}`);
}

/** Runs a send to its end, letting api()'s pauses between retries pass at once. */
async function settle(call: Promise<unknown>): Promise<void> {
  let done = false;
  void call.finally(() => {
    done = true;
  });
  for (let i = 0; i < 50 && !done; i++) await vi.advanceTimersByTimeAsync(1000);
  await call;
}

describe('the outbox', () => {
  it('sends in the order records were made, each once, its id as Idempotency-Key', async () => {
    const made = [];
    for (const n of [1, 2, 3]) made.push(await outbox.addRecord(record(n)));
    outbox.setOutboxSender('officer-1');
    await outbox.sendWaiting('officer-1');
    expect(sent.map((s) => s.body.n)).toEqual([1, 2, 3]);
    expect(sent.map((s) => s.key)).toEqual(made.map((r) => r.id));
    expect(await states()).toEqual(['1:sent', '2:sent', '3:sent']);
    // Nothing is sent twice.
    await outbox.sendWaiting('officer-1', { now: true });
    expect(sent).toHaveLength(3);
    expect((await outbox.getRecord(made[0]!.id))?.serverId).toBe('server-id');
  });

  it('keeps a record that could not be sent, holds back the later ones, and sends it again with the same key', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    await outbox.addRecord(record(1));
    await outbox.addRecord(record(2));
    answer = () => new TypeError('Failed to fetch');
    outbox.setOutboxSender('officer-1');
    await settle(outbox.sendWaiting('officer-1'));
    // The first try and api()'s three retries, all for record 1: record 2 waits behind it.
    expect(sent.map((s) => s.body.n)).toEqual([1, 1, 1, 1]);
    expect(new Set(sent.map((s) => s.key)).size).toBe(1);
    expect(await states()).toEqual(['1:waiting', '2:waiting']);
    const waiting = (await outbox.getRecord(sent[0]!.key))!;
    expect(waiting.attempts).toBe(1);
    expect(waiting.nextAttemptAt).toBeGreaterThan(Date.now());
    // Within its back-off an automatic pass leaves it; the officer's "Send now" does not.
    answer = () => ({ status: 201, body: { id: 'server-id' } });
    await settle(outbox.sendWaiting('officer-1'));
    expect(sent).toHaveLength(4);
    await settle(outbox.sendWaiting('officer-1', { now: true }));
    expect(sent.slice(4).map((s) => s.body.n)).toEqual([1, 2]);
    expect(sent[4]!.key).toBe(sent[0]!.key);
    expect(await states()).toEqual(['1:sent', '2:sent']);
  });

  it("keeps a refused record with the server's reason, sends the next, and sends a replacement under a new key", async () => {
    await outbox.addRecord(record(1));
    await outbox.addRecord(record(2));
    answer = (r) => (r.body.n === 1 ? { status: 404, body: { error: 'not_found', message: 'hotspot not found', field: 'hotspotId' } } : { status: 201, body: { id: 'x' } });
    outbox.setOutboxSender('officer-1');
    await outbox.sendWaiting('officer-1');
    expect(await states()).toEqual(['1:refused', '2:sent']);
    const refused = (await outbox.getRecord(sent[0]!.key))!;
    expect(refused.refusal).toEqual({ status: 404, error: 'not_found', message: 'hotspot not found', field: 'hotspotId' });
    // Sending again does not happen by itself.
    await outbox.sendWaiting('officer-1', { now: true });
    expect(sent).toHaveLength(2);
    // Fixed: it keeps its place in the order, under a new key (the server stored nothing under the old).
    answer = () => ({ status: 201, body: { id: 'y' } });
    const fixed = (await outbox.replaceRecord(refused.id, { body: { n: 11, at: refused.body.at } }))!;
    expect(fixed.id).not.toBe(refused.id);
    expect(fixed.seq).toBe(refused.seq);
    await outbox.sendWaiting('officer-1');
    expect(sent[2]).toMatchObject({ key: fixed.id, body: { n: 11 } });
    expect(await states()).toEqual(['11:sent', '2:sent']);
    expect(await outbox.getRecord(refused.id)).toBeUndefined();
  });

  it('counts as sent a record the server stored on a try whose answer it lost', async () => {
    await outbox.addRecord(record(1));
    answer = () => ({ status: 409, body: { error: 'idempotency_answer_lost', message: 'stored, answer lost' } });
    outbox.setOutboxSender('officer-1');
    await outbox.sendWaiting('officer-1');
    expect(await states()).toEqual(['1:sent']);
  });

  it("sends only the signed-in user's records, and none once the session is gone", async () => {
    await outbox.addRecord(record(1, 'officer-1'));
    await outbox.addRecord(record(2, 'officer-2'));
    outbox.setOutboxSender('officer-2');
    await outbox.sendWaiting('officer-1', { now: true });
    await outbox.sendWaiting('officer-2');
    expect(sent.map((s) => s.body.n)).toEqual([2]);
    outbox.setOutboxSender(undefined);
    await outbox.sendWaiting('officer-1', { now: true });
    expect(sent).toHaveLength(1);
    expect(await outbox.unsentCount('officer-1')).toBe(1);
  });

  it('does not send a record discarded before its turn, and refuses one with no user', async () => {
    const kept = await outbox.addRecord(record(1));
    await outbox.discardRecord(kept.id);
    outbox.setOutboxSender('officer-1');
    await outbox.sendWaiting('officer-1', { now: true });
    expect(sent).toEqual([]);
    await expect(outbox.submitRecord(record(2, ''))).rejects.toThrow(/signed-in user/);
  });
});
