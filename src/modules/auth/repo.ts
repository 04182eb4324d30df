// Queries for sign-in, sessions, the second factor and the login throttle's counters.
import { sql } from 'kysely';
import type { Queryable } from '../../db/connection.ts';

/** A session unused for `idleMinutes` (0: no idle limit) or past its absolute end is over. */
const live = (idleMinutes: number) =>
  sql<boolean>`sessions.expires_at > now() and (${idleMinutes}::int = 0 or sessions.last_seen_at > now() - make_interval(mins => ${idleMinutes}::int))`;

export function findUserForLogin(db: Queryable, username: string) {
  return db
    .selectFrom('users')
    .select(['id', 'password_hash', 'disabled', 'roles', 'totp_enabled', 'totp_secret'])
    .where('username', '=', username)
    .executeTakeFirst();
}

export async function insertSession(
  db: Queryable,
  row: { tokenHash: string; userId: string; expiresAt: Date; userAgent: string | null; address: string | null },
) {
  await db
    .insertInto('sessions')
    .values({ token_hash: row.tokenHash, user_id: row.userId, expires_at: row.expiresAt, user_agent: row.userAgent, address: row.address })
    .execute();
}

export async function deleteSession(db: Queryable, tokenHash: string) {
  await db.deleteFrom('sessions').where('token_hash', '=', tokenHash).execute();
}

export async function deleteExpiredSessions(db: Queryable, idleMinutes: number) {
  await db.deleteFrom('sessions').where(sql<boolean>`not (${live(idleMinutes)})`).execute();
}

/** The operations a bureau takes part in (as a participant or their coordinator), as a subquery of `bureaus`. */
const operationIdsOfBureauColumn = sql<string[]>`array(
  select ob.operation_id from operation_bureaus ob where ob.bureau_id = bureaus.id
  union
  select o.id from operations o where o.coordinator_bureau_id = bureaus.id
)`;

/**
 * The user behind a live session, with their bureau and the operations it takes part in: one
 * query, since every authenticated request asks it (it was two round trips).
 */
export function findSessionActor(db: Queryable, tokenHash: string, idleMinutes: number) {
  return db
    .selectFrom('sessions')
    .innerJoin('users', 'users.id', 'sessions.user_id')
    .innerJoin('bureaus', 'bureaus.id', 'users.bureau_id')
    .select([
      'sessions.id as sessionId',
      sql<boolean>`sessions.last_seen_at < now() - interval '1 minute'`.as('stale'),
      'users.id as userId',
      'users.username',
      'users.roles',
      'users.disabled',
      'users.totp_enabled as totpEnabled',
      'bureaus.id as bureauId',
      'bureaus.country as bureauCountry',
      'bureaus.kind as bureauKind',
      operationIdsOfBureauColumn.as('operationIds'),
    ])
    .where('sessions.token_hash', '=', tokenHash)
    .where(live(idleMinutes))
    .executeTakeFirst();
}

/** Records use at most once a minute, so that reading does not write on every request. */
export async function touchSession(db: Queryable, sessionId: string) {
  await db
    .updateTable('sessions')
    .set({ last_seen_at: sql`now()` })
    .where('id', '=', sessionId)
    .where(sql<boolean>`last_seen_at < now() - interval '1 minute'`)
    .execute();
}

export function listSessions(db: Queryable, userId: string, idleMinutes: number) {
  return db
    .selectFrom('sessions')
    .select(['id', 'token_hash', 'created_at', 'last_seen_at', 'expires_at', 'user_agent', 'address'])
    .where('user_id', '=', userId)
    .where(live(idleMinutes))
    .orderBy('last_seen_at', 'desc')
    .execute();
}

/** Ends one of the user's sessions; false when they have none with that id. */
export async function deleteSessionOfUser(db: Queryable, userId: string, sessionId: string): Promise<boolean> {
  const rows = await db.deleteFrom('sessions').where('id', '=', sessionId).where('user_id', '=', userId).returning('id').execute();
  return rows.length > 0;
}

/** Ends every session of the user, or every one but `keepTokenHash`. */
export async function deleteSessionsOfUser(db: Queryable, userId: string, keepTokenHash?: string) {
  let query = db.deleteFrom('sessions').where('user_id', '=', userId);
  if (keepTokenHash) query = query.where('token_hash', '<>', keepTokenHash);
  await query.execute();
}

export async function setLastLogin(db: Queryable, userId: string) {
  await db.updateTable('users').set({ last_login_at: sql`now()` }).where('id', '=', userId).execute();
}

/** What the account's own security calls need. */
export function findAccount(db: Queryable, userId: string) {
  return db
    .selectFrom('users')
    .select(['id', 'username', 'roles', 'password_hash', 'totp_enabled', 'totp_secret', 'totp_pending_secret'])
    .where('id', '=', userId)
    .executeTakeFirst();
}

export async function setPasswordHash(db: Queryable, userId: string, passwordHash: string) {
  await db.updateTable('users').set({ password_hash: passwordHash }).where('id', '=', userId).execute();
}

export async function setPendingTotp(db: Queryable, userId: string, secret: string) {
  await db.updateTable('users').set({ totp_pending_secret: secret }).where('id', '=', userId).execute();
}

