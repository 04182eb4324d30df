// Who may manage bureaus and user accounts.
import { type Actor, type BureauKind, hasRole, ROLES, type Role } from './actor.ts';

/** Admins of the coordinating secretariat manage every bureau; other admins only their own. */
export function canManageUsersOf(actor: Actor, bureauId: string): boolean {
  if (!hasRole(actor, 'admin')) return false;
  return actor.bureauKind === 'coordinator' || actor.bureauId === bureauId;
}

export function canCreateBureau(actor: Actor): boolean {
  return hasRole(actor, 'admin') && actor.bureauKind === 'coordinator';
}

/**
 * The roles a user of a bureau of this kind may hold. A partner organisation's users are
 * partners (and their own admins); police roles there would open shared records to them.
 * @example rolesAllowedIn('partner') // ['admin', 'partner']
 */
export function rolesAllowedIn(kind: BureauKind): readonly Role[] {
  if (kind === 'partner') return ['admin', 'partner'];
  if (kind === 'coordinator') return ROLES;
  return ROLES.filter((r) => r !== 'coordinator');
}

/**
 * Whether the configuration (CORDON_TOTP_REQUIRED_ROLES) requires a second factor of a user with
 * these roles: any one of them listed is enough.
 * @example secondFactorRequired(['officer'], ['officer', 'analyst']) // true
 */
export function secondFactorRequired(roles: Iterable<string>, requiredRoles: readonly Role[]): boolean {
  for (const role of roles) if ((requiredRoles as readonly string[]).includes(role)) return true;
  return false;
}
