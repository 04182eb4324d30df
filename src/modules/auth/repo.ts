// Queries for sign-in and sessions.
import type { Queryable } from '../../db/connection.ts';

export function findUserForLogin(db: Queryable, username: string) {
  return db
    .selectFrom('users')
    .select(['id', 'password_hash', 'disabled'])
    .where('username', '=', username)
    .executeTakeFirst();
}

export async function insertSession(db: Queryable, tokenHash: string, userId: string, expiresAt: Date) {
  await db.insertInto('sessions').values({ token_hash: tokenHash, user_id: userId, expires_at: expiresAt }).execute();
}

export async function deleteSession(db: Queryable, tokenHash: string) {
  await db.deleteFrom('sessions').where('token_hash', '=', tokenHash).execute();
}

export async function deleteExpiredSessions(db: Queryable) {
  await db.deleteFrom('sessions').where('expires_at', '<', new Date()).execute();
}

/** The user behind a live session, with their bureau. */
export function findSessionActor(db: Queryable, tokenHash: string) {
  return db
    .selectFrom('sessions')
    .innerJoin('users', 'users.id', 'sessions.user_id')
    .innerJoin('bureaus', 'bureaus.id', 'users.bureau_id')
    .select([
      'users.id as userId',
      'users.username',
      'users.roles',
      'users.disabled',
      'bureaus.id as bureauId',
      'bureaus.country as bureauCountry',
      'bureaus.kind as bureauKind',
    ])
    .where('sessions.token_hash', '=', tokenHash)
    .where('sessions.expires_at', '>', new Date())
    .executeTakeFirst();
}

export function findUserActor(db: Queryable, username: string) {
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
    ])
    .where('users.username', '=', username)
    .executeTakeFirst();
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
