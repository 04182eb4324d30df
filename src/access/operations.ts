// Who may see and run operations.
import { type Actor, hasRole, takesPart } from './actor.ts';

export function canReadOperation(actor: Actor, operation: { id: string }): boolean {
  return takesPart(actor, operation.id);
}

/** Operations are set up by the coordinating secretariat. */
export function canCreateOperation(actor: Actor): boolean {
  return actor.bureauKind === 'coordinator' && hasRole(actor, 'coordinator', 'admin');
}

export function canManageOperation(actor: Actor, operation: { coordinator_bureau_id: string }): boolean {
  if (operation.coordinator_bureau_id === undefined) throw new Error('canManageOperation needs coordinator_bureau_id');
  return operation.coordinator_bureau_id === actor.bureauId && hasRole(actor, 'coordinator', 'admin');
}

/**
 * Operation-wide aggregates (counts, no individual records) are open to every bureau taking
 * part: they are the shared picture the operation exists to build. Partners do not get them.
 */
export function canReadAggregates(actor: Actor, operation: { id: string }): boolean {
  return (
    actor.bureauKind !== 'partner' &&
    takesPart(actor, operation.id) &&
    hasRole(actor, 'admin', 'coordinator', 'officer', 'field', 'analyst')
  );
}
