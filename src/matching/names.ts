// Compares two person names across scripts, spellings and word orders: transliterated tokens
// matched pairwise by Jaro–Winkler, the names run together, and Double Metaphone sound keys.
import { doubleMetaphone } from 'double-metaphone';
import { ABJAD, consonantSkeleton } from './abjad.ts';
import { jaroWinkler } from './jaro-winkler.ts';
import { soundKey } from './sound-keys.ts';
import { foreignNameTokens, nameTokens } from './transliterate.ts';

export type NameComparison = {
  /** 0 (nothing alike) to 1 (the same name). */
  score: number;
  explanation: {
    left: string[];
    right: string[];
    /** Best one-to-one pairing of tokens and the Jaro–Winkler of each pair. */
    pairs: { left: string; right: string; similarity: number }[];
    tokenScore: number;
    joinedScore: number;
    phoneticScore: number;
  };
};

// Names rarely have more than this many tokens; past it we pair tokens greedily.
const EXACT_ASSIGNMENT_LIMIT = 7;

/**
 * Double Metaphone keys of a token (primary and alternate, without duplicates or empties).
 *
 * @example
 * phoneticKeys('schmidt'); // ['XMT', 'SMT']
 */
export function phoneticKeys(token: string): string[] {
  const [primary, alternate] = doubleMetaphone(token);
  return [...new Set([primary, alternate])].filter((k) => k.length > 0);
}

type Pairing = { total: number; pairs: [number, number][] };

function bestPairing(similarity: number[][], rows: number, cols: number): Pairing {
  if (rows > cols) {
    const flipped = bestPairing(transpose(similarity, rows, cols), cols, rows);
    return { total: flipped.total, pairs: flipped.pairs.map(([i, j]) => [j, i]) };
  }
  if (cols <= EXACT_ASSIGNMENT_LIMIT) return exhaustivePairing(similarity, rows, cols, 0, new Set());
  return greedyPairing(similarity, rows, cols);
}

function exhaustivePairing(
  sim: number[][],
  rows: number,
  cols: number,
  row: number,
  used: Set<number>,
): Pairing {
  if (row === rows) return { total: 0, pairs: [] };
  let best: Pairing = { total: -1, pairs: [] };
  for (let col = 0; col < cols; col++) {
    if (used.has(col)) continue;
    used.add(col);
    const rest = exhaustivePairing(sim, rows, cols, row + 1, used);
    used.delete(col);
    const total = rest.total + sim[row]![col]!;
    if (total > best.total) best = { total, pairs: [[row, col], ...rest.pairs] };
  }
  return best;
}

function greedyPairing(sim: number[][], rows: number, cols: number): Pairing {
  const cells = [];
  for (let i = 0; i < rows; i++) for (let j = 0; j < cols; j++) cells.push({ i, j, s: sim[i]![j]! });
  cells.sort((x, y) => y.s - x.s);
  const usedRows = new Set<number>();
  const usedCols = new Set<number>();
  const pairing: Pairing = { total: 0, pairs: [] };
  for (const { i, j, s } of cells) {
    if (usedRows.has(i) || usedCols.has(j)) continue;
    usedRows.add(i);
    usedCols.add(j);
    pairing.total += s;
    pairing.pairs.push([i, j]);
  }
  return pairing;
}

function transpose(matrix: number[][], rows: number, cols: number): number[][] {
  return Array.from({ length: cols }, (_, j) => Array.from({ length: rows }, (_, i) => matrix[i]![j]!));
}

type TokenSimilarity = (left: string, right: string) => number;

// Against Arabic or Hebrew, whose short vowels go unwritten, consonant skeletons may agree
// where the vowelled letters do not.
const skeletonSimilarity: TokenSimilarity = (l, r) =>
  Math.max(jaroWinkler(l, r), jaroWinkler(consonantSkeleton(l), consonantSkeleton(r)));

// Against Chinese or Korean, romanisations differ by system (Gim/Kim, Jeong/Chung).
const soundKeySimilarity: TokenSimilarity = (l, r) =>
  Math.max(jaroWinkler(l, r), jaroWinkler(soundKey(l), soundKey(r)));

const HAN_OR_HANGUL = /[\p{Script=Han}\p{Script=Hangul}]/u;

