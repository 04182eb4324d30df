// Who may see, send, answer and close cooperation requests: the bureaus a request is between,
// never partners.
import { type RawBuilder, type SqlBool, sql } from 'kysely';
import { type Actor, hasRole, takesPart } from './actor.ts';
import { receivesShared } from './sharing.ts';

/** What a rule needs to know of a request: its operation, its sender and its addressees. */
export interface RequestParties {
  operation_id: string;
  from_bureau_id: string;
  addressee_ids: readonly string[];
  /** The operation's coordinating bureau, whose coordinators write as officers do. */
  coordinator_bureau_id: string;
}

function assertParties(request: Partial<RequestParties>): asserts request is RequestParties {
  for (const field of ['operation_id', 'from_bureau_id', 'addressee_ids', 'coordinator_bureau_id'] as const) {
    if (request[field] === undefined) {
      throw new Error(`access check needs ${field}: select it with the request before asking`);
    }
  }
}

/**
 * Partners (victim-support organisations) take no part in police cooperation: the same people
 * who never receive shared records.
 */
function isPartner(actor: Actor): boolean {
  return !receivesShared(actor);
}

/** Officers and admins write; coordinators too, in the bureau that coordinates the operation. */
function writes(actor: Actor, coordinatorBureauId: string): boolean {
  return (
    hasRole(actor, 'admin', 'officer') ||
    (hasRole(actor, 'coordinator') && actor.bureauId === coordinatorBureauId)
  );
}

/**
 * May the actor send requests in this operation?
 * @example canSendRequest(officerNp, operation) // true; false for a field officer or a partner
 */
export function canSendRequest(
  actor: Actor,
  operation: { id: string; coordinator_bureau_id: string },
): boolean {
  if (operation.coordinator_bureau_id === undefined)
    throw new Error('canSendRequest needs coordinator_bureau_id');
  return (
    takesPart(actor, operation.id) && !isPartner(actor) && writes(actor, operation.coordinator_bureau_id)
  );
}

/**
 * May the actor read the request and its thread? Users of the sending and addressed bureaus who
 * take part in the operation, partners aside.
 * @example canReadRequest(officerIn, requestFromNepalToIndia) // true; false for Türkiye's officer
 */
export function canReadRequest(actor: Actor, request: Partial<RequestParties>): boolean {
  assertParties(request);
  if (!takesPart(actor, request.operation_id) || isPartner(actor)) return false;
  return request.from_bureau_id === actor.bureauId || request.addressee_ids.includes(actor.bureauId);
}

/** May the actor post to the thread? A reader with a writing role. */
export function canPostToRequest(actor: Actor, request: Partial<RequestParties>): boolean {
  return canReadRequest(actor, request) && writes(actor, request.coordinator_bureau_id!);
}

/** May the actor close the request? Only the sending bureau, with a writing role. */
export function canCloseRequest(actor: Actor, request: Partial<RequestParties>): boolean {
  return canPostToRequest(actor, request) && request.from_bureau_id === actor.bureauId;
}

/**
 * The SQL form of canReadRequest, for lists of `cooperation_requests as r`:
 * `where(requestsVisibleTo(actor))`.
 */
export function requestsVisibleTo(actor: Actor): RawBuilder<SqlBool> {
  const operations = [...actor.operationIds];
  if (operations.length === 0 || isPartner(actor)) return sql<SqlBool>`false`;
  return sql<SqlBool>`(r.operation_id = any(${operations}::uuid[]) and (r.from_bureau_id = ${actor.bureauId}
    or exists (select 1 from cooperation_addressees a
      where a.operation_id = r.operation_id and a.request_id = r.id and a.bureau_id = ${actor.bureauId})))`;
}
