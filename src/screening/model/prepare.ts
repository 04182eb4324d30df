// Turns a raw ad into the text the screener model was trained on: the EMSCAD `train_balanced.csv`
// style (lower-case, punctuation dropped, NLTK English stop-words removed, single spaces).

import type { Ad } from '../types.ts';

/**
 * NLTK's English stop-word list (nltk.corpus.stopwords.words('english')) without its 26 forms with an
 * apostrophe ("don't"): apostrophes become spaces first, and the training text keeps "dont".
 */
const STOP_WORDS: ReadonlySet<string> = new Set(
  (
    'i me my myself we our ours ourselves you your yours yourself yourselves he him his himself she ' +
    'her hers herself it its itself they them their theirs themselves what which who whom this that ' +
    'these those am is are was were be been being have has had having do does did doing a an the and ' +
    'but if or because as until while of at by for with about against between into through during ' +
    'before after above below to from up down in out on off over under again further then once here ' +
    'there when where why how all any both each few more most other some such no nor not only own ' +
    'same so than too very s t can will just don should now d ll m o re ve y ain aren couldn didn ' +
    'doesn hadn hasn haven isn ma mightn mustn needn shan shouldn wasn weren won wouldn'
  ).split(' '),
);

// EMSCAD replaced contacts by placeholders; its training text keeps phones as `phone_<hash>` and
// drops URLs and e-mail addresses altogether, so raw ads are treated the same way.
const DROPPED_PLACEHOLDER = /#(?:URL|EMAIL)_[0-9a-f]*#/g;
const PHONE_PLACEHOLDER = /#PHONE_([0-9a-f]*)#/g;
// The training text keeps `=`, `_`, `\` and a colon before a digit ("8:30", "size:0"); every other
// ASCII punctuation mark, typographic quote, en dash, bullet and ellipsis became a space, as did
// whitespace (JavaScript's \s).
const SEPARATOR = new Uint8Array(0x10000);
for (const ch of '!"#$%&\'()*+,-./;<>?@[]^`{|}~\u2018\u2019\u201c\u201d\u2013\u2022\u2026') {
  SEPARATOR[ch.charCodeAt(0)] = 1;
}
for (let code = 0; code < 0x10000; code++) {
  if (/\s/.test(String.fromCharCode(code))) SEPARATOR[code] = 1;
}
const COLON = 58;

function isDigit(code: number): boolean {
  return code >= 48 && code <= 57;
}
function isLower(code: number): boolean {
  return code >= 97 && code <= 122;
}

/**
 * Paragraphs glued by HTML stripping ("ProjectsExperience"): the training text has them apart,
 * while short brand names (iOS, MySQL, PayPal) stay whole. True at the capital that starts a
 * word of 3+ letters after 4+ lower-case ones.
 */
function startsGluedWord(text: string, i: number): boolean {
  const code = text.charCodeAt(i);
  return (
    code >= 65 &&
    code <= 90 &&
    isLower(text.charCodeAt(i + 1)) &&
    isLower(text.charCodeAt(i + 2)) &&
    isLower(text.charCodeAt(i - 1)) &&
    isLower(text.charCodeAt(i - 2)) &&
    isLower(text.charCodeAt(i - 3)) &&
    isLower(text.charCodeAt(i - 4))
  );
}

/**
 * Prepares raw ad text the way the model's training text was prepared.
 *
 * @example
 * prepareForModel("We're hiring! Call #PHONE_ab12# — don't wait.") // → "hiring call phone_ab12 — wait"
 */
export function prepareForModel(text: string): string {
  const cleaned = text.includes('#')
    ? text.replace(DROPPED_PLACEHOLDER, ' ').replace(PHONE_PLACEHOLDER, ' phone_$1 ')
    : text;
  // Lower-casing once is much cheaper than word by word, when it keeps every offset in place.
  const lower = cleaned.toLowerCase();
  const sameOffsets = lower.length === cleaned.length;
  const kept: string[] = [];
  let start = -1;
  for (let i = 0; i <= cleaned.length; i++) {
    const code = i < cleaned.length ? cleaned.charCodeAt(i) : 32;
    const separates = SEPARATOR[code] === 1 || (code === COLON && !isDigit(cleaned.charCodeAt(i + 1)));
    if (start < 0) {
      if (!separates) start = i;
    } else if (separates || startsGluedWord(cleaned, i)) {
      const word = sameOffsets ? lower.slice(start, i) : cleaned.slice(start, i).toLowerCase();
      if (!STOP_WORDS.has(word)) kept.push(word);
      start = separates ? -1 : i;
    }
  }
  return kept.join(' ');
}

/**
 * The raw text of an ad in the order EMSCAD's training rows join their fields: the employer,
 * the body, then the title and place.
 *
 * @example
 * prepareForModel(adTextForModel({ text: 'Typing job, no experience', title: 'Data entry' }))
 */
export function adTextForModel(ad: Ad): string {
  return [ad.company, ad.text, ad.pay, ad.contact, ad.title, ad.location].filter(Boolean).join(' ');
}
