// FollowTheMoney export: the cases, persons and identifiers a caller may see as FtM entities, one
// JSON object a line, the format Aleph and the `ftm` tools import. Identifiers are keyed by their
// normalised value, so a wallet named in two cases is one CryptoWallet tied to both cases' persons.
import { createHash } from 'node:crypto';
import { Readable } from 'node:stream';
import type { Actor } from '../../access/actor.ts';
import { appendAudit } from '../../access/audit.ts';
import { visibleTo } from '../../access/sharing.ts';
import type { Database, Tx } from '../../db/connection.ts';
import { seesChildIdentity } from '../cases/persons.ts';
import { type ExportOptions, requireExportAccess } from './service.ts';

/** One FtM entity as FtM tools read it: every property a list of strings. */
export interface FtmEntity {
  id: string;
  schema: string;
  properties: Record<string, string[]>;
}

export interface FtmCase {
  id: string;
  title: string;
  openedOn: string;
  closedOn: string | null;
  ownerCountry: string;
}

export interface FtmPerson {
  id: string;
  caseId: string;
  role: string;
  name: string;
  otherNames: readonly { name: string }[];
  birthDate: string | null;
  gender: string;
  nationalities: readonly string[];
}

export interface FtmMention {
  id: string;
  caseId: string;
  personId: string | null;
  kind: string;
  raw: string;
  value: string;
  valid: boolean;
  details: Record<string, unknown>;
}

export interface FtmMatch {
  id: string;
  leftPersonId: string;
  rightPersonId: string;
  score: number;
}

/** What the caller may see, already filtered: child victims hidden from them are not in it. */
export interface FtmInput {
  cases: readonly FtmCase[];
  persons: readonly FtmPerson[];
  mentions: readonly FtmMention[];
  matches: readonly FtmMatch[];
}

const hash = (...parts: string[]) => createHash('sha256').update(parts.join('\u0000')).digest('hex').slice(0, 32);
/** The Event of a case; namespaced so that Cordon ids never clash with other sources in Aleph. */
export const caseEntityId = (caseId: string) => `cordon-case-${caseId}`;
/** The Person of a case person (one per case: the same human in two cases is joined by a Similar). */
export const personEntityId = (personId: string) => `cordon-person-${personId}`;

/**
 * A valid identifier is keyed by kind and normalised value, so every case naming it points at one
 * entity; an invalid one never links in Cordon, so it stays one entity per mention.
 * @example identifierEntityId({ id, kind: 'crypto_wallet', value: '0x5aAe…', valid: true }) // 'cordon-crypto-wallet-3f1c…'
 */
export function identifierEntityId(mention: Pick<FtmMention, 'id' | 'kind' | 'value' | 'valid'>): string {
  if (!mention.valid) return `cordon-mention-${mention.id}`;
  return `cordon-${mention.kind.replaceAll('_', '-')}-${hash(mention.kind, mention.value)}`;
}

/** FtM's country type takes lower-case ISO 3166-1 alpha-2 codes; anything else is left out. */
function country(code: unknown): string[] {
  return typeof code === 'string' && /^[A-Za-z]{2}$/.test(code) ? [code.toLowerCase()] : [];
}

function text(value: unknown): string[] {
  if (typeof value === 'number' && Number.isFinite(value)) return [String(value)];
  return typeof value === 'string' && value.trim() !== '' ? [value.trim()] : [];
}

/** Entities by id; adding the same id again merges its property values. */
class EntitySet {
  readonly byId = new Map<string, FtmEntity>();

  add(id: string, schema: string, properties: Record<string, readonly string[]>): string {
    const entity = this.byId.get(id) ?? { id, schema, properties: {} };
    // A document seen as a passport in one case and an ID elsewhere is the passport (Passport extends Identification).
    if (schema === 'Passport') entity.schema = schema;
    for (const [name, values] of Object.entries(properties)) {
      if (values.length === 0) continue;
      entity.properties[name] = [...new Set([...(entity.properties[name] ?? []), ...values])];
    }
    this.byId.set(id, entity);
    return id;
  }

