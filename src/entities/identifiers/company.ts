// Company names as matching keys: legal form found and set aside (details.legalForm), then case,
// punctuation, width and diacritics folded, so "PT. Maju Jaya" and "Maju-Jaya" give one key.

import { LEGAL_FORMS } from './company-legal-forms.ts';
import { type Identifier, invalidIdentifier, validIdentifier } from './identifier.ts';
import { foldText, stripDiacritics } from './text.ts';

// Scripts whose legal forms may be written against the name without a space.
const UNSPACED = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}\p{Script=Thai}]/u;

// Variants folded the same way as names (NFKC rewrites some Thai vowels, for one).
const FOLDED_FORMS = LEGAL_FORMS.map((legalForm) => ({
  ...legalForm,
  variants: legalForm.variants.map(foldName),
}));

/**
 * Normalises a company name. The legal form (Ltd, Co., Ltd., Sdn Bhd, PT, GmbH, 有限公司, …) is
 * removed from the key and its canonical label kept in details.legalForm, because the same company
 * is written with and without it. Always valid unless nothing is left.
 *
 * @example
 * normaliseCompany('PT. Maju Jaya Tbk').value // 'maju jaya' (details.legalForm 'PT Tbk')
 * normaliseCompany('Golden Fortune Co.,Ltd.').details // { legalForm: 'Co., Ltd.' }
 */
export function normaliseCompany(raw: string): Identifier {
  let name = foldName(raw);
  const forms: string[] = [];
  for (const position of ['prefix', 'suffix'] as const) {
    const found = findForm(name, position);
    if (found) {
      forms.push(found.form);
      name = found.rest;
    }
  }
  if (name === '') return invalidIdentifier('company', raw, '', 'company name is empty');
  return validIdentifier('company', raw, name, forms.length > 0 ? { legalForm: forms.join(' ') } : {});
}

/**
 * Folds a name for comparison: NFKC width, diacritics removed, lower case, abbreviation dots joined
 * (S.A. → sa), apostrophes dropped, `&` read as "and", other punctuation as spaces.
 *
 * @example
 * foldName('Nguyễn & Sons, S.A.') // 'nguyen and sons sa'
 */
export function foldName(raw: string): string {
  return stripDiacritics(foldText(raw))
    .toLowerCase()
    .replace(/(?<![\p{L}\p{N}])(?:\p{L}\.){2,}/gu, (abbreviation) => abbreviation.replace(/\./g, ''))
    .replace(/['’`]/g, '')
    .replace(/&/g, ' and ')
    .replace(/[^\p{L}\p{M}\p{N}]+/gu, ' ')
    .trim();
}

// A form is only taken when a name remains (a company called "Limited" keeps its word), and
// Latin forms only at a word boundary; CJK and Thai forms may attach to the name without a space.
function findForm(name: string, position: 'prefix' | 'suffix'): { form: string; rest: string } | undefined {
  for (const { form, variants, position: where } of FOLDED_FORMS) {
    if (where !== position && where !== 'either') continue;
    for (const variant of variants) {
      const rest = strip(name, variant, position);
      if (rest) return { form, rest };
    }
  }
  return undefined;
}

function strip(name: string, variant: string, position: 'prefix' | 'suffix'): string | undefined {
  const joined = UNSPACED.test(variant) ? '' : ' ';
  if (position === 'suffix' && name.endsWith(`${joined}${variant}`)) {
    return name.slice(0, name.length - variant.length - joined.length).trim() || undefined;
  }
  if (position === 'prefix' && name.startsWith(`${variant}${joined}`)) {
    return name.slice(variant.length + joined.length).trim() || undefined;
  }
  return undefined;
}
