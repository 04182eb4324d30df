import { describe, expect, it } from 'vitest';
import { MISSING } from './comparisons.ts';
import { type Vectors, estimateU, fitLinkageModel, initialM } from './em.ts';

// Two binary comparisons; 100 matches agree on both, 900 non-matches mostly disagree.
function synthetic(): Vectors {
  const rows: number[][] = [];
  for (let i = 0; i < 100; i++) rows.push([0, i % 10 === 0 ? 1 : 0, 0]);
  for (let i = 0; i < 900; i++)
    rows.push([i % 20 === 0 ? 0 : 1, i % 15 === 0 ? 0 : 1, i % 3 === 0 ? MISSING : 1]);
  return { levels: Int8Array.from(rows.flat()), width: 3, count: rows.length };
}

describe('estimateU', () => {
  it('counts level frequencies, skipping missing values', () => {
    const u = estimateU({ levels: Int8Array.from([0, 1, 1, 1, MISSING, 1]), width: 2, count: 3 }, [2, 2]);
    expect(u[0]![0]).toBeCloseTo(1 / 2, 3);
    expect(u[1]![1]).toBeCloseTo(1, 3);
  });
});

describe('fitLinkageModel', () => {
  it('recovers the share of matches and their agreement without labels', () => {
    const levelCounts = [2, 2, 2];
    const u = [
      [0.05, 0.95],
      [0.07, 0.93],
      [0.01, 0.99],
    ];
    const model = fitLinkageModel(synthetic(), u, levelCounts);
    // 15 of the non-matches agree on both comparisons too, so they pass for matches: 115 / 1000.
    expect(model.lambda).toBeCloseTo(0.115, 2);
    expect(model.m[0]![0]).toBeGreaterThan(0.95);
    expect(model.m[1]![0]).toBeCloseTo(0.9, 1);
  });

  it('can fit u as well when asked', () => {
    const start = [
      [0.5, 0.5],
      [0.5, 0.5],
      [0.5, 0.5],
    ];
    const model = fitLinkageModel(synthetic(), start, [2, 2, 2], { fixU: false });
    expect(model.u[0]![0]).toBeLessThan(0.2);
    expect(model.lambda).toBeGreaterThan(0.05);
  });

  it('refuses to fit on no pairs', () => {
    expect(() => fitLinkageModel({ levels: new Int8Array(0), width: 2, count: 0 }, [], [2, 2])).toThrow(
      /blocking/,
    );
  });

  it('starts m with exact agreement most likely', () => {
    const [m] = initialM([4]);
    expect(m![0]).toBeGreaterThan(m![1]!);
    expect(m!.reduce((s, p) => s + p, 0)).toBeCloseTo(1, 10);
  });
});
