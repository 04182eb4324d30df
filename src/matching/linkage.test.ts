import { describe, expect, it } from 'vitest';
import { dedupePeople, linkPeople } from './linkage.ts';
import { type PersonRecord, emptyPerson } from './records.ts';

const GIVEN = ['anna', 'paul', 'maria', 'john', 'li', 'ivan', 'sara', 'omar', 'lena', 'tom', 'nina', 'ali'];
const SURNAMES = [
  'smith',
  'garcia',
  'wang',
  'ivanov',
  'nguyen',
  'khan',
  'silva',
  'okafor',
  'muller',
  'rossi',
];

// 120 distinct people, and for the first 40 a second record with one typo in the surname.
function people(): { left: PersonRecord[]; right: PersonRecord[] } {
  const left: PersonRecord[] = [];
  const right: PersonRecord[] = [];
  for (let i = 0; i < 120; i++) {
    const fields = {
      givenName: GIVEN[i % GIVEN.length]!,
      surname: SURNAMES[Math.floor(i / GIVEN.length) % SURNAMES.length]!,
      postcode: String(2000 + (i % 30)),
      dateOfBirth: `19${50 + (i % 40)}0${1 + (i % 9)}${10 + (i % 18)}`,
      idNumber: String(1_000_000 + i * 7919),
      suburb: `suburb${i % 25}`,
    };
    left.push(emptyPerson(`L${i}`, fields));
    if (i < 40) right.push(emptyPerson(`R${i}`, { ...fields, surname: `${fields.surname}e` }));
    else
      right.push(
        emptyPerson(`R${i}`, {
          ...fields,
          idNumber: String(9_000_000 + i),
          dateOfBirth: '20010101',
          givenName: 'zed',
        }),
      );
  }
  return { left, right };
}

describe('linkPeople', () => {
  it('links the records of the same person and explains each match', () => {
    const { left, right } = people();
    const result = linkPeople(left, right);
    const linked = result.matches.map((m) => `${m.leftId}-${m.rightId}`);
    for (let i = 0; i < 40; i++) expect(linked).toContain(`L${i}-R${i}`);
    expect(result.matches.every((m) => m.probability >= 0.5 && m.probability <= 1)).toBe(true);
    const match = result.matches.find((m) => m.leftId === 'L0')!;
    expect(match.explanation.find((e) => e.field === 'idNumber')).toMatchObject({ level: 'exact' });
    expect(match.explanation.find((e) => e.field === 'idNumber')!.weight).toBeGreaterThan(0);
    expect(match.explanation.find((e) => e.field === 'surname')!.level).not.toBe('exact');
    expect(result.candidatePairs).toBeLessThan(left.length * right.length);
  });

  it('refuses an empty side', () => {
    expect(() => linkPeople([], people().right)).toThrow(/empty/);
  });
});

describe('dedupePeople', () => {
  it('finds the duplicates within one file', () => {
    const { left, right } = people();
    const all = [...left, ...right.slice(0, 40)];
    const result = dedupePeople(all);
    const found = new Set(result.matches.map((m) => `${m.leftId}-${m.rightId}`));
    for (let i = 0; i < 40; i++) expect(found.has(`L${i}-R${i}`)).toBe(true);
    expect(result.matches.length).toBeLessThanOrEqual(45);
  });
});
