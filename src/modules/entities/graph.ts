// The link graph: from an entity or a case, the cases, persons and identifiers it connects across
// countries, walked case to case up to `depth` hops, within the caller's view. Identifiers held in
// records the caller may not see end in one "hidden" node per identifier carrying the hit token —
// never the record, its bureau, its country or how many there are.
import type { Actor } from '../../access/actor.ts';
import { appendAudit } from '../../access/audit.ts';
import { canReadPersonMatches, canSeeMatchSide } from '../../access/matches.ts';
import { canReadShared } from '../../access/sharing.ts';
import type { Database, Queryable } from '../../db/connection.ts';
import { NotFound } from '../../errors.ts';
import { seesChildIdentity } from '../cases/persons.ts';
import { type HitFound, hitKey, recordHits } from './hits.ts';
import * as repo from './repo.ts';
import type { GraphEdgeT, GraphNodeT, GraphT } from './schema.ts';
import { seesMention, splitByView } from './service.ts';

/** Beyond this many nodes the walk stops and says so: a graph nobody can read helps nobody. */
export const MAX_NODES = 400;

const caseNode = (id: string) => `case:${id}`;
const personNode = (id: string) => `person:${id}`;
const entityNode = (kind: string, value: string) => `entity:${kind}:${value}`;

class GraphBuilder {
  readonly nodes = new Map<string, GraphNodeT>();
  readonly edges = new Map<string, GraphEdgeT>();
  truncated = false;

  node(node: GraphNodeT): boolean {
    if (this.nodes.has(node.id)) return true;
    if (this.nodes.size >= MAX_NODES) {
      this.truncated = true;
      return false;
    }
    this.nodes.set(node.id, node);
    return true;
  }

  edge(type: GraphEdgeT['type'], source: string, target: string, status?: string) {
    if (!this.nodes.has(source) || !this.nodes.has(target)) return;
    const id = `${type}:${source}|${target}`;
    if (!this.edges.has(id)) this.edges.set(id, { id, source, target, type, ...(status ? { status } : {}) });
  }
}

type Walk = {
  graph: GraphBuilder;
  expanded: Set<string>;
  hidden: Map<string, HitFound & { from: string; holders: { caseId: string; bureauId: string }[] }>;
  matches: Map<string, Awaited<ReturnType<typeof repo.matchesOf>>[number]>;
};

const visibleCase = (actor: Actor, c: repo.GraphCaseRow) => canReadShared(actor, c);

/** Adds the cases with their persons and identifiers; returns the identifiers and persons found. */
async function expand(db: Queryable, actor: Actor, operationId: string, walk: Walk, caseIds: readonly string[]) {
  const { graph } = walk;
  const rows = (await repo.casesByIds(db, operationId, caseIds)).filter((c) => visibleCase(actor, c));
  const owners = new Map(rows.map((c) => [c.id, c.owner_bureau_id]));
  for (const c of rows) {
    walk.expanded.add(c.id);
    graph.node({ id: caseNode(c.id), type: 'case', label: c.title, caseId: c.id, country: c.owner_country });
  }
  const ids = rows.map((c) => c.id);
  const country = new Map(rows.map((c) => [c.id, c.owner_country]));
  const persons = (await repo.personsOf(db, operationId, ids)).filter((p) => seesMention(actor, p, owners.get(p.case_id)!));
  for (const p of persons) {
    const added = graph.node({
      id: personNode(p.id),
      type: 'person',
      label: p.name || p.role,
      personId: p.id,
      caseId: p.case_id,
      role: p.role,
      country: country.get(p.case_id)!,
    });
    if (added) graph.edge('in_case', personNode(p.id), caseNode(p.case_id));
  }
  const keys = new Map<string, { kind: string; value: string }>();
  for (const m of await repo.caseMentions(db, operationId, ids)) {
    if (!seesMention(actor, m, owners.get(m.case_id)!)) continue;
    const id = entityNode(m.kind, m.value);
    if (!graph.node({ id, type: 'entity', kind: m.kind, label: m.raw, entityId: m.id })) continue;
    if (m.person_id && graph.nodes.has(personNode(m.person_id))) graph.edge('uses', personNode(m.person_id), id);
    else graph.edge('mentions', caseNode(m.case_id), id);
    if (m.valid) keys.set(id, { kind: m.kind, value: m.value });
  }
  return { keys: [...keys.values()], personIds: persons.map((p) => p.id) };
}

/** The cases the identifiers lead to (visible ones); hidden holders are kept as hits. */
async function follow(db: Queryable, actor: Actor, operationId: string, walk: Walk, keys: readonly { kind: string; value: string }[]) {
  // A child victim's identifier in a case already on the graph is that case's own business, not a hit.
  const rows = (await repo.sameIdentifiers(db, operationId, keys)).filter((r) => !walk.expanded.has(r.case_id) || seesMention(actor, r, r.owner_bureau_id));
  const { links, hidden } = splitByView(actor, rows);
  for (const [key, hit] of hidden) {
    const [kind, value] = [hit.kind, hit.value];
    walk.hidden.set(key, { ...hit, from: entityNode(kind, value) });
  }
  const next = new Set<string>();
  for (const cases of links.values()) for (const caseId of cases.keys()) if (!walk.expanded.has(caseId)) next.add(caseId);
  return next;
}

/**
 * The cases that confirmed person matches lead to; a match on a person the actor may not see is a
 * hit (one per visible person). Person matches are for the roles that read them.
 */
