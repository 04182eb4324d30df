// Finds the red flags of a recruitment ad: the ad's language's patterns plus English, over every
// field, with the words that raised each flag; pay amounts read and compared with a norm; a
// missing employer told from structure. Patterns are compiled once, when the module loads.
import {
  DESTINATION_MONTHLY_USD,
  HIGH_PAY_FACTOR,
  HIGH_PAY_FACTOR_SKILLED,
  type LanguagePatterns,
  PER_MONTH,
  type PayPeriod,
  USD_PER_UNIT,
} from './flags/catalogue.ts';
import { LANGUAGE_PATTERNS } from './flags/index.ts';
import { detectLanguage } from './language.ts';
import {
  AD_FIELDS,
  type Ad,
  type AdField,
  FLAG_IDS,
  type FlagEvidence,
  type FlagHit,
  type FlagId,
} from './types.ts';

interface CompiledFlag {
  flag: FlagId;
  main: RegExp;
  /** `main`, sticky: does the flag match exactly here? */
  at: RegExp;
  supporting: RegExp | null;
  negatable: boolean;
}
interface CompiledLanguage {
  language: string;
  /** Whether matches must start at a word edge. */
  edge: boolean;
  flags: CompiledFlag[];
  /** Every flag's patterns in one alternation: finds where any flag may match in one pass. */
  anyFlag: RegExp;
  negation: RegExp;
  amount: RegExp;
  /** A pay word ending where an amount starts ("salary: ", "月薪"). */
  payWordBefore: RegExp;
  /** A currency just before a number ("USD ", "Rp", "$"). */
  currencyBefore: RegExp;
  period: RegExp;
  source: LanguagePatterns;
  companyNames: RegExp;
  skilled: RegExp;
}

// Word edges: `\b` lets the engine skip the middle of words; it knows only ASCII, so the
// character before a match is checked again in code, and a lookahead closes the word. Flag
// patterns are compiled without the `u` flag, which makes case-insensitive scans ~40 % faster.
const EDGE_AFTER = String.raw`(?![A-Za-z0-9_\u00C0-\u024F\u1E00-\u1EFF])`;
const WORD_CHAR = /[\p{L}\p{N}_]/u;
/** Where a clause ends: a negation does not reach past it. */
const CLAUSE_END = /[.,;:!?\n。，；：！？、]/u;
const NEGATION_REACH = 40;
/** How far before an amount its pay word may start ("monthly salary of up to "). */
const PAY_WORD_REACH = 40;
const CURRENCY_REACH = 12;
const NUMBER = String.raw`\d{1,3}(?:[.,\s]\d{3})+(?:[.,]\d{1,2})?|\d+(?:[.,]\d+)?`;

function alternation(sources: readonly string[]): string {
  return sources.map((source) => `(?:${source})`).join('|');
}

function edged(source: string, boundary: LanguagePatterns['boundary']): string {
  return boundary === 'word' ? `\\b(?:${source})${EDGE_AFTER}` : `(?:${source})`;
}

/** Whether a match may start at `start`: at a word edge, when the language has words. */
function atEdge(text: string, start: number, edge: boolean): boolean {
  return !edge || start === 0 || !WORD_CHAR.test(text[start - 1]!);
}

/** The matches of a global regex that start at a word edge (retrying one character on when not). */
function* scan(regex: RegExp, text: string, edge: boolean): Generator<RegExpExecArray> {
  regex.lastIndex = 0;
  for (let match = regex.exec(text); match; match = regex.exec(text)) {
    if (match[0] === '') {
      regex.lastIndex++;
      continue;
    }
    if (!atEdge(text, match.index, edge)) {
      regex.lastIndex = match.index + 1;
      continue;
    }
    yield match;
  }
}

function found(regex: RegExp, text: string, edge: boolean): boolean {
  for (const _ of scan(regex, text, edge)) return true;
  return false;
}

