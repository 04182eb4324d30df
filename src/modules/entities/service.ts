// A case's entities with their links across the operation, and entities added by hand. Who may
// see a mention is who may see its case; a child victim's identifiers show only to the owner
// bureau's officers. A link to a record the caller may not see is told as a bare hit: a token, no
// case, bureau or country.
import type { Actor } from '../../access/actor.ts';
import { appendAudit } from '../../access/audit.ts';
import { canAddEntities } from '../../access/entities.ts';
import { canReadShared } from '../../access/sharing.ts';
import type { Insertable } from 'kysely';
import { PROBE_DEFAULTS, type ProbeSettings } from '../../config.ts';
import type { Database, Queryable } from '../../db/connection.ts';
import type { EntityMentionsTable } from '../../db/schema.ts';
import type { IdentifierContext } from '../../entities/identifiers/index.ts';
import { Forbidden, Invalid, NotFound } from '../../errors.ts';
import { seesChildIdentity } from '../cases/persons.ts';
import * as cases from '../cases/repo.ts';
import { type HitFound, type HitHolder, hitKey, recordHits } from './hits.ts';
import { manualMentionRow } from './mentions.ts';
import { admitLookups, type Lookup, recordLookups } from './probes.ts';
import * as repo from './repo.ts';
import type { CaseEntityT, EntityCreateT, EntityKind } from './schema.ts';

type CaseRow = cases.CaseRow;
type Link = CaseEntityT['links'][number];

/** The case if the actor may read it, else NotFound (never saying whether it exists). */
async function readableCase(db: Queryable, actor: Actor, caseId: string, lock = false) {
  const c = await cases.findCase(db, caseId, lock);
  if (!c || !canReadShared(actor, c)) throw new NotFound('case');
  return c;
}

/** May the actor see this mention's identity: not a child victim's, or the owner's officer. */
export function seesMention(actor: Actor, mention: { is_child: boolean | null }, ownerBureauId: string) {
  return !mention.is_child || seesChildIdentity(actor, ownerBureauId);
}

/**
 * Splits the other mentions of the same identifiers into the cases the actor may see (links) and
 * the holders of records they may not (hits).
 */
export function splitByView(actor: Actor, elsewhere: readonly repo.SameIdentifierRow[]) {
  const links = new Map<string, Map<string, Link>>();
  const hidden = new Map<string, HitFound & { holders: HitHolder[] }>();
  for (const other of elsewhere) {
    const key = hitKey(other.kind, other.value);
    if (canReadShared(actor, other) && seesMention(actor, other, other.owner_bureau_id)) {
      const visible = links.get(key) ?? new Map<string, Link>();
      visible.set(other.case_id, { caseId: other.case_id, title: other.title, ownerCountry: other.owner_country });
      links.set(key, visible);
    } else if (other.owner_bureau_id !== actor.bureauId) {
      // A record of the caller's own bureau hidden from them is a child victim's, kept for its
      // officers: not something to ask another bureau about.
      const hit = hidden.get(key) ?? { kind: other.kind, value: other.value, holders: [] };
      hit.holders.push({ caseId: other.case_id, bureauId: other.owner_bureau_id });
      hidden.set(key, hit);
    }
  }
  return { links, hidden };
}

/**
 * The given mentions of case `c` as the actor may see them, with their links; hits on records the
 * actor may not see are recorded (in `tx`, with the read's audit entry) and their tokens given.
 */
