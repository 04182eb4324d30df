import { describe, expect, it } from 'vitest';
import { febrlPerson, scoreAgainstFebrl } from './evaluate.ts';
import type { PersonMatch } from './linkage.ts';
import { emptyPerson } from './records.ts';

const match = (leftId: string, rightId: string): PersonMatch => ({
  leftId,
  rightId,
  probability: 1,
  weight: 20,
  explanation: [],
});

describe('scoreAgainstFebrl', () => {
  it('reads the person from a FEBRL id', () => {
    expect(febrlPerson('rec-1070-dup-0')).toBe('1070');
    expect(() => febrlPerson('P1')).toThrow(/FEBRL/);
  });

  it('counts every pair of one person within a file once', () => {
    const file = ['rec-1-org', 'rec-1-dup-0', 'rec-1-dup-1', 'rec-2-org'].map((id) => emptyPerson(id));
    const quality = scoreAgainstFebrl(
      [match('rec-1-org', 'rec-1-dup-0'), match('rec-1-org', 'rec-2-org')],
      file,
    );
    expect(quality).toMatchObject({ truePositives: 1, falsePositives: 1, falseNegatives: 2 });
    expect(quality.precision).toBe(0.5);
    expect(quality.recall).toBeCloseTo(1 / 3, 10);
  });

  it('counts left–right pairs for linkage', () => {
    const left = [emptyPerson('rec-1-org'), emptyPerson('rec-2-org')];
    const right = [emptyPerson('rec-1-dup-0'), emptyPerson('rec-2-dup-0')];
    const quality = scoreAgainstFebrl(
      [match('rec-1-org', 'rec-1-dup-0'), match('rec-2-org', 'rec-2-dup-0')],
      left,
      right,
    );
    expect(quality.f1).toBe(1);
  });
});
