// Pieces every bureau-owned record shares: turning sharing input into columns and back.
import { canReadShared, canWriteShared, normalizeSharing, type SharedRecord } from '../access/sharing.ts';
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

/**
 * The sharing columns a change asks for, merged with the record's current sharing: nothing when
 * the change does not touch sharing; a new level without countries clears them.
 * @example sharingUpdate({ sharing: 'operation' }, current) // { sharing: 'operation', shared_with: [] }
 */
export function sharingUpdate(
  input: { sharing?: Sharing | undefined; sharedWith?: readonly string[] | undefined },
  current: { sharing: Sharing; shared_with: readonly string[] },
) {
  if (input.sharing === undefined && input.sharedWith === undefined) return {};
  const sharedWith = input.sharedWith ?? (input.sharing ? [] : current.shared_with);
  return sharingColumns({ sharing: input.sharing ?? current.sharing, sharedWith }, current.sharing);
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

/** Select these with a join on `hotspots` so that visibleHotspotId can decide. */
export const HOTSPOT_SHARING_COLUMNS = [
  'hotspots.owner_bureau_id as hotspot_owner_bureau_id',
  'hotspots.sharing as hotspot_sharing',
  'hotspots.shared_with as hotspot_shared_with',
] as const;

/**
 * A record's hotspot as the caller may see it: a visible inspection or outcome at a hotspot the
 * caller may not see says nothing of which hotspot it was.
 */
export function visibleHotspotId(
  actor: Actor,
  row: {
    operation_id: string;
    hotspot_id: string | null;
    hotspot_owner_bureau_id: string | null;
    hotspot_sharing: Sharing | null;
    hotspot_shared_with: string[] | null;
  },
): string | null {
  if (row.hotspot_id === null || row.hotspot_owner_bureau_id === null || row.hotspot_sharing === null) return null;
  const hotspot = {
    operation_id: row.operation_id,
    owner_bureau_id: row.hotspot_owner_bureau_id,
    sharing: row.hotspot_sharing,
    shared_with: row.hotspot_shared_with ?? [],
  };
  return canReadShared(actor, hotspot) ? row.hotspot_id : null;
}
