// Candidate pairs without the full cross product: records are grouped by several keys
// (sound of the surname, postcode, date of birth, id number…) and only pairs that share a
// group on at least one key are compared.
import { doubleMetaphone } from 'double-metaphone';
import type { PersonRecord } from './records.ts';

export type BlockingKey = {
  name: string;
  /** The group a record falls in under this key, or '' to leave it out of this key's groups. */
  key: (record: PersonRecord) => string;
};

/** Candidate pairs as two parallel index arrays: left[k] is paired with right[k]. */
export type CandidatePairs = { left: Uint32Array; right: Uint32Array; count: number };

const phonetic = (value: string) => (value ? doubleMetaphone(value)[0] : '');

/** The keys linkage blocks on by default; each catches the pairs the others' typos would miss. */
export const PERSON_BLOCKING_KEYS: readonly BlockingKey[] = [
  { name: 'surname sound', key: (r) => phonetic(r.surname) },
  {
    name: 'given name sound and birth year',
    key: (r) => (r.givenName ? phonetic(r.givenName) + r.dateOfBirth.slice(0, 4) : ''),
  },
  { name: 'postcode', key: (r) => r.postcode },
  { name: 'date of birth', key: (r) => r.dateOfBirth },
  { name: 'id number', key: (r) => r.idNumber },
  {
    name: 'house number and street sound',
    key: (r) => (r.address1 ? `${r.streetNumber} ${phonetic(r.address1.split(' ')[0]!)}` : ''),
  },
];

// A group this large says little (a blank-like value, a huge city) and would cost its square.
const DEFAULT_MAX_GROUP = 1000;

function groupsOf(records: readonly PersonRecord[], key: BlockingKey['key']): Map<string, number[]> {
  const groups = new Map<string, number[]>();
  records.forEach((record, index) => {
    const value = key(record);
    if (!value) return;
    const group = groups.get(value);
    if (group) group.push(index);
    else groups.set(value, [index]);
  });
  return groups;
}

class PairSet {
  private readonly seen = new Set<number>();
  private left: number[] = [];
  private right: number[] = [];
  constructor(private readonly width: number) {}
  add(i: number, j: number) {
    const id = i * this.width + j;
    if (this.seen.has(id)) return;
    this.seen.add(id);
    this.left.push(i);
    this.right.push(j);
  }
  done(): CandidatePairs {
    return {
      left: Uint32Array.from(this.left),
      right: Uint32Array.from(this.right),
      count: this.left.length,
    };
  }
}

export type BlockingOptions = { keys?: readonly BlockingKey[]; maxGroup?: number };

/**
 * Candidate pairs between two files: every left–right pair sharing a group on some key.
 *
 * @example
 * const pairs = blockLinkage(fileA, fileB); // pairs.left[k] in fileA, pairs.right[k] in fileB
 */
export function blockLinkage(
  left: readonly PersonRecord[],
  right: readonly PersonRecord[],
  { keys = PERSON_BLOCKING_KEYS, maxGroup = DEFAULT_MAX_GROUP }: BlockingOptions = {},
): CandidatePairs {
  const pairs = new PairSet(right.length);
  for (const { key } of keys) {
    const rightGroups = groupsOf(right, key);
    for (const [value, lefts] of groupsOf(left, key)) {
      const rights = rightGroups.get(value);
      if (!rights || lefts.length * rights.length > maxGroup * maxGroup) continue;
      for (const i of lefts) for (const j of rights) pairs.add(i, j);
    }
  }
  return pairs.done();
}

/**
 * Candidate pairs within one file (each pair once, lower index on the left).
 *
 * @example
 * const pairs = blockDeduplication(people);
 */
export function blockDeduplication(
  records: readonly PersonRecord[],
  { keys = PERSON_BLOCKING_KEYS, maxGroup = DEFAULT_MAX_GROUP }: BlockingOptions = {},
): CandidatePairs {
  const pairs = new PairSet(records.length);
  for (const { key } of keys) {
    for (const group of groupsOf(records, key).values()) {
      if (group.length > maxGroup) continue;
      for (let a = 0; a < group.length; a++)
        for (let b = a + 1; b < group.length; b++) pairs.add(group[a]!, group[b]!);
    }
  }
  return pairs.done();
}
