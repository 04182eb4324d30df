// Fellegi–Sunter parameters without labels: u (how often non-matches agree at each level) is
// first counted on random pairs, then m, u and the share of matches λ are fitted by
// expectation–maximisation on the candidate pairs, as Splink does.
import { MISSING } from './comparisons.ts';

export type LinkageModel = {
  /** m[c][level]: probability of that level among true matches. */
  m: number[][];
  /** u[c][level]: probability of that level among non-matches. */
  u: number[][];
  /** Prior share of matches among the candidate pairs. */
  lambda: number;
  iterations: number;
};

/** Comparison vectors of many pairs, `width` levels per pair, laid end to end. */
export type Vectors = { levels: Int8Array; width: number; count: number };

// Keeps every probability off 0 and 1 so that no single level can veto or force a match
// (a level's weight stays within about ±17 bits).
const FLOOR = 1e-5;

function normalise(counts: number[]): number[] {
  const total = counts.reduce((s, c) => s + c, 0);
  const floored = counts.map((c) => Math.max(c / (total || 1), FLOOR));
  const sum = floored.reduce((s, c) => s + c, 0);
  return floored.map((c) => c / sum);
}

/**
 * u probabilities from comparison vectors of random pairs (nearly all non-matches).
 *
 * @example
 * const u = estimateU(randomVectors, [4, 4, 2]);
 */
export function estimateU(vectors: Vectors, levelCounts: readonly number[]): number[][] {
  const counts = levelCounts.map((n) => new Array<number>(n).fill(0));
  for (let p = 0; p < vectors.count; p++) {
    for (let c = 0; c < vectors.width; c++) {
      const level = vectors.levels[p * vectors.width + c]!;
      if (level !== MISSING) counts[c]![level]!++;
    }
  }
  return counts.map(normalise);
}

/** Starting m: most matches agree exactly, the rest spread thinning out towards "different". */
export function initialM(levelCounts: readonly number[]): number[][] {
  return levelCounts.map((n) =>
    normalise(Array.from({ length: n }, (_, level) => (level === 0 ? 0.9 : 0.1 / 2 ** level))),
  );
}

/** One distinct comparison vector and how many pairs have it. */
export type Pattern = { levels: number[]; count: number };

// Pairs with the same vector behave the same in EM: fit on the few distinct patterns.
function patternsOf(vectors: Vectors): Pattern[] {
  const patterns = new Map<string, Pattern>();
  for (let p = 0; p < vectors.count; p++) {
    const levels = Array.from(vectors.levels.subarray(p * vectors.width, (p + 1) * vectors.width));
    const id = levels.join(',');
    const pattern = patterns.get(id);
    if (pattern) pattern.count++;
    else patterns.set(id, { levels, count: 1 });
  }
  return [...patterns.values()];
}

/**
 * A start for EM near the right answer: m and λ from the pairs that agree exactly on most of
 * their known fields (at least `share`), which are nearly all matches. Without it, EM on a
 * large file can settle on "same town" rather than "same person", since neighbours agree on
 * postcode, suburb and state together.
 *
 * @example
 * const { startM, initialLambda } = anchoredStart(patterns, [4, 4, 2]);
 */
export function anchoredStart(
  patterns: readonly Pattern[],
  levelCounts: readonly number[],
  share = 0.7,
): { startM: number[][]; initialLambda: number } {
  const counts = levelCounts.map((n) => new Array<number>(n).fill(0));
  let anchors = 0;
  let total = 0;
  for (const { levels, count } of patterns) {
    total += count;
    let known = 0;
    let exact = 0;
    for (const level of levels) {
      if (level === MISSING) continue;
      known++;
      if (level === 0) exact++;
    }
    if (known === 0 || exact / known < share) continue;
    anchors += count;
    for (let c = 0; c < levels.length; c++) if (levels[c] !== MISSING) counts[c]![levels[c]!]! += count;
  }
  if (anchors === 0) return { startM: initialM(levelCounts), initialLambda: 0.1 };
  // Blend with the generic start so that no level begins at nothing.
  const generic = initialM(levelCounts);
  const startM = counts.map((levels, c) =>
    normalise(levels.map((n, l) => n + generic[c]![l]! * anchors * 0.05)),
  );
  return { startM, initialLambda: Math.min(0.5, Math.max(anchors / total, 1e-4)) };
}

