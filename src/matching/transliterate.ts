// Turns a person's name in any script into lower-case ASCII tokens, so that names written in
// Chinese, Cyrillic, Arabic or Latin with diacritics can be compared letter by letter.
import anyAscii from 'any-ascii';
import { pinyin } from 'pinyin-pro';
import { ABJAD, abjadToLatin } from './abjad.ts';

const HAN = /\p{Script=Han}/u;
const HAN_RUN = /\p{Script=Han}+/gu;
// Korean transliterates syllable by syllable in CamelCase (김철수 → GimCheolSu).
const HANGUL = /\p{Script=Hangul}/u;

/**
 * Pinyin of a run of Chinese characters, without tones: the first character is the family
 * name and the rest one given name, as Chinese names are written in Latin letters.
 *
 * @example
 * pinyinTokens('王小明'); // ['wang', 'xiaoming']
 */
export function pinyinTokens(han: string): string[] {
  return groupSyllables(
    pinyin(han, { toneType: 'none', type: 'array', v: true }).map((s) => s.toLowerCase()),
  );
}

// Two or three syllables: family name, then given name; four or more: two and the rest.
function groupSyllables(syllables: string[]): string[] {
  if (syllables.length <= 1) return syllables;
  if (syllables.length >= 4) return [syllables.slice(0, 2).join(''), syllables.slice(2).join('')];
  return [syllables[0]!, syllables.slice(1).join('')];
}

function foldLatin(text: string): string[] {
  return text
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, ' ')
    .trim()
    .split(' ')
    .filter((t) => t.length > 0);
}

// A foreign name in Hangul adds "eu" to a consonant that has no vowel (크로크 KeuLoKeu, Kroc);
// each word is one name, its syllables joined without that added vowel.
function hangulWordToken(syllables: string[]): string[] {
  return [syllables.map((s) => s.replace(/^([^aeiouwy]+)eu$/, '$1')).join('')];
}

function hangulSyllables(word: string): string[] {
  return foldLatin(anyAscii(word).replace(/(?<=.)(?=[A-Z])/g, ' '));
}

function tokensOfWord(word: string, singleWord: boolean): string[] {
  if (HAN.test(word)) {
    const tokens: string[] = [];
    let last = 0;
    for (const run of word.matchAll(HAN_RUN)) {
      tokens.push(...foldLatin(anyAscii(word.slice(last, run.index))));
      tokens.push(...pinyinTokens(run[0]));
      last = run.index + run[0].length;
    }
    tokens.push(...foldLatin(anyAscii(word.slice(last))));
    return tokens;
  }
  if (HANGUL.test(word)) {
    // One word of two to four syllables is a Korean name (김철수); more words, a foreign one.
    const syllables = hangulSyllables(word);
    return singleWord && syllables.length <= 4 ? groupSyllables(syllables) : hangulWordToken(syllables);
  }
  if (ABJAD.test(word)) return foldLatin(abjadToLatin(word).replace(/['’`׳]/g, ''));
  return foldLatin(anyAscii(word).replace(/['’`]/g, ''));
}

// Chinese writes a foreign consonant with no vowel after it as a whole syllable (克 ke for k,
// 斯 si for s, 爾 er for r); in a foreign name those syllables stand for the consonant alone.
const CONSONANT_SYLLABLES: Record<string, string> = {
  si: 's',
  ke: 'k',
  te: 't',
  de: 'd',
  er: 'r',
  fu: 'f',
  mu: 'm',
  pu: 'p',
  bu: 'b',
  ge: 'g',
  zi: 'z',
  ci: 'ts',
  ershi: 'rs',
  shi: 'sh',
  ku: 'k',
  tu: 't',
  nu: 'n',
};

/**
 * A name in Chinese characters read as a foreign name written phonetically: each run of
 * characters one token, consonant-only syllables reduced to their consonant; undefined when
 * the name has no Chinese characters.
 *
 * @example
 * foreignNameTokens('德克'); // ['dek']
 * foreignNameTokens('克拉夫斯'); // ['kelafs']
 */
export function foreignNameTokens(name: string): string[] | undefined {
  if (!HAN.test(name)) return undefined;
  return name
    .normalize('NFKC')
    .split(/[\s,;/·•・]+/u)
    .filter((w) => w.length > 0)
    .flatMap((word) => (HAN.test(word) ? [loanReading(word)] : tokensOfWord(word, false)));
}

function loanReading(han: string): string {
  const syllables = pinyin(han, { toneType: 'none', type: 'array', v: true }).map((s) => s.toLowerCase());
  return syllables
    .map((s, i) => (i > 0 ? (CONSONANT_SYLLABLES[s] ?? s) : s))
    .join('')
    .replace(/[^a-z]/g, '');
}

/**
 * The name as lower-case ASCII tokens: transliterated (pinyin for Chinese, any-ascii for other
 * scripts), diacritics and case folded, punctuation dropped, apostrophes joined.
 *
 * @example
 * nameTokens('José  O’Brien'); // ['jose', 'obrien']
 * nameTokens('王小明'); // ['wang', 'xiaoming']
 */
export function nameTokens(name: string): string[] {
  const words = name
    .normalize('NFKC')
    .split(/[\s,;/]+/u)
    .filter((w) => w.length > 0);
  return words.flatMap((word) => tokensOfWord(word, words.length === 1));
}
