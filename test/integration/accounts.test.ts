// Accounts (issue 13, findings 5 and 7): one password policy, the user's own password and
// sessions, idle expiry, the TOTP second factor (optional, or required by role), and admins
// disabling, enabling, resetting passwords and second factors. On PGlite and PostgreSQL.
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { totpCode } from '../../src/modules/auth/totp.ts';
import { makeWorld, PASSWORD, USERS, type World } from '../factories/world.ts';
import { type CliWorld, cliWorld, runCordon } from '../helpers/cli.ts';
import { engines } from '../helpers/engines.ts';
import { startServer, type TestServer } from '../helpers/http.ts';

const OTHER = 'a different long passphrase';
const NOBODY = '00000000-0000-4000-8000-000000000000';

describe.each(engines)('accounts on %s', (engine) => {
  let server: TestServer;
  let world: World;
  beforeAll(async () => {
    server = await startServer(engine);
    world = await makeWorld(server.database);
  });
  afterAll(() => server?.drop());

  const login = (username: string, password = PASSWORD, extra: Record<string, unknown> = {}) =>
    server.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username, password, ...extra },
      headers: { 'user-agent': 'Firefox test' },
      remoteAddress: '10.1.0.1',
    });
  const tokenOf = async (username: string, password = PASSWORD) => {
    const res = await login(username, password);
    expect(res.statusCode, res.body).toBe(200);
    return res.json().token as string;
  };
  const call = (token: string | null, method: 'GET' | 'POST' | 'DELETE', url: string, payload?: object) =>
    server.app.inject({ method, url, payload, headers: token ? { authorization: `Bearer ${token}` } : {} });
  const newUser = async (username: string, bureau: keyof World['bureaus'], roles: string[], password = PASSWORD) => {
    const res = await server.as(USERS.coordAdmin, { method: 'POST', url: '/api/users', payload: { username, bureauId: world.bureaus[bureau], roles, password } });
    expect(res.statusCode, res.body).toBe(201);
    return res.json().id as string;
  };

  it('refuses short, common and username-bearing passwords when an admin adds a user, saying why', async () => {
    const add = (username: string, password: string) =>
      server.as(USERS.coordAdmin, { method: 'POST', url: '/api/users', payload: { username, bureauId: world.bureaus.tr, roles: ['field'], password } });
    for (const [password, reason] of [
      ['a', 'too_short'],
      ['password1234', 'common'],
      ['Password1234!', 'common'],
      ['field-gr-is-my-password', 'contains_username'],
    ] as const) {
      const res = await add('field-gr', password);
      expect(res.statusCode, password).toBe(400);
      expect(res.json()).toMatchObject({ error: 'invalid', field: 'password', reason });
    }
    expect((await add('field-gr', 'orchard lantern pebble')).statusCode).toBe(201);
  });

  it('lets a user change their own password, which ends their other sessions', async () => {
    const user = await newUser('pw-changer', 'in', ['officer']);
    const here = await tokenOf('pw-changer');
    const elsewhere = await tokenOf('pw-changer');
    const change = (body: object, token: string | null = here) => call(token, 'POST', '/api/auth/password', body);

    expect((await change({ currentPassword: PASSWORD, newPassword: OTHER }, null)).statusCode).toBe(401);
    const wrong = await change({ currentPassword: 'not my password', newPassword: OTHER });
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json()).toMatchObject({ error: 'invalid', field: 'currentPassword' });
    const common = await change({ currentPassword: PASSWORD, newPassword: 'qwertyuiop123' });
    expect(common.json()).toMatchObject({ error: 'invalid', field: 'newPassword', reason: 'common' });
    const mine = await change({ currentPassword: PASSWORD, newPassword: 'PW-CHANGER 2026 spring' });
    expect(mine.json()).toMatchObject({ field: 'newPassword', reason: 'contains_username' });

    expect((await change({ currentPassword: PASSWORD, newPassword: OTHER })).statusCode).toBe(204);
    expect((await call(here, 'GET', '/api/auth/me')).statusCode).toBe(200);
    expect((await call(elsewhere, 'GET', '/api/auth/me')).statusCode).toBe(401);
    expect((await login('pw-changer')).statusCode).toBe(401);
    expect((await login('pw-changer', OTHER)).statusCode).toBe(200);
    const audit = await server.database.db.selectFrom('audit_log').select('action').where('entity_id', '=', user).execute();
    expect(audit.map((a) => a.action)).toContain('change_password');
  });

  it('lists the user’s own sessions and ends one; another user’s session answers 404', async () => {
    await newUser('two-devices', 'tr', ['officer']);
    const first = await tokenOf('two-devices');
    const second = await tokenOf('two-devices');
    const strangerToken = await server.token(USERS.officerIn);
    const strangerSessions = (await call(strangerToken, 'GET', '/api/auth/sessions')).json();

    expect((await call(null, 'GET', '/api/auth/sessions')).statusCode).toBe(401);
    const listed = await call(first, 'GET', '/api/auth/sessions');
    expect(listed.statusCode).toBe(200);
    const sessions = listed.json() as { id: string; current: boolean; userAgent: string | null; address: string | null }[];
    expect(sessions).toHaveLength(2);
    expect(sessions.filter((s) => s.current)).toHaveLength(1);
    expect(sessions[0]).toMatchObject({ userAgent: 'Firefox test', address: '10.1.0.1' });
    expect(sessions[0]).toHaveProperty('lastSeenAt');
    expect(sessions[0]).toHaveProperty('expiresAt');
    expect(sessions[0]).toHaveProperty('createdAt');
    expect(JSON.stringify(sessions)).not.toContain('token');

    expect((await call(first, 'DELETE', `/api/auth/sessions/${strangerSessions[0].id}`)).statusCode).toBe(404);
    expect((await call(strangerToken, 'GET', '/api/auth/me')).statusCode).toBe(200);
    expect((await call(first, 'DELETE', `/api/auth/sessions/${NOBODY}`)).statusCode).toBe(404);
    expect((await call(first, 'DELETE', '/api/auth/sessions/not-a-uuid')).json()).toMatchObject({ error: 'invalid', field: 'id' });
    expect((await call(null, 'DELETE', `/api/auth/sessions/${NOBODY}`)).statusCode).toBe(401);

    const other = sessions.find((s) => !s.current)!;
    expect((await call(first, 'DELETE', `/api/auth/sessions/${other.id}`)).statusCode).toBe(204);
    expect((await call(second, 'GET', '/api/auth/me')).statusCode).toBe(401);
    expect((await call(first, 'GET', '/api/auth/sessions')).json()).toHaveLength(1);
  });

  it('ends a session left unused for CORDON_SESSION_IDLE_MINUTES, and records use without a write on every call', async () => {
    await newUser('idle-user', 'tr', ['field']);
    const idle = await tokenOf('idle-user');
    const busy = await tokenOf('idle-user');
    const sessions = (await call(busy, 'GET', '/api/auth/sessions')).json() as { id: string; current: boolean }[];
    const idleId = sessions.find((s) => !s.current)!.id;
    const busyId = sessions.find((s) => s.current)!.id;
    const setBack = (id: string, minutes: number) =>
      server.database.db.updateTable('sessions').set({ last_seen_at: sql`now() - make_interval(mins => ${minutes})` }).where('id', '=', id).execute();
    const seen = async (id: string) =>
      (await server.database.db.selectFrom('sessions').select('last_seen_at').where('id', '=', id).executeTakeFirstOrThrow()).last_seen_at.getTime();

    await setBack(idleId, 61);
    const expired = await call(idle, 'GET', '/api/auth/me');
    expect(expired.statusCode).toBe(401);
    expect(expired.json().message).toMatch(/expired/);

    await setBack(busyId, 30);
    const before = await seen(busyId);
    expect((await call(busy, 'GET', '/api/auth/me')).statusCode).toBe(200);
    const touched = await seen(busyId);
    expect(touched).toBeGreaterThan(before + 29 * 60_000);
    expect((await call(busy, 'GET', '/api/auth/me')).statusCode).toBe(200);
    expect(await seen(busyId)).toBe(touched); // within the minute: no write
  });

  it('lets admins disable, enable, reset the password and the second factor of their users only', async () => {
    const target = await newUser('managed-tr', 'tr', ['officer']);
    await newUser('admin-in', 'in', ['admin']);
    const targetToken = await tokenOf('managed-tr');
    const post = (who: string | null, path: string, payload?: object) =>
      who ? server.as(who, { method: 'POST', url: `/api/users/${target}/${path}`, payload }) : call(null, 'POST', `/api/users/${target}/${path}`, payload);

    for (const path of ['disable', 'enable', 'password', 'totp/reset']) {
      const payload = path === 'password' ? { newPassword: OTHER } : undefined;
      expect((await post(null, path, payload)).statusCode, `no token ${path}`).toBe(401);
      expect((await post(USERS.officerTr, path, payload)).statusCode, `wrong role ${path}`).toBe(403);
      expect((await post('admin-in', path, payload)).statusCode, `wrong bureau ${path}`).toBe(404);
    }
    expect((await server.as(USERS.coordAdmin, { method: 'POST', url: `/api/users/${NOBODY}/disable` })).statusCode).toBe(404);
    // An admin's own password and second factor change only through their own calls, which ask for the password.
    const self = (await server.as(USERS.coordAdmin, { url: '/api/auth/me' })).json().userId as string;
    const ownPassword = await server.as(USERS.coordAdmin, { method: 'POST', url: `/api/users/${self}/password`, payload: { newPassword: OTHER } });
    expect(ownPassword.statusCode).toBe(403);
    expect(ownPassword.json().message).toMatch(/POST \/api\/auth\/password/);
    expect((await server.as(USERS.coordAdmin, { method: 'POST', url: `/api/users/${self}/totp/reset` })).statusCode).toBe(403);
    expect((await call(targetToken, 'GET', '/api/auth/me')).statusCode).toBe(200);

    expect((await post(USERS.coordAdmin, 'disable')).statusCode).toBe(204);
    expect((await call(targetToken, 'GET', '/api/auth/me')).statusCode).toBe(401);
    expect((await login('managed-tr')).statusCode).toBe(401);
    expect((await post(USERS.coordAdmin, 'enable')).statusCode).toBe(204);
    const again = await tokenOf('managed-tr');

    const weak = await post(USERS.coordAdmin, 'password', { newPassword: 'password1234' });
    expect(weak.json()).toMatchObject({ error: 'invalid', field: 'newPassword', reason: 'common' });
    expect((await post(USERS.coordAdmin, 'password', { newPassword: OTHER })).statusCode).toBe(204);
    expect((await call(again, 'GET', '/api/auth/me')).statusCode).toBe(401);
    expect((await login('managed-tr', OTHER)).statusCode).toBe(200);
    expect((await post(USERS.coordAdmin, 'totp/reset')).statusCode).toBe(204);

    const users = (await server.as(USERS.coordAdmin, { url: '/api/users' })).json() as { id: string; totpEnabled: boolean; lastLoginAt: string | null }[];
    const row = users.find((u) => u.id === target)!;
    expect(row.totpEnabled).toBe(false);
    expect(Date.parse(row.lastLoginAt!)).toBeGreaterThan(Date.now() - 600_000);
    const audit = await server.database.db.selectFrom('audit_log').select('action').where('entity_id', '=', target).orderBy('seq').execute();
    expect(audit.map((a) => a.action)).toEqual(expect.arrayContaining(['disable', 'enable', 'reset_password', 'totp_reset']));
  });

  it('signs in with a TOTP code once enabled, accepts each code once, and turns it off with the password', async () => {
    await newUser('totp-user', 'np', ['officer']);
    const token = await tokenOf('totp-user');
    expect((await call(null, 'POST', '/api/auth/totp/setup')).statusCode).toBe(401);
    const setup = await call(token, 'POST', '/api/auth/totp/setup');
    expect(setup.statusCode).toBe(200);
    const { secret, uri } = setup.json() as { secret: string; uri: string };
    expect(uri).toMatch(/^otpauth:\/\/totp\/Cordon:totp-user\?/);
    expect((await login('totp-user')).statusCode).toBe(200); // not enabled until a code confirms it

    const wrongCode = totpCode(secret, Date.now() - 10 * 60_000);
    expect((await call(token, 'POST', '/api/auth/totp/enable', { code: wrongCode })).json()).toMatchObject({ error: 'invalid', field: 'code' });
    expect((await call(token, 'POST', '/api/auth/totp/enable', { code: totpCode(secret) })).statusCode).toBe(204);
    expect((await call(token, 'GET', '/api/auth/me')).json()).toMatchObject({ totpEnabled: true, totpRequired: false, totpSetupRequired: false });
    // A session alone cannot swap the factor: setting up again waits until it is turned off with the password.
    expect((await call(token, 'POST', '/api/auth/totp/setup')).statusCode).toBe(409);

    const noCode = await login('totp-user');
    expect(noCode.statusCode).toBe(401);
    expect(noCode.json().error).toBe('totp_required');
    expect((await login('totp-user', 'wrong password!!', { totp: totpCode(secret) })).json().error).toBe('unauthenticated');
    expect((await login('totp-user', PASSWORD, { totp: wrongCode })).json().error).toBe('totp_required');
    const next = totpCode(secret, Date.now() + 30_000); // the enabling code's step is used up
    expect((await login('totp-user', PASSWORD, { totp: next })).statusCode).toBe(200);
    expect((await login('totp-user', PASSWORD, { totp: next })).json().error).toBe('totp_required'); // replayed

    expect((await call(token, 'POST', '/api/auth/totp/disable', { password: 'not my password' })).json()).toMatchObject({ field: 'password' });
    expect((await call(token, 'POST', '/api/auth/totp/disable', { password: PASSWORD })).statusCode).toBe(204);
    expect((await login('totp-user')).statusCode).toBe(200);
  });

  it('holds a user whose role requires TOTP to enrolment until they set it up, and keeps it on', async () => {
    Object.assign(server.app.config, { totpRequiredRoles: ['analyst'] });
    try {
      const signIn = await login(USERS.analyst);
      expect(signIn.statusCode).toBe(200);
      expect(signIn.json().totpSetupRequired).toBe(true);
      const token = signIn.json().token as string;
      const blocked = await call(token, 'GET', `/api/operations/${world.operationId}`);
      expect(blocked.statusCode).toBe(403);
      expect(blocked.json().error).toBe('totp_setup_required');
      expect((await call(token, 'GET', '/api/auth/sessions')).json().error).toBe('totp_setup_required');
      expect((await call(token, 'GET', '/api/auth/me')).json()).toMatchObject({ totpEnabled: false, totpRequired: true, totpSetupRequired: true });

      const { secret } = (await call(token, 'POST', '/api/auth/totp/setup')).json();
      expect((await call(token, 'POST', '/api/auth/totp/enable', { code: totpCode(secret) })).statusCode).toBe(204);
      expect((await call(token, 'GET', `/api/operations/${world.operationId}`)).statusCode).toBe(200);
      const off = await call(token, 'POST', '/api/auth/totp/disable', { password: PASSWORD });
      expect(off.statusCode).toBe(403);
      expect((await call(token, 'GET', '/api/auth/me')).json().totpEnabled).toBe(true);
      // Other roles are not held.
      expect((await login(USERS.officerTr)).json().totpSetupRequired).toBeUndefined();
    } finally {
      Object.assign(server.app.config, { totpRequiredRoles: [] });
    }
  });
});

