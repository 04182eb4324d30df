import { describe, expect, it } from 'vitest';
import { foreignNameTokens, nameTokens, pinyinTokens } from './transliterate.ts';

describe('nameTokens', () => {
  it('writes Chinese names in pinyin without tones, family name first', () => {
    expect(nameTokens('王小明')).toEqual(['wang', 'xiaoming']);
    expect(nameTokens('李明')).toEqual(['li', 'ming']);
    expect(pinyinTokens('欧阳娜娜')).toEqual(['ouyang', 'nana']);
  });

  it('transliterates other scripts to ASCII', () => {
    expect(nameTokens('Иванов Иван')).toEqual(['ivanov', 'ivan']);
    expect(nameTokens('김철수')).toEqual(['gim', 'cheolsu']);
    expect(nameTokens('Ελένη')).toEqual(['eleni']);
  });

  it('folds case and diacritics, splits on hyphens and drops apostrophes', () => {
    expect(nameTokens('José  O’Brien')).toEqual(['jose', 'obrien']);
    expect(nameTokens('MÜLLER-Lüdenscheidt')).toEqual(['muller', 'ludenscheidt']);
  });

  it('keeps Latin words mixed with Chinese characters', () => {
    expect(nameTokens('李 Jin')).toEqual(['li', 'jin']);
  });

  it('gives no tokens for an empty or punctuation-only name', () => {
    expect(nameTokens('  ')).toEqual([]);
    expect(nameTokens('--')).toEqual([]);
  });
});

describe('nameTokens across scripts', () => {
  it('writes Arabic and Hebrew letters without guessing short vowels', () => {
    expect(nameTokens('محمد علي')).toEqual(['mhmd', 'ali']);
    expect(nameTokens("ג'ורג' וושינגטון")).toEqual(['jurj', 'vshingtun']);
  });

  it('keeps each word of a foreign name in Hangul whole, without the added "eu"', () => {
    expect(nameTokens('레이 크로크')).toEqual(['lei', 'klok']);
    expect(nameTokens('이호석')).toEqual(['i', 'hoseog']);
  });
});

describe('foreignNameTokens', () => {
  it('reads Chinese characters as a phonetically written foreign name', () => {
    expect(foreignNameTokens('德克')).toEqual(['dek']);
    expect(foreignNameTokens('Ivan')).toBeUndefined();
  });
});
