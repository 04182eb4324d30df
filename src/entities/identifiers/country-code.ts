// Country codes as documents write them: ISO 3166 alpha-2 or alpha-3, plus the ICAO 9303 codes
// that are not ISO (D for Germany, GBD… for British nationals, RKS for Kosovo).

import countries from 'i18n-iso-countries';

const ICAO_CODES: Record<string, string> = {
  D: 'DE',
  GBD: 'GB',
  GBN: 'GB',
  GBO: 'GB',
  GBP: 'GB',
  GBS: 'GB',
  RKS: 'XK',
  UNK: 'XK',
};

/**
 * The ISO alpha-2 code of an alpha-2, alpha-3 or ICAO country code (any case, `<` filler ignored),
 * or undefined when the code names no country (e.g. UNO, XXA for stateless persons, UTO specimens).
 *
 * @example
 * toAlpha2('NPL') // 'NP'
 * toAlpha2('D<<') // 'DE'
 */
export function toAlpha2(code: string): string | undefined {
  const clean = code.replace(/</g, '').trim().toUpperCase();
  if (ICAO_CODES[clean]) return ICAO_CODES[clean];
  if (clean === 'XK') return clean;
  if (clean.length === 2) return countries.isValid(clean) ? clean : undefined;
  if (clean.length === 3) return countries.alpha3ToAlpha2(clean) ?? undefined;
  return undefined;
}
