// Who may use traveller screening (C10): read and change an operation's checklist, screen
// travellers at checkpoints, and see the screenings that were recorded.
import { type Actor, hasRole, takesPart } from './actor.ts';
import { canManageOperation } from './operations.ts';
import { canReadShared, type SharedRecord } from './sharing.ts';

/** Every bureau taking part reads the checklist its officers screen with. */
export function canReadChecklist(actor: Actor, operation: { id: string }): boolean {
  return takesPart(actor, operation.id);
}

/**
 * The checklist is the operation's, the same at every checkpoint: changed by the coordinating
 * bureau's coordinators and admins, as the operation itself is.
 * @example canChangeChecklist(coordinator, operation) // true; false for a national bureau's officer
 */
export function canChangeChecklist(
  actor: Actor,
  operation: { id: string; coordinator_bureau_id: string },
): boolean {
  if (operation.coordinator_bureau_id === undefined)
    throw new Error('canChangeChecklist needs coordinator_bureau_id');
  return canManageOperation(actor, operation);
}

/**
 * Checkpoint work: field teams, officers and admins of a police or border bureau taking part.
 * Partners (victim support) receive referrals; they do not screen.
 */
export function canScreenTravellers(actor: Actor, operationId: string): boolean {
  return (
    takesPart(actor, operationId) &&
    actor.bureauKind !== 'partner' &&
    hasRole(actor, 'admin', 'officer', 'field')
  );
}

/** A recorded screening follows the need-to-know rule of every bureau-owned record. */
export function canReadScreening(actor: Actor, screening: Partial<SharedRecord>): boolean {
  return canReadShared(actor, screening);
}