function tokenSimilarity(a: string, b: string): TokenSimilarity {
  if (ABJAD.test(a) || ABJAD.test(b)) return skeletonSimilarity;
  if (HAN_OR_HANGUL.test(a) || HAN_OR_HANGUL.test(b)) return soundKeySimilarity;
  return jaroWinkler;
}

// Paired tokens count fully; a token left over (a middle name one side omits) costs a fifth.
function tokenScore(left: string[], right: string[], similarity: TokenSimilarity) {
  const sim = left.map((l) => right.map((r) => similarity(l, r)));
  const pairing = bestPairing(sim, left.length, right.length);
  const fewer = Math.min(left.length, right.length);
  const more = Math.max(left.length, right.length);
  const score = 0.8 * (pairing.total / fewer) + 0.2 * (pairing.total / more);
  const pairs = pairing.pairs.map(([i, j]) => ({
    left: left[i]!,
    right: right[j]!,
    similarity: sim[i]![j]!,
  }));
  return { score, pairs, left, right };
}

// "xiao ming wang" against "wang xiaoming": also try the longer side with two neighbours joined.
function bestTokenScore(left: string[], right: string[], similarity: TokenSimilarity) {
  let best = tokenScore(left, right, similarity);
  const [longer, shorter, flip] = left.length > right.length ? [left, right, false] : [right, left, true];
  for (let k = 0; k + 1 < longer.length && longer.length !== shorter.length; k++) {
    const merged = [...longer.slice(0, k), longer[k]! + longer[k + 1]!, ...longer.slice(k + 2)];
    const candidate = flip
      ? tokenScore(shorter, merged, similarity)
      : tokenScore(merged, shorter, similarity);
    if (candidate.score > best.score) best = candidate;
  }
  return best;
}

function phoneticScore(left: string[], right: string[]): number {
  const rightKeys = new Set(right.flatMap(phoneticKeys));
  const leftKeys = new Set(left.flatMap(phoneticKeys));
  const agree = (tokens: string[], keys: Set<string>) =>
    tokens.filter((t) => phoneticKeys(t).some((k) => keys.has(k))).length / tokens.length;
  return (agree(left, rightKeys) + agree(right, leftKeys)) / 2;
}

function compareTokens(left: string[], right: string[], similarity: TokenSimilarity): NameComparison {
  if (left.length === 0 || right.length === 0) {
    const explanation = { left, right, pairs: [], tokenScore: 0, joinedScore: 0, phoneticScore: 0 };
    return { score: 0, explanation };
  }
  const tokens = bestTokenScore(left, right, similarity);
  const joined = similarity([...left].sort().join(''), [...right].sort().join(''));
  const phonetic = phoneticScore(tokens.left, tokens.right);
  const score = Math.min(1, 0.8 * Math.max(tokens.score, joined) + 0.2 * phonetic);
  return {
    score,
    explanation: {
      left,
      right,
      pairs: tokens.pairs,
      tokenScore: tokens.score,
      joinedScore: joined,
      phoneticScore: phonetic,
    },
  };
}

/**
 * Compares two person names in any script and word order. The score is 0.8 × the better of
 * (best token pairing by Jaro–Winkler, Jaro–Winkler of the sorted tokens run together)
 * plus 0.2 × the share of tokens whose Double Metaphone keys agree. Against Arabic or Hebrew,
 * tokens also compare by consonant skeleton; against Chinese or Korean, by a key that merges
 * romanisation systems; Chinese characters are also read as a phonetically written foreign name.
 *
 * @example
 * compareNames('王小明', 'Xiaoming WANG').score; // 1
 * compareNames('Mohammed Ali', 'Ali Muhammad').score; // ≈ 0.94
 * compareNames('John Smith', 'Maria Garcia').score; // ≈ 0.24
 * compareNames('محمد علي', 'Mohamed Ali').score; // 0.9
 */
export function compareNames(a: string, b: string): NameComparison {
  const similarity = tokenSimilarity(a, b);
  const left = nameTokens(a);
  const right = nameTokens(b);
  const best = compareTokens(left, right, similarity);
  const [foreignLeft, foreignRight] = [foreignNameTokens(a), foreignNameTokens(b)];
  if (!foreignLeft && !foreignRight) return best;
  const foreign = compareTokens(foreignLeft ?? left, foreignRight ?? right, similarity);
  return foreign.score > best.score ? foreign : best;
}
