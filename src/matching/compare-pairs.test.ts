import { describe, expect, it } from 'vitest';
import { decodePattern, prepareComparisons } from './compare-pairs.ts';
import { MISSING, PERSON_COMPARISONS, compareRecords } from './comparisons.ts';
import { emptyPerson } from './records.ts';

const people = [
  emptyPerson('a', {
    givenName: 'josé',
    surname: 'nguyễn',
    postcode: '4223',
    suburb: 'toowong',
    state: 'qld',
  }),
  emptyPerson('b', {
    givenName: 'jose',
    surname: 'nguyen',
    postcode: '4223',
    suburb: 'toowong',
    state: 'qld',
  }),
  emptyPerson('c', {
    givenName: 'josie',
    surname: 'ngyuen',
    postcode: '4233',
    suburb: 'toowong',
    state: 'qld',
  }),
];

describe('prepareComparisons', () => {
  it('gives the levels compareRecords gives, with marks folded', () => {
    const comparer = prepareComparisons(people, people, PERSON_COMPARISONS);
    const levels = new Int8Array(PERSON_COMPARISONS.length);
    comparer.compare(0, 2, levels, 0);
    expect(levels).toEqual(compareRecords(people[1]!, people[2]!));
    expect(decodePattern(comparer.code(0, 2), PERSON_COMPARISONS)).toEqual(Array.from(levels));
    expect(decodePattern(comparer.code(0, 1), PERSON_COMPARISONS).slice(0, 2)).toEqual([0, 0]);
  });

  it('counts a suburb and state once with an agreeing postcode', () => {
    const comparer = prepareComparisons(people, people, PERSON_COMPARISONS);
    const levels = decodePattern(comparer.code(0, 1), PERSON_COMPARISONS);
    const at = (field: string) => levels[PERSON_COMPARISONS.findIndex((c) => c.field === field)];
    expect(at('postcode')).toBe(0);
    expect(at('suburb')).toBe(MISSING);
    expect(at('state')).toBe(MISSING);
    // A postcode typo leaves the suburb to speak.
    expect(decodePattern(comparer.code(0, 2), PERSON_COMPARISONS)[5]).toBe(0);
  });

  it('reads a given name and surname written the other way round', () => {
    const swapped = emptyPerson('d', { givenName: 'nguyen', surname: 'jose', postcode: '4223' });
    const comparer = prepareComparisons([people[0]!, swapped], [people[0]!, swapped], PERSON_COMPARISONS);
    expect(decodePattern(comparer.code(0, 1), PERSON_COMPARISONS).slice(0, 2)).toEqual([0, 0]);
    expect(Array.from(compareRecords(people[1]!, swapped)).slice(0, 2)).toEqual([0, 0]);
  });
});
