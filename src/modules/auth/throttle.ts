// Login throttling with its counters in the database, so that every process sharing it counts the
// same guesses: failures per client address across usernames, and a back-off per username tried.
import { createHash } from 'node:crypto';
import { isIPv4, isIPv6 } from 'node:net';
import { appendAudit } from '../../access/audit.ts';
import type { Config } from '../../config.ts';
import type { Database, Queryable } from '../../db/connection.ts';
import { RateLimited } from './errors.ts';
import * as repo from './repo.ts';

/** The longest wait the per-account back-off imposes: never a lockout. */
export const BACKOFF_CAP_SECONDS = 15 * 60;

export type ThrottleSettings = Pick<Config, 'loginAddressFailures' | 'loginAccountFailures'>;
export type LoginFailure = 'unknown_user' | 'wrong_password' | 'disabled' | 'wrong_totp';

/**
 * The per-account back-off's key: the username whatever its case, from one client network (an
 * IPv4 address or an IPv6 /64). Keyed by network too, so that a stranger cannot keep someone's
 * account waiting by failing at it now and then; guessing from many networks is slowed by the
 * per-address limit. Hashed, so any username fits the column.
 * @example throttleKey('Officer-TR', '203.0.113.7')
 */
export function throttleKey(username: string, address: string): string {
  return createHash('sha256').update(`${username.trim().toLowerCase()}\n${addressKey(address)}`).digest('hex');
}

/**
 * A client address as the throttle counts it: an IPv4 address whole, an IPv6 one by its /64 (one
 * customer holds a whole /64), anything else as one bucket.
 * @example addressKey('2001:db8:1:2:aaaa::1') // '2001:db8:1:2::/64'
 */
export function addressKey(address: string): string {
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address);
  if (mapped?.[1]) return mapped[1];
  if (isIPv4(address)) return address;
  if (!isIPv6(address)) return 'unknown';
  const [head = '', tail = ''] = address.toLowerCase().split('::');
  const left = head ? head.split(':') : [];
  const right = tail ? tail.split(':') : [];
  const groups = address.includes('::') ? [...left, ...Array(8 - left.length - right.length).fill('0'), ...right] : left;
  return `${groups.slice(0, 4).map((g) => g.replace(/^0+(?=.)/, '')).join(':')}::/64`;
}

/**
 * Refuses with 429 when the address or the username is being throttled; otherwise counts the
 * attempt against the username until it succeeds (`succeeded`) or proves nothing (`refund`).
 * @example await admitAttempt(database.db, { address: request.ip, username }, config)
 */
export async function admitAttempt(db: Queryable, client: { address: string; username: string }, settings: ThrottleSettings) {
  const fromAddress = await repo.addressFailures(db, addressKey(client.address), settings.loginAddressFailures);
  if (fromAddress.count >= settings.loginAddressFailures) throw new RateLimited(fromAddress.retryAfter);
  await admitAccountAttempt(db, client, settings);
}

/** The per-username back-off alone: for a signed-in user confirming their password. */
export async function admitAccountAttempt(db: Queryable, client: { address: string; username: string }, settings: ThrottleSettings) {
  const wait = await repo.takeAttempt(db, throttleKey(client.username, client.address), settings.loginAccountFailures, BACKOFF_CAP_SECONDS);
  if (wait !== null) throw new RateLimited(wait);
}

/** A failed login: counted against the address and audited (the username tried, never the password). */
export async function recordFailure(database: Database, client: { address: string; username: string }, reason: LoginFailure) {
  await database.db.transaction().execute(async (tx) => {
    await repo.insertAddressFailure(tx, addressKey(client.address));
    await appendAudit(tx, null, { action: 'login_failed', entity: 'session', detail: { username: client.username, address: client.address, reason } });
  });
}

export const succeeded = (db: Queryable, client: { address: string; username: string }) =>
  repo.clearAttempts(db, throttleKey(client.username, client.address));
export const refund = (db: Queryable, client: { address: string; username: string }) =>
  repo.refundAttempt(db, throttleKey(client.username, client.address));
