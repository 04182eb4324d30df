// Person matches across an operation's cases: proposed by the linkage model, confirmed or rejected
// by analysts, and never proposed again once stored. A match shows only to a caller who may see
// both persons; one who sees a single side learns only that a hidden match exists (a hit token).
import { refreshStatistics } from '../imports/csv-copy.ts';
import { type Actor, takesPart } from '../../access/actor.ts';
import { appendAudit } from '../../access/audit.ts';
import { canReadPersonMatches, canRunPersonMatching, canSeeMatch, canSeeMatchSide } from '../../access/matches.ts';
import type { Database, Queryable, Tx } from '../../db/connection.ts';
import { Forbidden, Invalid, NotFound } from '../../errors.ts';
import { decodeCursor, pageOf } from '../../server/pagination.ts';
import { type HitFound, hitKey, recordHits } from '../entities/hits.ts';
import { linkOperationPeople, personRecord } from './people.ts';
import { presentMatch, sideOf } from './present.ts';
import * as repo from './repo.ts';
import type { HiddenMatchT, MatchStatus, PersonMatchDecisionT, PersonMatchListQueryT, PersonMatchRunT } from './schema.ts';

export interface ProposeOptions {
  /** Lowest probability stored as a proposal (default 0.5). */
  threshold?: number;
  /** Progress notes, for stderr. */
  onProgress?: (note: string) => void;
  /** Who the audit entry names: the caller of the run endpoint; null (the system) for the demo loader and the CLI. */
  auditAs?: Actor | null;
  /** Runs in the transaction that stores the proposals, before it commits (a job completes there). */
  beforeCommit?: (tx: Tx, run: PersonMatchRunT) => Promise<void>;
}

// Hidden matches told per read: enough for a case page, bounded so a read stays cheap.
const HIDDEN_LIMIT = 200;
const PERSON_MATCH_LIMIT = 200;

/**
 * Runs the person-linkage model over every person of the operation and stores each matched pair of
 * persons from different cases that is not stored yet. A pair already proposed, confirmed or
 * rejected stays as it is. No access check: the caller (run endpoint, demo loader, CLI) decides.
 * @example const { persons, candidatePairs, proposed } = await proposePersonMatches(database, operationId)
 */
export async function proposePersonMatches(database: Database, operationId: string, options: ProposeOptions = {}): Promise<PersonMatchRunT> {
  const { threshold = 0.5, onProgress = () => {}, auditAs = null, beforeCommit } = options;
  if (!(threshold > 0 && threshold <= 1)) throw new Invalid('threshold is a probability: above 0 and at most 1', 'threshold');
  if (!(await repo.operationExists(database.db, operationId))) throw new NotFound('operation');
  const persons = await repo.operationPersons(database.db, operationId);
  onProgress(`read ${persons.length.toLocaleString('en')} persons`);
  const caseOf = new Map(persons.map((p) => [p.id, p.case_id]));
  const linkage = linkOperationPeople(persons.map(personRecord), { threshold, onProgress });
  // Persons within one case are told apart by the officer who wrote the case, not by the model.
  const rows = linkage.pairs
    .filter((p) => caseOf.get(p.leftId) !== caseOf.get(p.rightId))
    .map((p) => {
      // The table stores a pair once, lower id on the left (uuid order is the text order of lower-case ids).
      const [left, right] = p.leftId < p.rightId ? [p.leftId, p.rightId] : [p.rightId, p.leftId];
      const score = Math.min(1, Math.max(0, p.probability));
      return { operation_id: operationId, left_person_id: left, right_person_id: right, score, explanation: JSON.stringify(p.explanation) };
    });
  const proposed = await database.db.transaction().execute(async (tx) => {
    const added = await repo.insertProposals(tx, rows);
    await appendAudit(tx, auditAs, {
      action: 'run',
      entity: 'person_matches',
      operationId,
      detail: { persons: persons.length, candidatePairs: linkage.candidatePairs, matched: rows.length, proposed: added, model: linkage.model },
    });
    await beforeCommit?.(tx, { persons: persons.length, candidatePairs: linkage.candidatePairs, proposed: added, model: linkage.model });
    return added;
  });
  // Fresh statistics, or the planner may take a table it has never measured for an empty one.
  if (proposed > 0) await refreshStatistics(database, ['person_matches']);
  onProgress(`${rows.length.toLocaleString('en')} matched pairs across cases, ${proposed.toLocaleString('en')} new`);
  return { persons: persons.length, candidatePairs: linkage.candidatePairs, proposed, model: linkage.model };
}

