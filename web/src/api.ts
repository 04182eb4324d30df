// The API client: JSON over fetch with the session's bearer token. A 401 on a signed-in request
// means the session ended: listeners (the session provider) show the "session ended" page.
// The token is kept on the device until the session's end (its expiresAt), so that a field team's
// app opens signed in at a border post with no network, after the tab, the browser or the phone
// was closed; signing out removes it.
import type { AuthError, MeBody } from '../../src/modules/auth/schema.ts';
import { noteServerDate } from './device/clock.ts';

const SESSION_KEY = 'cordon.session';

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly id: string,
    message: string,
    readonly field?: string,
    /** Why a password was refused (`too_short`, `common`, `contains_username`), and how long to wait after a 429, in seconds. */
    readonly detail: Pick<AuthError, 'reason' | 'retryAfter'> = {},
  ) {
    super(message);
  }
}

/** The stored session's token while it lasts; an ended one is removed. */
function storedToken(): string | null {
  try {
    const stored = JSON.parse(localStorage.getItem(SESSION_KEY) ?? 'null') as { token?: unknown; expiresAt?: unknown } | null;
    if (stored && typeof stored.token === 'string' && typeof stored.expiresAt === 'string' && Date.parse(stored.expiresAt) > Date.now()) return stored.token;
  } catch {
    // Unreadable: as good as none.
  }
  localStorage.removeItem(SESSION_KEY);
  return null;
}

let token: string | null = storedToken();
const expiredListeners = new Set<() => void>();
const tokenListeners = new Set<(token: string | null) => void>();

// Another tab signed in or out: this one follows, rather than keep a session that ended there.
if (typeof window !== 'undefined') {
  window.addEventListener('storage', (event) => {
    if (event.key !== SESSION_KEY && event.key !== null) return;
    const stored = storedToken();
    if (stored === token) return;
    token = stored;
    for (const listener of tokenListeners) listener(stored);
  });
}

/** Called when another tab changes the session on the device. */
export function onTokenChange(listener: (token: string | null) => void): () => void {
  tokenListeners.add(listener);
  return () => tokenListeners.delete(listener);
}

export function currentToken(): string | null {
  return token;
}

/** Keeps the session's token on the device until `expiresAt`; null removes it. */
export function setToken(value: string | null, expiresAt?: string): void {
  token = value;
  if (value) localStorage.setItem(SESSION_KEY, JSON.stringify({ token: value, expiresAt: expiresAt ?? new Date(Date.now() + 3600_000).toISOString() }));
  else localStorage.removeItem(SESSION_KEY);
}

export function onSessionExpired(listener: () => void): () => void {
  expiredListeners.add(listener);
  return () => expiredListeners.delete(listener);
}

/** How long a create waits before it is sent again, after each failure that may not have reached the server. */
export const RETRY_DELAYS_MS = [500, 2000, 5000];

export interface ApiInit {
  method?: string;
  body?: unknown;
  signal?: AbortSignal;
  /**
   * The create's Idempotency-Key; a new one per call when not given. Every POST sends one and is
   * sent again with the same key after a network failure or a gateway's 502/503/504, so a retry
   * of a create the server did store gets its first answer and writes nothing twice.
   */
  idempotencyKey?: string;
}

/** A random version 4 UUID (crypto.randomUUID is missing on plain-http pages other than localhost). */
export function newIdempotencyKey(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  bytes[6] = ((bytes[6] ?? 0) & 0x0f) | 0x40;
  bytes[8] = ((bytes[8] ?? 0) & 0x3f) | 0x80;
  const hex = Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

const RETRIED_STATUSES = new Set([502, 503, 504]);

async function inProgressAnswer(response: Response): Promise<boolean> {
  const body = (await response
    .clone()
    .json()
    .catch(() => ({}))) as { error?: unknown };
  return body.error === 'idempotency_in_progress';
}

function wait(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(signal.reason);
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', abort);
      resolve();
    }, ms);
    const abort = () => {
      clearTimeout(timer);
      reject(signal?.reason);
    };
    signal?.addEventListener('abort', abort, { once: true });
  });
}

/**
 * Calls the API; resolves with the parsed JSON body, rejects with an ApiError.
 * @example const ops = await api<Operation[]>('/api/operations')
 */
