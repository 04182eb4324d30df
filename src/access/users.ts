// Who may manage bureaus and user accounts.
import { type Actor, hasRole } from './actor.ts';

/** Admins of the coordinating secretariat manage every bureau; other admins only their own. */
export function canManageUsersOf(actor: Actor, bureauId: string): boolean {
  if (!hasRole(actor, 'admin')) return false;
  return actor.bureauKind === 'coordinator' || actor.bureauId === bureauId;
}

export function canCreateBureau(actor: Actor): boolean {
  return hasRole(actor, 'admin') && actor.bureauKind === 'coordinator';
}
