// The languages the red flags are written in: one line per language (see `catalogue.ts` for how
// to add one). English is also applied to every ad, since ads mix languages.
import type { LanguagePatterns } from './catalogue.ts';
import { en } from './en.ts';
import { es } from './es.ts';
import { id } from './id.ts';
import { zh } from './zh.ts';

export const LANGUAGE_PATTERNS: Readonly<Record<string, LanguagePatterns>> = { en, id, es, zh };

/** Codes of the languages with red-flag patterns. */
export const FLAG_LANGUAGES: readonly string[] = Object.keys(LANGUAGE_PATTERNS);
