// The outbox: inspections, outcomes and traveller screenings made on this device go here first,
// and are sent to the server in the order they were made: at once when there is a network, else
// when it returns (the `online` event, the app's next start, a timer with back-off, or the
// officer's "Send now"). Each record's id, made on the device, is its Idempotency-Key: however
// many times it is sent (a lost answer, two tabs, a crash in the middle), the server stores it once.
// A record the server refuses stays, with the server's reason, until the officer fixes or
// discards it. One tab sends at a time (Web Locks); every tab sees the same list (BroadcastChannel).
import { useSyncExternalStore } from 'react';
import { ApiError, api, newIdempotencyKey } from '../api.ts';
import { isOnline } from './network.ts';
import { deviceDb, type OutboxRecord } from './store.ts';

export type { OutboxRecord };
export type NewRecord = Pick<OutboxRecord, 'kind' | 'operationId' | 'userId' | 'path' | 'body' | 'label'>;

/** Waits after the 1st, 2nd, … failed send: the network is tried less often the longer it is down. */
export const BACK_OFF_MS = [5_000, 15_000, 30_000, 60_000, 120_000, 300_000];
/** Sent records stay in the list this long, so the officer sees them go; then they are forgotten. */
const KEEP_SENT_MS = 24 * 3600_000;

const sentListeners = new Set<(record: OutboxRecord) => void>();

/** Called with each record the server has just stored (to refresh the figures, say). */
export function onRecordSent(listener: (record: OutboxRecord) => void): () => void {
  sentListeners.add(listener);
  return () => sentListeners.delete(listener);
}

let records: readonly OutboxRecord[] = [];
let loaded = false;
const listeners = new Set<() => void>();
const channel = typeof BroadcastChannel === 'undefined' ? null : new BroadcastChannel('cordon-outbox');
channel?.addEventListener('message', () => void reload());

async function reload(): Promise<void> {
  const db = await deviceDb();
  records = await db.getAllFromIndex('outbox', 'seq');
  loaded = true;
  for (const listener of listeners) listener();
}

async function changed(): Promise<void> {
  await reload();
  channel?.postMessage('changed');
}

/** Every record on the device, oldest first (loaded once, then kept up to date). */
export function useOutbox(userId: string | undefined): { records: readonly OutboxRecord[]; loaded: boolean } {
  const all = useSyncExternalStore(
    (listener) => {
      listeners.add(listener);
      if (!loaded) void reload();
      return () => listeners.delete(listener);
    },
    () => records,
  );
  return { records: mine(all, userId), loaded };
}

const byUser = new WeakMap<readonly OutboxRecord[], Map<string, OutboxRecord[]>>();

/** The user's records, the same array for the same list (a stable value for React). */
function mine(all: readonly OutboxRecord[], userId: string | undefined): OutboxRecord[] {
  if (!userId) return [];
  const cache = byUser.get(all) ?? new Map<string, OutboxRecord[]>();
  byUser.set(all, cache);
  const list = cache.get(userId) ?? all.filter((r) => r.userId === userId);
  cache.set(userId, list);
  return list;
}

export function isUnsent(record: OutboxRecord): boolean {
  return record.state !== 'sent';
}

export async function unsentCount(userId: string): Promise<number> {
  const db = await deviceDb();
  return (await db.getAll('outbox')).filter((r) => r.userId === userId && isUnsent(r)).length;
}

/** Puts a record in the outbox; its id (and Idempotency-Key) is `id` when given, else a new one. */
export async function addRecord(record: NewRecord, id = newIdempotencyKey()): Promise<OutboxRecord> {
  const db = await deviceDb();
  const tx = db.transaction('outbox', 'readwrite');
  const last = await tx.store.index('seq').openCursor(null, 'prev');
  const stored: OutboxRecord = {
    ...record,
    id,
    seq: (last?.value.seq ?? 0) + 1,
    createdAt: new Date().toISOString(),
    state: 'waiting',
    attempts: 0,
    nextAttemptAt: 0,
  };
  await tx.store.put(stored);
  await tx.done;
  await changed();
  return stored;
}

/**
 * A refused record, corrected (or sent again as it was): it takes the old one's place in the
 * order, with a new id, since the server stored nothing under the old one.
 */
export async function replaceRecord(id: string, change: Partial<Pick<OutboxRecord, 'body' | 'label' | 'path'>> = {}): Promise<OutboxRecord | undefined> {
  const db = await deviceDb();
  const tx = db.transaction('outbox', 'readwrite');
  const old = await tx.store.get(id);
  if (old?.state !== 'refused') {
    tx.abort();
    await tx.done.catch(() => undefined);
    return undefined;
  }
  const { refusal: _refusal, ...kept } = old;
  const next: OutboxRecord = { ...kept, ...change, id: newIdempotencyKey(), state: 'waiting', attempts: 0, nextAttemptAt: 0 };
  await tx.store.delete(id);
  await tx.store.put(next);
  await tx.done;
  await changed();
  return next;
}

export async function discardRecord(id: string): Promise<void> {
  const db = await deviceDb();
  const tx = db.transaction('outbox', 'readwrite');
  const record = await tx.store.get(id);
  // A record on its way (or already stored) is the server's now.
  if (record && record.state !== 'sending') await tx.store.delete(id);
  await tx.done;
  await changed();
}

export async function getRecord(id: string): Promise<OutboxRecord | undefined> {
  return (await deviceDb()).get('outbox', id);
}