  /** A relationship entity whose id follows from what it joins, so it is written once. */
  link(schema: string, properties: Record<string, readonly string[]>): void {
    const key = Object.entries(properties).flatMap(([k, v]) => [k, ...v]);
    this.add(`cordon-${schema.toLowerCase()}-${hash(schema, ...key)}`, schema, properties);
  }
}

const GENDERS = new Set(['female', 'male', 'other']);

function addPerson(set: EntitySet, person: FtmPerson): void {
  const aliases = person.otherNames.map((n) => n.name).filter((n) => n.trim() !== '');
  const name = person.name.trim() || aliases[0];
  set.add(personEntityId(person.id), 'Person', {
    name: name ? [name] : [],
    alias: aliases.filter((a) => a !== name),
    birthDate: text(person.birthDate),
    gender: GENDERS.has(person.gender) ? [person.gender] : [],
    nationality: person.nationalities.flatMap(country),
    // The role in the case (victim, suspect…): FtM has no property for it, keywords are searchable.
    keywords: [person.role],
  });
}

function addCase(set: EntitySet, c: FtmCase, involved: string[]): void {
  set.add(caseEntityId(c.id), 'Event', {
    name: [c.title],
    recordId: [c.id],
    startDate: [c.openedOn],
    endDate: text(c.closedOn),
    country: country(c.ownerCountry),
    involved,
  });
}

/** Native coin of the chains Cordon validates, for CryptoWallet.currency. */
const CHAIN_CURRENCY: Record<string, string> = { bitcoin: 'BTC', ethereum: 'ETH', tron: 'TRX' };

/** The owner of a mention: its person when it came from one, else the case itself. */
interface Owner {
  caseEntity: string;
  person: string | null;
}

type MentionMapper = (set: EntitySet, m: FtmMention, id: string, owner: Owner) => void;

const NAMED_IN_CASE = 'named in the case';

/** An identifier that belongs to no person is tied to its case by an UnknownLink. */
function tieToCase(set: EntitySet, owner: Owner, id: string): void {
  if (!owner.person) set.link('UnknownLink', { subject: [owner.caseEntity], object: [id], role: [NAMED_IN_CASE] });
}

const shown = (m: FtmMention) => (m.valid ? m.value : m.raw);

const MAPPERS: Record<string, MentionMapper> = {
  phone: (set, m, _id, owner) =>
    owner.person ? set.add(owner.person, 'Person', { phone: [shown(m)] }) : set.add(owner.caseEntity, 'Event', { phoneMentioned: [shown(m)] }),
  email: (set, m, _id, owner) =>
    owner.person ? set.add(owner.person, 'Person', { email: [shown(m)] }) : set.add(owner.caseEntity, 'Event', { emailMentioned: [shown(m)] }),
  url: (set, m, id, owner) => addWebAddress(set, m, id, owner),
  domain: (set, m, id, owner) => addWebAddress(set, m, id, owner),
  handle: (set, m, id, owner) => {
    set.add(id, 'UserAccount', {
      username: [shown(m)],
      service: text(m.details.platformName ?? m.details.platform),
      owner: owner.person ? [owner.person] : [],
    });
    tieToCase(set, owner, id);
  },
  crypto_wallet: (set, m, id, owner) => {
    const chain = typeof m.details.chain === 'string' ? m.details.chain : '';
    set.add(id, 'CryptoWallet', {
      publicKey: [shown(m)],
      currency: CHAIN_CURRENCY[chain] ? [CHAIN_CURRENCY[chain]] : [],
      // The chain itself (an EVM chain besides Ethereum, say) has no property of its own.
      keywords: text(chain),
      holder: owner.person ? [owner.person] : [],
    });
    tieToCase(set, owner, id);
  },
  bank_account: (set, m, id, owner) => {
    const iban = m.valid && m.details.format !== 'national';
    set.add(id, 'BankAccount', { [iban ? 'iban' : 'accountNumber']: [shown(m)], country: country(m.details.country) });
    // BankAccount has no holder property: FtM ties an owner to an asset through Ownership.
    if (owner.person) set.link('Ownership', { owner: [owner.person], asset: [id], role: ['account holder'] });
    tieToCase(set, owner, id);
  },
  document: (set, m, id, owner) => {
    // Identification requires a holder; a document that belongs to no person has none to give.
    if (!owner.person) return;
    const type = text(m.details.documentType);
    set.add(id, type[0] === 'passport' ? 'Passport' : 'Identification', {
      holder: [owner.person],
      number: m.valid ? text(m.details.number ?? m.value) : [m.raw],
      country: country(m.details.issuingCountry),
      type,
    });
  },
  company: (set, m, id, owner) => {
    set.add(id, 'Company', { name: [m.raw], legalForm: text(m.details.legalForm), country: country(m.details.country) });
    set.add(owner.caseEntity, 'Event', { involved: [id] });
    if (owner.person) set.link('UnknownLink', { subject: [owner.person], object: [id], role: [NAMED_IN_CASE] });
  },
  job_ad: (set, m, id, owner) => {
    set.add(id, 'Article', {
      title: text(m.details.title).length ? text(m.details.title) : [m.raw.slice(0, 200)],
      bodyText: [m.raw],
      sourceUrl: text(m.details.url),
      country: country(m.details.country),
    });
    set.link('Documentation', { document: [id], entity: [owner.person ?? owner.caseEntity], role: ['job ad'] });
  },
  scam_compound: (set, m, id, owner) => {
    set.add(id, 'Address', {
      name: [m.raw],
      full: text(m.details.address).length ? text(m.details.address) : [[m.raw, ...text(m.details.place)].join(', ')],
      country: country(m.details.country),
      latitude: text(m.details.lat),
      longitude: text(m.details.lon),
    });
    set.add(owner.person ?? owner.caseEntity, owner.person ? 'Person' : 'Event', { addressEntity: [id] });
  },
};

