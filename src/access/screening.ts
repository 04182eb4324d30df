// Who may use the ad screener, read the offers the public reported and set the helplines the
// public checker shows. The checker itself is open to anyone and stores nothing.
import { type Actor, hasRole, takesPart } from './actor.ts';
import { canReadShared, canWriteShared, type SharedRecord } from './sharing.ts';

/** The officers' screener (with the model's internals): staff of police bureaus, not partners. */
export function canScreenAds(actor: Actor): boolean {
  return actor.bureauKind !== 'partner' && hasRole(actor, 'admin', 'coordinator', 'officer', 'field', 'analyst');
}

/**
 * A reported offer can name the person who reported it: it is read by the officers, analysts,
 * coordinators and admins its sharing reaches, never by field teams or partners.
 */
export function canReadPublicReport(actor: Actor, report: Partial<SharedRecord>): boolean {
  return canReadShared(actor, report) && readsPublicReports(actor);
}

/** The roles that read reported offers at all (the list refuses the others outright). */
export function readsPublicReports(actor: Actor): boolean {
  return actor.bureauKind !== 'partner' && hasRole(actor, 'admin', 'coordinator', 'officer', 'analyst');
}

/** Marking a report reviewed or dismissed: the owner bureau's officers and admins. */
export function canReviewPublicReport(actor: Actor, report: Partial<SharedRecord>): boolean {
  return canWriteShared(actor, report);
}

/** The helplines of an operation are set by its coordinating bureau's coordinators and admins. */
export function canSetHelplines(actor: Actor, operation: { id: string; coordinator_bureau_id: string }): boolean {
  return takesPart(actor, operation.id) && actor.bureauId === operation.coordinator_bureau_id && hasRole(actor, 'admin', 'coordinator');
}
