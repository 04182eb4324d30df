// Deduplication of generated people (typos, transliteration variants, swapped names and dates,
// missing fields): the model, fitted without labels, must find them; ids only score the result.
import { describe, expect, it } from 'vitest';
import { generatePeople, scoreGenerated } from '../../bench/people.ts';
import { dedupePeople } from '../../src/matching/linkage.ts';

describe('generated people', () => {
  it('deduplicates 20,000 records with F1 ≥ 0.99', () => {
    const records = generatePeople(20_000);
    const result = dedupePeople(records);
    const quality = scoreGenerated(result.matches, records);
    expect(quality.f1).toBeGreaterThanOrEqual(0.99);
    expect(quality.recall).toBeGreaterThanOrEqual(0.99);
    expect(result.candidatePairs).toBeLessThan(records.length * 5);
  });

  it('generates the same records every time, about 15% of people recorded more than once', () => {
    const [first, second] = [generatePeople(2_000), generatePeople(2_000)];
    expect(second).toEqual(first);
    const repeats = first.filter((r) => r.id.includes('-')).length;
    expect(repeats / first.length).toBeGreaterThan(0.1);
    expect(repeats / first.length).toBeLessThan(0.4);
  });
});