/** A person's web address is their website; a case's is a web page (HyperText) documenting the case. */
function addWebAddress(set: EntitySet, m: FtmMention, id: string, owner: Owner): void {
  if (owner.person) {
    set.add(owner.person, 'Person', { website: [shown(m)] });
    return;
  }
  set.add(id, 'HyperText', { title: [m.raw], sourceUrl: [shown(m)] });
  set.link('Documentation', { document: [id], entity: [owner.caseEntity], role: [NAMED_IN_CASE] });
}

/**
 * The FtM entities of what the caller may see: cases as Event, persons as Person, identifiers
 * as their own schemata or as properties, confirmed same-person matches as Similar. Mentions of a
 * case or person not in the input are dropped, so every reference points inside the export.
 * @example ftmEntities({ cases, persons, mentions, matches }).map((e) => e.schema) // ['Event', 'Person', 'CryptoWallet', …]
 */
export function ftmEntities(input: FtmInput): FtmEntity[] {
  const set = new EntitySet();
  const cases = new Set(input.cases.map((c) => c.id));
  const persons = input.persons.filter((p) => cases.has(p.caseId));
  const personIds = new Set(persons.map((p) => p.id));
  for (const c of input.cases) {
    addCase(set, c, persons.filter((p) => p.caseId === c.id).map((p) => personEntityId(p.id)));
  }
  for (const p of persons) addPerson(set, p);
  for (const m of input.mentions) {
    const mapper = MAPPERS[m.kind];
    if (!mapper || !cases.has(m.caseId) || (m.personId !== null && !personIds.has(m.personId))) continue;
    mapper(set, m, identifierEntityId(m), { caseEntity: caseEntityId(m.caseId), person: m.personId ? personEntityId(m.personId) : null });
  }
  for (const match of input.matches) {
    if (!personIds.has(match.leftPersonId) || !personIds.has(match.rightPersonId)) continue;
    set.add(`cordon-match-${match.id}`, 'Similar', {
      candidate: [personEntityId(match.leftPersonId)],
      match: [personEntityId(match.rightPersonId)],
      confidenceScore: [String(match.score)],
      criteria: ['person linkage, confirmed by an analyst'],
      matcher: ['cordon'],
    });
  }
  return [...set.byId.values()];
}

