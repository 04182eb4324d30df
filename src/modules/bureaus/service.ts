// Bureaus (one per country and the coordinating secretariat, plus border agencies and partners)
// and their users. The CLI's operator functions act without a signed-in user: whoever runs the
// CLI already holds the database.
import { type Actor, hasRole, type Role } from '../../access/actor.ts';
import { appendAudit } from '../../access/audit.ts';
import { canCreateBureau, canManageUsersOf, rolesAllowedIn } from '../../access/users.ts';
import type { Database, Queryable } from '../../db/connection.ts';
import { Conflict, Forbidden, Invalid, isUniqueViolation, NotFound } from '../../errors.ts';
import { clearSecondFactor } from '../auth/account.ts';
import { checkPasswordPolicy } from '../auth/password-policy.ts';
import { hashPassword } from '../auth/passwords.ts';
import { isCountryCode } from '../countries.ts';
import * as repo from './repo.ts';
import { type BureauCreateInput, USERNAME_PATTERN, type UserCreateInput } from './schema.ts';

function presentUser(u: Awaited<ReturnType<typeof repo.listUsers>>[number]) {
  return {
    id: u.id,
    username: u.username,
    displayName: u.display_name,
    bureauId: u.bureau_id,
    roles: u.roles as Role[],
    disabled: u.disabled,
    totpEnabled: u.totp_enabled,
    lastLoginAt: u.last_login_at?.toISOString() ?? null,
  };
}

export function listBureaus(database: Database, _actor: Actor) {
  return repo.listBureaus(database.db);
}

export async function createBureau(database: Database, actor: Actor | null, input: BureauCreateInput) {
  if (actor && !canCreateBureau(actor)) throw new Forbidden('only admins of the coordinating bureau add bureaus');
  if (!isCountryCode(input.country)) throw new Invalid(`"${input.country}" is not a country code`, 'country');
  const taken = () => new Conflict(`a bureau named "${input.name}" exists`);
  if (await repo.findBureauByName(database.db, input.name)) throw taken();
  return database.db
    .transaction()
    .execute(async (tx) => {
      const id = await repo.insertBureau(tx, input);
      await appendAudit(tx, actor, { action: 'create', entity: 'bureau', entityId: id, detail: { name: input.name } });
      return id;
    })
    .catch((error: unknown) => {
      // Two requests racing past the check above: the unique index decides.
      throw isUniqueViolation(error) ? taken() : error;
    });
}

export async function listUsers(database: Database, actor: Actor) {
  if (!canManageUsersOf(actor, actor.bureauId)) throw new Forbidden('listing users needs the admin role');
  const users = await repo.listUsers(database.db, actor.bureauKind === 'coordinator' ? undefined : actor.bureauId);
  return users.map(presentUser);
}

/**
 * Adds a user account; `actor` null means the CLI operator.
 * @example await createUser(database, null, { username: 'officer-tr', bureauId, roles: ['officer'], password })
 */
export async function createUser(database: Database, actor: Actor | null, input: UserCreateInput) {
  if (actor && !canManageUsersOf(actor, input.bureauId)) {
    throw new Forbidden('adding users needs the admin role in that bureau or the coordinating bureau');
  }
  // Checked here, not only by the route's schema: the CLI calls this too.
  if (!new RegExp(USERNAME_PATTERN).test(input.username)) {
    throw new Invalid('a username is 2 to 63 lower-case letters, digits, ".", "_" or "-", starting with a letter or digit', 'username');
  }
  const bureau = await repo.findBureau(database.db, input.bureauId);
  if (!bureau) throw new Invalid('no such bureau', 'bureauId');
  const allowed = rolesAllowedIn(bureau.kind);
  const misplaced = input.roles.find((role) => !allowed.includes(role));
  if (misplaced) {
    throw new Invalid(`role "${misplaced}" cannot be held in a ${bureau.kind.replace('_', ' ')} bureau (allowed: ${allowed.join(', ')})`, 'roles');
  }
  checkPasswordPolicy(input.password, { username: input.username, field: 'password' });
  const taken = () => new Conflict(`username ${input.username} is taken`);
  if (await repo.findUserByName(database.db, input.username)) throw taken();
  const passwordHash = await hashPassword(input.password);
  const create = database.db.transaction().execute(async (tx) => {
    const [user] = await repo.insertUsers(tx, [
      {
        username: input.username,
        display_name: input.displayName ?? input.username,
        bureau_id: input.bureauId,
        roles: input.roles,
        password_hash: passwordHash,
      },
    ]);
    await appendAudit(tx, actor, { action: 'create', entity: 'user', entityId: user!.id, detail: { username: input.username, roles: input.roles } });
    return user!.id;
  });
  return create.catch((error: unknown) => {
    throw isUniqueViolation(error) ? taken() : error;
  });
}

