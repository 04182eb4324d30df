// Hits: a bureau looked at an identifier (or a person) that also sits in records it may not see.
// The seeker is given only the hit's id, an unguessable token to ask for cooperation with; the
// holders — which cases, which bureaus — are kept here, told to the holding bureaus, and never to
// the seeker. One hit per seeker bureau and identifier, however many records hold it, so the
// seeker cannot count them.
import type { Actor } from '../../access/actor.ts';
import { canSendRequest } from '../../access/cooperation.ts';
import { canReadHits } from '../../access/entities.ts';
import { sql } from 'kysely';
import type { Database, Queryable } from '../../db/connection.ts';
import { seesChildIdentity } from '../cases/persons.ts';
import { Forbidden, NotFound } from '../../errors.ts';
import { sendRequest } from '../cooperation/service.ts';
import { requireOperation } from '../operations/service.ts';
import type { HitReceivedT, HitRequestCreateT } from './schema.ts';

export interface HitHolder {
  caseId: string;
  bureauId: string;
}

export interface HitFound {
  /** 'phone', 'crypto_wallet'…, or 'person' for a person match (value: the hidden person's id). */
  kind: string;
  value: string;
  holders: readonly HitHolder[];
}

export const hitKey = (kind: string, value: string) => `${kind}\u0000${value}`;

/**
 * Records (or refreshes) the actor's bureau's hits and their holders; returns each hit's token by
 * `hitKey(kind, value)`. Call it in the transaction that audits the read that found them.
 * @example const tokens = await recordHits(tx, officerIn, operationId, caseId, [{ kind: 'phone', value: '+9779811111111', holders: [{ caseId, bureauId }] }])
 */
export async function recordHits(
  db: Queryable,
  actor: Actor,
  operationId: string,
  seekerCaseId: string | null,
  found: readonly HitFound[],
): Promise<Map<string, string>> {
  const tokens = new Map<string, string>();
  const now = new Date();
  for (const hit of found) {
    if (hit.holders.length === 0) continue;
    const row = await db
      .insertInto('entity_hits')
      .values({
        operation_id: operationId,
        seeker_bureau_id: actor.bureauId,
        kind: hit.kind,
        value: hit.value,
        seeker_case_id: seekerCaseId,
        first_seen_at: now,
        last_seen_at: now,
      })
      .onConflict((oc) => oc.columns(['operation_id', 'seeker_bureau_id', 'kind', 'value']).doUpdateSet({ last_seen_at: now }))
      .returning('id')
      .executeTakeFirstOrThrow();
    await db
      .insertInto('entity_hit_holders')
      .values(
        hit.holders.map((h) => ({ operation_id: operationId, hit_id: row.id, case_id: h.caseId, bureau_id: h.bureauId, first_seen_at: now })),
      )
      .onConflict((oc) => oc.doNothing())
      .execute();
    tokens.set(hitKey(hit.kind, hit.value), row.id);
  }
  return tokens;
}

/**
 * Sends a cooperation request from a hit to the bureaus holding the hidden record, without
 * telling the sender who they are. Only the bureau that got the hit may use its token; a token it
 * did not get is "not found". The priority is what the sender chose: raising it for a child in
 * the hidden record would tell the sender there is one.
 * @example const { id } = await requestFromHit(database, officerIn, hit, { message: 'We hold this number too; can we compare?' })
 */
