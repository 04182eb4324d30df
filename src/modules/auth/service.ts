// Sign-in, sessions and turning a token into the Actor every other service takes.
import { createHash, randomBytes } from 'node:crypto';
import type { Actor, BureauKind, Role } from '../../access/actor.ts';
import { appendAudit } from '../../access/audit.ts';
import type { Database, Queryable } from '../../db/connection.ts';
import { NotFound, Unauthenticated } from '../../errors.ts';
import { decoyHash, verifyPassword } from './passwords.ts';
import * as repo from './repo.ts';

function tokenHash(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

/**
 * Checks a username and password and opens a session.
 * @example const { token } = await login(database, 'officer-tr', password, 12)
 */
export async function login(database: Database, username: string, password: string, sessionHours: number) {
  const user = await repo.findUserForLogin(database.db, username);
  // An unknown user costs as much as a wrong password, so timing does not reveal usernames.
  const ok = await verifyPassword(user?.password_hash ?? (await decoyHash()), password);
  if (!user || !ok || user.disabled) throw new Unauthenticated('wrong username or password');
  const token = randomBytes(32).toString('base64url');
  const expiresAt = new Date(Date.now() + sessionHours * 3600_000);
  const actor = await actorOfUsername(database.db, username);
  await database.db.transaction().execute(async (tx) => {
    await repo.deleteExpiredSessions(tx);
    await repo.insertSession(tx, tokenHash(token), user.id, expiresAt);
    await appendAudit(tx, actor, { action: 'login', entity: 'session', entityId: user.id });
  });
  return { token, expiresAt };
}

export async function logout(database: Database, token: string) {
  await repo.deleteSession(database.db, tokenHash(token));
}

type ActorRow = NonNullable<Awaited<ReturnType<typeof repo.findSessionActor>>>;

async function toActor(db: Queryable, row: ActorRow): Promise<Actor> {
  return {
    userId: row.userId,
    username: row.username,
    bureauId: row.bureauId,
    bureauCountry: row.bureauCountry,
    bureauKind: row.bureauKind as BureauKind,
    roles: new Set(row.roles as Role[]),
    operationIds: new Set(await repo.operationIdsOfBureau(db, row.bureauId)),
  };
}

/** The actor behind a bearer token, or Unauthenticated. */
export async function authenticate(db: Queryable, token: string): Promise<Actor> {
  const row = await repo.findSessionActor(db, tokenHash(token));
  if (!row || row.disabled) {
    throw new Unauthenticated('your session has expired or was closed; sign in again');
  }
  return toActor(db, row);
}

/** The actor for a username, for the CLI, which acts as a named user (`--user`). */
export async function actorOfUsername(db: Queryable, username: string): Promise<Actor> {
  const row = await repo.findUserActor(db, username);
  if (!row || row.disabled) throw new NotFound(`user ${username}`);
  return toActor(db, row);
}
