// An operation's case persons as the person-linkage model reads them, and the linkage run that
// suits the operation's size: EM on a large operation, fixed priors on a small one.
import { type CandidatePairs, blockDeduplication } from '../../matching/blocking.ts';
import { type Comparison, MISSING, PERSON_COMPARISONS, compareRecords } from '../../matching/comparisons.ts';
import { seededRandom } from '../../shared/random.ts';
import type { LinkageModel } from '../../matching/em.ts';
import { type FieldEvidence, dedupePeople, scorePair } from '../../matching/linkage.ts';
import { type PersonField, type PersonRecord, emptyPerson } from '../../matching/records.ts';
import { nameTokens } from '../../matching/transliterate.ts';
import { normaliseIdentifier } from '../../entities/identifiers/index.ts';

/** What linkage needs of a case person (a row of case_persons). */
export interface PersonToMatch {
  id: string;
  name: string;
  other_names: unknown;
  birth_date: string | null;
  gender: string;
  nationalities: readonly string[];
  documents: unknown;
}

// Case persons have no address: linkage reads the fields below, and the record fields it was built
// with carry Cordon's meanings (a gender in streetNumber, nationalities in state).
const FIELD_LABELS: Partial<Record<PersonField, string>> = {
  givenName: 'nameFirstWord',
  surname: 'nameOtherWords',
  dateOfBirth: 'birthDate',
  idNumber: 'document',
  state: 'nationality',
  streetNumber: 'gender',
};

/** The comparisons made between two case persons: names, birth date, document, nationality, gender. */
export const CASE_PERSON_COMPARISONS: readonly Comparison[] = PERSON_COMPARISONS.filter((c) => c.field in FIELD_LABELS);

const DOCUMENT_PREFERENCE = ['passport', 'national_id', 'residence_permit', 'driving_licence', 'visa', 'other'];

interface DocumentIn {
  kind?: string;
  number?: string;
  country?: string;
}

/** The person's strongest document as 'NP:PA1234567' (the entity mentions' form), or ''. */
function documentKey(documents: unknown): string {
  if (!Array.isArray(documents)) return '';
  const rank = (d: DocumentIn) => {
    const r = DOCUMENT_PREFERENCE.indexOf(d.kind ?? 'other');
    return r < 0 ? DOCUMENT_PREFERENCE.length : r;
  };
  const [best] = (documents as DocumentIn[]).filter((d) => d?.number).sort((a, b) => rank(a) - rank(b));
  if (!best?.number) return '';
  const id = normaliseIdentifier('document', best.number, best.country ? { issuingCountry: best.country } : {});
  // A number the validator refuses is still evidence when written the same way in both cases.
  return id.value || `${best.country ?? ''}:${best.number.toUpperCase().replace(/[^A-Z0-9]/g, '')}`;
}

function nameOf(person: PersonToMatch): string {
  if (person.name.trim()) return person.name;
  const others = Array.isArray(person.other_names) ? (person.other_names as { name?: string }[]) : [];
  return others.find((o) => o?.name?.trim())?.name ?? '';
}

/**
 * A case person as a linkage record. The name is transliterated to ASCII tokens (王小明 → wang
 * xiaoming), its first word and the rest joined; linkage tries the two crosswise, so 'Xiaoming
 * Wang' meets 'Wang Xiaoming'.
 * @example personRecord({ id, name: '王小明', birth_date: '1990-05-01', gender: 'male', nationalities: ['CN'], documents: [], other_names: [] })
 * // { id, givenName: 'wang', surname: 'xiaoming', dateOfBirth: '19900501', state: 'CN', streetNumber: 'male', … }
 */
export function personRecord(person: PersonToMatch): PersonRecord {
  const tokens = nameTokens(nameOf(person));
  return emptyPerson(person.id, {
    givenName: tokens.length > 1 ? tokens[0]! : '',
    surname: tokens.length > 1 ? tokens.slice(1).join('') : (tokens[0] ?? ''),
    dateOfBirth: (person.birth_date ?? '').replace(/\D/g, ''),
    idNumber: documentKey(person.documents),
    state: [...person.nationalities].sort().join('+'),
    streetNumber: person.gender === 'unknown' ? '' : person.gender,
  });
}

