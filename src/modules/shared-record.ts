// Pieces every bureau-owned record shares: turning sharing input into columns and back.
import { canWriteShared, normalizeSharing, type SharedRecord } from '../access/sharing.ts';
import type { Actor } from '../access/actor.ts';
import type { Sharing } from '../db/schema.ts';
import { Invalid } from '../errors.ts';
import { isCountryCode } from './countries.ts';

/** Sharing columns for a new record, or Invalid naming the field (and row, for imports). */
export function sharingColumns(
  input: { sharing?: Sharing | undefined; sharedWith?: readonly string[] | undefined },
  fallback: Sharing,
  row?: number,
) {
  const result = normalizeSharing(input, fallback, isCountryCode);
  if ('error' in result) throw new Invalid(result.error, result.field, row);
  return result;
}

/** The sharing part of a record as callers see it. */
export function presentSharing(actor: Actor, record: SharedRecord & { owner_country: string }) {
  return {
    ownerBureauId: record.owner_bureau_id,
    ownerCountry: record.owner_country,
    sharing: record.sharing,
    sharedWith: [...record.shared_with],
    can: { update: canWriteShared(actor, record) },
  };
}
