// Candidate pairs without the full cross product: records are grouped by several keys
// (id number, date of birth with initials, name sounds with birth year, sounds with postcode…)
// and only pairs that share a group on at least one key are compared.
import { doubleMetaphone } from 'double-metaphone';
import { foldMarks } from './fold.ts';
import type { PersonRecord } from './records.ts';

export type BlockingKey = {
  name: string;
  /** The group a record falls in under this key, or '' to leave it out of this key's groups. */
  key: (record: PersonRecord) => string;
  /** Largest group this key pairs within, below `BlockingOptions.maxGroup` for coarse keys. */
  maxGroup?: number;
};

/** Candidate pairs as two parallel index arrays: left[k] is paired with right[k]. */
export type CandidatePairs = { left: Uint32Array; right: Uint32Array; count: number };

// Names repeat a great deal across a file, so each sound is worked out once per spelling.
const sounds = new Map<string, string>();
const SOUND_CACHE_LIMIT = 200_000;

/** Double Metaphone primary key of a value, marks folded and spaces dropped ('xiao ming' = 'xiaoming'). */
export function phonetic(value: string): string {
  if (!value) return '';
  let sound = sounds.get(value);
  if (sound === undefined) {
    if (sounds.size >= SOUND_CACHE_LIMIT) sounds.clear();
    sound = doubleMetaphone(foldMarks(value).replace(/[^a-z]/g, ''))[0];
    sounds.set(value, sound);
  }
  return sound;
}

const initial = (value: string) => foldMarks(value.slice(0, 2)).charAt(0);
// Order-free, so that a record with given name and surname swapped falls in the same group.
const unordered = (a: string, b: string) => (a < b ? `${a}|${b}` : `${b}|${a}`);

// A coarse key's group of more than this many records is left to the narrow keys.
const COARSE_MAX_GROUP = 30;

/**
 * The keys linkage blocks on by default; each catches the pairs the others' slips would miss.
 * Each is narrow enough that its groups stay small in a million records: a coarse key alone
 * (a postcode, a surname's sound) would put hundreds of people in a group and cost its square.
 */
export const PERSON_BLOCKING_KEYS: readonly BlockingKey[] = [
  { name: 'id number', key: (r) => r.idNumber },
  {
    name: 'date of birth and initials',
    key: (r) =>
      r.dateOfBirth && (r.givenName || r.surname)
        ? r.dateOfBirth + unordered(initial(r.givenName), initial(r.surname))
        : '',
  },
  {
    name: 'name sounds and birth year',
    key: (r) =>
      r.givenName && r.surname && r.dateOfBirth
        ? unordered(phonetic(r.givenName), phonetic(r.surname)) + r.dateOfBirth.slice(0, 4)
        : '',
  },
  {
    name: 'name sounds and postcode',
    key: (r) =>
      r.givenName && r.surname && r.postcode
        ? `${unordered(phonetic(r.givenName), phonetic(r.surname))} ${r.postcode}`
        : '',
  },
  {
    name: 'date of birth and postcode',
    key: (r) => (r.dateOfBirth && r.postcode ? `${r.dateOfBirth} ${r.postcode}` : ''),
  },
  {
    name: 'date of birth and suburb sound',
    key: (r) => (r.dateOfBirth && r.suburb ? `${r.dateOfBirth} ${phonetic(r.suburb)}` : ''),
  },
  {
    name: 'house number, street sound and postcode area',
    key: (r) =>
      r.address1 && r.streetNumber && r.postcode
        ? `${r.streetNumber} ${phonetic(r.address1.split(' ')[0]!)} ${r.postcode.slice(0, 2)}`
        : '',
  },
  // Coarse keys, as a small file needs them: in a large one their groups grow past the cap
  // and they fall silent, leaving the narrow keys above.
  { name: 'date of birth', key: (r) => r.dateOfBirth, maxGroup: COARSE_MAX_GROUP },
  { name: 'surname sound', key: (r) => phonetic(r.surname), maxGroup: COARSE_MAX_GROUP },
  {
    name: 'given name sound and birth year',
    key: (r) => (r.givenName ? phonetic(r.givenName) + r.dateOfBirth.slice(0, 4) : ''),
    maxGroup: COARSE_MAX_GROUP,
  },
  { name: 'postcode', key: (r) => r.postcode, maxGroup: COARSE_MAX_GROUP },
  {
    name: 'house number and street sound',
    key: (r) => (r.address1 ? `${r.streetNumber} ${phonetic(r.address1.split(' ')[0]!)}` : ''),
    maxGroup: COARSE_MAX_GROUP,
  },
];

// A group this large says little (a blank-like value, a huge city) and would cost its square.
const DEFAULT_MAX_GROUP = 1000;

