// How two person records are compared field by field: each comparison puts a pair of values in
// one of a few agreement levels (exact, close, different…), or marks it missing.
import { jaroWinkler } from './jaro-winkler.ts';
import type { PersonField, PersonRecord } from './records.ts';

/** The level a pair of values falls in: an index into `levels`, or MISSING. */
export const MISSING = -1;

export type Comparison = {
  field: PersonField;
  /** Level names, most alike first; the last is always "different". */
  levels: readonly string[];
  /** The level of two values; must give MISSING when either is '' and 0 when they are equal. */
  level: (a: string, b: string) => number;
  /** Costly to work out (Jaro–Winkler): linkage remembers the level of each pair of values. */
  costly?: boolean;
  /**
   * A field that, agreeing exactly, already says what this one would (a postcode names its
   * suburb and state): then this comparison is left out (MISSING), so that one agreement is not
   * counted as three independent pieces of evidence.
   */
  impliedBy?: PersonField;
  /**
   * A field often written in this one's place (surname for given name): when both disagree,
   * the pair is also compared crosswise and the better reading kept.
   */
  swapsWith?: PersonField;
};

/**
 * True when b is a one-character edit of a: one substitution, insertion, deletion, or two
 * neighbouring characters swapped (the usual typing slips).
 *
 * @example
 * oneEditApart('4223', '4233'); // true
 * oneEditApart('19151111', '19151111'); // false (no edit)
 */
export function oneEditApart(a: string, b: string): boolean {
  if (a === b || Math.abs(a.length - b.length) > 1) return false;
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  if (a.length === b.length) {
    if (a.slice(i + 1) === b.slice(i + 1)) return true;
    return a[i] === b[i + 1] && a[i + 1] === b[i] && a.slice(i + 2) === b.slice(i + 2);
  }
  return a.length > b.length ? a.slice(i + 1) === b.slice(i) : a.slice(i) === b.slice(i + 1);
}

/** Names and places: exact, Jaro–Winkler ≥ close, ≥ similar, else different. */
function textComparison(
  field: PersonField,
  close: number,
  similar: number,
  impliedBy?: PersonField,
): Comparison {
  return {
    field,
    impliedBy,
    levels: ['exact', `jaro-winkler ≥ ${close}`, `jaro-winkler ≥ ${similar}`, 'different'],
    costly: true,
    level: (a, b) => {
      if (!a || !b) return MISSING;
      if (a === b) return 0;
      const similarity = jaroWinkler(a, b);
      return similarity >= close ? 1 : similarity >= similar ? 2 : 3;
    },
  };
}

/** Codes and numbers: exact, one typing slip apart, else different. */
function codeComparison(field: PersonField): Comparison {
  return {
    field,
    levels: ['exact', 'one typing slip', 'different'],
    level: (a, b) => (!a || !b ? MISSING : a === b ? 0 : oneEditApart(a, b) ? 1 : 2),
  };
}

/** Exact or not, for values too short to have near misses (a state, a house number). */
function exactComparison(field: PersonField, impliedBy?: PersonField): Comparison {
  return {
    field,
    impliedBy,
    levels: ['exact', 'different'],
    level: (a, b) => (!a || !b ? MISSING : a === b ? 0 : 1),
  };
}

/** YYYYMMDD dates: exact, day and month swapped, one typing slip, else different. */
const dateComparison: Comparison = {
  field: 'dateOfBirth',
  levels: ['exact', 'day and month swapped', 'one typing slip', 'different'],
  level: (a, b) => {
    if (!a || !b) return MISSING;
    if (a === b) return 0;
    if (a.length === 8 && b.length === 8 && a.slice(0, 4) === b.slice(0, 4)) {
      if (a.slice(4, 6) === b.slice(6, 8) && a.slice(6, 8) === b.slice(4, 6)) return 1;
    }
    return oneEditApart(a, b) ? 2 : 3;
  },
};

