// The identifiers a case's persons carry — contacts and documents — as entity mentions, normalised
// so that the same phone, handle or passport links cases across bureaus. Values that do not
// validate are kept as written and marked invalid; they never link.
import type { Insertable } from 'kysely';
import type { EntityMentionsTable } from '../../db/schema.ts';
import { type IdentifierContext, type IdentifierKind, normaliseIdentifier } from '../../entities/identifiers/index.ts';

interface ContactIn {
  kind: 'phone' | 'email' | 'handle' | 'url';
  value: string;
  platform?: string | undefined;
}

interface DocumentIn {
  kind: string;
  number: string;
  country: string;
}

export interface PersonIdentifiers {
  operationId: string;
  caseId: string;
  personId: string;
  /** The position in the case of the person's first mention. */
  position: number;
  contacts?: readonly ContactIn[] | undefined;
  documents?: readonly DocumentIn[] | undefined;
}

/** Document kinds that identify a person by number and issuing country. */
const DOCUMENT_TYPES: Record<string, string> = {
  passport: 'passport',
  national_id: 'identity_card',
  residence_permit: 'residence_permit',
  visa: 'visa',
  driving_licence: 'driving_licence',
  other: 'other',
};

/**
 * The mention rows of one person's contacts and documents. Phone numbers without a country code
 * are read as numbers of `defaultCountry` (the recording bureau's country).
 * @example mentionRows({ operationId, caseId, personId, position: 0, contacts: [{ kind: 'phone', value: '98412 34567' }] }, 'NP')
 */
export function mentionRows(person: PersonIdentifiers, defaultCountry: string): Insertable<EntityMentionsTable>[] {
  const rows: Insertable<EntityMentionsTable>[] = [];
  const add = (kind: IdentifierKind, raw: string, source: 'contact' | 'document', context: Parameters<typeof normaliseIdentifier>[2]) => {
    const id = normaliseIdentifier(kind, raw, context);
    rows.push({
      operation_id: person.operationId,
      case_id: person.caseId,
      person_id: person.personId,
      kind: id.kind,
      raw: id.raw,
      value: id.value,
      valid: id.valid,
      problem: id.problem ?? null,
      details: JSON.stringify(id.details),
      source,
      position: person.position + rows.length,
    });
  };
  for (const c of person.contacts ?? []) {
    add(c.kind, c.value, 'contact', { defaultCountry, ...(c.platform ? { platform: c.platform } : {}) });
  }
  for (const d of person.documents ?? []) {
    add('document', d.number, 'document', { issuingCountry: d.country, documentType: DOCUMENT_TYPES[d.kind] ?? 'other' });
  }
  return rows;
}

export interface MentionPlace {
  operationId: string;
  caseId: string;
  personId: string | null;
  position: number;
  createdBy: string | null;
}

/**
 * The row of an entity added by hand (or by the demo as an officer would): normalised, with what
 * the officer said about it (title, place, coordinates…) kept in its details.
 * @example manualMentionRow(place, 'crypto_wallet', 'TK2Cos…', {}, {})
 */
export function manualMentionRow(
  at: MentionPlace,
  kind: IdentifierKind,
  raw: string,
  context: IdentifierContext,
  details: Record<string, string>,
): Insertable<EntityMentionsTable> & { kind: string; value: string } {
  const id = normaliseIdentifier(kind, raw, context);
  return {
    operation_id: at.operationId,
    case_id: at.caseId,
    person_id: at.personId,
    kind: id.kind,
    raw: id.raw,
    value: id.value,
    valid: id.valid,
    problem: id.problem ?? null,
    details: JSON.stringify({ ...id.details, ...details }),
    source: 'manual',
    position: at.position,
    created_by: at.createdBy,
  };
}