async function followMatches(db: Queryable, actor: Actor, operationId: string, walk: Walk, personIds: readonly string[]) {
  if (!canReadPersonMatches(actor, { id: operationId })) return new Set<string>();
  const matches = await repo.matchesOf(db, operationId, personIds);
  const seen = new Set(personIds);
  const otherCases = await repo.casesByIds(db, operationId, [
    ...new Set(matches.flatMap((m) => (seen.has(m.left_person_id) ? [m.right_case_id] : [m.left_case_id]))),
  ]);
  const cases = new Map(otherCases.map((c) => [c.id, c]));
  const next = new Set<string>();
  for (const m of matches) {
    const mineLeft = seen.has(m.left_person_id);
    const [mine, otherCase, otherIsChild] = mineLeft
      ? [m.left_person_id, m.right_case_id, m.right_is_child]
      : [m.right_person_id, m.left_case_id, m.left_is_child];
    const c = cases.get(otherCase);
    if (!c) continue;
    if (canSeeMatchSide(actor, { ...c, is_child: otherIsChild })) {
      walk.matches.set(m.id, m);
      if (m.status === 'confirmed' && !walk.expanded.has(c.id)) next.add(c.id);
    } else if (c.owner_bureau_id !== actor.bureauId) {
      // One hit per visible person, however many hidden persons match them (as the match list does).
      const key = hitKey('person', mine);
      const hit = walk.hidden.get(key) ?? { kind: 'person', value: mine, from: personNode(mine), holders: [] };
      hit.holders.push({ caseId: c.id, bureauId: c.owner_bureau_id });
      walk.hidden.set(key, hit);
    }
  }
  return next;
}

/**
 * Walks from the given (visible) cases, `depth` hops case to case, records the hits met on the way
 * and audits the read.
 */
async function walkFrom(database: Database, actor: Actor, operationId: string, start: string, startCases: readonly string[], depth: number): Promise<GraphT> {
  const db = database.db;
  const walk: Walk = { graph: new GraphBuilder(), expanded: new Set(), hidden: new Map(), matches: new Map() };
  let frontier: readonly string[] = startCases;
  for (let level = 0; level <= depth && frontier.length > 0 && !walk.graph.truncated; level++) {
    const { keys, personIds } = await expand(db, actor, operationId, walk, frontier);
    const byIdentifier = await follow(db, actor, operationId, walk, keys);
    const byPerson = await followMatches(db, actor, operationId, walk, personIds);
    frontier = level < depth ? [...new Set([...byIdentifier, ...byPerson])] : [];
  }
  const { graph } = walk;
  for (const m of walk.matches.values()) graph.edge('same_person', personNode(m.left_person_id), personNode(m.right_person_id), m.status);
  return db.transaction().execute(async (tx) => {
    const found = [...walk.hidden.values()].filter((h) => graph.nodes.has(h.from));
    const tokens = await recordHits(tx, actor, operationId, startCases[0] ?? null, found);
    for (const h of found) {
      const hit = tokens.get(hitKey(h.kind, h.value))!;
      if (graph.node({ id: `hidden:${hit}`, type: 'hidden', label: '', kind: h.kind, hit })) graph.edge('hidden_match', h.from, `hidden:${hit}`);
    }
    const nodes = [...graph.nodes.values()];
    await appendAudit(tx, actor, {
      action: 'read',
      entity: 'link_graph',
      entityId: start,
      operationId,
      detail: { depth, cases: nodes.filter((n) => n.type === 'case').length, hits: found.length, truncated: graph.truncated },
    });
    const countries = [...new Set(nodes.flatMap((n) => (n.type === 'case' && n.country ? [n.country] : [])))].sort();
    return { start, depth, truncated: graph.truncated, countries, nodes, edges: [...graph.edges.values()] };
  });
}

/**
 * The link graph from a case the actor may see.
 * @example const graph = await caseGraph(database, officerUg, caseId, 2)
 */
export async function caseGraph(database: Database, actor: Actor, caseId: string, depth: number) {
  const [c] = await database.db
    .selectFrom('cases')
    .select(['id', 'operation_id', 'owner_bureau_id', 'sharing', 'shared_with'])
    .where('id', '=', caseId)
    .execute();
  if (!c || !canReadShared(actor, c)) throw new NotFound('case');
  return walkFrom(database, actor, c.operation_id, caseNode(c.id), [c.id], depth);
}

/**
 * The link graph from an entity (one of its mentions) the actor may see: every case the actor may
 * see that holds the same identifier, and `depth` hops on from them.
 * @example const graph = await entityGraph(database, officerIn, mentionId, 2)
 */
export async function entityGraph(database: Database, actor: Actor, mentionId: string, depth: number) {
  const m = await repo.findMention(database.db, mentionId);
  const [c] = m ? await repo.casesByIds(database.db, m.operation_id, [m.case_id]) : [];
  if (!m || !c || !canReadShared(actor, c) || (m.is_child && !seesChildIdentity(actor, c.owner_bureau_id))) throw new NotFound('entity');
  const holders = m.valid ? await repo.sameIdentifiers(database.db, m.operation_id, [{ kind: m.kind, value: m.value }]) : [];
  const { links } = splitByView(actor, holders);
  const startCases = [c.id, ...[...(links.get(hitKey(m.kind, m.value))?.keys() ?? [])].filter((id) => id !== c.id)];
  return walkFrom(database, actor, m.operation_id, entityNode(m.kind, m.value), startCases, depth);
}
