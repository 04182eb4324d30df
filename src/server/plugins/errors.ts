// The one error handler: Cordon's own errors answer with their status and id; validation errors
// name the field; anything else is logged and answered 500 without its internals.
import type { FastifyError } from 'fastify';
import { DatabaseUnavailable } from '../../db/failover.ts';
import { CordonError } from '../../errors.ts';
import type { App } from '../types.ts';

interface AjvIssue {
  instancePath?: string;
  message?: string;
  keyword?: string;
  params?: Record<string, unknown>;
}

/** `/hotspotId` → `hotspotId`; a missing property names itself. */
export function fieldOf(issue: AjvIssue, context?: string): string {
  const path = (issue.instancePath ?? '').replace(/^\//, '').replace(/\//g, '.');
  const missing = issue.params?.missingProperty ?? issue.params?.additionalProperty;
  const field = [path, typeof missing === 'string' ? missing : ''].filter(Boolean).join('.');
  return field || context || 'body';
}

/**
 * What a 500 may put in the log: the error's type, message, code and stack, nothing else. A
 * PostgreSQL error's `detail` ("Failing row contains (…)", with a password hash or a victim's name),
 * `where`, `parameters` or a query's values never reach the log.
 * @example request.log.error({ error: loggableError(error) }, 'request failed')
 */
export function loggableError(error: unknown): { name: string; message: string; code?: string; stack?: string } {
  if (!(error instanceof Error)) return { name: typeof error, message: 'a value that is not an Error was thrown' };
  const code = (error as { code?: unknown }).code;
  return {
    name: error.name,
    message: error.message,
    ...(typeof code === 'string' ? { code } : {}),
    ...(error.stack ? { stack: error.stack } : {}),
  };
}

/**
 * PostgreSQL's answers for a transaction it gave up on, that succeed when sent again: a
 * serialization failure (also a hot standby cancelling a read that conflicts with replay), a
 * deadlock, a lock not available in time.
 */
const RETRYABLE_CODES = new Set(['40001', '40P01', '55P03']);

/**
 * Error and not-found handlers. With `webFallback`, unknown GETs outside /api answer the web
 * application's index.html (its router knows the path).
 */
export function registerErrorHandler(app: App, options: { webFallback?: boolean } = {}): void {
  app.setErrorHandler((error: FastifyError, request, reply) => {
    if (error instanceof CordonError) {
      // The database is away (a failover, a restart): clients may retry, with the same Idempotency-Key.
      if (error instanceof DatabaseUnavailable) reply.header('retry-after', String(error.retryAfter));
      return reply.status(error.status).send(error.toJSON());
    }
    if (error.validation) {
      const issue = error.validation[0] as AjvIssue | undefined;
      const field = issue ? fieldOf(issue, error.validationContext) : (error.validationContext ?? 'body');
      const problem = issue?.message ?? 'is not valid';
      const allowed = issue?.params?.allowedValues;
      const hint = Array.isArray(allowed) ? ` (one of: ${allowed.join(', ')})` : '';
      return reply.status(400).send({
        error: 'invalid',
        message: `${field}: ${problem}${hint}`,
        field,
        in: error.validationContext,
      });
    }
    const code = (error as { code?: unknown }).code;
    if (typeof code === 'string' && RETRYABLE_CODES.has(code)) {
      // The server rolled the request's transaction back; the same request again will very likely pass.
      request.log.warn({ error: loggableError(error) }, 'transaction given up by the database; answered 503');
      return reply
        .status(503)
        .header('retry-after', '1')
        .send({ error: 'database_busy', message: 'the database could not finish this request just now and wrote nothing; send it again (with the same Idempotency-Key)' });
    }
    const status = error.statusCode ?? 500;
    if (status >= 500) {
      // Under `error`, not `err`: pino's error serializer would copy every property back in.
      request.log.error({ error: loggableError(error) }, 'request failed');
      return reply.status(500).send({ error: 'internal', message: 'something went wrong; it has been logged' });
    }
    if (status === 429) {
      return reply.status(429).send({ error: 'rate_limited', message: error.message });
    }
    // Fastify's own 4xx (malformed JSON, unsupported content type, body too large) are all about the body.
    const id = status === 413 ? 'too_large' : status === 415 ? 'unsupported_media_type' : status === 404 ? 'not_found' : 'invalid';
    return reply.status(status).send({ error: id, message: error.message, field: 'body' });
  });
  app.setNotFoundHandler((request, reply) => {
    const path = request.url.split('?')[0] ?? '';
    // The web application's own paths (/cases/…, /hotspots/…) are the browser router's: answer its page.
    // Decoded and lower-cased: `/%61pi/…` and `/API/…` stay in the API's namespace (a JSON 404).
    const plain = safeDecode(path).toLowerCase();
    if (options.webFallback && request.method === 'GET' && !plain.startsWith('/api') && !plain.startsWith('/assets/')) {
      return reply.header('cache-control', 'no-cache').type('text/html; charset=utf-8').sendFile('index.html');
    }
    return reply.status(404).send({ error: 'not_found', message: `no route ${request.method} ${path}` });
  });
}

function safeDecode(path: string): string {
  try {
    return decodeURIComponent(path);
  } catch {
    return path;
  }
}
