// Text clean-up shared by the identifier normalisers: the odd ways people and OCR write the same
// characters (full-width digits, unicode dashes, invisible spaces) folded to plain ones.

const DASHES = /[\u2010-\u2015\u2212\uFE58\uFE63\uFF0D]/g;
const INVISIBLE = /[\u200B-\u200D\u2060\uFEFF\u00AD]/g;

/**
 * Folds compatibility forms (NFKC: full-width digits and letters), unicode dashes to '-',
 * drops invisible characters, collapses runs of whitespace and trims.
 *
 * @example
 * foldText('  ０８１２–３４５６ ') // '0812-3456'
 */
export function foldText(raw: string): string {
  return raw.normalize('NFKC').replace(INVISIBLE, '').replace(DASHES, '-').replace(/\s+/g, ' ').trim();
}

// Letters with strokes do not decompose, so they are mapped by hand.
const STROKED: Record<string, string> = { đ: 'd', Đ: 'D', ø: 'o', Ø: 'O', ł: 'l', Ł: 'L', ħ: 'h', ı: 'i' };

/**
 * Removes the diacritics of Latin, Greek and Cyrillic letters (the combining marks U+0300–U+036F
 * after decomposition), keeping the base letters. Marks that are part of other scripts (Thai vowels,
 * Japanese dakuten) are kept, since dropping them would change the word.
 *
 * @example
 * stripDiacritics('Công ty Đại Phát') // 'Cong ty Dai Phat'
 */
export function stripDiacritics(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[đĐøØłŁħı]/g, (letter) => STROKED[letter] ?? letter)
    .normalize('NFC');
}