/** The operation if the actor's bureau takes part in it, else NotFound (never saying whether it exists). */
async function requireOperation(db: Queryable, actor: Actor, operationId: string) {
  if (!takesPart(actor, operationId) || !(await repo.operationExists(db, operationId))) throw new NotFound('operation');
}

/**
 * Runs the model for an analyst, coordinator or admin of a police bureau taking part (audited).
 * @example const { proposed } = await runPersonMatching(database, analyst, operationId)
 */
export async function runPersonMatching(
  database: Database,
  actor: Actor,
  operationId: string,
  options: Pick<ProposeOptions, 'beforeCommit'> = {},
): Promise<PersonMatchRunT> {
  await requireRunAccess(database, actor, operationId);
  return proposePersonMatches(database, operationId, { auditAs: actor, ...options });
}

/** Who may run person matching over the operation: NotFound, or Forbidden, for everyone else. */
export async function requireRunAccess(database: Database, actor: Actor, operationId: string): Promise<void> {
  await requireOperation(database.db, actor, operationId);
  if (!canRunPersonMatching(actor, { id: operationId })) {
    throw new Forbidden('running person matching is for analysts, coordinators and admins of police bureaus');
  }
}

/**
 * Hit tokens for matches where the actor sees one person only: one per visible person, however
 * many hidden persons match them (so the count is not told either), and nothing about the others.
 * The hit's value is the visible person's id; its holders are the hidden persons' cases. Recorded
 * in `tx`, the transaction that audits the read.
 */
async function hiddenMatchesOf(tx: Queryable, actor: Actor, rows: readonly repo.MatchRow[]): Promise<HiddenMatchT[]> {
  const bySeen = new Map<string, { seen: ReturnType<typeof sideOf>; hit: HitFound & { holders: { caseId: string; bureauId: string }[] } }>();
  for (const row of rows) {
    const [left, right] = [sideOf(row, 'left'), sideOf(row, 'right')];
    const [seen, unseen] = canSeeMatchSide(actor, left) ? [left, right] : [right, left];
    if (!canSeeMatchSide(actor, seen) || canSeeMatchSide(actor, unseen)) continue;
    const entry = bySeen.get(seen.id) ?? { seen, hit: { kind: 'person', value: seen.id, holders: [] } };
    entry.hit.holders.push({ caseId: unseen.case_id, bureauId: unseen.owner_bureau_id });
    bySeen.set(seen.id, entry);
  }
  const hidden: HiddenMatchT[] = [];
  for (const { seen, hit } of bySeen.values()) {
    const tokens = await recordHits(tx, actor, seen.operation_id, seen.case_id, [hit]);
    hidden.push({ personId: seen.id, hit: tokens.get(hitKey(hit.kind, hit.value))! });
  }
  return hidden;
}

/** The matches the actor may see, as the API gives them (the SQL filter checked once more). */
function presentVisible(actor: Actor, rows: readonly repo.MatchRow[]) {
  return rows.filter((row) => canSeeMatch(actor, sideOf(row, 'left'), sideOf(row, 'right'))).map(presentMatch);
}

/** Records the hits of a read and audits the read, in one transaction; returns the hidden matches. */
async function auditedRead(
  database: Database,
  actor: Actor,
  oneSided: readonly repo.MatchRow[],
  entry: { operationId: string; entityId?: string; detail: Record<string, unknown> },
): Promise<HiddenMatchT[]> {
  return database.db.transaction().execute(async (tx) => {
    const hidden = await hiddenMatchesOf(tx, actor, oneSided);
    await appendAudit(tx, actor, {
      action: 'read',
      entity: 'person_matches',
      entityId: entry.entityId ?? null,
      operationId: entry.operationId,
      detail: { ...entry.detail, hiddenMatches: hidden.length },
    });
    return hidden;
  });
}

