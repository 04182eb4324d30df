// Numbers, dates and country names in the reader's language.
import countries from 'i18n-iso-countries';
import en from 'i18n-iso-countries/langs/en.json';
import es from 'i18n-iso-countries/langs/es.json';
import id from 'i18n-iso-countries/langs/id.json';
import zh from 'i18n-iso-countries/langs/zh.json';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { Choice } from './components/Choices.tsx';
import { intlLocale } from './i18n.ts';

for (const locale of [en, es, id, zh]) countries.registerLocale(locale);

export function useFormat() {
  const { i18n } = useTranslation();
  const language = i18n.resolvedLanguage ?? 'en';
  const locale = intlLocale(language);
  const number = new Intl.NumberFormat(locale);
  const day = new Intl.DateTimeFormat(locale, { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' });
  const dateTime = new Intl.DateTimeFormat(locale, { day: 'numeric', month: 'short', year: 'numeric', hour: '2-digit', minute: '2-digit', timeZoneName: 'short' });
  const shortDay = new Intl.DateTimeFormat(locale, { day: 'numeric', month: 'short', timeZone: 'UTC' });
  return {
    locale,
    number: (n: number) => number.format(n),
    day: (iso: string) => day.format(new Date(iso.length === 10 ? `${iso}T00:00:00Z` : iso)),
    /** A moment in the reader's own time zone, which is named: bureaus in several zones read the same records. */
    dateTime: (iso: string) => dateTime.format(new Date(iso)),
    shortDay: (iso: string) => shortDay.format(new Date(iso.length === 10 ? `${iso}T00:00:00Z` : iso)),
    country: (code: string) => countryName(code, language),
  };
}

function countryName(code: string, language: string): string {
  return countries.getName(code, language.slice(0, 2)) ?? countries.getName(code, 'en') ?? code;
}

/** Every country code, sorted by its name in the reader's language: the options of a country select. */
export function useCountryOptions(): Choice[] {
  const { i18n } = useTranslation();
  const language = i18n.resolvedLanguage ?? 'en';
  return useMemo(
    () =>
      Object.keys(countries.getAlpha2Codes())
        .map((code) => ({ value: code, label: countryName(code, language) }))
        .sort((a, b) => a.label.localeCompare(b.label, intlLocale(language))),
    [language],
  );
}

/** ISO 3166-1 numeric (as in Natural Earth / world-atlas) → alpha-2. */
export function alpha2OfNumeric(numeric: string): string | undefined {
  return countries.numericToAlpha2(numeric) ?? undefined;
}