/** The rows of the operation that the actor may see, child victims they may not see left out. */
async function visibleRows(database: Database, actor: Actor, operationId: string): Promise<FtmInput> {
  const db = database.db;
  const cases = await db
    .selectFrom('cases')
    .innerJoin('bureaus', 'bureaus.id', 'cases.owner_bureau_id')
    .select(['cases.id', 'cases.title', 'cases.opened_on', 'cases.closed_on', 'bureaus.country'])
    .where('cases.operation_id', '=', operationId)
    .where(visibleTo(actor, 'cases'))
    .orderBy('cases.opened_on')
    .orderBy('cases.id')
    .execute();
  const persons = await db
    .selectFrom('case_persons as p')
    .innerJoin('cases', (join) => join.onRef('cases.operation_id', '=', 'p.operation_id').onRef('cases.id', '=', 'p.case_id'))
    .select(['p.id', 'p.case_id', 'p.role', 'p.name', 'p.other_names', 'p.birth_date', 'p.gender', 'p.nationalities', 'p.is_child', 'cases.owner_bureau_id'])
    .where('p.operation_id', '=', operationId)
    .where(visibleTo(actor, 'cases'))
    .orderBy('p.created_at')
    .orderBy('p.id')
    .execute();
  const mentions = await db
    .selectFrom('entity_mentions as m')
    .innerJoin('cases', (join) => join.onRef('cases.operation_id', '=', 'm.operation_id').onRef('cases.id', '=', 'm.case_id'))
    .select(['m.id', 'm.case_id', 'm.person_id', 'm.kind', 'm.raw', 'm.value', 'm.valid', 'm.details'])
    .where('m.operation_id', '=', operationId)
    .where(visibleTo(actor, 'cases'))
    .orderBy('m.case_id')
    .orderBy('m.position')
    .execute();
  const matches = await db
    .selectFrom('person_matches')
    .select(['id', 'left_person_id', 'right_person_id', 'score'])
    .where('operation_id', '=', operationId)
    .where('status', '=', 'confirmed')
    .execute();
  return {
    cases: cases.map((c) => ({ id: c.id, title: c.title, openedOn: c.opened_on, closedOn: c.closed_on, ownerCountry: c.country })),
    // Not even masked: a child victim the caller may not identify is absent, with its identifiers.
    persons: persons
      .filter((p) => !p.is_child || seesChildIdentity(actor, p.owner_bureau_id))
      .map((p) => ({
        id: p.id,
        caseId: p.case_id,
        role: p.role,
        name: p.name,
        otherNames: Array.isArray(p.other_names) ? (p.other_names as { name: string }[]) : [],
        birthDate: p.birth_date,
        gender: p.gender,
        nationalities: p.nationalities,
      })),
    mentions: mentions.map((m) => ({
      id: m.id,
      caseId: m.case_id,
      personId: m.person_id,
      kind: m.kind,
      raw: m.raw,
      value: m.value,
      valid: m.valid,
      details: (m.details ?? {}) as Record<string, unknown>,
    })),
    matches: matches.map((m) => ({ id: m.id, leftPersonId: m.left_person_id, rightPersonId: m.right_person_id, score: m.score })),
  };
}

async function* jsonLines(entities: readonly FtmEntity[]) {
  for (let i = 0; i < entities.length; i += 1) {
    yield `${JSON.stringify(entities[i])}\n`;
    // Let other requests run between slices of a large export.
    if (i % 500 === 499) await new Promise((resolve) => setImmediate(resolve));
  }
}

/**
 * The FtM export of what the actor may see, as a stream of JSON lines, after the audit entry is
 * written. Same audience as the victim-case exports: it names persons, so never field teams or partners.
 * @example (await ftmExport(database, actor, operationId)).lines.pipe(createWriteStream('cordon.ftm.jsonl'))
 */
export async function ftmExport(database: Database, actor: Actor, operationId: string, options: ExportOptions = {}) {
  await requireExportAccess(database, actor, operationId);
  const input = await visibleRows(database, actor, operationId);
  const entities = ftmEntities(input);
  const audit = (tx: Tx) =>
    appendAudit(tx, actor, {
      action: 'export',
      entity: 'ftm',
      operationId,
      detail: { entities: entities.length, cases: input.cases.length, persons: input.persons.length },
    });
  if (options.audit !== false) await database.db.transaction().execute(audit);
  return { lines: Readable.from(jsonLines(entities), { objectMode: false }), count: entities.length, audit };
}
