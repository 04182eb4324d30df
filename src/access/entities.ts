// Entities and hits: who adds entities to a case by hand, and who is told of hits on their records.
import { type Actor, hasRole, takesPart } from './actor.ts';
import type { SharedRecord } from './sharing.ts';

/**
 * Entities found in the course of a case (a job ad, a wallet, a compound) are added by the case's
 * own bureau: its officers and admins, and its analysts, whose work is finding them.
 */
export function canAddEntities(actor: Actor, c: Pick<SharedRecord, 'operation_id' | 'owner_bureau_id'>): boolean {
  return takesPart(actor, c.operation_id) && c.owner_bureau_id === actor.bureauId && hasRole(actor, 'admin', 'officer', 'analyst');
}

/**
 * Hits on a bureau's records (who looked at an identifier it holds) are for the police roles that
 * answer for those records; partner bureaus hold no case files.
 */
export function canReadHits(actor: Actor, operationId: string): boolean {
  return takesPart(actor, operationId) && actor.bureauKind !== 'partner' && hasRole(actor, 'admin', 'coordinator', 'officer', 'analyst');
}
