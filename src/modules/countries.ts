// Country codes and names (ISO 3166-1 alpha-2), from i18n-iso-countries.
import countries from 'i18n-iso-countries';
import en from 'i18n-iso-countries/langs/en.json' with { type: 'json' };

countries.registerLocale(en);

export function isCountryCode(code: string): boolean {
  return /^[A-Z]{2}$/.test(code) && countries.isValid(code);
}

export function countryName(code: string, lang = 'en'): string {
  return countries.getName(code, lang) ?? code;
}

/** The alpha-3 code of an alpha-2 one (Kosovo, XK, as the statistics count it: under Serbia). */
export function alpha3(code: string): string | undefined {
  if (code === 'XK') return 'SRB';
  return countries.alpha2ToAlpha3(code) ?? undefined;
}
