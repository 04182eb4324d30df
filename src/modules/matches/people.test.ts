import { describe, expect, it } from 'vitest';
import { dedupePeople } from '../../matching/linkage.ts';
import { seededRandom } from '../../shared/random.ts';
import { MIN_PERSONS_FOR_EM, type PersonToMatch, linkOperationPeople, personRecord } from './people.ts';

const person = (id: string, extra: Partial<PersonToMatch>): PersonToMatch => ({
  id,
  name: '',
  other_names: [],
  birth_date: null,
  gender: 'unknown',
  nationalities: [],
  documents: [],
  ...extra,
});

// A small operation: two sisters (one surname, different births and passports), one man recorded
// twice in two scripts, and a few others.
const smallOperation = [
  person('sita', { name: 'Sita Tamang', birth_date: '1999-01-01', gender: 'female', nationalities: ['NP'], documents: [{ kind: 'passport', number: 'PA1111111', country: 'NP' }] }),
  person('gita', { name: 'Gita Tamang', birth_date: '2001-05-05', gender: 'female', nationalities: ['NP'], documents: [{ kind: 'passport', number: 'PA7654321', country: 'NP' }] }),
  person('wang-latin', { name: 'Xiaoming Wang', birth_date: '1990-05-01', gender: 'male', nationalities: ['CN'], documents: [{ kind: 'passport', number: 'E12345678', country: 'CN' }] }),
  person('wang-han', { name: '王小明', birth_date: '1990-05-01', gender: 'male', nationalities: ['CN'], documents: [{ kind: 'passport', number: 'e1234 5678', country: 'CN' }] }),
  person('ram', { name: 'Ram Thapa', birth_date: '1980-01-01', nationalities: ['NP'] }),
  person('ali', { name: 'Ali Khan', birth_date: '1985-03-03', nationalities: ['PK'] }),
];

describe('personRecord', () => {
  it('transliterates the name and keeps birth date, document, nationality and gender', () => {
    expect(personRecord(smallOperation[3]!)).toMatchObject({
      givenName: 'wang',
      surname: 'xiaoming',
      dateOfBirth: '19900501',
      idNumber: 'CN:E12345678',
      state: 'CN',
      streetNumber: 'male',
    });
  });
});

describe('linkOperationPeople on a small operation', () => {
  it('finds the man written in two scripts and word orders, with an explanation', () => {
    const { pairs, model } = linkOperationPeople(smallOperation.map(personRecord));
    expect(model).toBe('priors');
    expect(pairs.map((p) => [p.leftId, p.rightId].sort().join('~'))).toEqual(['wang-han~wang-latin']);
    expect(pairs[0]!.probability).toBeGreaterThan(0.99);
    expect(pairs[0]!.explanation.find((e) => e.field === 'document')).toMatchObject({ level: 'exact' });
    expect(pairs[0]!.explanation.map((e) => e.field)).toContain('birthDate');
  });

  it('does not take two sisters for one person, where EM on so few pairs does', () => {
    const records = smallOperation.filter((p) => p.id === 'sita' || p.id === 'gita' || p.id === 'ram').map(personRecord);
    // Why the fixed priors: EM fitted to one candidate pair sets λ ≈ 1 and calls it a sure match.
    const em = dedupePeople(records);
    expect(em.model.lambda).toBeGreaterThan(0.9);
    expect(em.matches).toHaveLength(1);
    const { pairs, candidatePairs } = linkOperationPeople(records);
    expect(candidatePairs).toBeGreaterThan(0);
    expect(pairs).toEqual([]);
  });

  it('needs two persons to compare', () => {
    expect(linkOperationPeople([personRecord(smallOperation[0]!)])).toEqual({ pairs: [], candidatePairs: 0, model: 'priors' });
  });
});

const GIVEN = 'anna paul maria john li ivan sara omar lena tom nina ali sita ram gita hari maya priya rahul wei arjun deepa kumar bina suman anil ravi asha lakshmi joseph fatima aisha hassan yusuf mei jun hui nam linh tuan'.split(' ');
const SURNAMES = 'smith garcia wang ivanov nguyen khan silva okafor muller rossi tamang thapa rai gurung sharma singh begum chen lopez kim lama magar shrestha karki das roy ali hossain islam rahman tran le pham li zhang liu yilmaz kaya demir sahin'.split(' ');

/** `count` persons with common names, and one in 15 recorded again (name swapped or misspelt). */
function generatedOperation(count: number) {
  const random = seededRandom(7).next;
  const pick = <T>(values: readonly T[]) => values[Math.floor(random() * values.length)]!;
  const two = (n: number) => String(n).padStart(2, '0');
  const people: PersonToMatch[] = [];
  for (let i = 0; i < count; i++) {
    const birth = `${1960 + Math.floor(random() * 45)}-${two(1 + Math.floor(random() * 12))}-${two(1 + Math.floor(random() * 28))}`;
    const original = person(`p${i}`, {
      name: `${pick(GIVEN)} ${pick(SURNAMES)}`,
      birth_date: random() < 0.8 ? birth : null,
      gender: pick(['male', 'female', 'unknown']),
      nationalities: [pick(['NP', 'IN', 'CN', 'TR', 'BD'])],
      documents: random() < 0.5 ? [{ kind: 'passport', number: `X${Math.floor(random() * 1e7)}`, country: 'NP' }] : [],
    });
    people.push(original);
    if (i < count / 15) {
      const name = random() < 0.5 ? original.name.split(' ').reverse().join(' ') : `${original.name}h`;
      people.push({ ...original, id: `d${i}`, name, documents: random() < 0.5 ? original.documents : [] });
    }
  }
  return { people, duplicates: Math.ceil(count / 15) };
}

function quality(pairs: { leftId: string; rightId: string }[]) {
  const found = pairs.filter((p) => p.leftId.slice(1) === p.rightId.slice(1) && p.leftId[0] !== p.rightId[0]).length;
  return { found, wrong: pairs.length - found };
}

describe('linkOperationPeople by size', () => {
  it('fits a large operation by EM and finds most of its duplicates', () => {
    const { people, duplicates } = generatedOperation(MIN_PERSONS_FOR_EM);
    const { pairs, model } = linkOperationPeople(people.map(personRecord));
    expect(model).toBe('em');
    const { found, wrong } = quality(pairs);
    expect(found).toBeGreaterThan(duplicates * 0.85);
    expect(wrong).toBeLessThan(found * 0.1);
  });

  it('keeps to the priors below that, where EM would take "same name" for "same person"', () => {
    const { people, duplicates } = generatedOperation(800);
    const { pairs, model } = linkOperationPeople(people.map(personRecord));
    expect(model).toBe('priors');
    const { found, wrong } = quality(pairs);
    // A name alone proposes nothing: the duplicates recorded without a birth date or a document are left.
    expect(found).toBeGreaterThan(duplicates * 0.75);
    // With 1,600 name combinations among 850 persons many share a name, but a shared name is not enough.
    expect(wrong).toBeLessThan(people.length / 50);
  });
});
