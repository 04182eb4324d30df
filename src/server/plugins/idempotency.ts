// The Idempotency-Key header on every POST: the same key from the same user within 24 hours (30
// days for the field records a device's outbox sends: route config idempotencyKeepHours) gets
// the first answer back (same status, same body, and the header Idempotent-Replayed: true) and
// writes nothing again, also when the two requests race on two processes sharing the database.
// A request first takes its key (a pending row); the transaction of its change marks the key
// written (access/audit.ts → idempotency/context.ts); its answer is stored before it is sent. A
// retry that finds the key pending waits for the first answer, or takes the key over once the
// holder has stopped renewing it (a pending key proves that nothing was written). A failure that
// wrote nothing frees the key, so a corrected request may use it again.
// Routes marked `idempotency: false` ignore the header: signing in, and answers that hold secrets.
import { createHash, randomUUID } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import type { RouteHandlerMethod } from 'fastify';
import type { Actor } from '../../access/actor.ts';
import { Invalid } from '../../errors.ts';
import { runHolding } from '../../modules/idempotency/context.ts';
import { AnswerLost, KeyInProgress, KeyReused } from '../../modules/idempotency/errors.ts';
import * as repo from '../../modules/idempotency/repo.ts';
import type { App } from '../types.ts';

/** How long a retry waits for the first request's answer before it is told to come back. */
export const WAIT_MS = 15_000;
const KEY = /^[\x21-\x7e]{1,255}$/;

interface Holding {
  held: repo.Held;
  renewal: NodeJS.Timeout;
  finished: boolean;
}

declare module 'fastify' {
  interface FastifyRequest {
    /** The Idempotency-Key this request holds while it runs. */
    idempotency: Holding | null;
  }
  interface FastifyContextConfig {
    /** false: the route ignores Idempotency-Key (its answer holds a secret, or it writes no record). */
    idempotency?: false;
    /** How long the route's keys are remembered, when not the day of KEEP_HOURS (field records: 30 days). */
    idempotencyKeepHours?: number;
  }
}

function isStream(body: unknown): boolean {
  return typeof body === 'object' && body !== null && typeof (body as { pipe?: unknown }).pipe === 'function';
}

/** What a retry must repeat exactly: the method, the URL with its query and the body. */
export function fingerprint(method: string, url: string, body: unknown, headers: Record<string, unknown>): string {
  const hash = createHash('sha256').update(`${method} ${url}\n`);
  // A streamed upload is not read here: its type and length stand for it.
  if (isStream(body)) hash.update(`stream ${String(headers['content-type'] ?? '')} ${String(headers['content-length'] ?? '')}`);
  else if (Buffer.isBuffer(body)) hash.update(body);
  else if (body !== undefined && body !== null) hash.update(JSON.stringify(body));
  return hash.digest('hex');
}

/** How often a running server forgets keys older than a day. */
const PURGE_EVERY_MS = 60 * 60_000;

export function registerIdempotency(app: App): void {
  const db = app.database.db;
  app.decorateRequest('idempotency', null);

  // Keys older than a day are forgotten when the server starts and every hour while it runs.
  const purge = () =>
    repo.purgeExpired(db).catch((error: unknown) => app.log.warn(`could not forget expired idempotency keys: ${(error as Error).message}`));
  let purging: NodeJS.Timeout | undefined;
  app.addHook('onReady', async () => {
    await purge();
    purging = setInterval(() => void purge(), PURGE_EVERY_MS);
    purging.unref();
  });
  app.addHook('onClose', async () => clearInterval(purging));

  // Each POST route's handler runs as the holder of its request's key, so that the transaction of
  // its change can mark the key written in the same commit.
  app.addHook('onRoute', (route) => {
    const methods = [route.method].flat();
    if (!methods.includes('POST') || route.config?.idempotency === false) return;
    const handler = route.handler;
    route.handler = function (this: unknown, request, reply) {
      const holding = request.idempotency;
      return holding ? runHolding(holding.held, () => handler.call(this as never, request, reply)) : handler.call(this as never, request, reply);
    } as RouteHandlerMethod;
  });

  const hold = (request: { idempotency: Holding | null; log: { warn: (o: object, m: string) => void } }, held: repo.Held) => {
    const renewal = setInterval(() => {
      repo.renew(db, held).catch((error: unknown) => request.log.warn({ error: String(error) }, 'could not renew an idempotency key'));
    }, (repo.LEASE_SECONDS * 1000) / 3);
    renewal.unref();
    request.idempotency = { held, renewal, finished: false };
  };

  app.addHook('preHandler', async (request, reply) => {
    if (request.method !== 'POST' || request.routeOptions.config?.idempotency === false) return;
    const key = request.headers['idempotency-key'];
    if (key === undefined) return;
    if (typeof key !== 'string' || !KEY.test(key)) {
      throw new Invalid('Idempotency-Key: 1 to 255 printable characters without spaces (a random UUID is best), one header', 'Idempotency-Key');
    }
    const actor = request.actor as Actor | null;
    const held: repo.Held = { scope: actor?.userId ?? 'public', key, token: randomUUID() };
    const print = fingerprint(request.method, request.url, request.body, request.headers);
    const deadline = Date.now() + WAIT_MS;
    for (let pause = 20; ; pause = Math.min(pause * 2, 250)) {
      if (await repo.take(db, held, print, request.routeOptions.config?.idempotencyKeepHours)) return hold(request, held);
      const row = await repo.find(db, held.scope, key);
      if (row) {
        if (row.fingerprint !== print) throw new KeyReused();
        if (row.state === 'done') {
          reply.header('idempotent-replayed', 'true');
          if (row.content_type) reply.header('content-type', row.content_type);
          return reply.status(row.status ?? 200).send(row.body ?? undefined);
        }
        if (row.state === 'written' && row.lapsed) throw new AnswerLost(row.entity, row.entity_id);
        if (row.state === 'pending' && row.lapsed && (await repo.takeOver(db, held, row.token))) return hold(request, held);
      }
      if (Date.now() > deadline) throw new KeyInProgress();
      await sleep(pause);
    }
  });

  app.addHook('onError', async (_request, reply, error) => {
    if (error instanceof KeyInProgress) reply.header('retry-after', String(error.retryAfter));
  });

  // The answer is stored before it leaves: a retry that arrives after it gets the same one.
  app.addHook('onSend', async (request, reply, payload) => {
    const holding = request.idempotency;
    if (!holding || holding.finished) return payload;
    holding.finished = true;
    clearInterval(holding.renewal);
    const body = typeof payload === 'string' ? payload : Buffer.isBuffer(payload) ? payload.toString('utf8') : null;
    const contentType = reply.getHeader('content-type');
    try {
      await repo.finish(db, holding.held, { status: reply.statusCode, contentType: typeof contentType === 'string' ? contentType : null, body });
    } catch (error) {
      // The change (if any) is committed: the client still gets its answer; a retry is told it was stored.
      request.log.error({ error: String(error) }, 'could not store the answer of an idempotency key');
    }
    return payload;
  });

  app.addHook('onResponse', async (request) => {
    const holding = request.idempotency;
    if (holding && !holding.finished) clearInterval(holding.renewal);
  });
}