function compileLanguage(patterns: LanguagePatterns): CompiledLanguage {
  const b = patterns.boundary;
  const flags = FLAG_IDS.map((flag) => {
    const spec = patterns.flags[flag];
    return {
      flag,
      main: new RegExp(edged(alternation(spec.patterns), b), 'gi'),
      at: new RegExp(edged(alternation(spec.patterns), b), 'yi'),
      supporting: spec.supporting?.length ? new RegExp(edged(alternation(spec.supporting), b), 'gi') : null,
      negatable: spec.negatable === true,
    };
  });
  const { pay } = patterns;
  const currency = alternation(pay.currencies.map(([source]) => source));
  const multiplier = alternation(pay.multipliers.map(([source]) => source));
  const payWord = alternation(pay.payWords.map(([source]) => source));
  // number [multiplier] [- [currency] number [multiplier]] [currency]: the scan starts only at
  // digits; a currency and a pay word before the number are looked for separately.
  const amount =
    `(?<n1>${NUMBER})\\s?(?<m1>${multiplier})?` +
    `(?:\\s?(?:-|–|~|to|until|hingga|sampai|a|至|到)\\s?(?:${currency})?\\s?(?<n2>${NUMBER})\\s?(?<m2>${multiplier})?)?` +
    `\\+?\\s?(?<cur2>${currency})?`;
  const currencyBefore = `(?<cur1>${currency})\\s?$`;
  const wordBefore = `${b === 'word' ? '(?<![\\p{L}\\p{N}_])' : ''}(?<word>${edged(payWord, b)})\\s*(?:of|is|:|：|up to|sebesar|de|hasta|hingga|为|达|高达)?\\s*$`;
  return {
    language: patterns.language,
    edge: b === 'word',
    flags,
    anyFlag: new RegExp(edged(alternation(FLAG_IDS.map((flag) => alternation(patterns.flags[flag].patterns))), b), 'gi'),
    negation: new RegExp(edged(alternation(patterns.negations), b), 'i'),
    amount: new RegExp(amount, 'gi'),
    payWordBefore: new RegExp(wordBefore, 'diu'),
    currencyBefore: new RegExp(currencyBefore, 'i'),
    period: new RegExp(
      `^\\+?\\s*(?:[\\p{L}]+\\s+){0,2}?(?:${pay.periods.map(([source], i) => `(?<p${i}>${source})`).join('|')})`,
      'iu',
    ),
    source: patterns,
    companyNames: new RegExp(alternation(patterns.companyNames), 'g'),
    skilled: new RegExp(edged(alternation(patterns.skilled), b), 'gi'),
  };
}

const COMPILED: ReadonlyMap<string, CompiledLanguage> = new Map(
  Object.values(LANGUAGE_PATTERNS).map((patterns) => [patterns.language, compileLanguage(patterns)]),
);

type Fields = [AdField, string][];

function fieldsOf(ad: Ad): Fields {
  const fields: Fields = [];
  for (const field of AD_FIELDS) {
    const value = ad[field];
    if (value && value.trim() !== '') fields.push([field, value]);
  }
  return fields;
}

function negated(text: string, start: number, negation: RegExp): boolean {
  let window = text.slice(Math.max(0, start - NEGATION_REACH), start);
  const parts = window.split(CLAUSE_END);
  window = parts[parts.length - 1] ?? '';
  return negation.test(window);
}

function matches(
  regex: RegExp,
  edge: boolean,
  field: AdField,
  text: string,
  negation: RegExp | null,
): FlagEvidence[] {
  const evidence: FlagEvidence[] = [];
  for (const match of scan(regex, text, edge)) {
    const start = match.index;
    if (negation && negated(text, start, negation)) continue;
    evidence.push({ field, start, end: start + match[0].length, text: match[0] });
  }
  return evidence;
}

/** Joins overlapping evidence in the same field into one span. */
function mergeEvidence(evidence: FlagEvidence[], fields: Fields): FlagEvidence[] {
  const order = (field: AdField) => AD_FIELDS.indexOf(field);
  const sorted = [...evidence].sort(
    (a, b) => order(a.field) - order(b.field) || a.start - b.start || b.end - a.end,
  );
  const merged: FlagEvidence[] = [];
  for (const item of sorted) {
    const last = merged[merged.length - 1];
    if (last && last.field === item.field && item.start < last.end) {
      if (item.end > last.end) {
        const text = fields.find(([field]) => field === item.field)?.[1] ?? '';
        last.end = item.end;
        last.text = text.slice(last.start, last.end);
      }
      continue;
    }
    merged.push({ ...item });
  }
  return merged;
}

