// Languages of the web application. Every string a person reads comes from these files; a test
// fails when one language lacks a key another has. Names, places and free text are never
// translated: they keep the script they were written in.
import i18n from 'i18next';
import LanguageDetector from 'i18next-browser-languagedetector';
import { initReactI18next } from 'react-i18next';
import en from './locales/en.json';
import es from './locales/es.json';
import id from './locales/id.json';
import zh from './locales/zh.json';

export const LANGUAGES = [
  { code: 'en', name: 'English' },
  { code: 'id', name: 'Bahasa Indonesia' },
  { code: 'es', name: 'Español' },
  { code: 'zh', name: '中文（简体）' },
] as const;
export type Language = (typeof LANGUAGES)[number]['code'];

export const resources = { en: { translation: en }, id: { translation: id }, es: { translation: es }, zh: { translation: zh } };

/** The Intl locale of a language: Chinese is written in simplified characters. */
export function intlLocale(language: string): string {
  return language.startsWith('zh') ? 'zh-CN' : language;
}

export function setUpI18n() {
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
