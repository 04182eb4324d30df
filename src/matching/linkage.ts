// Fellegi–Sunter record linkage of people, between two files or within one: blocking, comparison
// vectors, m/u/λ fitted by EM without labels, match weights, and an explanation for every match.
import { type BlockingOptions, type CandidatePairs, blockDeduplication, blockLinkage } from './blocking.ts';
import { type PairComparer, decodePattern, prepareComparisons } from './compare-pairs.ts';
import { type Comparison, MISSING, PERSON_COMPARISONS } from './comparisons.ts';
import {
  type EmOptions,
  type LinkageModel,
  type Pattern,
  type Vectors,
  estimateU,
  anchoredStart,
  fitLinkageModelToPatterns,
} from './em.ts';
import type { PersonRecord } from './records.ts';
import { seededRandom } from '../shared/random.ts';

/** What one field said about a pair, and the weight (log2 m/u) it added. */
export type FieldEvidence = { field: string; level: string; weight: number };

export type PersonMatch = {
  leftId: string;
  rightId: string;
  /** Posterior probability that both records are the same person, 0..1. */
  probability: number;
  /** Prior weight log2(λ/(1−λ)) plus the fields' weights. */
  weight: number;
  /** Shared between matches with the same comparison vector: read, do not change. */
  explanation: readonly FieldEvidence[];
};

export type LinkageOptions = {
  /** A pair is a match when its probability is at least this (default 0.5). */
  threshold?: number;
  blocking?: BlockingOptions;
  comparisons?: readonly Comparison[];
  /** Random pairs counted to start u (default 200,000). */
  randomPairs?: number;
  em?: EmOptions;
  /** Progress notes ("blocking: 41,210 candidate pairs"), for stderr. */
  onProgress?: (note: string) => void;
};

export type LinkageResult = {
  matches: PersonMatch[];
  model: LinkageModel;
  /** Field-level weights log2(m/u): weights[c][level]. */
  weights: number[][];
  candidatePairs: number;
  threshold: number;
  /** Seconds spent in each phase: grouping, comparing pairs, fitting, scoring. */
  seconds: { blocking: number; comparing: number; em: number; scoring: number };
};

function vectorsOf(comparer: PairComparer, pairs: CandidatePairs, width: number): Vectors {
  const levels = new Int8Array(pairs.count * width);
  for (let p = 0; p < pairs.count; p++) comparer.compare(pairs.left[p]!, pairs.right[p]!, levels, p * width);
  return { levels, width, count: pairs.count };
}

/** Each candidate pair's pattern number (into `patterns`), and the distinct patterns counted. */
function patternsOf(comparer: PairComparer, pairs: CandidatePairs, comparisons: readonly Comparison[]) {
  const of = new Uint32Array(pairs.count);
  const numbers = new Map<number, number>();
  const counts: number[] = [];
  const codes: number[] = [];
  for (let p = 0; p < pairs.count; p++) {
    const code = comparer.code(pairs.left[p]!, pairs.right[p]!);
    let n = numbers.get(code);
    if (n === undefined) {
      n = counts.length;
      numbers.set(code, n);
      counts.push(0);
      codes.push(code);
    }
    counts[n]!++;
    of[p] = n;
  }
  const patterns: Pattern[] = codes.map((code, n) => ({
    levels: decodePattern(code, comparisons),
    count: counts[n]!,
  }));
  return { of, patterns };
}


function randomPairs(
  leftCount: number,
  rightCount: number,
  count: number,
  sameFile: boolean,
): CandidatePairs {
  const random = seededRandom(20240521).next;
  const left = new Uint32Array(count);
  const right = new Uint32Array(count);
  for (let p = 0; p < count; p++) {
    left[p] = Math.floor(random() * leftCount);
    do right[p] = Math.floor(random() * rightCount);
    while (sameFile && right[p] === left[p] && rightCount > 1);
  }
  return { left, right, count };
}

function levelName(comparisons: readonly Comparison[], c: number, vector: ArrayLike<number>): string {
  const level = vector[c]!;
  if (level !== MISSING) return comparisons[c]!.levels[level]!;
  const by = comparisons[c]!.impliedBy;
  const implying = by ? comparisons.findIndex((d) => d.field === by) : -1;
  return implying >= 0 && vector[implying] === 0 ? `counted with ${by}` : 'missing';
}

/**
 * A pair's weight and probability under the model, with each field's share.
 *
 * @example
 * const { probability, explanation } = scorePair(vector, model, weights, PERSON_COMPARISONS);
 */
export function scorePair(
  vector: ArrayLike<number>,
  model: LinkageModel,
  weights: number[][],
  comparisons: readonly Comparison[],
) {
  let weight = Math.log2(model.lambda / (1 - model.lambda));
  const explanation: FieldEvidence[] = [];
  for (let c = 0; c < comparisons.length; c++) {
    const level = vector[c]!;
    const fieldWeight = level === MISSING ? 0 : weights[c]![level]!;
    weight += fieldWeight;
    explanation.push({
      field: comparisons[c]!.field,
      level: levelName(comparisons, c, vector),
      weight: fieldWeight,
    });
  }
  return { weight, probability: 1 / (1 + 2 ** -weight), explanation };
}

