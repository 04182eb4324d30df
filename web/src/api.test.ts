// The API client's retries: a create is sent again with the same Idempotency-Key after a failure
// that may not have reached the server, and only then; a read is never retried by the client.
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';

type Api = typeof import('./api.ts');
let client: Api;

interface Sent {
  method: string;
  key: string | undefined;
  body: string | undefined;
}

/** A fetch that answers from a script, one step per call (an Error step rejects), and records what was sent. */
function scriptedFetch(steps: (Error | { status: number; body?: unknown })[]) {
  const sent: Sent[] = [];
  const fetch = vi.fn(async (_path: string, init: RequestInit) => {
    const headers = init.headers as Record<string, string>;
    sent.push({ method: String(init.method), key: headers['idempotency-key'], body: init.body as string | undefined });
    const step = steps[Math.min(sent.length - 1, steps.length - 1)]!;
    if (step instanceof Error) throw step;
    return new Response(step.body === undefined ? null : JSON.stringify(step.body), {
      status: step.status,
      headers: { 'content-type': 'application/json' },
    });
  });
  vi.stubGlobal('fetch', fetch);
  return sent;
}

/** Runs the call to its end under fake timers, letting every retry's pause pass. */
async function settle<T>(call: Promise<T>): Promise<{ value?: T; error?: unknown }> {
  const outcome = call.then(
    (value) => ({ value }),
    (error: unknown) => ({ error }),
  );
  let done = false;
  void outcome.then(() => {
    done = true;
  });
  for (let i = 0; i < 20 && !done; i++) await vi.advanceTimersByTimeAsync(10_000);
  return outcome;
}

beforeAll(async () => {
  const store = new Map<string, string>();
  vi.stubGlobal('localStorage', {
    getItem: (k: string) => store.get(k) ?? null,
    setItem: (k: string, v: string) => void store.set(k, v),
    removeItem: (k: string) => void store.delete(k),
  });
  client = await import('./api.ts');
});

afterEach(() => {
  vi.useRealTimers();
  vi.unstubAllGlobals();
});

describe('api: creates carry an Idempotency-Key and are retried with it', () => {
  it('sends a new random version 4 UUID with every POST, and none with a GET', async () => {
    const sent = scriptedFetch([{ status: 200, body: {} }]);
    await client.api('/api/a', { method: 'POST', body: { n: 1 } });
    await client.api('/api/a', { method: 'POST', body: { n: 1 } });
    await client.api('/api/a');
    const [first, second, read] = sent.map((s) => s.key);
    expect(first).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(second).toMatch(/^[0-9a-f-]{36}$/);
    expect(second).not.toBe(first);
    expect(read).toBeUndefined();
  });

  it('sends a create again with the same key and body after a network failure and a 503, and answers the stored record', async () => {
    vi.useFakeTimers();
    const sent = scriptedFetch([new TypeError('Failed to fetch'), { status: 503 }, { status: 201, body: { id: 'i-1' } }]);
    const { value, error } = await settle(client.api<{ id: string }>('/api/ops/1/inspections', { method: 'POST', body: { hotspot: 'h' } }));
    expect(error).toBeUndefined();
    expect(value).toEqual({ id: 'i-1' });
    expect(sent).toHaveLength(3);
    expect(new Set(sent.map((s) => s.key)).size).toBe(1);
    expect(new Set(sent.map((s) => s.body))).toEqual(new Set([JSON.stringify({ hotspot: 'h' })]));
  });

  it('waits while the first request with the key is still running (409 idempotency_in_progress), then gets its answer', async () => {
    vi.useFakeTimers();
    const sent = scriptedFetch([{ status: 409, body: { error: 'idempotency_in_progress', retryAfter: 1 } }, { status: 201, body: { id: 'i-2' } }]);
    const { value } = await settle(client.api('/api/x', { method: 'POST', body: {}, idempotencyKey: 'chosen-key' }));
    expect(value).toEqual({ id: 'i-2' });
    expect(sent.map((s) => s.key)).toEqual(['chosen-key', 'chosen-key']);
  });

  it('gives up after the last pause, with the last answer as the error', async () => {
    vi.useFakeTimers();
    const sent = scriptedFetch([{ status: 502, body: { error: 'bad_gateway', message: 'Bad gateway' } }]);
    const { error } = await settle(client.api('/api/x', { method: 'POST', body: {} }));
    expect(error).toBeInstanceOf(client.ApiError);
    expect((error as InstanceType<Api['ApiError']>).status).toBe(502);
    expect(sent).toHaveLength(client.RETRY_DELAYS_MS.length + 1);
  });

  it('does not retry an answer that is the server speaking: a 400, a 409 of another kind, a 500', async () => {
    for (const step of [
      { status: 400, body: { error: 'invalid', field: 'hotspot' } },
      { status: 409, body: { error: 'already_imported', field: 'file' } },
      { status: 500, body: { error: 'internal' } },
    ]) {
      const sent = scriptedFetch([step]);
      await expect(client.api('/api/x', { method: 'POST', body: {} })).rejects.toMatchObject({ status: step.status, id: step.body.error });
      expect(sent).toHaveLength(1);
    }
  });

  it('does not retry a GET after a network failure, nor a POST its caller aborted', async () => {
    const sent = scriptedFetch([new TypeError('Failed to fetch')]);
    await expect(client.api('/api/x')).rejects.toThrow('Failed to fetch');
    expect(sent).toHaveLength(1);
    const controller = new AbortController();
    controller.abort();
    await expect(client.api('/api/x', { method: 'POST', body: {}, signal: controller.signal })).rejects.toThrow();
    expect(sent).toHaveLength(2);
  });
});
