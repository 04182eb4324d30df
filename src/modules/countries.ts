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
