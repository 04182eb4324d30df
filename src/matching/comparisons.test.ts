import { describe, expect, it } from 'vitest';
import { MISSING, PERSON_COMPARISONS, compareRecords, oneEditApart } from './comparisons.ts';
import { emptyPerson } from './records.ts';

const levelOf = (field: string, a: string, b: string) => {
  const comparison = PERSON_COMPARISONS.find((c) => c.field === field)!;
  return comparison.levels[comparison.level(a, b)] ?? 'missing';
};

describe('oneEditApart', () => {
  it('sees one substitution, insertion, deletion or swap of neighbours', () => {
    expect(oneEditApart('4223', '4233')).toBe(true);
    expect(oneEditApart('4223', '42233')).toBe(true);
    expect(oneEditApart('4223', '423')).toBe(true);
    expect(oneEditApart('4223', '2423')).toBe(true);
  });

  it('refuses identical values and two edits', () => {
    expect(oneEditApart('4223', '4223')).toBe(false);
    expect(oneEditApart('4223', '4332')).toBe(false);
    expect(oneEditApart('4223', '422333')).toBe(false);
  });
});

describe('person comparisons', () => {
  it('grades names by Jaro–Winkler', () => {
    expect(levelOf('surname', 'neumann', 'neumann')).toBe('exact');
    expect(levelOf('surname', 'neumann', 'neumanm')).toBe('jaro-winkler ≥ 0.92');
    expect(levelOf('surname', 'neumann', 'newman')).toBe('jaro-winkler ≥ 0.8');
    expect(levelOf('surname', 'neumann', 'painter')).toBe('different');
    expect(levelOf('surname', '', 'painter')).toBe('missing');
  });

  it('grades dates of birth: exact, swapped day and month, a slip, different', () => {
    expect(levelOf('dateOfBirth', '19151112', '19151112')).toBe('exact');
    expect(levelOf('dateOfBirth', '19151112', '19151211')).toBe('day and month swapped');
    expect(levelOf('dateOfBirth', '19151112', '19151113')).toBe('one typing slip');
    expect(levelOf('dateOfBirth', '19151112', '19800101')).toBe('different');
  });

  it('builds the vector of a pair, missing where a side is empty', () => {
    const a = emptyPerson('a', { givenName: 'michaela', surname: 'neumann', postcode: '4223' });
    const b = emptyPerson('b', { givenName: 'michaela', surname: 'neuman', postcode: '4233' });
    const vector = compareRecords(a, b);
    expect(vector[0]).toBe(0);
    expect(vector[1]).toBe(1);
    expect(vector[2]).toBe(MISSING);
    expect(vector[6]).toBe(1);
  });
});
