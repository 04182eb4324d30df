// Comparison vectors of many candidate pairs at once: each field's values are folded and
// numbered once per record, so a pair costs integer compares, and a costly level
// (Jaro–Winkler) is worked out once per pair of distinct values, not once per pair of records.
import { type Comparison, MISSING, impliedByIndex, readSwapped, swapsWithIndex } from './comparisons.ts';
import { foldMarks } from './fold.ts';
import type { PersonRecord } from './records.ts';

// Past this many remembered value pairs a field starts afresh, to bound memory.
const LEVEL_CACHE_LIMIT = 1_000_000;

type PreparedField = {
  comparison: Comparison;
  left: Int32Array;
  right: Int32Array;
  /** values[n]: the folded value numbered n; 0 is the empty value. */
  values: string[];
  cache: Map<number, number> | null;
};

function numberValues(
  records: readonly PersonRecord[],
  comparison: Comparison,
  numbers: Map<string, number>,
  values: string[],
) {
  const of = new Int32Array(records.length);
  for (let i = 0; i < records.length; i++) {
    const raw = records[i]![comparison.field];
    if (!raw) continue;
    let n = numbers.get(raw);
    if (n === undefined) {
      n = values.length;
      values.push(foldMarks(raw));
      numbers.set(raw, n);
    }
    of[i] = n;
  }
  return of;
}

function levelOf(field: PreparedField, a: number, b: number): number {
  if (a === 0 || b === 0) return MISSING;
  if (a === b) return 0;
  const x = field.values[a]!;
  const y = field.values[b]!;
  if (!field.cache) return x === y ? 0 : field.comparison.level(x, y);
  const id = a < b ? a * field.values.length + b : b * field.values.length + a;
  let level = field.cache.get(id);
  if (level === undefined) {
    level = x === y ? 0 : field.comparison.level(x, y);
    if (field.cache.size >= LEVEL_CACHE_LIMIT) field.cache.clear();
    field.cache.set(id, level);
  }
  return level;
}

/** Compares pairs of records (left[i], right[j]) with the comparisons it was prepared for. */
export type PairComparer = {
  /** Writes the pair's levels into `into` at `offset`. */
  compare: (i: number, j: number, into: Int8Array, offset: number) => void;
  /** The pair's comparison vector as one number (see `patternCode`). */
  code: (i: number, j: number) => number;
};

/** Each comparison's place value in a pattern code: level + 1 (0 for missing) in mixed radix. */
export function patternRadix(comparisons: readonly Comparison[]): number[] {
  const radix: number[] = [];
  let place = 1;
  for (const c of comparisons) {
    radix.push(place);
    place *= c.levels.length + 1;
  }
  if (place > Number.MAX_SAFE_INTEGER) throw new Error('too many comparisons to code a vector as one number');
  return radix;
}

/** The levels a pattern code stands for. */
export function decodePattern(code: number, comparisons: readonly Comparison[]): number[] {
  const levels: number[] = [];
  for (const c of comparisons) {
    const base = c.levels.length + 1;
    levels.push((code % base) - 1);
    code = Math.floor(code / base);
  }
  return levels;
}

/**
 * Numbers every field value of both files once, then compares pairs by index.
 *
 * @example
 * const comparer = prepareComparisons(people, people, PERSON_COMPARISONS);
 * decodePattern(comparer.code(0, 5), PERSON_COMPARISONS); // [0, 1, -1, …]
 */
export function prepareComparisons(
  left: readonly PersonRecord[],
  right: readonly PersonRecord[],
  comparisons: readonly Comparison[],
): PairComparer {
  const fields: PreparedField[] = comparisons.map((comparison) => {
    const numbers = new Map<string, number>();
    const values = [''];
    const leftOf = numberValues(left, comparison, numbers, values);
    const rightOf = left === right ? leftOf : numberValues(right, comparison, numbers, values);
    return { comparison, left: leftOf, right: rightOf, values, cache: comparison.costly ? new Map() : null };
  });
  const radix = patternRadix(comparisons);
  const implied = impliedByIndex(comparisons);
  const swaps = swapsWithIndex(comparisons);
  const fieldIndex = new Map(comparisons.map((c, k) => [c.field, k]));
  // The pair being compared, read by the two value lookups (no closures made per pair).
  let leftRecord = 0;
  let rightRecord = 0;
  const leftValue = (f: Comparison['field']) => {
    const field = fields[fieldIndex.get(f)!]!;
    return field.values[field.left[leftRecord]!]!;
  };
  const rightValue = (f: Comparison['field']) => {
    const field = fields[fieldIndex.get(f)!]!;
    return field.values[field.right[rightRecord]!]!;
  };
  const levels = new Int8Array(fields.length);
  const compare = (i: number, j: number, into: Int8Array, offset: number) => {
    for (let c = 0; c < fields.length; c++) {
      const field = fields[c]!;
      into[offset + c] = levelOf(field, field.left[i]!, field.right[j]!);
    }
    leftRecord = i;
    rightRecord = j;
    readSwapped(comparisons, leftValue, rightValue, into, offset, swaps);
    for (let c = 0; c < implied.length; c++) {
      const by = implied[c]!;
      if (by >= 0 && into[offset + by] === 0) into[offset + c] = MISSING;
    }
  };
  return {
    compare,
    code(i, j) {
      compare(i, j, levels, 0);
      let code = 0;
      for (let c = 0; c < levels.length; c++) code += (levels[c]! + 1) * radix[c]!;
      return code;
    },
  };
}