/** Records grouped under one key: group g holds members[start[g]..start[g+1]), in index order. */
type Groups = { of: Int32Array; start: Int32Array; members: Int32Array };

// Group numbers start at 1; 0 means the record has no value for the key.
function groupNumbers(
  records: readonly PersonRecord[],
  key: BlockingKey['key'],
  numbers: Map<string, number>,
) {
  const of = new Int32Array(records.length);
  for (let i = 0; i < records.length; i++) {
    const value = key(records[i]!);
    if (!value) continue;
    let group = numbers.get(value);
    if (group === undefined) {
      group = numbers.size + 1;
      numbers.set(value, group);
    }
    of[i] = group;
  }
  return of;
}

// Counting sort of the records by group: no array per group, two typed arrays in all.
function groupsOf(of: Int32Array, groupCount: number): Groups {
  const start = new Int32Array(groupCount + 2);
  for (let i = 0; i < of.length; i++) if (of[i]) start[of[i]! + 1]!++;
  for (let g = 1; g < start.length; g++) start[g]! += start[g - 1]!;
  const fill = start.slice();
  const members = new Int32Array(start[start.length - 1]!);
  for (let i = 0; i < of.length; i++) if (of[i]) members[fill[of[i]!]!++] = i;
  return { of, start, members };
}

const sizeOf = (groups: Groups, g: number) => groups.start[g + 1]! - groups.start[g]!;

// Candidate pairs grow into typed arrays that double as they fill.
class PairBuffer {
  private left = new Uint32Array(1 << 16);
  private right = new Uint32Array(1 << 16);
  count = 0;
  add(i: number, j: number) {
    if (this.count === this.left.length) {
      const left = new Uint32Array(this.left.length * 2);
      const right = new Uint32Array(this.right.length * 2);
      left.set(this.left);
      right.set(this.right);
      this.left = left;
      this.right = right;
    }
    this.left[this.count] = i;
    this.right[this.count++] = j;
  }
  done(): CandidatePairs {
    return {
      left: this.left.slice(0, this.count),
      right: this.right.slice(0, this.count),
      count: this.count,
    };
  }
}

/** A key's groups on both sides and which of its groups were small enough to pair. */
type KeyGroups = { left: Groups; right: Groups; paired: Uint8Array };

// A pair found again under a later key is skipped by asking whether an earlier key already
// paired it: no set of seen pairs, a few array reads per pair.
function pairedBefore(keys: readonly KeyGroups[], i: number, j: number): boolean {
  for (const { left, right, paired } of keys) {
    const g = left.of[i]!;
    if (g !== 0 && g === right.of[j] && paired[g]) return true;
  }
  return false;
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
  const pairs = new PairBuffer();
  const done: KeyGroups[] = [];
  for (const { key, maxGroup: keyMax = maxGroup } of keys) {
    const cap = Math.min(keyMax, maxGroup);
    const numbers = new Map<string, number>();
    const leftOf = groupNumbers(left, key, numbers);
    const rightOf = groupNumbers(right, key, numbers);
    const current: KeyGroups = {
      left: groupsOf(leftOf, numbers.size),
      right: groupsOf(rightOf, numbers.size),
      paired: new Uint8Array(numbers.size + 1),
    };
    for (let g = 1; g <= numbers.size; g++) {
      const lefts = sizeOf(current.left, g);
      const rights = sizeOf(current.right, g);
      if (lefts === 0 || rights === 0 || lefts * rights > cap * cap) continue;
      current.paired[g] = 1;
      for (let a = current.left.start[g]!; a < current.left.start[g + 1]!; a++) {
        const i = current.left.members[a]!;
        for (let b = current.right.start[g]!; b < current.right.start[g + 1]!; b++) {
          const j = current.right.members[b]!;
          if (!pairedBefore(done, i, j)) pairs.add(i, j);
        }
      }
    }
    done.push(current);
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
  const pairs = new PairBuffer();
  const done: KeyGroups[] = [];
  for (const { key, maxGroup: keyMax = maxGroup } of keys) {
    const cap = Math.min(keyMax, maxGroup);
    const numbers = new Map<string, number>();
    const groups = groupsOf(groupNumbers(records, key, numbers), numbers.size);
    const current: KeyGroups = { left: groups, right: groups, paired: new Uint8Array(numbers.size + 1) };
    for (let g = 1; g <= numbers.size; g++) {
      const size = sizeOf(groups, g);
      if (size < 2 || size > cap) continue;
      current.paired[g] = 1;
      const end = groups.start[g + 1]!;
      for (let a = groups.start[g]!; a < end; a++) {
        const i = groups.members[a]!;
        for (let b = a + 1; b < end; b++) {
          const j = groups.members[b]!;
          if (!pairedBefore(done, i, j)) pairs.add(i, j);
        }
      }
    }
    done.push(current);
  }
  return pairs.done();
}