/** The pending secret becomes the one in use; `step` is the confirming code's, used up. */
export async function enableTotp(db: Queryable, userId: string, secret: string, step: number) {
  await db
    .updateTable('users')
    .set({ totp_secret: secret, totp_pending_secret: null, totp_enabled: true, totp_last_step: step })
    .where('id', '=', userId)
    .execute();
}

/** Takes a code's time step unless it or a later one was used already: a code works once. */
export async function takeTotpStep(db: Queryable, userId: string, step: number): Promise<boolean> {
  const rows = await db
    .updateTable('users')
    .set({ totp_last_step: step })
    .where('id', '=', userId)
    .where((eb) => eb.or([eb('totp_last_step', 'is', null), eb('totp_last_step', '<', sql<string>`${step}`)]))
    .returning('id')
    .execute();
  return rows.length > 0;
}

export async function clearTotp(db: Queryable, userId: string) {
  await db
    .updateTable('users')
    .set({ totp_secret: null, totp_pending_secret: null, totp_enabled: false, totp_last_step: null })
    .where('id', '=', userId)
    .execute();
}

// The login throttle. Windows and delays are reckoned by the database's clock, shared by every
// process that signs users in.

const ADDRESS_WINDOW = sql`interval '15 minutes'`;

/** Failures from an address in the window; when at `limit`, the seconds until one drops out. */
export async function addressFailures(db: Queryable, address: string, limit: number): Promise<{ count: number; retryAfter: number }> {
  const rows = await db
    .selectFrom('login_failures')
    .select(sql<number>`ceil(extract(epoch from (at + ${ADDRESS_WINDOW} - now())))::int`.as('wait'))
    .where('address', '=', address)
    .where(sql<boolean>`at > now() - ${ADDRESS_WINDOW}`)
    .orderBy('at')
    .execute();
  const freeing = rows[rows.length - limit];
  return { count: rows.length, retryAfter: Math.max(1, freeing?.wait ?? 1) };
}

export async function insertAddressFailure(db: Queryable, address: string) {
  await db.insertInto('login_failures').values({ address }).execute();
  await db.deleteFrom('login_failures').where(sql<boolean>`at < now() - ${ADDRESS_WINDOW}`).execute();
}

/**
 * Counts an attempt at a username before its password is checked, unless the username is in its
 * back-off: after `free` consecutive failures each attempt waits 2^(n - free + 1) s since the last,
 * at most `capSeconds`. Counted first so that parallel guesses cannot slip past together; a
 * success clears it. Returns null when counted, else the seconds to wait.
 */
export async function takeAttempt(db: Queryable, username: string, free: number, capSeconds: number): Promise<number | null> {
  const wait = sql<number>`least(${capSeconds}::int, power(2, least(b.failures - ${free}::int + 1, 30)))`;
  const counted = await sql<{ failures: number }>`
    insert into login_backoff as b (username, failures, last_attempt_at) values (${username}, 1, now())
    on conflict (username) do update
      set failures = case when b.last_attempt_at < now() - interval '1 day' then 1 else b.failures + 1 end,
          last_attempt_at = now()
      where b.failures < ${free}::int or b.last_attempt_at + make_interval(secs => ${wait}) <= now()
    returning failures`.execute(db);
  if (counted.rows.length > 0) return null;
  const left = await sql<{ seconds: number }>`
    select ceil(extract(epoch from (b.last_attempt_at + make_interval(secs => ${wait}) - now())))::int as seconds
    from login_backoff b where b.username = ${username}`.execute(db);
  return Math.max(1, left.rows[0]?.seconds ?? 1);
}

/** Gives back an attempt that proved nothing (the password was right, the TOTP code not sent yet). */
export async function refundAttempt(db: Queryable, username: string) {
  await db
    .updateTable('login_backoff')
    .set({ failures: sql`greatest(failures - 1, 0)` })
    .where('username', '=', username)
    .execute();
}

export async function clearAttempts(db: Queryable, username: string) {
  await db.deleteFrom('login_backoff').where('username', '=', username).execute();
  // Usernames untried for a day start afresh (see takeAttempt): their rows can go.
  await db.deleteFrom('login_backoff').where(sql<boolean>`last_attempt_at < now() - interval '1 day'`).execute();
}

export function findUserActor(db: Queryable, username: string) {
  return selectUserActor(db).where('users.username', '=', username).executeTakeFirst();
}

export function findUserActorById(db: Queryable, userId: string) {
  return selectUserActor(db).where('users.id', '=', userId).executeTakeFirst();
}

function selectUserActor(db: Queryable) {
  return db
    .selectFrom('users')
    .innerJoin('bureaus', 'bureaus.id', 'users.bureau_id')
    .select([
      'users.id as userId',
      'users.username',
      'users.roles',
      'users.disabled',
      'bureaus.id as bureauId',
      'bureaus.country as bureauCountry',
      'bureaus.kind as bureauKind',
    ]);
}

/** Operations the bureau takes part in, as a participant or as their coordinator. */
export async function operationIdsOfBureau(db: Queryable, bureauId: string): Promise<string[]> {
  const rows = await db
    .selectFrom('operation_bureaus')
    .select('operation_id as id')
    .where('bureau_id', '=', bureauId)
    .union(db.selectFrom('operations').select('id').where('coordinator_bureau_id', '=', bureauId))
    .execute();
  return rows.map((r) => r.id);
}
