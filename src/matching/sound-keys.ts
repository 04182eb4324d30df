// Romanisations of Korean and Chinese disagree on letters that sound alike (Gim/Kim, Bag/Park,
// Jeong/Chung, Li/Lee); these keys spell both sides one way so that Jaro–Winkler sees the names.

// Korean family names whose usual spelling shares little with the official romanisation.
const KOREAN_FAMILY_NAMES: Record<string, string> = {
  lee: 'i',
  yi: 'i',
  rhee: 'i',
  rhie: 'i',
  ri: 'i',
  ryu: 'yu',
  yoo: 'yu',
  noh: 'no',
  roh: 'no',
};

const SOUND_RULES: [RegExp, string][] = [
  [/r(?=[^aeiouy]|$)/g, ''],
  [/eo/g, 'u'],
  [/ui/g, 'i'],
  [/eu/g, 'u'],
  [/oo/g, 'u'],
  [/ee/g, 'i'],
  [/oi/g, 'oe'],
  [/tch|ch|tz|ts|zh|q|j/g, 'j'],
  [/sh|x|z/g, 's'],
  [/ph|f|v|p/g, 'b'],
  [/ck|c|k/g, 'g'],
  [/t/g, 'd'],
  [/r/g, 'l'],
  [/h(?![aeiouwy])/g, ''],
  [/(.)\1+/g, '$1'],
];

/**
 * One spelling for the romanisations of a Korean or Chinese name token: voiced and voiceless
 * consonants merged, r read as l, the vowel digraphs of the official systems simplified.
 *
 * @example
 * soundKey('park'); // 'bag'
 * soundKey('bag'); // 'bag'
 * soundKey('chung') === soundKey('jeong'); // true
 */
export function soundKey(token: string): string {
  const lower = token.toLowerCase();
  let key = KOREAN_FAMILY_NAMES[lower] ?? lower;
  for (const [pattern, replacement] of SOUND_RULES) key = key.replace(pattern, replacement);
  return key;
}
