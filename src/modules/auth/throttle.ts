// Login throttling with its counters in the database, so that every process sharing it counts the
// same guesses: failures per client address across usernames, and a back-off per username tried.
import { appendAudit } from '../../access/audit.ts';
import type { Config } from '../../config.ts';
import type { Database, Queryable } from '../../db/connection.ts';
import { RateLimited } from './errors.ts';
import * as repo from './repo.ts';

/** The longest wait the per-account back-off imposes: never a lockout. */
export const BACKOFF_CAP_SECONDS = 15 * 60;

export type ThrottleSettings = Pick<Config, 'loginAddressFailures' | 'loginAccountFailures'>;
export type LoginFailure = 'unknown_user' | 'wrong_password' | 'disabled' | 'wrong_totp';

/** The username as the throttle keys it: one counter whatever the case typed. */
export const throttleKey = (username: string) => username.trim().toLowerCase();

/**
 * Refuses with 429 when the address or the username is being throttled; otherwise counts the
 * attempt against the username until it succeeds (`succeeded`) or proves nothing (`refund`).
 * @example await admitAttempt(database.db, { address: request.ip, username }, config)
 */
export async function admitAttempt(db: Queryable, client: { address: string; username: string }, settings: ThrottleSettings) {
  const fromAddress = await repo.addressFailures(db, client.address, settings.loginAddressFailures);
  if (fromAddress.count >= settings.loginAddressFailures) throw new RateLimited(fromAddress.retryAfter);
  await admitAccountAttempt(db, client.username, settings);
}

/** The per-username back-off alone: for a signed-in user confirming their password. */
export async function admitAccountAttempt(db: Queryable, username: string, settings: ThrottleSettings) {
  const wait = await repo.takeAttempt(db, throttleKey(username), settings.loginAccountFailures, BACKOFF_CAP_SECONDS);
  if (wait !== null) throw new RateLimited(wait);
}

/** A failed login: counted against the address and audited (the username tried, never the password). */
export async function recordFailure(database: Database, client: { address: string; username: string }, reason: LoginFailure) {
  await database.db.transaction().execute(async (tx) => {
    await repo.insertAddressFailure(tx, client.address);
    await appendAudit(tx, null, { action: 'login_failed', entity: 'session', detail: { username: client.username, address: client.address, reason } });
  });
}

export const succeeded = (db: Queryable, username: string) => repo.clearAttempts(db, throttleKey(username));
export const refund = (db: Queryable, username: string) => repo.refundAttempt(db, throttleKey(username));