async function present(tx: Queryable, actor: Actor, c: CaseRow, mentions: readonly repo.MentionRow[]) {
  const shown = mentions.filter((m) => m.valid && seesMention(actor, m, c.owner_bureau_id));
  const elsewhere = await repo.sameIdentifiers(tx, c.operation_id, shown.map((m) => ({ kind: m.kind, value: m.value })), c.id);
  const { links, hidden } = splitByView(actor, elsewhere);
  const tokens = await recordHits(tx, actor, c.operation_id, c.id, [...hidden.values()]);
  const canRemove = canAddEntities(actor, c);
  const entities = mentions.map((m): CaseEntityT => {
    const base = { id: m.id, kind: m.kind as EntityKind, personId: m.person_id, source: m.source, valid: m.valid };
    const can = { remove: canRemove && m.source === 'manual' };
    if (!seesMention(actor, m, c.owner_bureau_id)) {
      return { ...base, masked: true, raw: null, value: null, problem: null, details: {}, links: [], hiddenMatch: false, hit: null, can: { remove: false } };
    }
    const key = hitKey(m.kind, m.value);
    const hit = m.valid ? (tokens.get(key) ?? null) : null;
    return {
      ...base,
      masked: false,
      raw: m.raw,
      value: m.value,
      problem: m.problem,
      details: m.details as Record<string, string>,
      links: m.valid ? [...(links.get(key)?.values() ?? [])] : [],
      hiddenMatch: hit !== null,
      hit,
      can,
    };
  });
  return { entities, hidden };
}

/**
 * The identifiers of a case the actor may read, each with the other cases (that the actor may
 * see) where it appears, and a hit token where it appears in records the actor may not see. The
 * read is audited.
 * @example const { entities } = await caseEntities(database, officerIn, caseId)
 */
export async function caseEntities(database: Database, actor: Actor, caseId: string) {
  const c = await readableCase(database.db, actor, caseId);
  const mentions = await repo.caseMentions(database.db, c.operation_id, [c.id]);
  const entities = await database.db.transaction().execute(async (tx) => {
    const { entities } = await present(tx, actor, c, mentions);
    await appendAudit(tx, actor, {
      action: 'read',
      entity: 'case_entities',
      entityId: c.id,
      operationId: c.operation_id,
      detail: { entities: entities.length, masked: entities.filter((e) => e.masked).length, hits: entities.filter((e) => e.hit).length },
    });
    return entities;
  });
  return { caseId: c.id, can: { add: canAddEntities(actor, c) }, entities };
}

/** What the normaliser needs to know besides the text, from the input and the case's country. */
function contextOf(input: EntityCreateT, c: CaseRow): IdentifierContext {
  switch (input.kind) {
    case 'phone':
      return { defaultCountry: input.country ?? c.owner_country };
    case 'handle':
      return { defaultCountry: input.country ?? c.owner_country, ...(input.platform ? { platform: input.platform } : {}) };
    case 'document':
      if (!input.country) throw new Invalid('a document needs its issuing country', 'country');
      return { issuingCountry: input.country, documentType: input.documentType ?? 'passport' };
    case 'scam_compound':
      return input.country ? { defaultCountry: input.country } : {};
    default:
      return {};
  }
}

/** What an officer said about the entity besides its value, kept with it. */
function detailsOf(input: EntityCreateT): Record<string, string> {
  const details: Record<string, string> = {};
  if (input.title) details.title = input.title;
  if (input.url) details.url = input.url;
  if (input.place) details.place = input.place;
  if (input.lat !== undefined && input.lon !== undefined) Object.assign(details, { lat: String(input.lat), lon: String(input.lon) });
  if (input.country && (input.kind === 'company' || input.kind === 'scam_compound' || input.kind === 'job_ad')) details.country = input.country;
  return details;
}

/**
 * Adds an entity to a case by hand (a job ad, a company, a compound, a wallet…), normalised; an
 * invalid value is kept as written and marked so. Refused when the case already has it.
 * @example const { id, entity } = await addEntity(database, officerUg, caseId, { kind: 'crypto_wallet', value: 'TQn9Y2khEsLJW1ChVWFMSMeRDow5KcbLSE' })
 */
