// Queries for bureaus and their users.
import type { Insertable } from 'kysely';
import type { Queryable } from '../../db/connection.ts';
import type { BureausTable, UsersTable } from '../../db/schema.ts';

export function listBureaus(db: Queryable) {
  return db.selectFrom('bureaus').select(['id', 'country', 'name', 'kind']).orderBy('country').orderBy('name').execute();
}

export function findBureau(db: Queryable, id: string) {
  return db.selectFrom('bureaus').select(['id', 'country', 'name', 'kind']).where('id', '=', id).executeTakeFirst();
}

export function findBureauByName(db: Queryable, name: string) {
  return db.selectFrom('bureaus').select(['id', 'country', 'name', 'kind']).where('name', '=', name).executeTakeFirst();
}

export async function insertBureau(db: Queryable, row: Insertable<BureausTable>) {
  const { id } = await db.insertInto('bureaus').values(row).returning('id').executeTakeFirstOrThrow();
  return id;
}

export function listUsers(db: Queryable, bureauId?: string) {
  let query = db
    .selectFrom('users')
    .select(['id', 'username', 'display_name', 'bureau_id', 'roles', 'disabled', 'totp_enabled', 'last_login_at'])
    .orderBy('username');
  if (bureauId) query = query.where('bureau_id', '=', bureauId);
  return query.execute();
}

export function findUserByName(db: Queryable, username: string) {
  return db.selectFrom('users').select(['id', 'bureau_id']).where('username', '=', username).executeTakeFirst();
}

export function findUserById(db: Queryable, id: string) {
  return db.selectFrom('users').select(['id', 'username', 'bureau_id']).where('id', '=', id).executeTakeFirst();
}

export async function setDisabled(db: Queryable, userId: string, disabled: boolean) {
  await db.updateTable('users').set({ disabled }).where('id', '=', userId).execute();
  if (disabled) await db.deleteFrom('sessions').where('user_id', '=', userId).execute();
}

export async function insertUsers(db: Queryable, rows: Insertable<UsersTable>[]) {
  if (rows.length === 0) return [];
  return db.insertInto('users').values(rows).returning(['id', 'username']).execute();
}

export async function setPassword(db: Queryable, userId: string, passwordHash: string) {
  await db.updateTable('users').set({ password_hash: passwordHash }).where('id', '=', userId).execute();
  await db.deleteFrom('sessions').where('user_id', '=', userId).execute();
}
