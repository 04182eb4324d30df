import { describe, expect, it } from 'vitest';
import { anchoredStart, fitLinkageModelToPatterns } from './em.ts';

// Three binary fields. 100 matches agree on all; 900 "neighbours" agree on the third only, which
// random pairs rarely do, so with u held at the random pairs' value they would pass for matches.
const patterns = [
  { levels: [0, 0, 0], count: 100 },
  { levels: [1, 1, 0], count: 900 },
];
const randomU = [
  [0.05, 0.95],
  [0.05, 0.95],
  [0.01, 0.99],
];

describe('anchoredStart', () => {
  it('starts m and λ from the pairs that agree on most fields', () => {
    const { startM, initialLambda } = anchoredStart(patterns, [2, 2, 2]);
    expect(initialLambda).toBeCloseTo(0.1, 5);
    expect(startM[0]![0]).toBeGreaterThan(0.9);
  });
});

describe('fitLinkageModelToPatterns', () => {
  it('learns that neighbours agree on the third field when u is fitted with the random pairs as a prior', () => {
    const start = anchoredStart(patterns, [2, 2, 2]);
    const model = fitLinkageModelToPatterns(patterns, randomU, [2, 2, 2], {
      fixU: false,
      uPriorPairs: 100,
      ...start,
    });
    expect(model.lambda).toBeCloseTo(0.1, 2);
    expect(model.u[2]![0]).toBeGreaterThan(0.8);
  });
});