class Hits {
  private readonly byFlag = new Map<FlagId, { language: string; evidence: FlagEvidence[] }>();
  add(flag: FlagId, language: string, evidence: FlagEvidence[]): void {
    const hit = this.byFlag.get(flag);
    if (hit) hit.evidence.push(...evidence);
    else this.byFlag.set(flag, { language, evidence: [...evidence] });
  }
  has(flag: FlagId): boolean {
    return this.byFlag.has(flag);
  }
  list(fields: Fields): FlagHit[] {
    return FLAG_IDS.filter((flag) => this.byFlag.has(flag)).map((flag) => {
      const hit = this.byFlag.get(flag)!;
      return { flag, language: hit.language, evidence: mergeEvidence(hit.evidence, fields) };
    });
  }
}

// ---- pay ------------------------------------------------------------------------------------

function parseNumber(raw: string, thousands: LanguagePatterns['pay']['thousands']): number {
  let digits = raw.replace(/\s/g, '');
  const groups = /^\d{1,3}(?:[.,]\d{3})+$/.test(digits);
  if (groups && (thousands === 'both' || digits.includes(thousands)))
    return Number(digits.replace(/[.,]/g, ''));
  // "1,500.00" / "1.500,00": the last separator is the decimal one.
  const lastDot = digits.lastIndexOf('.');
  const lastComma = digits.lastIndexOf(',');
  const decimal = lastDot > lastComma ? '.' : ',';
  if (Math.min(lastDot, lastComma) >= 0 || /[.,]\d{1,2}$/.test(digits)) {
    digits = digits
      .split(decimal)
      .map((part) => part.replace(/[.,]/g, ''))
      .join('.');
  } else digits = digits.replace(/[.,]/g, '');
  return Number(digits);
}

const WHOLE = new Map<string, RegExp>();
/** The value of the first table row whose pattern matches all of `raw`. */
function lookup<T>(table: readonly (readonly [string, T])[], raw: string | undefined): T | undefined {
  if (!raw) return undefined;
  return table.find(([source]) => {
    let whole = WHOLE.get(source);
    if (!whole) {
      whole = new RegExp(`^(?:${source})$`, 'iu');
      WHOLE.set(source, whole);
    }
    return whole.test(raw.trim());
  })?.[1];
}

export interface PayAmount {
  field: AdField;
  start: number;
  end: number;
  text: string;
  /** The highest amount of a range, brought to US dollars a month. */
  monthlyUsd: number;
  /** The language whose patterns read it. */
  language?: string;
}

