// A 500 logs the error's message, code and stack, never what a database error carries beside them
// (the failing row with a password hash, the statement's parameters).
import { Writable } from 'node:stream';
import Fastify from 'fastify';
import pg from 'pg';
import { describe, expect, it } from 'vitest';
import type { App } from '../types.ts';
import { loggableError, registerErrorHandler } from './errors.ts';

const HASH = '$argon2id$v=19$m=65536,t=3,p=4$c2FsdHNhbHQ$aGFzaGhhc2hoYXNo';

/** An error shaped as node-postgres raises it for a NOT NULL violation on the users table. */
function notNullViolation(): Error {
  const error = new pg.DatabaseError('null value in column "bureau_id" of relation "users" violates not-null constraint', 200, 'error');
  Object.assign(error, {
    code: '23502',
    detail: `Failing row contains (7d1c…, field-tr, null, ${HASH}, {field}).`,
    where: `SQL statement "insert into users values ('field-tr', '${HASH}')"`,
    schema: 'public',
    table: 'users',
    column: 'bureau_id',
  });
  return Object.assign(error, { parameters: ['field-tr', HASH], query: 'insert into "users" …' });
}

describe('the 500 handler', () => {
  it('logs message, code and stack only', async () => {
    const lines: string[] = [];
    const sink = new Writable({
      write(chunk, _encoding, done) {
        lines.push(String(chunk));
        done();
      },
    });
    const app = Fastify({ logger: { level: 'info', stream: sink } }) as unknown as App;
    registerErrorHandler(app);
    app.get('/boom', async () => {
      throw notNullViolation();
    });
    const res = await app.inject({ url: '/boom' });
    await app.close();

    expect(res.statusCode).toBe(500);
    expect(res.json()).toEqual({ error: 'internal', message: 'something went wrong; it has been logged' });
    expect(res.body).not.toContain('users');
    const failure = lines.map((line) => JSON.parse(line)).find((entry) => entry.msg === 'request failed');
    expect(failure?.error).toMatchObject({ message: expect.stringContaining('violates not-null constraint'), code: '23502' });
    expect(failure?.error.stack).toMatch(/^error: null value/);
    const everything = lines.join('\n');
    expect(everything).not.toContain('argon2');
    expect(everything).not.toContain('Failing row');
    expect(everything).not.toContain('SQL statement');
    expect(everything).not.toContain('parameters');
  });

  it('keeps only name, message, code and stack of any error', () => {
    const safe = loggableError(notNullViolation());
    expect(Object.keys(safe).sort()).toEqual(['code', 'message', 'name', 'stack']);
    expect(JSON.stringify(safe)).not.toContain('argon2');
    expect(loggableError('a string')).toEqual({ name: 'string', message: 'a value that is not an Error was thrown' });
  });
});

describe('a transaction the server gave up on', () => {
  // A hot standby cancels a read that conflicts with replay (40001), a deadlock ends one of its
  // transactions (40P01): the request wrote nothing, and the same request again will very likely pass.
  it('answers 503 database_busy with Retry-After, never 500, for a serialization failure, a deadlock or a lock timeout', async () => {
    const app = Fastify({ logger: false }) as unknown as App;
    registerErrorHandler(app);
    for (const code of ['40001', '40P01', '55P03']) {
      app.get(`/busy/${code}`, async () => {
        throw Object.assign(new pg.DatabaseError('canceling statement due to conflict with recovery', 100, 'error'), { code });
      });
    }
    for (const code of ['40001', '40P01', '55P03']) {
      const res = await app.inject({ url: `/busy/${code}` });
      expect(res.statusCode, code).toBe(503);
      expect(res.headers['retry-after']).toBe('1');
      expect(res.json()).toMatchObject({ error: 'database_busy' });
      expect(res.body).not.toContain('recovery');
    }
  });
});