function decodeScoreCursor(cursor: string | undefined): [number, string] | undefined {
  const key = decodeCursor(cursor, ['text', 'uuid']);
  if (!key) return undefined;
  const score = Number(key[0]);
  if (key[0] === '' || !Number.isFinite(score)) throw new Invalid('cursor is not one this server handed out; start again without it', 'cursor');
  return [score, key[1]!];
}

/**
 * A page of the operation's matches whose both persons the actor may see, highest score first;
 * on the first page, hit tokens for matches on the actor's persons with persons it may not see.
 * The read is audited.
 * @example const { items, next, hiddenMatches } = await listPersonMatches(database, analyst, operationId, { status: 'proposed' })
 */
export async function listPersonMatches(database: Database, actor: Actor, operationId: string, query: PersonMatchListQueryT) {
  await requireOperation(database.db, actor, operationId);
  if (!canReadPersonMatches(actor, { id: operationId })) throw new NotFound('operation');
  const limit = query.limit ?? 50;
  const after = decodeScoreCursor(query.cursor);
  const statuses: MatchStatus[] = query.status ? [query.status] : ['proposed', 'confirmed', 'rejected'];
  const rows = await repo.listVisibleMatches(database.db, actor, operationId, { statuses }, after, limit);
  const page = pageOf(rows, limit, (m) => [String(m.score), m.id]);
  // A rejected pair is no lead: only live matches are told as hits.
  const live = statuses.filter((s) => s !== 'rejected');
  const oneSided = after || live.length === 0 ? [] : await repo.oneSidedMatches(database.db, actor, operationId, { statuses: live }, HIDDEN_LIMIT);
  const items = presentVisible(actor, page.items);
  const hiddenMatches = await auditedRead(database, actor, oneSided, { operationId, detail: { status: query.status ?? null, items: items.length } });
  return { items, next: page.next, hiddenMatches };
}

/**
 * The proposed and confirmed matches of one person the actor may see, with hit tokens for matches
 * on persons it may not see. The read is audited.
 * @example const { items } = await personMatches(database, officerNp, personId)
 */
export async function personMatches(database: Database, actor: Actor, personId: string) {
  const person = await repo.findPerson(database.db, personId);
  if (!person || !canReadPersonMatches(actor, { id: person.operation_id }) || !canSeeMatchSide(actor, person)) throw new NotFound('person');
  const filter = { statuses: ['proposed', 'confirmed'] as MatchStatus[], personId };
  const rows = await repo.listVisibleMatches(database.db, actor, person.operation_id, filter, undefined, PERSON_MATCH_LIMIT);
  const oneSided = await repo.oneSidedMatches(database.db, actor, person.operation_id, filter, HIDDEN_LIMIT);
  const items = presentVisible(actor, rows.slice(0, PERSON_MATCH_LIMIT));
  const hiddenMatches = await auditedRead(database, actor, oneSided, { operationId: person.operation_id, entityId: personId, detail: { items: items.length } });
  return { personId, items, hiddenMatches };
}

/**
 * Confirms or rejects a match (again, if it was decided before); the caller must see both persons.
 * A decided pair is never proposed again. Audited with the status before and after.
 * @example await decidePersonMatch(database, analyst, matchId, { decision: 'rejected', note: 'different fathers' })
 */
export async function decidePersonMatch(database: Database, actor: Actor, id: string, input: PersonMatchDecisionT) {
  return database.db.transaction().execute(async (tx) => {
    const match = await repo.findMatch(tx, id, true);
    if (!match || !canSeeMatch(actor, sideOf(match, 'left'), sideOf(match, 'right'))) throw new NotFound('person match');
    const note = input.note?.trim() ?? '';
    await repo.decideMatch(tx, match.operation_id, match.id, { status: input.decision, decidedBy: actor.userId, note });
    await appendAudit(tx, actor, {
      action: 'decide',
      entity: 'person_match',
      entityId: match.id,
      operationId: match.operation_id,
      detail: { from: match.status, to: input.decision, note },
    });
    return presentMatch((await repo.findMatch(tx, id))!);
  });
}
