import { describe, expect, it } from 'vitest';
import { foldText, stripDiacritics } from './text.ts';

describe('foldText', () => {
  it('folds full-width forms, unicode dashes, invisible characters and spaces', () => {
    expect(foldText('  ０８１２–３４５６—７８\u200B ')).toBe('0812-3456-78');
    expect(foldText('a \t\n b')).toBe('a b');
    expect(foldText('ＡＢＣ　１２３')).toBe('ABC 123');
  });
});

describe('stripDiacritics', () => {
  it('removes Latin diacritics, including stroked letters', () => {
    expect(stripDiacritics('Công ty Đại Phát Müller Łódź')).toBe('Cong ty Dai Phat Muller Lodz');
  });

  it('keeps marks that belong to other scripts', () => {
    expect(stripDiacritics('บริษัท')).toBe('บริษัท');
    expect(stripDiacritics('ガンダム')).toBe('ガンダム');
    expect(stripDiacritics('한국')).toBe('한국');
  });
});