// EM needs many persons and pairs, most of them non-matches, to tell "same person" from "alike".
// Measured on generated operations (bench-like, 1 in 15 persons recorded twice): on a handful of
// pairs it sets λ near 1 and calls two sisters with one surname the same person; up to about 1,500
// persons it still settles on "same name" (λ 0.16–0.93, ten times more matches than duplicates);
// from about 1,700 persons it finds nine in ten duplicates with few false matches.
export const MIN_PERSONS_FOR_EM = 2000;
export const MIN_PAIRS_FOR_EM = 1000;

/**
 * Did EM fit "same person"? Past half the candidates taken for matches, or more matched pairs than
 * persons, it fitted "alike" (one family, one village, one common name) instead.
 */
function plausibleFit(lambda: number, matches: number, persons: number): boolean {
  return lambda <= 0.5 && matches <= persons;
}

// Fixed m and u for small operations, one row per comparison in CASE_PERSON_COMPARISONS order:
// names agree by chance about 1 in 100, birth dates 1 in 2,000, document numbers almost never.
const PRIOR_M: Record<string, number[]> = {
  givenName: [0.85, 0.08, 0.04, 0.03],
  surname: [0.85, 0.08, 0.04, 0.03],
  streetNumber: [0.97, 0.03],
  state: [0.9, 0.1],
  dateOfBirth: [0.9, 0.02, 0.05, 0.03],
  idNumber: [0.9, 0.04, 0.06],
};
const PRIOR_U: Record<string, number[]> = {
  givenName: [0.01, 0.01, 0.05, 0.93],
  surname: [0.01, 0.01, 0.05, 0.93],
  streetNumber: [0.5, 0.5],
  // One operation's victims often share a nationality.
  state: [0.3, 0.7],
  dateOfBirth: [0.0005, 0.00005, 0.005, 0.99445],
  idNumber: [0.00001, 0.0001, 0.99989],
};
// One candidate pair in a hundred is taken to be a match before the fields are read.
const PRIOR_LAMBDA = 0.01;

/** The fixed model small operations are scored with. */
export function priorModel(comparisons: readonly Comparison[] = CASE_PERSON_COMPARISONS): LinkageModel {
  const row = (table: Record<string, number[]>, c: Comparison) => {
    const values = table[c.field];
    if (!values || values.length !== c.levels.length) throw new Error(`no prior for the ${c.field} comparison: add one to PRIOR_M and PRIOR_U`);
    return values;
  };
  return {
    m: comparisons.map((c) => row(PRIOR_M, c)),
    u: comparisons.map((c) => row(PRIOR_U, c)),
    lambda: PRIOR_LAMBDA,
    iterations: 0,
  };
}

export interface MatchedPair {
  leftId: string;
  rightId: string;
  probability: number;
  explanation: FieldEvidence[];
}

export interface PeopleLinkage {
  pairs: MatchedPair[];
  candidatePairs: number;
  /** 'em': m, u and λ fitted to the operation; 'priors': the fixed model, too few pairs to fit. */
  model: 'em' | 'priors';
}

/** The explanation in Cordon's field names. */
function relabel(explanation: readonly FieldEvidence[]): FieldEvidence[] {
  return explanation.map((e) => ({ field: FIELD_LABELS[e.field as PersonField] ?? e.field, level: e.level, weight: e.weight }));
}

// How much the operation's own persons weigh against the fixed u: as if the prior came from this
// many random pairs. A few hundred persons already say how often their names agree by chance.
const PRIOR_PAIRS = 200;
const U_SAMPLE = 50_000;

/**
 * u from the operation itself: how often two random persons of it agree on each field (one
 * operation's victims often share surnames, a village, a nationality), smoothed towards the fixed u.
 */
