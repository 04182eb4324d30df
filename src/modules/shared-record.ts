// Pieces every bureau-owned record shares: turning sharing input into columns and back.
import { canWriteShared, normalizeSharing, type SharedRecord } from '../access/sharing.ts';
import type { Actor } from '../access/actor.ts';
import { SHARINGS, type Sharing } from '../db/schema.ts';
import { Invalid } from '../errors.ts';
import { isCountryCode } from './countries.ts';
import { parseChoice, parseList } from './imports/fields.ts';

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

/**
 * Reads the `sharing` and `sharedWith` cells of CSV rows (default `owner`); files repeat a few
 * combinations, so each is checked once and remembered.
 * @example const sharingOf = csvSharingReader(); sharingOf(record, row).shared_with
 */
export function csvSharingReader() {
  const seen = new Map<string, { sharing: Sharing; shared_with: string[] }>();
  return (record: Record<string, string>, row: number) => {
    const key = `${record.sharing ?? ''}|${record.sharedWith ?? ''}`;
    let sharing = seen.get(key);
    if (!sharing) {
      sharing = sharingColumns(
        { sharing: parseChoice(record.sharing, SHARINGS, 'sharing', row, 'owner'), sharedWith: parseList(record.sharedWith) },
        'owner',
        row,
      );
      seen.set(key, sharing);
    }
    return sharing;
  };
}