/** Signing out: the user's records leave the device (the caller asked first when some were unsent). */
export async function clearOutbox(userId?: string): Promise<void> {
  const db = await deviceDb();
  const tx = db.transaction('outbox', 'readwrite');
  for (const record of await tx.store.getAll()) {
    if (userId === undefined || record.userId === userId) await tx.store.delete(record.id);
  }
  await tx.done;
  await changed();
}

async function update(id: string, change: Partial<OutboxRecord>): Promise<OutboxRecord | undefined> {
  const db = await deviceDb();
  const tx = db.transaction('outbox', 'readwrite');
  const record = await tx.store.get(id);
  if (!record) return undefined;
  const next = { ...record, ...change };
  await tx.store.put(next);
  await tx.done;
  return next;
}

/** Answers that say "not now" rather than "no": the record waits and is sent again. */
function isTransient(error: unknown): boolean {
  if (!(error instanceof ApiError)) return true;
  return error.status >= 500 || error.status === 401 || error.status === 408 || error.status === 429 || error.id === 'idempotency_in_progress';
}

type SendResult = 'sent' | 'refused' | 'later';

async function sendOne(record: OutboxRecord): Promise<SendResult> {
  await update(record.id, { state: 'sending', attempts: record.attempts + 1 });
  await changed();
  try {
    const answer = await api<{ id?: string }>(record.path, { method: 'POST', body: record.body, idempotencyKey: record.id });
    const sent = await update(record.id, { state: 'sent', sentAt: new Date().toISOString(), ...(answer?.id ? { serverId: answer.id } : {}) });
    for (const listener of sentListeners) if (sent) listener(sent);
    return 'sent';
  } catch (error) {
    if (isTransient(error)) {
      const wait = BACK_OFF_MS[Math.min(record.attempts, BACK_OFF_MS.length - 1)] ?? 0;
      await update(record.id, { state: 'waiting', nextAttemptAt: Date.now() + wait });
      return 'later';
    }
    const e = error as ApiError;
    await update(record.id, { state: 'refused', refusal: { status: e.status, error: e.id, message: e.message, ...(e.field ? { field: e.field } : {}) } });
    return 'refused';
  } finally {
    await changed();
  }
}

let timer: ReturnType<typeof setTimeout> | undefined;
let timerUser: string | undefined;

function schedule(userId: string, all: readonly OutboxRecord[]): void {
  clearTimeout(timer);
  const waiting = all.filter((r) => r.userId === userId && (r.state === 'waiting' || r.state === 'sending'));
  if (waiting.length === 0) return;
  const at = Math.min(...waiting.map((r) => r.nextAttemptAt));
  timerUser = userId;
  timer = setTimeout(() => void sendWaiting(userId), Math.max(1000, at - Date.now()));
}

/**
 * Sends the user's waiting records, oldest first, until one fails for want of a network (the
 * rest wait with it) or none is left. `now`: also those still in their back-off (the officer
 * asked). Resolves when this pass is over.
 */
export async function sendWaiting(userId: string, { now = false }: { now?: boolean } = {}): Promise<void> {
  if (!isOnline() && !now) return;
  const pass = async () => {
    const db = await deviceDb();
    await forgetOldSent(userId);
    for (;;) {
      const all = await db.getAllFromIndex('outbox', 'seq');
      const due = all.filter((r) => r.userId === userId && (r.state === 'waiting' || r.state === 'sending'));
      const next = due[0];
      if (!next || (!now && next.nextAttemptAt > Date.now())) break;
      if ((await sendOne(next)) === 'later') break;
    }
    schedule(userId, await db.getAllFromIndex('outbox', 'seq'));
  };
  if (navigator.locks) await navigator.locks.request('cordon-outbox', pass);
  else await pass();
}

async function forgetOldSent(userId: string): Promise<void> {
  const db = await deviceDb();
  const old = (await db.getAll('outbox')).filter((r) => r.userId === userId && r.state === 'sent' && Date.parse(r.sentAt ?? '') < Date.now() - KEEP_SENT_MS);
  if (old.length === 0) return;
  const tx = db.transaction('outbox', 'readwrite');
  for (const record of old) await tx.store.delete(record.id);
  await tx.done;
  await changed();
}

/**
 * While a user is signed in: send at once, when the network returns, when the app comes back to
 * the front, and on the back-off timer. Returns the function that stops it.
 */
export function keepSending(userId: string): () => void {
  const send = () => void sendWaiting(userId);
  const visible = () => {
    if (document.visibilityState === 'visible') send();
  };
  window.addEventListener('online', send);
  document.addEventListener('visibilitychange', visible);
  send();
  return () => {
    window.removeEventListener('online', send);
    document.removeEventListener('visibilitychange', visible);
    if (timerUser === userId) clearTimeout(timer);
  };
}

/**
 * A record from a form: into the outbox, then (with a network) sent at once. Resolves with the
 * record as it stands after that first try: sent, refused (with the reason), or still waiting.
 */
export async function submitRecord(record: NewRecord, id?: string): Promise<OutboxRecord> {
  return sendAndRead(await addRecord(record, id));
}

/** With a network, sends the waiting records now (this one among them, in its turn); then reads it again. */
export async function sendAndRead(record: OutboxRecord): Promise<OutboxRecord> {
  if (isOnline()) await sendWaiting(record.userId, { now: true });
  return (await getRecord(record.id)) ?? record;
}