// How many candidate non-matches the random pairs' u counts as: enough to hold u when the
// candidates are nearly all matches (FEBRL's 4a × 4b), little against a large file's neighbours.
const RANDOM_PAIRS_WEIGHT = 2_000;

const seconds = (since: number) => (performance.now() - since) / 1000;

function run(
  left: readonly PersonRecord[],
  right: readonly PersonRecord[],
  block: () => CandidatePairs,
  sameFile: boolean,
  options: LinkageOptions,
): LinkageResult {
  const { comparisons = PERSON_COMPARISONS, threshold = 0.5, onProgress = () => {} } = options;
  const levelCounts = comparisons.map((c) => c.levels.length);
  let started = performance.now();
  const pairs = block();
  const blocking = seconds(started);
  onProgress(`blocking: ${pairs.count.toLocaleString('en')} candidate pairs`);

  started = performance.now();
  const comparer = prepareComparisons(left, right, comparisons);
  const sample = randomPairs(left.length, right.length, options.randomPairs ?? 200_000, sameFile);
  const startU = estimateU(vectorsOf(comparer, sample, comparisons.length), levelCounts);
  const { of, patterns } = patternsOf(comparer, pairs, comparisons);
  const comparing = seconds(started);
  onProgress(`compared ${pairs.count.toLocaleString('en')} pairs: ${patterns.length} distinct patterns`);

  started = performance.now();
  if (pairs.count === 0) throw new Error('no candidate pairs to fit the model on: loosen the blocking keys');
  // In a large file the candidate pairs are mostly neighbours (one town, one name's sound) who
  // agree far more often than random pairs do: u is fitted on them too, the random pairs
  // counting as non-matches alongside, so that a small file keeps u near the random pairs'.
  const start = anchoredStart(patterns, levelCounts);
  const model = fitLinkageModelToPatterns(patterns, startU, levelCounts, {
    fixU: false,
    uPriorPairs: RANDOM_PAIRS_WEIGHT,
    ...start,
    ...options.em,
  });
  const em = seconds(started);
  onProgress(`EM converged in ${model.iterations} iterations, λ = ${model.lambda.toFixed(4)}`);

  started = performance.now();
  const weights = model.m.map((levels, c) => levels.map((m, level) => Math.log2(m / model.u[c]![level]!)));
  // Every pair with one pattern scores alike: score the patterns, then pick out the pairs.
  const scored = patterns.map(({ levels }) => {
    const score = scorePair(levels, model, weights, comparisons);
    return { ...score, explanation: Object.freeze(score.explanation.map((e) => Object.freeze(e))) };
  });
  const matches: PersonMatch[] = [];
  for (let p = 0; p < pairs.count; p++) {
    const score = scored[of[p]!]!;
    if (score.probability < threshold) continue;
    matches.push({
      leftId: left[pairs.left[p]!]!.id,
      rightId: right[pairs.right[p]!]!.id,
      weight: score.weight,
      probability: score.probability,
      // Shared by every match with this pattern: a million records give hundreds of thousands of matches.
      explanation: score.explanation,
    });
  }
  const scoring = seconds(started);
  onProgress(`${matches.length.toLocaleString('en')} pairs with probability ≥ ${threshold}`);
  return {
    matches,
    model,
    weights,
    candidatePairs: pairs.count,
    threshold,
    seconds: { blocking, comparing, em, scoring },
  };
}

/**
 * Links two files of person records: the pairs (one record from each) judged the same person.
 *
 * @example
 * const { matches } = linkPeople(await readPersonRecords(a, 'febrl'), await readPersonRecords(b, 'febrl'));
 * matches[0]; // { leftId: 'rec-1070-org', rightId: 'rec-1070-dup-0', probability: 0.99…, explanation: [...] }
 */
export function linkPeople(
  left: readonly PersonRecord[],
  right: readonly PersonRecord[],
  options: LinkageOptions = {},
): LinkageResult {
  if (left.length === 0 || right.length === 0)
    throw new Error('linkage needs records on both sides: one of the files is empty');
  return run(left, right, () => blockLinkage(left, right, options.blocking), false, options);
}

/**
 * Finds the pairs of records within one file that are the same person.
 *
 * @example
 * const { matches } = dedupePeople(await readPersonRecords(file, 'febrl'));
 */
export function dedupePeople(records: readonly PersonRecord[], options: LinkageOptions = {}): LinkageResult {
  if (records.length < 2) throw new Error('deduplication needs at least two records');
  return run(records, records, () => blockDeduplication(records, options.blocking), true, options);
}
