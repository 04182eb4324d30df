// FEBRL benchmark files (Christen's generator): both linkage tasks must reach their F1 floors
// with a model fitted without labels; the record ids are read only to score the result.
import { sharedData } from '../helpers/shared-data.ts';
import { createReadStream } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { scoreAgainstFebrl } from '../../src/matching/evaluate.ts';
import { dedupePeople, linkPeople } from '../../src/matching/linkage.ts';
import { readPersonRecords } from '../../src/matching/records.ts';

const FEBRL = sharedData('febrl');
const read = (file: string) => readPersonRecords(createReadStream(resolve(FEBRL, file)), 'febrl');

describe('FEBRL', () => {
  it('links dataset4a to dataset4b with F1 ≥ 0.99', async () => {
    const [left, right] = await Promise.all([read('dataset4a.csv'), read('dataset4b.csv')]);
    const result = linkPeople(left, right);
    const quality = scoreAgainstFebrl(result.matches, left, right);
    expect(quality.f1).toBeGreaterThanOrEqual(0.99);
    expect(result.candidatePairs).toBeLessThan((left.length * right.length) / 50);
  });

  it('deduplicates dataset1 with F1 ≥ 0.97', async () => {
    const records = await read('dataset1.csv');
    const result = dedupePeople(records);
    const quality = scoreAgainstFebrl(result.matches, records);
    expect(quality.f1).toBeGreaterThanOrEqual(0.97);
    const match = result.matches[0]!;
    expect(match.explanation.map((e) => e.field)).toContain('dateOfBirth');
  });
});