describe.each(engines)('cordon users on %s', (engine) => {
  let cli: CliWorld;
  beforeAll(async () => {
    cli = await cliWorld(engine, 'cordon-accounts-');
  });
  afterAll(() => cli?.drop());
  const cordon = (password: string, ...args: string[]) =>
    runCordon({ ...cli.env, CORDON_NEW_PASSWORD: password, CORDON_DEMO_PASSWORD: password }, args);

  it('applies the password policy and checks usernames, in one line that carries no secret', async () => {
    const short = await cordon('a', 'users', 'add', 'officer-gr', '--bureau', 'NCB Kathmandu', '--roles', 'officer');
    expect(short.code).toBe(1);
    expect(short.stderr).toMatch(/at least 12 characters/);
    const common = await cordon('password1234', 'users', 'add', 'officer-gr', '--bureau', 'NCB Kathmandu', '--roles', 'officer');
    expect(common.code).toBe(1);
    expect(common.stderr).toMatch(/common or breached/);
    const badName = await cordon('orchard lantern pebble', 'users', 'add', 'Officer GR!', '--bureau', 'NCB Kathmandu', '--roles', 'officer');
    expect(badName.code).toBe(1);
    expect(badName.stderr).toMatch(/^cordon: a username is/);
    expect(badName.stderr.trim().split('\n')).toHaveLength(1);
    expect(badName.stderr + badName.stdout).not.toMatch(/argon2|password_hash/);
    const passwd = await cordon('password1234', 'users', 'passwd', USERS.officerTr);
    expect(passwd.code).toBe(1);
    expect(passwd.stderr).toMatch(/common or breached/);
    const demo = await cordon('short', 'demo');
    expect(demo.code).toBe(1);
    expect(demo.stderr).toMatch(/CORDON_DEMO_PASSWORD: a password needs at least 12 characters/);
    expect(short.stdout + common.stdout).not.toMatch(/added/);
  });
});
