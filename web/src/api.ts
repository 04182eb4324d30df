// The API client: JSON over fetch with the session's bearer token. A 401 on a signed-in request
// means the session ended: listeners (the session provider) show the "session ended" page.
import type { AuthError, MeBody } from '../../src/modules/auth/schema.ts';

const TOKEN_KEY = 'cordon.token';

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

let token: string | null = sessionStorage.getItem(TOKEN_KEY);
const expiredListeners = new Set<() => void>();

export function currentToken(): string | null {
  return token;
}

export function setToken(value: string | null): void {
  token = value;
  if (value) sessionStorage.setItem(TOKEN_KEY, value);
  else sessionStorage.removeItem(TOKEN_KEY);
}

export function onSessionExpired(listener: () => void): () => void {
  expiredListeners.add(listener);
  return () => expiredListeners.delete(listener);
}

/**
 * Calls the API; resolves with the parsed JSON body, rejects with an ApiError.
 * @example const ops = await api<Operation[]>('/api/operations')
 */
export async function api<T>(path: string, init: { method?: string; body?: unknown; signal?: AbortSignal } = {}): Promise<T> {
  const headers: Record<string, string> = { accept: 'application/json' };
  if (token) headers.authorization = `Bearer ${token}`;
  if (init.body !== undefined) headers['content-type'] = 'application/json';
  const response = await fetch(path, {
    method: init.method ?? 'GET',
    headers,
    ...(init.body !== undefined ? { body: JSON.stringify(init.body) } : {}),
    ...(init.signal ? { signal: init.signal } : {}),
  });
  if (response.status === 204) return undefined as T;
  const body = (await response.json().catch(() => ({}))) as Record<string, unknown>;
  if (!response.ok) {
    if (response.status === 401 && token) {
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