/** The comparisons linkage makes, one per field of a person record. */
export const PERSON_COMPARISONS: readonly Comparison[] = [
  { ...textComparison('givenName', 0.92, 0.8), swapsWith: 'surname' },
  textComparison('surname', 0.92, 0.8),
  exactComparison('streetNumber'),
  textComparison('address1', 0.92, 0.8),
  textComparison('address2', 0.92, 0.8),
  textComparison('suburb', 0.92, 0.8, 'postcode'),
  codeComparison('postcode'),
  exactComparison('state', 'postcode'),
  dateComparison,
  codeComparison('idNumber'),
];

/**
 * The comparison vector of a pair: one level per comparison (MISSING where a side is empty),
 * written into `into` at `offset` so that many pairs share one typed array.
 *
 * @example
 * const vector = compareRecords(a, b); // Int8Array [0, 1, MISSING, …]
 */
export function compareRecords(
  a: PersonRecord,
  b: PersonRecord,
  comparisons: readonly Comparison[] = PERSON_COMPARISONS,
  into: Int8Array = new Int8Array(comparisons.length),
  offset = 0,
): Int8Array {
  for (let c = 0; c < comparisons.length; c++) {
    const comparison = comparisons[c]!;
    into[offset + c] = comparison.level(a[comparison.field], b[comparison.field]);
  }
  readSwapped(
    comparisons,
    (field) => a[field],
    (field) => b[field],
    into,
    offset,
  );
  leaveOutImplied(comparisons, into, offset);
  return into;
}

/** For each comparison, the index of the comparison it may swap with, or -1. */
export function swapsWithIndex(comparisons: readonly Comparison[]): number[] {
  return comparisons.map((c) => (c.swapsWith ? comparisons.findIndex((d) => d.field === c.swapsWith) : -1));
}

const LOWEST = 2;

/**
 * Given name and surname swapped in one record: when both disagree (level 2 or worse) and the
 * crosswise levels are better, the crosswise levels are kept. A cheap first-letter check
 * spares the crosswise comparison for nearly every pair of different people.
 */
export function readSwapped(
  comparisons: readonly Comparison[],
  a: (field: PersonField) => string,
  b: (field: PersonField) => string,
  levels: Int8Array,
  offset = 0,
  swaps = swapsWithIndex(comparisons),
) {
  for (let c = 0; c < swaps.length; c++) {
    const d = swaps[c]!;
    if (d < 0 || levels[offset + c]! < LOWEST || levels[offset + d]! < LOWEST) continue;
    const [fc, fd] = [comparisons[c]!, comparisons[d]!];
    const [ac, ad, bc, bd] = [a(fc.field), a(fd.field), b(fc.field), b(fd.field)];
    if (ac[0] !== bd[0] || ad[0] !== bc[0]) continue;
    const crossC = fc.level(ac, bd);
    const crossD = fd.level(ad, bc);
    if (crossC === MISSING || crossD === MISSING) continue;
    if (crossC + crossD < levels[offset + c]! + levels[offset + d]!) {
      levels[offset + c] = crossC;
      levels[offset + d] = crossD;
    }
  }
}

/** For each comparison, the index of the comparison that implies it, or -1. */
export function impliedByIndex(comparisons: readonly Comparison[]): number[] {
  return comparisons.map((c) => (c.impliedBy ? comparisons.findIndex((d) => d.field === c.impliedBy) : -1));
}

/** Sets to MISSING the levels whose implying field agrees exactly (see `Comparison.impliedBy`). */
export function leaveOutImplied(
  comparisons: readonly Comparison[],
  levels: Int8Array | number[],
  offset = 0,
  implied = impliedByIndex(comparisons),
) {
  for (let c = 0; c < implied.length; c++) {
    const by = implied[c]!;
    if (by >= 0 && levels[offset + by] === 0) levels[offset + c] = MISSING;
  }
}
