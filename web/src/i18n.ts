// Languages of the web application. Every string a person reads comes from these files; a test
// fails when one language lacks a key another has. Names, places and free text are never
// translated: they keep the script they were written in.
import i18n from 'i18next';
import LanguageDetector from 'i18next-browser-languagedetector';
import { initReactI18next } from 'react-i18next';

export const LANGUAGES = [
  { code: 'en', name: 'English' },
  { code: 'id', name: 'Bahasa Indonesia' },
  { code: 'es', name: 'Español' },
  { code: 'zh', name: '中文（简体）' },
] as const;
export type Language = (typeof LANGUAGES)[number]['code'];

// Each screen keeps its strings in its own file (locales/<language>/<area>.json, top-level keys
// named after the area); they are merged into one translation per language.
const files = import.meta.glob<Record<string, unknown>>('./locales/*/*.json', { eager: true, import: 'default' });

function translation(language: Language): Record<string, unknown> {
  const merged: Record<string, unknown> = {};
  for (const [path, strings] of Object.entries(files)) {
    if (path.startsWith(`./locales/${language}/`)) Object.assign(merged, strings);
  }
  return merged;
}

export const resources = Object.fromEntries(LANGUAGES.map((l) => [l.code, { translation: translation(l.code) }])) as Record<
  Language,
  { translation: Record<string, unknown> }
>;

/** The Intl locale of a language: Chinese is written in simplified characters. */
export function intlLocale(language: string): string {
  return language.startsWith('zh') ? 'zh-CN' : language;
}

export function setUpI18n() {
  // Every page, signed in or not, says which language it is in (screen readers, fonts, hyphenation).
  i18n.on('languageChanged', () => {
    document.documentElement.lang = i18n.resolvedLanguage ?? 'en';
  });
  return i18n
    .use(LanguageDetector)
    .use(initReactI18next)
    .init({
      resources,
      supportedLngs: LANGUAGES.map((l) => l.code),
      nonExplicitSupportedLngs: true,
      load: 'languageOnly',
      fallbackLng: 'en',
      interpolation: { escapeValue: false },
      // The browser's language at the first visit, the user's choice after that.
      detection: { order: ['localStorage', 'navigator'], lookupLocalStorage: 'cordon.language', caches: ['localStorage'] },
    });
}

export default i18n;
