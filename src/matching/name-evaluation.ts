// Evaluation of cross-script name matching on public name lists (Wikidata, Google ar2en): true
// pairs of a native-script name and its Latin form, as many false pairs, and recall at a precision.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { seededRandom } from '../shared/random.ts';

export type NameScript = 'arabic' | 'chinese' | 'hebrew' | 'korean' | 'ar2en';

export type NamePair = { native: string; latin: string };

export type LabelledPair = NamePair & { same: boolean };

export type ThresholdQuality = {
  threshold: number;
  precision: number;
  recall: number;
  f1: number;
};

const FILES: Record<NameScript, string> = {
  arabic: 'wikidata-coling2018/wd_arabic.normalized.aligned.tokens.tsv',
  chinese: 'wikidata-coling2018/wd_chinese.normalized.aligned.tokens.tsv',
  hebrew: 'wikidata-coling2018/wd_hebrew.tsv',
  korean: 'wikidata-coling2018/wd_korean.tsv',
  ar2en: 'google-ar2en/ar2en-eval.tsv',
};

// The aligned-token files spell the native token letter by letter ("م و غ ي ر ي ن ي").
const SPACED_TOKENS: ReadonlySet<NameScript> = new Set(['arabic', 'chinese']);
// Titles ("Louis IX of France" / "루이 9세") and untransliterated Latin are not names to match.
const NOT_A_NAME = /[0-9A-Za-z()]/;


function parseLine(script: NameScript, line: string): NamePair | undefined {
  const cells = line.split('\t');
  if (cells.length < 2) return undefined;
  const [first, second] = [cells[0]!.trim(), cells[1]!.trim()];
  if (script === 'ar2en') return { native: first, latin: second };
  if (SPACED_TOKENS.has(script)) return { native: second.replace(/\s+/g, ''), latin: first };
  return { native: second, latin: first };
}

/**
 * Up to `limit` distinct name pairs of one script, drawn in a fixed random order.
 *
 * @example
 * readNamePairs('/work/shared/data/names', 'hebrew', 500)[0]; // { native: 'דאגלס אדמס', latin: 'Douglas Adams' }
 */
export function readNamePairs(dataDir: string, script: NameScript, limit: number, seed = 7): NamePair[] {
  const text = readFileSync(resolve(dataDir, FILES[script]), 'utf8');
  const seen = new Set<string>();
  const pairs: NamePair[] = [];
  for (const line of text.split('\n')) {
    const pair = parseLine(script, line);
    if (!pair || pair.native === '' || pair.latin === '' || NOT_A_NAME.test(pair.native)) continue;
    const key = `${pair.native}\t${pair.latin.toLowerCase()}`;
    if (seen.has(key)) continue;
    seen.add(key);
    pairs.push(pair);
  }
  return shuffle(pairs, seededRandom(seed).next).slice(0, limit);
}

function shuffle<T>(items: T[], random: () => number): T[] {
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}

const latinTokens = (latin: string) =>
  latin
    .toLowerCase()
    .split(/[^\p{L}]+/u)
    .filter(Boolean);

// A harder negative: another entry sharing a Latin token (full names), or else one whose Latin
// form starts with the same letter and is within one letter of the same length (single tokens).
function hardNegative(pairs: NamePair[], i: number, random: () => number): NamePair | undefined {
  const target = pairs[i]!;
  const tokens = new Set(latinTokens(target.latin));
  const lower = target.latin.toLowerCase();
  const similar = (other: NamePair) => {
    const o = other.latin.toLowerCase();
    if (o === lower || other.native === target.native) return false;
    const shared = latinTokens(other.latin).some((t) => tokens.has(t));
    return shared || (o[0] === lower[0] && Math.abs(o.length - lower.length) <= 1);
  };
  const start = Math.floor(random() * pairs.length);
  for (let k = 0; k < pairs.length; k++) {
    const other = pairs[(start + k) % pairs.length]!;
    if (similar(other)) return other;
  }
  return undefined;
}

function randomNegative(pairs: NamePair[], i: number, random: () => number): NamePair {
  const target = pairs[i]!;
  for (;;) {
    const other = pairs[Math.floor(random() * pairs.length)]!;
    if (other.latin.toLowerCase() !== target.latin.toLowerCase() && other.native !== target.native) {
      return other;
    }
  }
}

/**
 * Every true pair, and for each one false pair: the native name with another entry's Latin form,
 * a random entry for even rows, a similar one (shared token, same initial and length) for odd.
 *
 * @example
 * labelledPairs(readNamePairs(dir, 'korean', 1000)).length; // 2000
 */
export function labelledPairs(pairs: NamePair[], seed = 11): LabelledPair[] {
  if (pairs.length < 2)
    throw new Error('labelledPairs needs at least two name pairs to draw negatives from.');
  const random = seededRandom(seed).next;
  const labelled: LabelledPair[] = pairs.map((p) => ({ ...p, same: true }));
  pairs.forEach((pair, i) => {
    const other = (i % 2 === 1 && hardNegative(pairs, i, random)) || randomNegative(pairs, i, random);
    labelled.push({ native: pair.native, latin: other.latin, same: false });
  });
  return labelled;
}

/**
 * The threshold with the highest recall among those whose precision is at least `minPrecision`
 * (a pair matches when its score is ≥ the threshold); recall 0 when none reaches it.
 *
 * @example
 * thresholdAtPrecision([{ score: 0.9, same: true }, { score: 0.4, same: false }], 0.95); // threshold 0.9, recall 1
 */
export function thresholdAtPrecision(
  scored: { score: number; same: boolean }[],
  minPrecision: number,
): ThresholdQuality {
  const positives = scored.filter((s) => s.same).length;
  const sorted = [...scored].sort((a, b) => b.score - a.score);
  let best: ThresholdQuality = { threshold: 1, precision: 1, recall: 0, f1: 0 };
  let truePositives = 0;
  for (let i = 0; i < sorted.length; i++) {
    if (sorted[i]!.same) truePositives++;
    // Only cut between different scores: ties all match or none does.
    if (i + 1 < sorted.length && sorted[i + 1]!.score === sorted[i]!.score) continue;
    const precision = truePositives / (i + 1);
    const recall = positives === 0 ? 0 : truePositives / positives;
    if (precision < minPrecision || recall <= best.recall) continue;
    const f1 = (2 * precision * recall) / (precision + recall);
    best = { threshold: sorted[i]!.score, precision, recall, f1 };
  }
  return best;
}
