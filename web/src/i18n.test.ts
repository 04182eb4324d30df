// Every language has every key English has (and no other), with the same {{placeholders}}.
import { describe, expect, it } from 'vitest';
import { resources } from './i18n.ts';

function flatten(value: unknown, prefix = ''): Map<string, string> {
  const out = new Map<string, string>();
  for (const [key, v] of Object.entries(value as Record<string, unknown>)) {
    const path = prefix ? `${prefix}.${key}` : key;
    if (typeof v === 'string') out.set(path, v);
    else for (const [k, s] of flatten(v, path)) out.set(k, s);
  }
  return out;
}

const placeholders = (text: string) => [...text.matchAll(/\{\{(\w+)\}\}/g)].map((m) => m[1]).sort();

describe('translations', () => {
  const english = flatten(resources.en.translation);
  it('finds the translation files', () => {
    expect(english.get('dashboard.title')).toBe('Operation dashboard');
  });
  for (const [language, { translation }] of Object.entries(resources)) {
    it(`${language} has exactly the English keys, each translated, with the same placeholders`, () => {
      const strings = flatten(translation);
      expect([...strings.keys()].sort()).toEqual([...english.keys()].sort());
      for (const [key, text] of strings) {
        expect(text.trim(), `${language}:${key}`).not.toBe('');
        expect(placeholders(text), `${language}:${key}`).toEqual(placeholders(english.get(key)!));
      }
    });
  }
});