/** CLI operator: sets a user's password and closes their sessions. */
export async function resetPassword(database: Database, username: string, password: string) {
  const user = await repo.findUserByName(database.db, username);
  if (!user) throw new NotFound(`user ${username}`);
  checkPasswordPolicy(password, { username, field: 'password' });
  const passwordHash = await hashPassword(password);
  await database.db.transaction().execute(async (tx) => {
    await repo.setPassword(tx, user.id, passwordHash);
    await appendAudit(tx, null, { action: 'reset_password', entity: 'user', entityId: user.id });
  });
}

/**
 * A user the admin may manage: 403 without the admin role, 404 for another bureau's user (unless
 * the admin is the coordinating bureau's) or one that does not exist.
 */
async function managedUser(database: Database, actor: Actor, userId: string) {
  if (!hasRole(actor, 'admin')) throw new Forbidden('managing users needs the admin role');
  const user = await repo.findUserById(database.db, userId);
  if (!user || !canManageUsersOf(actor, user.bureau_id)) throw new NotFound('user');
  return user;
}

// An admin's own password and second factor change only through the user's own calls, which
// confirm the password: a stolen admin session must not swap them.
function refuseOwnAccount(actor: Actor, userId: string, instead: string) {
  if (userId === actor.userId) throw new Forbidden(`not on your own account: ${instead}`);
}

/**
 * Disables or enables a user's account; disabling ends their sessions at once.
 * @example await setUserDisabled(database, admin, userId, true)
 */
export async function setUserDisabled(database: Database, actor: Actor, userId: string, disabled: boolean) {
  const user = await managedUser(database, actor, userId);
  if (disabled && user.id === actor.userId) throw new Forbidden('you cannot disable your own account');
  await database.db.transaction().execute(async (tx) => {
    await repo.setDisabled(tx, user.id, disabled);
    await appendAudit(tx, actor, { action: disabled ? 'disable' : 'enable', entity: 'user', entityId: user.id, detail: { username: user.username } });
  });
}

/** An admin sets a user's password (the policy applies); every session of theirs ends. */
export async function setUserPassword(database: Database, actor: Actor, userId: string, newPassword: string) {
  const user = await managedUser(database, actor, userId);
  refuseOwnAccount(actor, user.id, 'set your own password with POST /api/auth/password, which asks for the current one');
  checkPasswordPolicy(newPassword, { username: user.username, field: 'newPassword' });
  const passwordHash = await hashPassword(newPassword);
  await database.db.transaction().execute(async (tx) => {
    await repo.setPassword(tx, user.id, passwordHash);
    await appendAudit(tx, actor, { action: 'reset_password', entity: 'user', entityId: user.id, detail: { username: user.username } });
  });
}

/** An admin removes a user's second factor (a lost phone); they set it up again when required. */
export async function resetUserTotp(database: Database, actor: Actor, userId: string) {
  const user = await managedUser(database, actor, userId);
  refuseOwnAccount(actor, user.id, 'turn your own second factor off with POST /api/auth/totp/disable, which asks for your password');
  await database.db.transaction().execute(async (tx) => {
    await clearSecondFactor(tx, user.id);
    await appendAudit(tx, actor, { action: 'totp_reset', entity: 'user', entityId: user.id, detail: { username: user.username } });
  });
}

export function listAllUsers(db: Queryable) {
  return repo.listUsers(db).then((users) => users.map(presentUser));
}

export { findBureauByName } from './repo.ts';