export async function api<T>(path: string, init: ApiInit = {}): Promise<T> {
  const method = init.method ?? 'GET';
  const headers: Record<string, string> = { accept: 'application/json' };
  const sentWith = token;
  if (sentWith) headers.authorization = `Bearer ${sentWith}`;
  if (init.body !== undefined) headers['content-type'] = 'application/json';
  const retried = method === 'POST';
  if (retried) headers['idempotency-key'] = init.idempotencyKey ?? newIdempotencyKey();
  const request = () =>
    fetch(path, {
      method,
      headers,
      ...(init.body !== undefined ? { body: JSON.stringify(init.body) } : {}),
      ...(init.signal ? { signal: init.signal } : {}),
    });
  let response: Response | undefined;
  for (let attempt = 0; ; attempt++) {
    const last = !retried || attempt >= RETRY_DELAYS_MS.length;
    try {
      response = await request();
      noteServerDate(response.headers.get('date'));
    } catch (error) {
      // A failure to reach the server (or an abort, which is not retried) is the fetch's own error.
      if (last || init.signal?.aborted) throw error;
      await wait(RETRY_DELAYS_MS[attempt] ?? 0, init.signal);
      continue;
    }
    // The first request with this key is still running on the server: its answer comes shortly.
    const inProgress = response.status === 409 && (await inProgressAnswer(response));
    if (last || !(RETRIED_STATUSES.has(response.status) || inProgress)) break;
    await wait(RETRY_DELAYS_MS[attempt] ?? 0, init.signal);
  }
  if (response.status === 204) return undefined as T;
  const body = (await response.json().catch(() => ({}))) as Record<string, unknown>;
  if (!response.ok) {
    // Only the session this request carried has ended: not one signed in since (in another tab).
    if (response.status === 401 && sentWith && sentWith === token) {
      setToken(null);
      for (const listener of expiredListeners) listener();
    }
    const detail = {
      ...(typeof body.reason === 'string' ? { reason: body.reason as AuthError['reason'] } : {}),
      ...(typeof body.retryAfter === 'number' ? { retryAfter: body.retryAfter } : {}),
    };
    throw new ApiError(response.status, String(body.error ?? 'error'), String(body.message ?? response.statusText), body.field as string | undefined, detail);
  }
  return body as T;
}

/**
 * Saves the file at `path` (a job's result, say) as the browser's download, with the name the
 * server gives it. The bearer token goes in the header, which a plain link could not carry.
 * @example await download(job.resultUrl)
 */
export async function download(path: string): Promise<void> {
  const response = await fetch(path, { headers: token ? { authorization: `Bearer ${token}` } : {} });
  if (!response.ok) {
    const body = (await response.json().catch(() => ({}))) as Record<string, unknown>;
    throw new ApiError(response.status, String(body.error ?? 'error'), String(body.message ?? response.statusText));
  }
  const name = /filename="([^"]+)"/.exec(response.headers.get('content-disposition') ?? '')?.[1] ?? 'download';
  const url = URL.createObjectURL(await response.blob());
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

/** Who is signed in, with the state of their second factor (GET /api/auth/me). */
export type Me = MeBody;

export interface Operation {
  id: string;
  name: string;
  description: string;
  coordinatorBureauId: string;
  phases: { name: string; startsOn: string; endsOn: string }[];
  bureaus: { id: string; country: string; name: string; kind: string }[];
  /** What the caller may do in it: the server's rules, so screens offer only what will be accepted. */
  can: { manage: boolean; logEntries: boolean; openCases: boolean; recordCampaigns: boolean; sendRequests: boolean };
}

export interface Figures {
  inspections: number;
  personsChecked: number;
  arrests: number;
  rescues: number;
  investigations: number;
  interceptions: number;
  smugglersApprehended: number;
  migrantsIntercepted: number;
}

export interface Results {
  operationId: string;
  totals: Figures & { hotspots: number; countries: number };
  byCountry: (Figures & { country: string; hotspots: number })[];
  byOffence: { offence: string; count: number }[];
  byDay: (Figures & { day: string })[];
}

export interface Hotspot {
  id: string;
  name: string;
  country: string;
  kind: string;
  latitude: number;
  longitude: number;
}

export interface Page<T> {
  items: T[];
  next: string | null;
}
