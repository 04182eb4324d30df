// Cross-script name matching on fixed samples of the public name lists: at the threshold that
// keeps precision ≥ 0.95, recall per script must stay above a floor set a little under what it
// measured (bench/names.ts prints the full figures).
import { sharedData } from '../helpers/shared-data.ts';
import { describe, expect, it } from 'vitest';
import {
  type NameScript,
  labelledPairs,
  readNamePairs,
  thresholdAtPrecision,
} from '../../src/matching/name-evaluation.ts';
import { compareNames } from '../../src/matching/names.ts';

const NAMES = sharedData('names');
const SAMPLE = 400;

// Measured on these samples (400 true + 400 false pairs, seeds 7 and 11) when the floors were set:
// Arabic 0.948, Chinese 0.750, Hebrew 0.970, Korean 0.927, ar2en 0.985.
const RECALL_FLOORS: Record<NameScript, number> = {
  arabic: 0.92,
  chinese: 0.72,
  hebrew: 0.94,
  korean: 0.9,
  ar2en: 0.96,
};

function recallAtPrecision(script: NameScript) {
  const pairs = labelledPairs(readNamePairs(NAMES, script, SAMPLE));
  const scored = pairs.map((p) => ({ same: p.same, score: compareNames(p.native, p.latin).score }));
  return thresholdAtPrecision(scored, 0.95);
}

describe('cross-script name matching', () => {
  for (const [script, floor] of Object.entries(RECALL_FLOORS) as [NameScript, number][]) {
    it(`finds ≥ ${floor} of ${script} names in Latin letters at precision ≥ 0.95`, () => {
      const quality = recallAtPrecision(script);
      expect(quality.precision).toBeGreaterThanOrEqual(0.95);
      expect(quality.recall).toBeGreaterThanOrEqual(floor);
    });
  }
});