/** Reads the pay amounts of a field: currency, range, multiplier and period. */
function payAmounts(lang: CompiledLanguage, field: AdField, text: string): PayAmount[] {
  const { pay } = lang.source;
  const found: PayAmount[] = [];
  for (const match of scan(lang.amount, text, lang.edge)) {
    // A number starts the amount, not the middle of one ("12,500" read from "2,500").
    if (match.index > 0 && /[\d.,]/.test(text[match.index - 1]!)) continue;
    const g = match.groups ?? {};
    const near = lang.currencyBefore.exec(text.slice(Math.max(0, match.index - CURRENCY_REACH), match.index));
    const amountStart = near ? match.index - near[0].length : match.index;
    const windowStart = Math.max(0, amountStart - PAY_WORD_REACH);
    const before = lang.payWordBefore.exec(text.slice(windowStart, amountStart));
    const word = before?.groups?.word;
    const start = before?.indices?.groups?.word ? windowStart + before.indices.groups.word[0] : amountStart;
    const currencyText = near?.groups?.cur1 ?? g.cur2;
    const after = text.slice(match.index + match[0].length, match.index + match[0].length + 30);
    const periodMatch = lang.period.exec(after);
    // A bare number is pay only with a currency, a pay word, in the pay field, or as "1.5万/月".
    if (!currencyText && !word && field !== 'pay' && !(g.m1 && periodMatch)) continue;
    const code = lookup(pay.currencies, currencyText) ?? pay.defaultCurrency;
    const rate = USD_PER_UNIT[code];
    const top = g.n2 ?? g.n1;
    if (rate === undefined || top === undefined) continue;
    const multiplier = lookup(pay.multipliers, g.n2 ? g.m2 : g.m1) ?? lookup(pay.multipliers, g.m1) ?? 1;
    const usd = parseNumber(top, pay.thousands) * multiplier * rate;
    if (!Number.isFinite(usd) || usd <= 0) continue;
    let period: PayPeriod | null | undefined = periodMatch
      ? pay.periods[
          Number(
            Object.entries(periodMatch.groups ?? {})
              .find(([, v]) => v !== undefined)?.[0]
              .slice(1),
          )
        ]?.[1]
      : lookup(pay.payWords, word);
    // No period written: only a pay field or a pay word lets the size of the figure tell it.
    if (!period && (word || field === 'pay')) period = usd >= 15000 ? 'year' : usd >= 300 ? 'month' : null;
    if (!period) continue;
    const end = periodMatch
      ? match.index + match[0].length + periodMatch[0].length
      : match.index + match[0].trimEnd().length;
    found.push({ field, start, end, text: text.slice(start, end), monthlyUsd: usd * PER_MONTH[period] });
  }
  return found;
}

// ---- the flags ------------------------------------------------------------------------------

/** A company profile of a paragraph or more is an identity a reader can check; a slogan is not. */
const PROFILE_MIN_CHARS = 300;
const NAME_MAX_WORDS = 6;

function namesCompany(ad: Ad, fields: Fields, languages: CompiledLanguage[]): boolean {
  const company = ad.company?.trim();
  if (company) {
    if (company.split(/\s+/).length <= NAME_MAX_WORDS && !/[.!?:)]$/.test(company)) return true;
    if (company.length >= PROFILE_MIN_CHARS) return true;
  }
  return fields.some(([field, text]) =>
    languages.some((lang) => field !== 'pay' && found(lang.companyNames, text, false)),
  );
}

/**
 * Every flag's matches in every field, in one pass per field: the combined alternation finds each
 * place where some flag may start, and each flag's sticky pattern is tried there. Twelve scans of
 * a long ad cost about 2.5 times this one; the matches are the same.
 */
function flagEvidence(lang: CompiledLanguage, fields: Fields): Map<FlagId, FlagEvidence[]> {
  const out = new Map<FlagId, FlagEvidence[]>();
  for (const [field, text] of fields) {
    const any = lang.anyFlag;
    any.lastIndex = 0;
    for (let candidate = any.exec(text); candidate; candidate = any.exec(text)) {
      const start = candidate.index;
      any.lastIndex = start + 1;
      if (!atEdge(text, start, lang.edge)) continue;
      for (const compiled of lang.flags) {
        compiled.at.lastIndex = start;
        const match = compiled.at.exec(text);
        if (!match || match[0] === '') continue;
        if (compiled.negatable && negated(text, start, lang.negation)) continue;
        const list = out.get(compiled.flag) ?? [];
        // A match inside the flag's previous match adds nothing (merged later anyway).
        const last = list[list.length - 1];
        if (last && last.field === field && start < last.end && start + match[0].length <= last.end) continue;
        list.push({ field, start, end: start + match[0].length, text: match[0] });
        out.set(compiled.flag, list);
      }
    }
  }
  return out;
}

export interface RedFlagOptions {
  /** Languages whose patterns to apply; by default the detected language and English (all when unknown). */
  languages?: string[];
}

/**
 * Finds the red flags of an ad, each with the words that raised it.
 * @example findRedFlags({ text: 'Customer service in Sihanoukville, no experience, contact Telegram @hr_kh' }).flags.map((f) => f.flag)
 * // ['risky_destination', 'messaging_only', 'scam_role', 'no_experience', 'vague_company']
 */
