// Who may run the person-matching model, read its proposed matches and decide on them. A match
// shows only to a caller who may see both persons: both cases, and a child victim's identity.
import { type RawBuilder, type SqlBool, sql } from 'kysely';
import { seesChildIdentity } from '../modules/cases/persons.ts';
import { type Actor, hasRole, takesPart } from './actor.ts';
import { type SharedRecord, canReadShared, visibleToAlias } from './sharing.ts';

const policeBureau = (actor: Actor) => actor.bureauKind !== 'partner';

/**
 * Running the model over an operation's persons: the analysts, coordinators and admins of police
 * bureaus taking part.
 * @example canRunPersonMatching(analyst, { id: operationId }) // true
 */
export function canRunPersonMatching(actor: Actor, operation: { id: string }): boolean {
  return takesPart(actor, operation.id) && policeBureau(actor) && hasRole(actor, 'admin', 'coordinator', 'analyst');
}

/** Reading matches: police bureaus taking part, every role but field teams (and partners). */
export function canReadPersonMatches(actor: Actor, operation: { id: string }): boolean {
  return takesPart(actor, operation.id) && policeBureau(actor) && hasRole(actor, 'admin', 'coordinator', 'analyst', 'officer');
}

/** Confirming or rejecting a match: the readers, who must also see both persons (`canSeeMatch`). */
export function canDecidePersonMatch(actor: Actor, operation: { id: string }): boolean {
  return canReadPersonMatches(actor, operation);
}

/** One person of a match: their case's owner and sharing, and whether they are a child victim. */
export interface MatchSide extends SharedRecord {
  is_child: boolean;
}

/**
 * May the actor see this person of a match: their case, and their identity if a child victim?
 * @example canSeeMatchSide(officerIn, { operation_id, owner_bureau_id: nepal, sharing: 'owner', shared_with: [], is_child: false }) // false
 */
export function canSeeMatchSide(actor: Actor, side: Partial<MatchSide>): boolean {
  if (side.is_child === undefined) throw new Error('access check needs is_child: select it with the person before asking');
  return canReadShared(actor, side) && (!side.is_child || seesChildIdentity(actor, side.owner_bureau_id!));
}

/** May the actor see this match: a reader who sees both persons. */
export function canSeeMatch(actor: Actor, left: Partial<MatchSide>, right: Partial<MatchSide>): boolean {
  if (left.operation_id === undefined) throw new Error('access check needs operation_id: select it with the match');
  return canReadPersonMatches(actor, { id: left.operation_id }) && canSeeMatchSide(actor, left) && canSeeMatchSide(actor, right);
}

/**
 * The SQL form of canSeeMatchSide, for lists: the person (alias `person`) in a case (alias
 * `caseAlias`) the actor may read, and not a child victim unless the actor sees the child's identity.
 * @example query.where(matchSideVisibleTo(actor, 'lp', 'lc'))
 */
export function matchSideVisibleTo(actor: Actor, person: string, caseAlias: string): RawBuilder<SqlBool> {
  const isChild = sql.ref(`${person}.is_child`);
  const readable = visibleToAlias(actor, caseAlias);
  // Mirrors seesChildIdentity: officers of the owner bureau only.
  const childShown = hasRole(actor, 'officer')
    ? sql<SqlBool>`(not ${isChild} or ${sql.ref(`${caseAlias}.owner_bureau_id`)} = ${actor.bureauId})`
    : sql<SqlBool>`not ${isChild}`;
  return sql<SqlBool>`(${readable} and ${childShown})`;
}