function posterior(levels: number[], m: number[][], u: number[][], lambda: number): number {
  let pm = lambda;
  let pu = 1 - lambda;
  for (let c = 0; c < levels.length; c++) {
    const level = levels[c]!;
    if (level === MISSING) continue;
    pm *= m[c]![level]!;
    pu *= u[c]![level]!;
  }
  return pm / (pm + pu);
}

export type EmOptions = {
  maxIterations?: number;
  tolerance?: number;
  initialLambda?: number;
  /**
   * When u is fitted: how many pairs the starting u was counted on. They join the candidate
   * pairs' non-matches, so that u stays near the random pairs' when candidates hold few non-matches.
   */
  uPriorPairs?: number;
  /** Starting m, in place of `initialM` (see `anchoredStart`). */
  startM?: number[][];
  /** Keep u as counted on random pairs and fit only m and λ (Splink's way); default true. */
  fixU?: boolean;
};

/**
 * Fits m, u and λ to the candidate pairs' comparison vectors by EM, starting from the given u
 * (random pairs) and `initialM`. Stops when no parameter moves more than `tolerance`.
 *
 * @example
 * const model = fitLinkageModel(candidateVectors, estimateU(randomVectors, levelCounts), levelCounts);
 */
export function fitLinkageModel(
  vectors: Vectors,
  startU: number[][],
  levelCounts: readonly number[],
  options: EmOptions = {},
): LinkageModel {
  if (vectors.count === 0)
    throw new Error('no candidate pairs to fit the model on: loosen the blocking keys');
  return fitLinkageModelToPatterns(patternsOf(vectors), startU, levelCounts, options);
}

/**
 * `fitLinkageModel` on the distinct comparison vectors and their counts, for callers that
 * counted them already (a million records give tens of millions of pairs, a few thousand patterns).
 *
 * @example
 * const model = fitLinkageModelToPatterns([{ levels: [0, 0], count: 90 }, { levels: [1, 1], count: 910 }], u, [2, 2]);
 */
export function fitLinkageModelToPatterns(
  patterns: readonly Pattern[],
  startU: number[][],
  levelCounts: readonly number[],
  {
    maxIterations = 100,
    tolerance = 1e-5,
    initialLambda = 0.1,
    fixU = true,
    startM,
    uPriorPairs = 0,
  }: EmOptions = {},
): LinkageModel {
  const total = patterns.reduce((sum, p) => sum + p.count, 0);
  if (total === 0) throw new Error('no candidate pairs to fit the model on: loosen the blocking keys');
  let m = startM ? startM.map((levels) => [...levels]) : initialM(levelCounts);
  let u = startU.map((levels) => [...levels]);
  let lambda = initialLambda;
  let iterations = 0;
  while (iterations < maxIterations) {
    iterations++;
    const mCounts = levelCounts.map((n) => new Array<number>(n).fill(0));
    const uCounts = startU.map((levels) => levels.map((p) => p * uPriorPairs));
    let matches = 0;
    for (const { levels, count } of patterns) {
      const g = posterior(levels, m, u, lambda) * count;
      matches += g;
      for (let c = 0; c < levels.length; c++) {
        const level = levels[c]!;
        if (level === MISSING) continue;
        mCounts[c]![level]! += g;
        uCounts[c]![level]! += count - g;
      }
    }
    const next = {
      m: mCounts.map(normalise),
      u: fixU ? u : uCounts.map(normalise),
      lambda: matches / total,
    };
    const moved = Math.max(
      largestChange(m, next.m),
      largestChange(u, next.u),
      Math.abs(lambda - next.lambda),
    );
    ({ m, u, lambda } = next);
    if (moved < tolerance) break;
  }
  return { m, u, lambda: Math.min(Math.max(lambda, FLOOR), 1 - FLOOR), iterations };
}

function largestChange(a: number[][], b: number[][]): number {
  let largest = 0;
  for (let c = 0; c < a.length; c++) {
    for (let l = 0; l < a[c]!.length; l++) largest = Math.max(largest, Math.abs(a[c]![l]! - b[c]![l]!));
  }
  return largest;
}
