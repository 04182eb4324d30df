// Arabic and Hebrew write few vowels, so a name in those scripts and its vowelled Latin form agree
// on consonants only: letter tables for both scripts, and the consonant skeleton both sides share.

export const ABJAD = /[\p{Script=Arabic}\p{Script=Hebrew}]/u;

const ARABIC: Record<string, string> = {
  ا: 'a',
  أ: 'a',
  إ: 'i',
  آ: 'a',
  ٱ: 'a',
  ء: '',
  ئ: '',
  ؤ: 'u',
  ى: 'a',
  ة: 'a',
  ب: 'b',
  ت: 't',
  ث: 'th',
  ج: 'j',
  ح: 'h',
  خ: 'kh',
  د: 'd',
  ذ: 'dh',
  ر: 'r',
  ز: 'z',
  س: 's',
  ش: 'sh',
  ص: 's',
  ض: 'd',
  ط: 't',
  ظ: 'z',
  ع: 'a',
  غ: 'gh',
  ف: 'f',
  ق: 'q',
  ك: 'k',
  ل: 'l',
  م: 'm',
  ن: 'n',
  ه: 'h',
  پ: 'p',
  چ: 'ch',
  ژ: 'zh',
  ڤ: 'v',
  گ: 'g',
  ک: 'k',
  ی: 'y',
};

const HEBREW: Record<string, string> = {
  א: 'a',
  ב: 'b',
  ג: 'g',
  ד: 'd',
  ה: 'h',
  ז: 'z',
  ח: 'kh',
  ט: 't',
  כ: 'k',
  ך: 'k',
  ל: 'l',
  מ: 'm',
  ם: 'm',
  נ: 'n',
  ן: 'n',
  ס: 's',
  ע: 'a',
  פ: 'p',
  ף: 'f',
  צ: 'ts',
  ץ: 'ts',
  ק: 'k',
  ר: 'r',
  ש: 'sh',
  ת: 't',
};

// Hebrew letters that a geresh turns into a foreign sound (ג'ורג' is George).
const HEBREW_GERESH: Record<string, string> = { ג: 'j', ז: 'zh', צ: 'ch', ת: 'th', ד: 'dh' };

// و and ו are a consonant (w, v) at the start of a word and before a vowel letter, a vowel
// (u, o) elsewhere; ي and י likewise (y or i). Doubled, Hebrew writes the consonant.
function semivowel(letter: string, next: string | undefined, first: boolean, vowelLetters: string): string {
  const consonant = letter === 'و' ? 'w' : letter === 'ו' ? 'v' : 'y';
  const vowel = letter === 'و' || letter === 'ו' ? 'u' : 'i';
  return first || (next !== undefined && vowelLetters.includes(next)) ? consonant : vowel;
}

/**
 * A word in Arabic or Hebrew letters written in Latin letters, semivowels read as vowels between
 * consonants; other characters are kept as they are.
 *
 * @example
 * abjadToLatin('محمد'); // 'mhmd'
 * abjadToLatin("ג'ורג'"); // 'jurj'
 */
export function abjadToLatin(word: string): string {
  const letters = [...word.normalize('NFC').replace(/[\u064B-\u0652\u0670\u0591-\u05C7]/g, '')];
  let out = '';
  for (let i = 0; i < letters.length; i++) {
    const letter = letters[i]!;
    const next = letters[i + 1];
    if ((next === "'" || next === '׳') && HEBREW_GERESH[letter]) {
      out += HEBREW_GERESH[letter];
      i++;
    } else if (letter === 'ו' && next === 'ו') {
      out += 'v';
      i++;
    } else if (letter === 'י' && next === 'י') {
      out += 'y';
      i++;
    } else if ('ويוי'.includes(letter)) {
      out += semivowel(letter, next, i === 0, 'اأإآوي אויע');
    } else {
      out += ARABIC[letter] ?? HEBREW[letter] ?? letter;
    }
  }
  return out;
}

const DIGRAPHS: [RegExp, string][] = [
  [/ph/g, 'f'],
  [/tsh|tch|sch|sh|ch|ts|tz|sz|cz|zh/g, 's'],
  [/th/g, 't'],
  [/dh/g, 'd'],
  [/gh|g|j/g, 'j'],
  [/kh|ck|qu|q|c|x/g, 'k'],
  [/[pvf]/g, 'b'],
  [/z/g, 's'],
  [/(.)\1+/g, '$1'],
  [/[aeiouyhw'’]/g, ''],
];

/**
 * The consonants of a Latin-letter token, with sounds abjad scripts do not tell apart merged
 * (p/b/f/v, g/gh/j, k/q/c, s/z/sh/ch), vowels, h, w and y dropped, doubled letters collapsed
 * and a leading article (al-, el-) left off.
 *
 * @example
 * consonantSkeleton('muhammad'); // 'mmd'
 * consonantSkeleton('mhmd'); // 'mmd'
 * consonantSkeleton('alhashimi'); // 'sm'
 */
export function consonantSkeleton(token: string): string {
  // The Arabic article: al-Hashimi is also written Hashimi.
  let skeleton = token.toLowerCase().replace(/^[ae]l(?=.{3})/, '');
  for (const [pattern, replacement] of DIGRAPHS) skeleton = skeleton.replace(pattern, replacement);
  return skeleton;
}
