// Letters with marks folded to their base letters, so that 'nguyễn' and 'nguyen' or 'josé' and
// 'jose' compare alike; plain ASCII (nearly every value) passes through untouched.
const NON_ASCII = /[\u0080-\uffff]/;
const MARKS = /\p{M}+/gu;

/**
 * The value with diacritics removed; other characters are kept.
 *
 * @example
 * foldMarks('nguyễn'); // 'nguyen'
 */
export function foldMarks(value: string): string {
  return NON_ASCII.test(value) ? value.normalize('NFD').replace(MARKS, '').normalize('NFC') : value;
}