export async function requestFromHit(database: Database, actor: Actor, hitId: string, input: HitRequestCreateT) {
  const hit = await database.db
    .selectFrom('entity_hits')
    .selectAll()
    .where('id', '=', hitId)
    .where('seeker_bureau_id', '=', actor.bureauId)
    .executeTakeFirst();
  if (!hit || !actor.operationIds.has(hit.operation_id)) throw new NotFound('hit');
  // Who may send is decided before anything about the holders is looked at, so the answer cannot
  // differ by who holds the record.
  const operation = await requireOperation(database.db, actor, hit.operation_id);
  if (!canSendRequest(actor, operation)) {
    throw new Forbidden('sending cooperation requests needs the officer or admin role (or coordinator, in the coordinating bureau)');
  }
  const holders = await database.db
    .selectFrom('entity_hit_holders')
    .select('bureau_id')
    .distinct()
    .where('operation_id', '=', hit.operation_id)
    .where('hit_id', '=', hit.id)
    .where('bureau_id', '<>', actor.bureauId)
    .orderBy('bureau_id')
    .execute();
  if (holders.length === 0) throw new NotFound('hit');
  // The subject names the kind only: the value may be a child victim's, which not every user of
  // the holding bureau may see.
  const subject = input.subject?.trim() || `hit: ${hit.kind}`;
  return sendRequest(
    database,
    actor,
    hit.operation_id,
    {
      to: holders.map((h) => h.bureau_id),
      subject: subject.slice(0, 300),
      message: input.message,
      ...(input.priority ? { priority: input.priority } : {}),
      ...(input.dueOn ? { dueOn: input.dueOn } : {}),
    },
    hit.id,
  );
}

/**
 * The hits on the actor's bureau's records: who looked at an identifier it holds, when, in which
 * of its cases, and the request they sent from it, newest first.
 * @example const hits = await hitsReceived(database, officerNp, operationId)
 */
export async function hitsReceived(database: Database, actor: Actor, operationId: string): Promise<HitReceivedT[]> {
  await requireOperation(database.db, actor, operationId);
  if (!canReadHits(actor, operationId)) throw new Forbidden('hits on your records are for police roles: officers, analysts, coordinators, admins');
  const rows = await database.db
    .selectFrom('entity_hit_holders as hh')
    .innerJoin('entity_hits as h', (join) => join.onRef('h.operation_id', '=', 'hh.operation_id').onRef('h.id', '=', 'hh.hit_id'))
    .innerJoin('cases as c', (join) => join.onRef('c.operation_id', '=', 'hh.operation_id').onRef('c.id', '=', 'hh.case_id'))
    .innerJoin('bureaus as s', 's.id', 'h.seeker_bureau_id')
    .select((eb) => [
      'h.id as hit',
      'h.kind',
      'h.value',
      'hh.case_id',
      'c.title',
      's.id as seeker_id',
      's.country as seeker_country',
      's.name as seeker_name',
      'hh.first_seen_at',
      'h.last_seen_at',
      // Whether the identifier is a child victim's in that case: its value is then for officers only.
      eb
        .selectFrom('entity_mentions as m')
        .innerJoin('case_persons as p', (join) => join.onRef('p.operation_id', '=', 'm.operation_id').onRef('p.id', '=', 'm.person_id'))
        .whereRef('m.operation_id', '=', 'hh.operation_id')
        .whereRef('m.case_id', '=', 'hh.case_id')
        .whereRef('m.kind', '=', 'h.kind')
        .whereRef('m.value', '=', 'h.value')
        .where('p.is_child', '=', true)
        .select(sql<boolean>`true`.as('child'))
        .limit(1)
        .as('child'),
      eb
        .selectFrom('cooperation_requests as r')
        .whereRef('r.operation_id', '=', 'h.operation_id')
        .whereRef('r.hit_id', '=', 'h.id')
        .select((e) => e.fn.max(e.cast<string>('r.id', 'text')).as('id'))
        .as('request_id'),
    ])
    .where('hh.operation_id', '=', operationId)
    .where('hh.bureau_id', '=', actor.bureauId)
    .orderBy('h.last_seen_at', 'desc')
    .orderBy('hh.case_id')
    .limit(500)
    .execute();
  return rows.map((r) => ({
    hit: r.hit,
    kind: r.kind,
    // A person hit's value is the seeker's person, whom the holder may not see: the case says which.
    value: r.kind === 'person' || (r.child && !seesChildIdentity(actor, actor.bureauId)) ? '' : r.value,
    caseId: r.case_id,
    caseTitle: r.title,
    seeker: { id: r.seeker_id, country: r.seeker_country, name: r.seeker_name },
    firstSeenAt: r.first_seen_at.toISOString(),
    lastSeenAt: r.last_seen_at.toISOString(),
    requestId: r.request_id ?? null,
  }));
}