export async function addEntity(database: Database, actor: Actor, caseId: string, input: EntityCreateT, settings: ProbeSettings = PROBE_DEFAULTS) {
  return database.db.transaction().execute(async (tx) => {
    const c = await readableCase(tx, actor, caseId, true);
    if (!canAddEntities(actor, c)) {
      throw new Forbidden("entities are added by the case's own bureau: its officers, analysts and admins");
    }
    const personId = input.personId ?? null;
    if (personId && !(await repo.personInCase(tx, c.operation_id, c.id, personId))) {
      throw new Invalid(`no person ${personId} in this case`, 'personId');
    }
    const place = { operationId: c.operation_id, caseId: c.id, personId, position: await repo.nextPosition(tx, c.operation_id, c.id), createdBy: actor.userId };
    const row = manualMentionRow(place, input.kind, input.value, contextOf(input, c), detailsOf(input));
    if (await repo.sameInCase(tx, c.operation_id, c.id, row.kind, row.value, personId)) {
      throw new Invalid(`this ${row.kind} is already recorded in the case`, 'value');
    }
    // A valid identifier is a look-up in records the actor may not see: limited before it is written.
    await admitLookups(tx, actor, row.valid ? 1 : 0, settings);
    const { id } = await tx.insertInto('entity_mentions').values(row).returning('id').executeTakeFirstOrThrow();
    const mention = (await repo.caseMentions(tx, c.operation_id, [c.id])).find((m) => m.id === id)!;
    const { entities: [entity], hidden } = await present(tx, actor, c, [mention]);
    if (row.valid) await recordLookups(tx, actor, c.operation_id, [lookupOf(row, hidden)], settings);
    await appendAudit(tx, actor, {
      action: 'create',
      entity: 'entity',
      entityId: mention.id,
      operationId: c.operation_id,
      detail: { case: c.id, kind: row.kind, valid: row.valid },
    });
    return { id: mention.id, entity: entity! };
  });
}

/** The look-up an identifier made: the other bureaus whose hidden records hold it. */
function lookupOf(key: { kind: string; value: string }, hidden: ReturnType<typeof splitByView>['hidden']): Lookup {
  const hit = hidden.get(hitKey(key.kind, key.value));
  return { kind: key.kind, value: key.value, holders: [...new Set(hit?.holders.map((h) => h.bureauId) ?? [])] };
}

/**
 * Writes the identifiers of persons added to a case (their contacts and documents), each valid
 * one counted as a look-up in records the actor may not see: beyond the hourly limits the whole
 * write is refused (429) in `tx`, before anything is written.
 * @example await attachIdentifiers(tx, officerIn, mentionRows(person, 'IN'), config)
 */
export async function attachIdentifiers(
  tx: Queryable,
  actor: Actor,
  rows: readonly Insertable<EntityMentionsTable>[],
  settings: ProbeSettings = PROBE_DEFAULTS,
) {
  const keys = new Map<string, { kind: string; value: string; operationId: string; caseId: string }>();
  for (const r of rows) {
    if (r.valid) keys.set(`${r.case_id}\u0000${hitKey(r.kind, r.value)}`, { kind: r.kind, value: r.value, operationId: r.operation_id, caseId: r.case_id });
  }
  await admitLookups(tx, actor, keys.size, settings);
  await repo.insertMentions(tx, rows);
  const byCase = new Map<string, { kind: string; value: string; operationId: string; caseId: string }[]>();
  for (const k of keys.values()) byCase.set(k.caseId, [...(byCase.get(k.caseId) ?? []), k]);
  for (const group of byCase.values()) {
    const { operationId, caseId } = group[0]!;
    const { hidden } = splitByView(actor, await repo.sameIdentifiers(tx, operationId, group, caseId));
    await recordLookups(tx, actor, operationId, group.map((k) => lookupOf(k, hidden)), settings);
  }
}

/**
 * Removes an entity added by hand (those taken from persons go with their person).
 * @example await removeEntity(database, officerUg, caseId, entityId)
 */
export async function removeEntity(database: Database, actor: Actor, caseId: string, entityId: string) {
  await database.db.transaction().execute(async (tx) => {
    const c = await readableCase(tx, actor, caseId, true);
    if (!canAddEntities(actor, c)) {
      throw new Forbidden("entities are removed by the case's own bureau: its officers, analysts and admins");
    }
    if (!(await repo.deleteManualMention(tx, c.operation_id, c.id, entityId))) throw new NotFound('entity added by hand');
    await appendAudit(tx, actor, { action: 'delete', entity: 'entity', entityId, operationId: c.operation_id, detail: { case: c.id } });
  });
}
