// Login throttling (issue 13, finding 6): per client address across usernames, a growing
// per-account back-off that never locks out, argon2 work bounded per process, every failure
// audited without the password. Counters live in the database. On PGlite and PostgreSQL.
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readConfig } from '../../src/config.ts';
import { hashingLoad, resetHashingPeak, setPasswordHashCost } from '../../src/modules/auth/passwords.ts';
import { addressKey, throttleKey } from '../../src/modules/auth/throttle.ts';
import { buildApp } from '../../src/server/app.ts';
import { makeWorld, PASSWORD, USERS } from '../factories/world.ts';
import { engines } from '../helpers/engines.ts';
import { startServer, type TestServer } from '../helpers/http.ts';

// The hashing gate is measured with hashes that take real time (the suite's test cost takes 3 ms,
// so ten logins need not overlap at all): this file hashes at the standard cost.
beforeAll(() => setPasswordHashCost('standard'));

describe.each(engines)('login throttling on %s', (engine) => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startServer(engine);
    await makeWorld(server.database);
  });
  afterAll(() => server?.drop());

  const login = (username: string, password: string, address = '10.0.0.1') =>
    server.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username, password }, remoteAddress: address });
  const settle = (settings: Partial<typeof server.app.config>) => Object.assign(server.app.config, settings);
  /** Moves the back-off's clock: as if the last attempt at `username` from `address` were `seconds` ago. */
  const age = (username: string, address: string, seconds: number) =>
    server.database.db
      .updateTable('login_backoff')
      .set({ last_attempt_at: sql`now() - make_interval(secs => ${seconds})` })
      .where('username', '=', throttleKey(username, address))
      .execute();

  it('throttles one address guessing across many usernames, and only that address', async () => {
    settle({ loginAddressFailures: 5, loginAccountFailures: 10 });
    for (let i = 0; i < 5; i++) {
      const res = await login(`someone-${i}`, 'Spring2024!guess', '10.0.1.1');
      expect(res.statusCode).toBe(401);
      expect(res.json().error).toBe('unauthenticated');
    }
    const limited = await login('someone-else', 'Spring2024!guess', '10.0.1.1');
    expect(limited.statusCode).toBe(429);
    expect(limited.json()).toMatchObject({ error: 'rate_limited' });
    expect(limited.json().retryAfter).toBeGreaterThan(0);
    expect(limited.json().retryAfter).toBeLessThanOrEqual(15 * 60);
    expect(limited.headers['retry-after']).toBe(String(limited.json().retryAfter));
    // Even the right password waits at that address; another address signs in.
    expect((await login(USERS.officerIn, PASSWORD, '10.0.1.1')).statusCode).toBe(429);
    expect((await login(USERS.officerIn, PASSWORD, '10.0.1.2')).statusCode).toBe(200);
  });

  it('backs off one account with a growing Retry-After, lets the right password in after it and resets', async () => {
    settle({ loginAddressFailures: 100, loginAccountFailures: 3 });
    const user = USERS.officerNp;
    for (let i = 0; i < 3; i++) expect((await login(user, `wrong guess ${i}`, '10.0.2.9')).statusCode).toBe(401);
    const first = await login(user, 'wrong guess 3', '10.0.2.9');
    expect(first.statusCode).toBe(429);
    expect(first.json().retryAfter).toBeLessThanOrEqual(2);
    // The right password waits too while the back-off runs: no free oracle.
    expect((await login(user, PASSWORD, '10.0.2.9')).statusCode).toBe(429);

    await age(user, '10.0.2.9', 3);
    expect((await login(user, 'wrong guess 4', '10.0.2.9')).statusCode).toBe(401);
    const second = await login(user, 'wrong guess 5', '10.0.2.9');
    expect(second.statusCode).toBe(429);
    expect(second.json().retryAfter).toBeGreaterThan(first.json().retryAfter);
    expect(second.json().retryAfter).toBeLessThanOrEqual(4);

    await age(user, '10.0.2.9', 5);
    expect((await login(user, 'wrong guess 6', '10.0.2.9')).statusCode).toBe(401);
    expect((await login(user, 'wrong guess 7', '10.0.2.9')).json().retryAfter).toBeGreaterThan(4);

    // Never a lockout: once the wait is over the right password signs in, and the count starts afresh.
    await age(user, '10.0.2.9', 15 * 60);
    expect((await login(user, PASSWORD, '10.0.2.9')).statusCode).toBe(200);
    expect((await login(user, 'wrong again', '10.0.2.9')).statusCode).toBe(401);
    expect((await login(user, PASSWORD, '10.0.2.9')).statusCode).toBe(200);
  });

  it('answers an unknown username exactly as a known one with a wrong password, back-off included', async () => {
    settle({ loginAddressFailures: 100, loginAccountFailures: 2 });
    const answers = async (username: string) => {
      const out: unknown[] = [];
      for (let i = 0; i < 3; i++) {
        const res = await login(username, `guess number ${i}`, '10.0.3.1');
        const body = res.json();
        // The wait left counts down while the test runs (slower on a busy machine): its number is no tell.
        out.push([res.statusCode, body.error, body.message?.replace(/\d+ s\b/, 'N s'), typeof body.retryAfter]);
      }
      return out;
    };
    const known = await answers(USERS.partnerNp);
    expect(known.map((a) => (a as unknown[])[0])).toEqual([401, 401, 429]);
    expect(await answers('no-such-user')).toEqual(known);
  });

  it('audits every failed login with the username and address tried, never the password', async () => {
    settle({ loginAddressFailures: 100, loginAccountFailures: 10 });
    const secret = 'Tr0ub4dor&3-secret-guess';
    expect((await login(USERS.analyst, secret, '10.0.4.1')).statusCode).toBe(401);
    expect((await login('ghost-user', secret, '10.0.4.2')).statusCode).toBe(401);
    const rows = await server.database.db
      .selectFrom('audit_log')
      .select(['action', 'actor_user_id', 'detail'])
      .where('action', '=', 'login_failed')
      .orderBy('seq')
      .execute();
    const details = rows.map((r) => (typeof r.detail === 'string' ? JSON.parse(r.detail) : r.detail));
    expect(details).toEqual(
      expect.arrayContaining([
        { username: USERS.analyst, address: '10.0.4.1', reason: 'wrong_password' },
        { username: 'ghost-user', address: '10.0.4.2', reason: 'unknown_user' },
      ]),
    );
    expect(rows.every((r) => r.actor_user_id === null)).toBe(true);
    const everything = JSON.stringify(await server.database.db.selectFrom('audit_log').selectAll().execute());
    expect(everything).not.toContain(secret);
  });

  it('never runs more than two password verifications at once, however many logins arrive', async () => {
    settle({ loginAddressFailures: 100, loginAccountFailures: 10 });
    resetHashingPeak();
    const results = await Promise.all(
      Array.from({ length: 10 }, (_, i) => login(i % 2 ? USERS.officerTr : `parallel-${i}`, i % 2 ? PASSWORD : 'not the password', `10.0.5.${i}`)),
    );
    expect(results.map((r) => r.statusCode).sort()).toEqual([200, 200, 200, 200, 200, 401, 401, 401, 401, 401]);
    expect(hashingLoad().peak).toBe(2);
    expect(hashingLoad().running).toBe(0);
  });

  it('counts the client behind a trusted proxy (CORDON_TRUST_PROXY), and ignores X-Forwarded-For from anyone else', async () => {
    settle({ loginAddressFailures: 2, loginAccountFailures: 10 });
    const spoof = (i: number) =>
      server.app.inject({
        method: 'POST',
        url: '/api/auth/login',
        payload: { username: `spoofer-${i}`, password: 'a wrong password' },
        remoteAddress: '10.0.7.1',
        headers: { 'x-forwarded-for': `198.51.100.${i}` },
      });
    expect([(await spoof(1)).statusCode, (await spoof(2)).statusCode, (await spoof(3)).statusCode]).toEqual([401, 401, 429]);

    const proxied = await buildApp({ database: server.database, config: { ...readConfig({ CORDON_TRUST_PROXY: '10.0.7.9' }), loginAddressFailures: 2 } });
    try {
      const behind = (client: string, password = 'a wrong password') =>
        proxied.inject({
          method: 'POST',
          url: '/api/auth/login',
          payload: { username: USERS.officerIn, password },
          remoteAddress: '10.0.7.9',
          headers: { 'x-forwarded-for': client },
        });
      expect([(await behind('203.0.113.5')).statusCode, (await behind('203.0.113.5')).statusCode, (await behind('203.0.113.5')).statusCode]).toEqual([
        401, 401, 429,
      ]);
      expect((await behind('203.0.113.6', PASSWORD)).statusCode).toBe(200);
    } finally {
      await proxied.close();
    }
  });

  it('no longer keeps the limit per process: the counters are rows shared by every process', async () => {
    settle({ loginAddressFailures: 100, loginAccountFailures: 10 });
    await login('shared-counter', 'one wrong guess', '10.0.6.1');
    const row = await server.database.db.selectFrom('login_backoff').selectAll().where('username', '=', throttleKey('shared-counter', '10.0.6.1')).executeTakeFirst();
    expect(row?.failures).toBe(1);
    const failures = await server.database.db.selectFrom('login_failures').select('address').where('address', '=', '10.0.6.1').execute();
    expect(failures).toHaveLength(1);
  });
  it("keeps the back-off to the guessing network: a stranger failing at an account does not keep its user out", async () => {
    settle({ loginAddressFailures: 100, loginAccountFailures: 2 });
    for (let i = 0; i < 2; i++) expect((await login(USERS.officerTr, `stranger ${i}`, '10.0.8.1')).statusCode).toBe(401);
    expect((await login(USERS.officerTr, 'stranger 2', '10.0.8.1')).statusCode).toBe(429);
    expect((await login(USERS.officerTr, PASSWORD, '10.0.8.2')).statusCode).toBe(200);
  });

  it('counts an IPv6 client by its /64, so new addresses from one network do not dodge the limit', async () => {
    settle({ loginAddressFailures: 3, loginAccountFailures: 10 });
    expect(addressKey('2001:db8:1:2::1')).toBe('2001:db8:1:2::/64');
    expect(addressKey('::ffff:10.1.2.3')).toBe('10.1.2.3');
    expect(addressKey('not an address')).toBe('unknown');
    const codes = [];
    for (let i = 1; i <= 4; i++) codes.push((await login(`v6-user-${i}`, 'a wrong password', `2001:db8:1:2::${i.toString(16)}`)).statusCode);
    expect(codes).toEqual([401, 401, 401, 429]);
    expect((await login('v6-user-5', 'a wrong password', '2001:db8:1:3::1')).statusCode).toBe(401);
  });

  it('answers 401, not 500, for a username that grows when lower-cased', async () => {
    settle({ loginAddressFailures: 100, loginAccountFailures: 10 });
    const res = await login('İ'.repeat(64), 'a wrong password', '10.0.9.1');
    expect(res.statusCode).toBe(401);
  });
});
