// Fellegi–Sunter record linkage of people, between two files or within one: blocking, comparison
// vectors, m/u/λ fitted by EM without labels, match weights, and an explanation for every match.
import { type BlockingOptions, type CandidatePairs, blockDeduplication, blockLinkage } from './blocking.ts';
import { type Comparison, MISSING, PERSON_COMPARISONS, compareRecords } from './comparisons.ts';
import { type EmOptions, type LinkageModel, type Vectors, estimateU, fitLinkageModel } from './em.ts';
import type { PersonRecord } from './records.ts';

/** What one field said about a pair, and the weight (log2 m/u) it added. */
export type FieldEvidence = { field: string; level: string; weight: number };

export type PersonMatch = {
  leftId: string;
  rightId: string;
  /** Posterior probability that both records are the same person, 0..1. */
  probability: number;
  /** Prior weight log2(λ/(1−λ)) plus the fields' weights. */
  weight: number;
  explanation: FieldEvidence[];
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
};

function vectorsOf(
  left: readonly PersonRecord[],
  right: readonly PersonRecord[],
  pairs: CandidatePairs,
  comparisons: readonly Comparison[],
): Vectors {
  const width = comparisons.length;
  const levels = new Int8Array(pairs.count * width);
  for (let p = 0; p < pairs.count; p++) {
    compareRecords(left[pairs.left[p]!]!, right[pairs.right[p]!]!, comparisons, levels, p * width);
  }
  return { levels, width, count: pairs.count };
}

// A fixed-seed generator (mulberry32) so that the same files always give the same model.
function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function randomPairs(
  leftCount: number,
  rightCount: number,
  count: number,
  sameFile: boolean,
): CandidatePairs {
  const random = seededRandom(20240521);
  const left = new Uint32Array(count);
  const right = new Uint32Array(count);
  for (let p = 0; p < count; p++) {
    left[p] = Math.floor(random() * leftCount);
    do right[p] = Math.floor(random() * rightCount);
    while (sameFile && right[p] === left[p] && rightCount > 1);
  }
  return { left, right, count };
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
      level: level === MISSING ? 'missing' : comparisons[c]!.levels[level]!,
      weight: fieldWeight,
    });
  }
  return { weight, probability: 1 / (1 + 2 ** -weight), explanation };
}

function run(
  left: readonly PersonRecord[],
  right: readonly PersonRecord[],
  pairs: CandidatePairs,
  sameFile: boolean,
  options: LinkageOptions,
): LinkageResult {
  const { comparisons = PERSON_COMPARISONS, threshold = 0.5, onProgress = () => {} } = options;
  const levelCounts = comparisons.map((c) => c.levels.length);
  onProgress(`blocking: ${pairs.count.toLocaleString('en')} candidate pairs`);
  const sample = randomPairs(left.length, right.length, options.randomPairs ?? 200_000, sameFile);
  const startU = estimateU(vectorsOf(left, right, sample, comparisons), levelCounts);
  const vectors = vectorsOf(left, right, pairs, comparisons);
  onProgress(`compared ${pairs.count.toLocaleString('en')} pairs`);
  const model = fitLinkageModel(vectors, startU, levelCounts, options.em);
  onProgress(`EM converged in ${model.iterations} iterations, λ = ${model.lambda.toFixed(4)}`);
  const weights = model.m.map((levels, c) => levels.map((m, level) => Math.log2(m / model.u[c]![level]!)));
  const matches: PersonMatch[] = [];
  for (let p = 0; p < pairs.count; p++) {
    const vector = vectors.levels.subarray(p * vectors.width, (p + 1) * vectors.width);
    const scored = scorePair(vector, model, weights, comparisons);
    if (scored.probability < threshold) continue;
    matches.push({ leftId: left[pairs.left[p]!]!.id, rightId: right[pairs.right[p]!]!.id, ...scored });
  }
  onProgress(`${matches.length.toLocaleString('en')} pairs with probability ≥ ${threshold}`);
  return { matches, model, weights, candidatePairs: pairs.count, threshold };
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
  return run(left, right, blockLinkage(left, right, options.blocking), false, options);
}

/**
 * Finds the pairs of records within one file that are the same person.
 *
 * @example
 * const { matches } = dedupePeople(await readPersonRecords(file, 'febrl'));
 */
export function dedupePeople(records: readonly PersonRecord[], options: LinkageOptions = {}): LinkageResult {
  if (records.length < 2) throw new Error('deduplication needs at least two records');
  return run(records, records, blockDeduplication(records, options.blocking), true, options);
}
