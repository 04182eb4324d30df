// Sign-in, sessions and turning a token into the Actor every other service takes.
import { createHash, randomBytes } from 'node:crypto';
import type { Actor, BureauKind, Role } from '../../access/actor.ts';
import { appendAudit } from '../../access/audit.ts';
import { secondFactorRequired } from '../../access/users.ts';
import type { Config } from '../../config.ts';
import type { Database, Queryable } from '../../db/connection.ts';
import { NotFound, Unauthenticated } from '../../errors.ts';
import { RateLimited, TotpRequired, TotpSetupRequired } from './errors.ts';
import { decoyHash, hashingQueueFull, verifyPassword } from './passwords.ts';
import * as repo from './repo.ts';
import type { LoginBodyInput } from './schema.ts';
import * as throttle from './throttle.ts';
import { totpStep } from './totp.ts';

export function tokenHash(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

/** Where a request came from, kept with the session it opens and in the audit of a failure. */
export interface Client {
  address: string;
  userAgent: string | null;
}

export type LoginSettings = Pick<Config, 'sessionHours' | 'sessionIdleMinutes' | 'totpRequiredRoles'> & throttle.ThrottleSettings;

/**
 * Checks a username, password and (when the account has one) TOTP code, and opens a session.
 * Throttled per address and per username (429); an unknown username answers and costs as a wrong
 * password does.
 * @example const { token } = await login(database, { username: 'officer-tr', password }, client, config)
 */
export async function login(database: Database, input: LoginBodyInput, client: Client, settings: LoginSettings) {
  const db = database.db;
  if (hashingQueueFull()) throw new RateLimited(1);
  const attempt = { address: client.address, username: input.username };
  await throttle.admitAttempt(db, attempt, settings);
  const user = await repo.findUserForLogin(db, input.username);
  let ok: boolean;
  try {
    // An unknown user costs as much as a wrong password, so timing does not reveal usernames.
    ok = await verifyPassword(user?.password_hash ?? (await decoyHash()), input.password, { refuseWhenBusy: true });
  } catch (error) {
    await throttle.refund(db, attempt);
    throw error;
  }
  const failure = !user ? 'unknown_user' : !ok ? 'wrong_password' : user.disabled ? 'disabled' : null;
  if (failure || !user) {
    await throttle.recordFailure(database, attempt, failure ?? 'unknown_user');
    throw new Unauthenticated('wrong username or password');
  }
  if (user.totp_enabled) {
    if (!input.totp) {
      await throttle.refund(db, attempt);
      throw new TotpRequired();
    }
    const step = user.totp_secret ? totpStep(user.totp_secret, input.totp) : null;
    if (step === null || !(await repo.takeTotpStep(db, user.id, step))) {
      await throttle.recordFailure(database, attempt, 'wrong_totp');
      throw new TotpRequired();
    }
  }
  await throttle.succeeded(db, attempt);
  const token = randomBytes(32).toString('base64url');
  const expiresAt = new Date(Date.now() + settings.sessionHours * 3600_000);
  const actor = await actorOfUsername(db, input.username);
  await db.transaction().execute(async (tx) => {
    await repo.deleteExpiredSessions(tx, settings.sessionIdleMinutes);
    await repo.insertSession(tx, { tokenHash: tokenHash(token), userId: user.id, expiresAt, userAgent: client.userAgent, address: client.address });
    await repo.setLastLogin(tx, user.id);
    await appendAudit(tx, actor, { action: 'login', entity: 'session', entityId: user.id, detail: { address: client.address } });
  });
  const setupRequired = !user.totp_enabled && secondFactorRequired(user.roles, settings.totpRequiredRoles);
  return { token, expiresAt, ...(setupRequired ? { totpSetupRequired: true } : {}) };
}

export async function logout(database: Database, token: string) {
  await repo.deleteSession(database.db, tokenHash(token));
}

type ActorRow = NonNullable<Awaited<ReturnType<typeof repo.findUserActor>>>;

async function toActor(db: Queryable, row: ActorRow, operationIds?: string[]): Promise<Actor> {
  return {
    userId: row.userId,
    username: row.username,
    bureauId: row.bureauId,
    bureauCountry: row.bureauCountry,
    bureauKind: row.bureauKind as BureauKind,
    roles: new Set(row.roles as Role[]),
    operationIds: new Set(operationIds ?? (await repo.operationIdsOfBureau(db, row.bureauId))),
  };
}

export type SessionSettings = Pick<Config, 'sessionIdleMinutes' | 'totpRequiredRoles'>;

/**
 * The actor behind a bearer token, or Unauthenticated (closed, expired, idle too long, or the user
 * disabled). While the user's roles require a second factor not yet set up, only the enrolment
 * routes (`enrolling`) are open: TotpSetupRequired otherwise.
 * @example request.actor = await authenticate(db, token, config, { enrolling: false })
 */
export async function authenticate(db: Queryable, token: string, settings: SessionSettings, options: { enrolling?: boolean } = {}): Promise<Actor> {
  const row = await repo.findSessionActor(db, tokenHash(token), settings.sessionIdleMinutes);
  if (!row || row.disabled) {
    throw new Unauthenticated('your session has expired or was closed; sign in again');
  }
  if (!options.enrolling && !row.totpEnabled && secondFactorRequired(row.roles, settings.totpRequiredRoles)) {
    throw new TotpSetupRequired();
  }
  if (row.stale) await repo.touchSession(db, row.sessionId);
  return toActor(db, row, row.operationIds);
}

/** The actor a background job acts as: the user who started it, as they are now (NotFound once disabled). */
export async function actorOfUserId(db: Queryable, userId: string): Promise<Actor> {
  const row = await repo.findUserActorById(db, userId);
  if (!row || row.disabled) throw new NotFound('the user who started this job');
  return toActor(db, row);
}

/** The actor for a username, for the CLI, which acts as a named user (`--user`). */
export async function actorOfUsername(db: Queryable, username: string): Promise<Actor> {
  const row = await repo.findUserActor(db, username);
  if (!row || row.disabled) throw new NotFound(`user ${username}`);
  return toActor(db, row);
}
