import { describe, expect, it } from 'vitest';
import { labelledPairs, thresholdAtPrecision } from './name-evaluation.ts';

describe('thresholdAtPrecision', () => {
  it('picks the lowest cut that keeps precision, and reports recall and F1 there', () => {
    const scored = [
      { score: 0.9, same: true },
      { score: 0.8, same: true },
      { score: 0.7, same: false },
      { score: 0.6, same: true },
    ];
    expect(thresholdAtPrecision(scored, 0.95)).toEqual({
      threshold: 0.8,
      precision: 1,
      recall: 2 / 3,
      f1: 0.8,
    });
    expect(thresholdAtPrecision(scored, 0.7).threshold).toBe(0.6);
  });

  it('never cuts between tied scores', () => {
    const tied = [
      { score: 0.9, same: true },
      { score: 0.9, same: false },
    ];
    expect(thresholdAtPrecision(tied, 0.95).recall).toBe(0);
  });
});

describe('labelledPairs', () => {
  it('adds one false pair per true pair, never the entry itself', () => {
    const pairs = ['Ann', 'Bob', 'Cid', 'Dan'].map((latin, i) => ({ native: `n${i}`, latin }));
    const labelled = labelledPairs(pairs);
    expect(labelled.filter((p) => !p.same)).toHaveLength(4);
    for (const p of labelled.filter((l) => !l.same)) {
      expect(pairs.find((q) => q.native === p.native)!.latin).not.toBe(p.latin);
    }
  });
});
