// The caller's own account: its security status, sessions, password and TOTP second factor.
import type { Actor } from '../../access/actor.ts';
import { appendAudit } from '../../access/audit.ts';
import { secondFactorRequired } from '../../access/users.ts';
import type { Database, Queryable } from '../../db/connection.ts';
import { Conflict, Forbidden, Invalid, NotFound } from '../../errors.ts';
import { checkPasswordPolicy } from './password-policy.ts';
import { hashPassword, verifyPassword } from './passwords.ts';
import * as repo from './repo.ts';
import type { PasswordChangeInput, SessionBody } from './schema.ts';
import { type SessionSettings, tokenHash } from './service.ts';
import * as throttle from './throttle.ts';
import { newTotpSecret, totpStep } from './totp.ts';

async function account(database: Database, actor: Actor) {
  const row = await repo.findAccount(database.db, actor.userId);
  if (!row) throw new NotFound('user');
  return row;
}

/** What GET /api/auth/me adds about the second factor. */
export async function securityStatus(database: Database, actor: Actor, settings: SessionSettings) {
  const row = await account(database, actor);
  const totpRequired = secondFactorRequired(row.roles, settings.totpRequiredRoles);
  return { totpEnabled: row.totp_enabled, totpRequired, totpSetupRequired: totpRequired && !row.totp_enabled };
}

/** The caller's live sessions, newest use first; `current` marks the one of `token`. */
export async function listSessions(database: Database, actor: Actor, token: string, settings: SessionSettings): Promise<SessionBody[]> {
  const current = tokenHash(token);
  const rows = await repo.listSessions(database.db, actor.userId, settings.sessionIdleMinutes);
  return rows.map((s) => ({
    id: s.id,
    createdAt: s.created_at.toISOString(),
    lastSeenAt: s.last_seen_at.toISOString(),
    expiresAt: s.expires_at.toISOString(),
    current: s.token_hash === current,
    userAgent: s.user_agent,
    address: s.address,
  }));
}

/** Ends one of the caller's own sessions; anyone else's answers 404. */
export async function endSession(database: Database, actor: Actor, sessionId: string) {
  await database.db.transaction().execute(async (tx) => {
    if (!(await repo.deleteSessionOfUser(tx, actor.userId, sessionId))) throw new NotFound('session');
    await appendAudit(tx, actor, { action: 'end_session', entity: 'session', entityId: actor.userId });
  });
}

/**
 * Checks the caller's password for a change to their account's security, throttled like a login
 * (a stolen session cannot guess it freely); wrong answers 400 naming `field`.
 */
async function confirmPassword(database: Database, actor: Actor, passwordHash: string, password: string, field: string, settings: throttle.ThrottleSettings) {
  // One bucket per user for confirmations from a signed-in session, apart from their logins.
  const attempt = { username: actor.username, address: 'signed-in session' };
  await throttle.admitAccountAttempt(database.db, attempt, settings);
  if (!(await verifyPassword(passwordHash, password))) throw new Invalid('the password is not right', field);
  await throttle.succeeded(database.db, attempt);
}

/**
 * Changes the caller's password and ends their other sessions (this one stays open).
 * @example await changePassword(database, actor, token, { currentPassword, newPassword }, config)
 */
export async function changePassword(database: Database, actor: Actor, token: string, input: PasswordChangeInput, settings: throttle.ThrottleSettings) {
  const row = await account(database, actor);
  await confirmPassword(database, actor, row.password_hash, input.currentPassword, 'currentPassword', settings);
  checkPasswordPolicy(input.newPassword, { username: row.username, field: 'newPassword' });
  const passwordHash = await hashPassword(input.newPassword);
  await database.db.transaction().execute(async (tx) => {
    await repo.setPasswordHash(tx, actor.userId, passwordHash);
    await repo.deleteSessionsOfUser(tx, actor.userId, tokenHash(token));
    await appendAudit(tx, actor, { action: 'change_password', entity: 'user', entityId: actor.userId });
  });
}

/**
 * Starts enrolling a second factor: a new secret, in use only once a code confirms it. Refused
 * while one is on, so that a stolen session cannot swap the factor without the password.
 */
export async function setupTotp(database: Database, actor: Actor) {
  const row = await account(database, actor);
  if (row.totp_enabled) throw new Conflict('a second factor is on already: turn it off first (or ask an admin to reset it)');
  const { secret, uri } = newTotpSecret(actor.username);
  await repo.setPendingTotp(database.db, actor.userId, secret);
  return { secret, uri };
}

/** Confirms the secret of `setupTotp` with a current code; from now on sign-in asks for one. */
export async function enableTotp(database: Database, actor: Actor, code: string) {
  const row = await account(database, actor);
  if (!row.totp_pending_secret) throw new Invalid('start with POST /api/auth/totp/setup', 'code');
  const step = totpStep(row.totp_pending_secret, code);
  if (step === null) throw new Invalid('the code does not match; check the clock of the device', 'code');
  const secret = row.totp_pending_secret;
  await database.db.transaction().execute(async (tx) => {
    await repo.enableTotp(tx, actor.userId, secret, step);
    await appendAudit(tx, actor, { action: 'totp_enable', entity: 'user', entityId: actor.userId });
  });
}

/** Turns the second factor off, with the password; refused while the user's roles require it. */
export async function disableTotp(database: Database, actor: Actor, password: string, settings: SessionSettings & throttle.ThrottleSettings) {
  const row = await account(database, actor);
  if (secondFactorRequired(row.roles, settings.totpRequiredRoles)) {
    throw new Forbidden('a second factor is required for your role; it cannot be turned off');
  }
  await confirmPassword(database, actor, row.password_hash, password, 'password', settings);
  await database.db.transaction().execute(async (tx) => {
    await repo.clearTotp(tx, actor.userId);
    await appendAudit(tx, actor, { action: 'totp_disable', entity: 'user', entityId: actor.userId });
  });
}

/** Removes a user's second factor (an admin's reset, after a lost phone): inside their transaction. */
export function clearSecondFactor(tx: Queryable, userId: string) {
  return repo.clearTotp(tx, userId);
}
