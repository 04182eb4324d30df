// Tells the language of an ad, fast: by script for the scripts one language owns (Thai, Burmese,
// Khmer, Ethiopic…), by stop words for Latin-script languages. ISO 639-1 codes, 'und' if unsure.

/** Scripts one language owns (or that we read as one), as UTF-16 code ranges. */
const SCRIPTS: readonly (readonly [code: string, from: number, to: number])[] = [
  ['zh', 0x4e00, 0x9fff],
  ['zh', 0x3400, 0x4dbf],
  ['ja', 0x3040, 0x30ff],
  ['ko', 0xac00, 0xd7af],
  ['th', 0x0e00, 0x0e7f],
  ['lo', 0x0e80, 0x0eff],
  ['my', 0x1000, 0x109f],
  ['km', 0x1780, 0x17ff],
  ['hi', 0x0900, 0x097f],
  ['bn', 0x0980, 0x09ff],
  ['am', 0x1200, 0x137f],
  ['ar', 0x0600, 0x06ff],
  ['ru', 0x0400, 0x04ff],
];

/** Frequent short words per Latin-script language; a word counts for every language listing it. */
const STOP_WORDS: Record<string, readonly string[]> = {
  en: [
    'the',
    'and',
    'to',
    'of',
    'for',
    'with',
    'you',
    'your',
    'is',
    'are',
    'we',
    'our',
    'in',
    'will',
    'be',
    'this',
    'job',
    'work',
  ],
  id: [
    'dan',
    'yang',
    'untuk',
    'di',
    'dengan',
    'ini',
    'kami',
    'anda',
    'tidak',
    'ada',
    'gaji',
    'kerja',
    'bisa',
    'akan',
    'dari',
    'ke',
    'lowongan',
    'bulan',
    'juga',
    'atau',
  ],
  es: [
    'el',
    'la',
    'los',
    'las',
    'de',
    'del',
    'y',
    'en',
    'para',
    'con',
    'por',
    'que',
    'una',
    'un',
    'trabajo',
    'sueldo',
    'se',
    'es',
    'al',
  ],
  tl: ['ang', 'ng', 'mga', 'sa', 'na', 'at', 'ay', 'para', 'trabaho', 'sahod', 'kami', 'ikaw', 'po'],
  vi: ['và', 'của', 'là', 'có', 'cho', 'không', 'người', 'việc', 'làm', 'lương', 'tháng', 'được', 'với'],
  sw: ['na', 'ya', 'wa', 'kwa', 'za', 'ni', 'kazi', 'mshahara', 'katika', 'hii', 'kuwa'],
  pt: ['o', 'os', 'do', 'da', 'dos', 'em', 'para', 'com', 'não', 'trabalho', 'salário', 'você', 'é'],
  fr: ['le', 'les', 'des', 'du', 'et', 'pour', 'avec', 'vous', 'nous', 'est', 'travail', 'salaire'],
};
const STOP_INDEX = new Map<string, string[]>();
for (const [code, words] of Object.entries(STOP_WORDS)) {
  for (const word of words) STOP_INDEX.set(word, [...(STOP_INDEX.get(word) ?? []), code]);
}
const WORD = /[a-z\u00c0-\u024f\u1e00-\u1eff']+/g;
/** Nepali shares Devanagari with Hindi; these verb endings and words are Nepali's. */
const NEPALI = /(?:छ|छन्|हुन्छ|गर्नुहोस्|हुनेछ|तपाईं)(?![\u0900-\u097f])/u;
/** Only the first characters are read: enough to tell, and keeps the cost flat. */
const SAMPLE = 4000;
const LATIN_SAMPLE = 600;

/**
 * The language of a text, as an ISO 639-1 code, or 'und' when it cannot be told.
 * @example detectLanguage('Lowongan kerja customer service, gaji 15 juta per bulan') // 'id'
 * @example detectLanguage('招聘客服，月薪1万，联系飞机') // 'zh'
 */
export function detectLanguage(text: string): string {
  const sample = text.length > SAMPLE ? text.slice(0, SAMPLE) : text;
  // One pass over the characters: Latin letters and each owned script counted.
  const counts = new Map<string, number>();
  let latin = 0;
  for (let i = 0; i < sample.length; i++) {
    const c = sample.charCodeAt(i);
    if (
      (c >= 0x41 && c <= 0x5a) ||
      (c >= 0x61 && c <= 0x7a) ||
      (c >= 0xc0 && c <= 0x24f) ||
      (c >= 0x1e00 && c <= 0x1eff)
    ) {
      latin++;
      continue;
    }
    if (c < 0x400) continue;
    for (const [code, from, to] of SCRIPTS) {
      if (c >= from && c <= to) {
        counts.set(code, (counts.get(code) ?? 0) + 1);
        break;
      }
    }
  }
  let best = '';
  let bestCount = 0;
  let scripts = 0;
  for (const [code, count] of counts) {
    scripts += count;
    if (count > bestCount) [best, bestCount] = [code, count];
  }
  if (latin + scripts === 0) return 'und';
  // Han with kana is Japanese; a script counts when it is a fair share of the letters, because
  // ads in those scripts often carry Latin app names, currencies and places.
  if (best === 'zh' && counts.has('ja')) best = 'ja';
  if (bestCount >= 4 && bestCount / (latin + scripts) >= 0.2) {
    if (best === 'hi' && NEPALI.test(sample)) return 'ne';
    return best;
  }
  return latinLanguage(sample.length > LATIN_SAMPLE ? sample.slice(0, LATIN_SAMPLE) : sample);
}

function latinLanguage(sample: string): string {
  const scores = new Map<string, number>();
  for (const match of sample.toLowerCase().matchAll(WORD)) {
    const codes = STOP_INDEX.get(match[0]);
    if (codes) for (const code of codes) scores.set(code, (scores.get(code) ?? 0) + 1 / codes.length);
  }
  let best = 'und';
  let bestScore = 0;
  for (const [code, score] of scores) {
    if (score > bestScore) [best, bestScore] = [code, score];
  }
  // Too few stop words to tell (a title, a handle): unknown rather than a guess.
  if (bestScore < 2) return 'und';
  return best;
}
