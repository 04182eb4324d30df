import { describe, expect, it } from 'vitest';
import { blockDeduplication, blockLinkage } from './blocking.ts';
import { emptyPerson } from './records.ts';

const anna = emptyPerson('a1', {
  givenName: 'anna',
  surname: 'schmidt',
  postcode: '2000',
  dateOfBirth: '19900101',
});
const annaTypo = emptyPerson('b1', {
  givenName: 'ana',
  surname: 'smith',
  postcode: '2001',
  dateOfBirth: '19900101',
});
const other = emptyPerson('b2', {
  givenName: 'paul',
  surname: 'green',
  postcode: '3000',
  dateOfBirth: '19700505',
});

const pairsOf = (p: { left: Uint32Array; right: Uint32Array; count: number }) =>
  Array.from({ length: p.count }, (_, k) => [p.left[k], p.right[k]]);

describe('blockLinkage', () => {
  it('pairs records that share any key and never records that share none', () => {
    expect(pairsOf(blockLinkage([anna], [annaTypo, other]))).toEqual([[0, 0]]);
  });

  it('lists a pair once even when several keys agree', () => {
    const same = emptyPerson('b3', anna);
    expect(blockLinkage([anna], [same]).count).toBe(1);
  });

  it('skips groups larger than maxGroup', () => {
    const crowd = Array.from({ length: 5 }, (_, i) => emptyPerson(`c${i}`, { postcode: '2000' }));
    expect(blockLinkage(crowd, crowd, { maxGroup: 4 }).count).toBe(0);
    expect(blockLinkage(crowd, crowd, { maxGroup: 5 }).count).toBe(25);
  });
});

describe('blockDeduplication', () => {
  it('gives each pair once, the lower index on the left, never a record with itself', () => {
    const pairs = pairsOf(blockDeduplication([anna, other, annaTypo]));
    expect(pairs).toEqual([[0, 2]]);
  });
});
