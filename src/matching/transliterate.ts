// Turns a person's name in any script into lower-case ASCII tokens, so that names written in
// Chinese, Cyrillic, Arabic or Latin with diacritics can be compared letter by letter.
import anyAscii from 'any-ascii';
import { pinyin } from 'pinyin-pro';

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

function tokensOfWord(word: string): string[] {
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
  const ascii = anyAscii(word);
  if (HANGUL.test(word)) return groupSyllables(foldLatin(ascii.replace(/([a-z])([A-Z])/g, '$1 $2')));
  return foldLatin(ascii.replace(/['’`]/g, ''));
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
  return name
    .normalize('NFKC')
    .split(/[\s,;/]+/u)
    .filter((w) => w.length > 0)
    .flatMap(tokensOfWord);
}
