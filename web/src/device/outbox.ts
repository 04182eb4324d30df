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

/** Waiting to be sent, or on its way (a send cut off by a closed tab is sent again, same key). */
function isDue(record: OutboxRecord): boolean {
  return record.state === 'waiting' || record.state === 'sending';
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

/** A send that hangs (a captive portal, a dying link) is given up after this, and tried again later. */
export const SEND_TIMEOUT_MS = 30_000;

/**
 * The user whose session this tab holds (set by the session provider), or none: a record is only
 * ever sent with its own user's session, whoever signs in on the device after.
 */
let sender: string | undefined;

export function setOutboxSender(userId: string | undefined): void {
  if (sender === userId) return;
  sender = userId;
  clearTimeout(timer);
  // A session begins (the app opened, or a sign-in): what waited for it goes now.
  if (userId) void sendWaiting(userId);
}

/** Marks the record as on its way, if it is still there and still due: one transaction. */
async function claim(id: string): Promise<OutboxRecord | undefined> {
  const db = await deviceDb();
  const tx = db.transaction('outbox', 'readwrite');
  const record = await tx.store.get(id);
  if (!record || !isDue(record)) {
    await tx.done;
    return undefined;
  }
  const next: OutboxRecord = { ...record, state: 'sending', attempts: record.attempts + 1 };
  await tx.store.put(next);
  await tx.done;
  return next;
}

type SendResult = 'sent' | 'refused' | 'later' | 'gone';

async function sendOne(id: string): Promise<SendResult> {
  const record = await claim(id);
  // Discarded, or signed out in another tab, since the list was read.
  if (!record) return 'gone';
  await changed();
  try {
    const answer = await api<{ id?: string }>(record.path, {
      method: 'POST',
      body: record.body,
      idempotencyKey: record.id,
      signal: AbortSignal.timeout(SEND_TIMEOUT_MS),
    });
    await markSent(record.id, answer?.id);
    return 'sent';
  } catch (error) {
    // The server stored it on an earlier try whose answer it could not keep: it is there, once.
    if (error instanceof ApiError && error.id === 'idempotency_answer_lost') {
      await markSent(record.id);
      return 'sent';
    }
    if (isTransient(error)) {
      const wait = BACK_OFF_MS[Math.min(record.attempts - 1, BACK_OFF_MS.length - 1)] ?? 0;
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

async function markSent(id: string, serverId?: string): Promise<void> {
  const sent = await update(id, { state: 'sent', sentAt: new Date().toISOString(), ...(serverId ? { serverId } : {}) });
  for (const listener of sentListeners) if (sent) listener(sent);
}

let timer: ReturnType<typeof setTimeout> | undefined;

function schedule(userId: string, all: readonly OutboxRecord[]): void {
  clearTimeout(timer);
  if (sender !== userId) return;
  const waiting = all.filter((r) => r.userId === userId && isDue(r));
  if (waiting.length === 0) return;
  const at = Math.min(...waiting.map((r) => r.nextAttemptAt));
  timer = setTimeout(() => void sendWaiting(userId), Math.max(1000, at - Date.now()));
}

/**
 * Sends the user's waiting records, oldest first, until one fails for want of a network (the
 * rest wait with it) or none is left. `now`: also those still in their back-off (the officer
 * asked). Only while that user's session is this tab's. Resolves when this pass is over.
 */
export async function sendWaiting(userId: string, { now = false }: { now?: boolean } = {}): Promise<void> {
  if ((!isOnline() && !now) || sender !== userId) return;
  const pass = async () => {
    const db = await deviceDb();
    await forgetOldSent(userId);
    for (;;) {
      // Signed out, or another user signed in, in the middle of the pass: stop.
      if (sender !== userId) return;
      const all = await db.getAllFromIndex('outbox', 'seq');
      const due = all.filter((r) => r.userId === userId && isDue(r));
      const next = due[0];
      if (!next || (!now && next.nextAttemptAt > Date.now())) break;
      if ((await sendOne(next.id)) === 'later') break;
    }
    schedule(userId, await db.getAllFromIndex('outbox', 'seq'));
  };
  // One pass at a time: across tabs with Web Locks, else within this tab.
  if (navigator.locks) await navigator.locks.request('cordon-outbox', pass);
  else await inTurn(pass);
}

let turn: Promise<unknown> = Promise.resolve();

function inTurn<T>(work: () => Promise<T>): Promise<T> {
  const next = turn.then(work, work);
  turn = next.catch(() => undefined);
  return next;
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
 * While a user is signed in: send when the network returns and when the app comes back to the
 * front (the session's start and the back-off timer start passes too). Returns the function that
 * stops it.
 */
export function keepSending(userId: string): () => void {
  const send = () => void sendWaiting(userId);
  const visible = () => {
    if (document.visibilityState === 'visible') send();
  };
  window.addEventListener('online', send);
  document.addEventListener('visibilitychange', visible);
  // The first pass is the session's (setOutboxSender), which starts it once the user is known.
  return () => {
    window.removeEventListener('online', send);
    document.removeEventListener('visibilitychange', visible);
    // The back-off timer stays: it belongs to the session (setOutboxSender stops it), not to
    // the header that started this.
  };
}

/**
 * A record from a form: into the outbox, then (with a network) sent at once. Resolves with the
 * record as it stands after that first try: sent, refused (with the reason), or still waiting.
 */
export async function submitRecord(record: NewRecord, id?: string): Promise<OutboxRecord> {
  if (!record.userId) throw new Error('a record needs the signed-in user');
  return sendAndRead(await addRecord(record, id));
}

/** A form's record the server refused: its reason, and the record, which stays in the outbox. */
export class Refused extends ApiError {
  constructor(readonly record: OutboxRecord & { refusal: NonNullable<OutboxRecord['refusal']> }) {
    super(record.refusal.status, record.refusal.error, record.refusal.message, record.refusal.field);
  }
}

/**
 * A form's save: a new record (under `id`, the form's key for it), or the correction of the
 * refused record `replacing`; sent at once when there is a network. Resolves with the record sent
 * or waiting; rejects with Refused when the server refuses it (it then stays in the outbox,
 * refused, until the next save replaces it or the officer discards it: leaving loses nothing).
 */
export async function saveFromForm(record: NewRecord, { id, replacing }: { id?: string; replacing?: OutboxRecord | null } = {}): Promise<OutboxRecord> {
  let stored: OutboxRecord | undefined;
  if (replacing) {
    const replaced = await replaceRecord(replacing.id, { path: record.path, body: record.body, label: record.label });
    stored = replaced ? await sendAndRead(replaced) : undefined;
  } else {
    stored = await submitRecord(record, id);
  }
  if (!stored) throw new Error('gone');
  if (stored.state === 'refused' && stored.refusal) throw new Refused({ ...stored, refusal: stored.refusal });
  return stored;
}

/** The form waits this long for the send; after that the record is the outbox's to deliver. */
export const FORM_WAIT_MS = 10_000;

/**
 * With a network, sends the waiting records now (this one among them, in its turn), waiting at
 * most FORM_WAIT_MS; then reads it again (still waiting or sending after that: in the outbox).
 */
export async function sendAndRead(record: OutboxRecord): Promise<OutboxRecord> {
  if (isOnline()) {
    let timeout: ReturnType<typeof setTimeout> | undefined;
    await Promise.race([sendWaiting(record.userId, { now: true }), new Promise((resolve) => (timeout = setTimeout(resolve, FORM_WAIT_MS)))]);
    clearTimeout(timeout);
  }
  return (await getRecord(record.id)) ?? record;
}
