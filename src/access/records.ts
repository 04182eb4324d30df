// Creating bureau-owned records (hotspots, inspections, outcomes) in an operation.
import { type Actor, hasRole, takesPart } from './actor.ts';

export type RecordKind = 'hotspot' | 'inspection' | 'outcome' | 'case' | 'campaign';

/**
 * Field teams log inspections and outcomes; hotspots are registered by officers and coordinators;
 * case files about victims are opened by officers; partners run prevention campaigns too.
 */
export function canCreateRecord(actor: Actor, operationId: string, kind: RecordKind): boolean {
  if (!takesPart(actor, operationId)) return false;
  if (kind === 'hotspot') return hasRole(actor, 'admin', 'coordinator', 'officer');
  if (kind === 'case') return actor.bureauKind !== 'partner' && hasRole(actor, 'admin', 'officer');
  if (kind === 'campaign') return hasRole(actor, 'admin', 'coordinator', 'officer', 'partner');
  return hasRole(actor, 'admin', 'officer', 'field');
}

/** Bulk imports write many records at once: officers and admins only. */
export function canImportRecords(actor: Actor, operationId: string): boolean {
  return takesPart(actor, operationId) && hasRole(actor, 'admin', 'officer');
}

/**
 * Victim-case exports (CTDC, HTCDS) are rows about individual victims, without names: for the
 * officers, analysts, coordinators and admins of police bureaus taking part, not field teams or partners.
 */
export function canExportVictims(actor: Actor, operationId: string): boolean {
  return takesPart(actor, operationId) && actor.bureauKind !== 'partner' && hasRole(actor, 'admin', 'coordinator', 'officer', 'analyst');
}
