// The need-to-know rule every bureau-owned record follows: the owner bureau always sees it;
// `operation` opens it to every bureau in the operation; `listed` to the bureaus of the named
// countries. Partners see only their own bureau's records. Both the in-memory check and the SQL
// filter used by lists live here, so the two cannot drift apart.
import { type RawBuilder, type SqlBool, sql } from 'kysely';
import type { Sharing } from '../db/schema.ts';
import { type Actor, hasRole, takesPart } from './actor.ts';

export interface SharedRecord {
  operation_id: string;
  owner_bureau_id: string;
  sharing: Sharing;
  shared_with: readonly string[];
}

function assertShared(record: Partial<SharedRecord>): asserts record is SharedRecord {
  for (const field of ['operation_id', 'owner_bureau_id', 'sharing', 'shared_with'] as const) {
    if (record[field] === undefined) {
      throw new Error(`access check needs ${field}: select it with the record before asking`);
    }
  }
}

/**
 * Partners (victim-support organisations) never gain records through sharing: neither a user
 * holding only the partner role nor anyone in a partner bureau, whatever roles they were given.
 */
export function receivesShared(actor: Actor): boolean {
  if (actor.bureauKind === 'partner') return false;
  return !(actor.roles.size > 0 && [...actor.roles].every((r) => r === 'partner'));
}

/**
 * May the actor see this record?
 * @example canReadShared(actor, inspection) // false for another bureau's `owner` record
 */
export function canReadShared(actor: Actor, record: Partial<SharedRecord>): boolean {
  assertShared(record);
  if (!takesPart(actor, record.operation_id)) return false;
  if (record.owner_bureau_id === actor.bureauId) return true;
  if (!receivesShared(actor)) return false;
  if (record.sharing === 'operation') return true;
  return record.sharing === 'listed' && record.shared_with.includes(actor.bureauCountry);
}

/** May the actor change the record's content or sharing? Only its owner bureau, with a writing role. */
export function canWriteShared(actor: Actor, record: Partial<SharedRecord>): boolean {
  assertShared(record);
  return (
    takesPart(actor, record.operation_id) &&
    record.owner_bureau_id === actor.bureauId &&
    hasRole(actor, 'admin', 'officer')
  );
}

/**
 * The SQL form of canReadShared, for lists: `where(visibleTo(actor, 'inspections'))`.
 * The table must carry operation_id, owner_bureau_id, sharing and shared_with.
 */
export function visibleTo(actor: Actor, table: 'hotspots' | 'inspections' | 'outcomes' | 'cases' | 'campaigns' | 'public_reports'): RawBuilder<SqlBool> {
  return visibleToAlias(actor, table);
}

/**
 * visibleTo for a shared table joined under an alias (`cases as lc`): the same condition on the
 * alias's columns, so the planner need not look the rows up again.
 */
export function visibleToAlias(actor: Actor, table: string): RawBuilder<SqlBool> {
  const operations = [...actor.operationIds];
  if (operations.length === 0) return sql<SqlBool>`false`;
  const col = (name: string) => sql.ref(`${table}.${name}`);
  const inOperation = sql<SqlBool>`${col('operation_id')} = any(${operations}::uuid[])`;
  const own = sql<SqlBool>`${col('owner_bureau_id')} = ${actor.bureauId}`;
  if (!receivesShared(actor)) return sql<SqlBool>`(${inOperation} and ${own})`;
  return sql<SqlBool>`(${inOperation} and (${own} or ${col('sharing')} = 'operation'
    or (${col('sharing')} = 'listed' and ${actor.bureauCountry} = any(${col('shared_with')}))))`;
}

/**
 * Checks and tidies a record's sharing as given by a client or a CSV row: `listed` needs at least
 * one country, the others take none.
 * @example normalizeSharing({ sharing: 'listed', sharedWith: ['in', 'NP'] }, 'owner') // { sharing: 'listed', shared_with: ['IN', 'NP'] }
 */
export function normalizeSharing(
  input: { sharing?: Sharing | undefined; sharedWith?: readonly string[] | undefined },
  fallback: Sharing,
  isCountry: (code: string) => boolean,
): { sharing: Sharing; shared_with: string[] } | { error: string; field: 'sharing' | 'sharedWith' } {
  const sharing = input.sharing ?? fallback;
  const codes = [...new Set((input.sharedWith ?? []).map((c) => c.trim().toUpperCase()))];
  if (!SHARING_VALUES.includes(sharing)) {
    return { error: `sharing must be one of ${SHARING_VALUES.join(', ')}`, field: 'sharing' };
  }
  const bad = codes.find((c) => !isCountry(c));
  if (bad !== undefined) return { error: `"${bad}" is not an ISO 3166-1 alpha-2 country code`, field: 'sharedWith' };
  if (sharing === 'listed' && codes.length === 0) {
    return { error: 'sharing "listed" needs sharedWith: the countries whose bureaus may see it', field: 'sharedWith' };
  }
  if (sharing !== 'listed' && codes.length > 0) {
    return { error: `sharedWith applies only to sharing "listed", not "${sharing}"`, field: 'sharedWith' };
  }
  return { sharing, shared_with: codes };
}

const SHARING_VALUES: readonly string[] = ['owner', 'listed', 'operation'];