function operationU(records: readonly PersonRecord[], prior: number[][]): number[][] {
  const counts = prior.map((levels) => levels.map((u) => u * PRIOR_PAIRS));
  const random = seededRandom(records.length);
  const vector = new Int8Array(CASE_PERSON_COMPARISONS.length);
  for (let i = 0; i < U_SAMPLE; i++) {
    const a = Math.floor(random.next() * records.length);
    const b = Math.floor(random.next() * records.length);
    if (a === b) continue;
    compareRecords(records[a]!, records[b]!, CASE_PERSON_COMPARISONS, vector);
    vector.forEach((level, c) => {
      if (level !== MISSING) counts[c]![level]! += 1;
    });
  }
  return counts.map((levels) => {
    const total = levels.reduce((sum, n) => sum + n, 0);
    return levels.map((n) => n / total);
  });
}

// A name alone, however close, is not a person: homonyms are common in every naming tradition, so
// a proposal needs a birth date or a document that agrees too.
const CORROBORATING = new Set(['birthDate', 'document']);

function scoreWithPriors(records: readonly PersonRecord[], candidates: CandidatePairs, threshold: number): MatchedPair[] {
  const prior = priorModel();
  const model = { ...prior, u: operationU(records, prior.u) };
  const weights = model.m.map((levels, c) => levels.map((m, level) => Math.log2(m / model.u[c]![level]!)));
  const pairs: MatchedPair[] = [];
  for (let p = 0; p < candidates.count; p++) {
    const [left, right] = [records[candidates.left[p]!]!, records[candidates.right[p]!]!];
    const vector = compareRecords(left, right, CASE_PERSON_COMPARISONS);
    const score = scorePair(vector, model, weights, CASE_PERSON_COMPARISONS);
    if (score.probability < threshold) continue;
    const explanation = relabel(score.explanation);
    if (!explanation.some((e) => CORROBORATING.has(e.field) && e.weight > 0)) continue;
    pairs.push({ leftId: left.id, rightId: right.id, probability: score.probability, explanation });
  }
  return pairs;
}

/**
 * The pairs of persons judged the same, with probability and explanation. A large operation's
 * model is fitted by EM; a small one (fewer than MIN_PERSONS_FOR_EM persons or MIN_PAIRS_FOR_EM
 * candidate pairs), or one where EM fits something other than "same person", is scored with fixed priors.
 * @example const { pairs, model } = linkOperationPeople(people.map(personRecord)) // model: 'priors'
 */
export function linkOperationPeople(
  records: readonly PersonRecord[],
  { threshold = 0.5, onProgress }: { threshold?: number; onProgress?: ((note: string) => void) | undefined } = {},
): PeopleLinkage {
  if (records.length < 2) return { pairs: [], candidatePairs: 0, model: 'priors' };
  const candidates = blockDeduplication(records);
  if (records.length >= MIN_PERSONS_FOR_EM && candidates.count >= MIN_PAIRS_FOR_EM) {
    const result = dedupePeople(records, { threshold, comparisons: CASE_PERSON_COMPARISONS, ...(onProgress ? { onProgress } : {}) });
    if (plausibleFit(result.model.lambda, result.matches.length, records.length)) {
      const pairs = result.matches.map((m) => ({ leftId: m.leftId, rightId: m.rightId, probability: m.probability, explanation: relabel(m.explanation) }));
      return { pairs, candidatePairs: result.candidatePairs, model: 'em' };
    }
    onProgress?.(`EM fitted "alike" rather than "same person" (λ = ${result.model.lambda.toFixed(2)}): scoring with fixed priors instead`);
  } else {
    onProgress?.(`${records.length} persons, ${candidates.count} candidate pairs: too few to fit by EM, scoring with fixed priors`);
  }
  return { pairs: scoreWithPriors(records, candidates, threshold), candidatePairs: candidates.count, model: 'priors' };
}
