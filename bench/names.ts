// Cross-script person-name matching on public name lists (Wikidata Arabic, Chinese, Hebrew and
// Korean; Google ar2en): recall at the highest-recall threshold whose precision is ≥ 0.95.
import { resolve } from 'node:path';
import {
  type NameScript,
  labelledPairs,
  readNamePairs,
  thresholdAtPrecision,
} from '../src/matching/name-evaluation.ts';
import { compareNames } from '../src/matching/names.ts';

const NAMES = resolve(import.meta.dirname, '../../shared/data/names');
const TRUE_PAIRS = 2_000;
const MIN_PRECISION = 0.95;

const SETS: { script: NameScript; label: string }[] = [
  { script: 'arabic', label: 'Arabic (Wikidata tokens)' },
  { script: 'chinese', label: 'Chinese (Wikidata tokens)' },
  { script: 'hebrew', label: 'Hebrew (Wikidata full names)' },
  { script: 'korean', label: 'Korean (Wikidata full names)' },
  { script: 'ar2en', label: 'Arabic → English (Google ar2en eval)' },
];

/** Prints pairs, threshold, precision, recall and F1 per script (threshold chosen on the same pairs). */
export async function benchNames() {
  console.log(
    `\n## Cross-script name matching (compareNames; threshold = highest recall at precision ≥ ${MIN_PRECISION})`,
  );
  console.log('| script | pairs (true + false) | threshold | precision | recall | F1 | seconds |');
  console.log('|---|---|---|---|---|---|---|');
  for (const { script, label } of SETS) {
    const started = performance.now();
    const pairs = labelledPairs(readNamePairs(NAMES, script, TRUE_PAIRS));
    const scored = pairs.map((p) => ({ same: p.same, score: compareNames(p.native, p.latin).score }));
    const q = thresholdAtPrecision(scored, MIN_PRECISION);
    const seconds = (performance.now() - started) / 1000;
    const cells = [
      label,
      pairs.length.toLocaleString('en'),
      q.threshold.toFixed(3),
      q.precision.toFixed(3),
      q.recall.toFixed(3),
      q.f1.toFixed(3),
      seconds.toFixed(2),
    ];
    console.log(`| ${cells.join(' | ')} |`);
  }
}