export function findRedFlags(ad: Ad, options: RedFlagOptions = {}): { language: string; flags: FlagHit[] } {
  const fields = fieldsOf(ad);
  const language = detectLanguage([ad.title, ad.text].filter(Boolean).join('\n'));
  // An ad whose language cannot be told (a short one) is read in every language we have.
  const codes = options.languages ?? (COMPILED.has(language) ? [language, 'en'] : ['en', ...COMPILED.keys()]);
  const languages = [...new Set(codes)]
    .map((code) => COMPILED.get(code))
    .filter((l): l is CompiledLanguage => !!l);
  const hits = new Hits();
  for (const lang of languages) {
    const evidence = flagEvidence(lang, fields);
    for (const compiled of lang.flags) {
      const found = evidence.get(compiled.flag);
      if (found) hits.add(compiled.flag, lang.language, found);
    }
  }
  // Ordinary words ("apply now") are read only once a pattern has raised their flag.
  for (const lang of languages) {
    for (const { flag, supporting } of lang.flags) {
      if (!supporting || !hits.has(flag)) continue;
      const extra = fields.flatMap(([field, text]) => matches(supporting, lang.edge, field, text, null));
      if (extra.length > 0) hits.add(flag, lang.language, extra);
    }
  }
  addHighPay(hits, fields, languages, ad);
  if (!namesCompany(ad, fields, languages)) hits.add('vague_company', 'any', []);
  return { language, flags: hits.list(fields) };
}

/**
 * Pay is judged against the norm of the ad's market (its language's, or the destination's when
 * the ad sends the worker to a scam-centre hub); each amount is read once, by the first language
 * that reads it.
 */
function addHighPay(hits: Hits, fields: Fields, languages: CompiledLanguage[], ad: Ad): void {
  const market = languages[0]?.source ?? COMPILED.get('en')!.source;
  let norm = market.unskilledMonthlyUsd;
  if (hits.has('risky_destination')) norm = Math.min(norm, DESTINATION_MONTHLY_USD);
  const read: PayAmount[] = [];
  // Characters already read as pay, per field: an overlap test in time linear in the amount's
  // length (an ad of thousands of amounts, "月薪1万" repeated, must not cost a pairwise check).
  const covered = new Map<AdField, Uint8Array>();
  for (const lang of languages) {
    for (const [field, text] of fields) {
      if (field !== 'text' && field !== 'title' && field !== 'pay') continue;
      let taken = covered.get(field);
      if (!taken) {
        taken = new Uint8Array(text.length);
        covered.set(field, taken);
      }
      for (const amount of payAmounts(lang, field, text)) {
        if (taken.subarray(amount.start, amount.end).includes(1)) continue;
        taken.fill(1, amount.start, amount.end);
        read.push({ ...amount, language: lang.language });
      }
    }
  }
  const high = read.filter((amount) => amount.monthlyUsd >= HIGH_PAY_FACTOR * norm);
  if (high.length === 0) return;
  // Work that asks for experience or qualifications may pay more: its bar is higher.
  const skillText = [ad.title, ad.text].filter(Boolean).join('\n');
  const skilled =
    !hits.has('no_experience') && languages.some((lang) => found(lang.skilled, skillText, lang.edge));
  const bar = (skilled ? HIGH_PAY_FACTOR_SKILLED : HIGH_PAY_FACTOR) * norm;
  for (const { field, start, end, text, monthlyUsd, language } of high) {
    if (monthlyUsd >= bar) hits.add('high_pay', language ?? market.language, [{ field, start, end, text }]);
  }
}

/** Exposed for tests and the benchmark: the pay amounts the screener reads in a text. */
export function readPay(text: string, language = 'en', field: AdField = 'text'): PayAmount[] {
  const lang = COMPILED.get(language);
  if (!lang)
    throw new Error(
      `No red-flag patterns for language '${language}'; use one of ${[...COMPILED.keys()].join(', ')}.`,
    );
  return payAmounts(lang, field, text);
}
