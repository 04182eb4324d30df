// Machine-readable zones of travel documents (ICAO 9303): TD3 passports (2 × 44), TD2 (2 × 36) and
// TD1 identity cards (3 × 30), split into fields with each check digit verified.

/** What an MRZ says, and which of its check digits failed (empty when all match). */
export interface MrzReading {
  format: 'TD1' | 'TD2' | 'TD3';
  documentCode: string;
  issuingState: string;
  documentNumber: string;
  nationality: string;
  birthDate: string;
  sex: string;
  expiryDate: string;
  surname: string;
  givenNames: string;
  optionalData: string;
  failedChecks: string[];
}

const WEIGHTS = [7, 3, 1];

/**
 * The ICAO 9303 check digit of a field: digits count as themselves, A–Z as 10–35, `<` as 0,
 * weighted 7, 3, 1 repeating, modulo 10.
 *
 * @example
 * mrzCheckDigit('L898902C3') // 6
 */
export function mrzCheckDigit(field: string): number {
  let sum = 0;
  for (let i = 0; i < field.length; i++) {
    const char = field[i]!;
    const value = char === '<' ? 0 : /\d/.test(char) ? Number(char) : char.charCodeAt(0) - 55;
    sum += value * WEIGHTS[i % 3]!;
  }
  return sum % 10;
}

/**
 * Splits text into MRZ lines (whitespace inside lines dropped, upper-cased) and reads them when they
 * have a TD1, TD2 or TD3 shape; undefined when the text is not an MRZ.
 *
 * @example
 * readMrz('P<UTOERIKSSON<<ANNA<MARIA<<<…\nL898902C36UTO7408122F1204159ZE184226B<<<<<10').documentNumber // 'L898902C3'
 */
export function readMrz(text: string): MrzReading | undefined {
  const lines = mrzLines(text);
  if (!lines.every((line) => /^[A-Z0-9<]+$/.test(line))) return undefined;
  const lengths = lines.map((line) => line.length).join(',');
  if (lengths === '44,44') return readTwoLine(lines[0]!, lines[1]!, 'TD3');
  if (lengths === '36,36') return readTwoLine(lines[0]!, lines[1]!, 'TD2');
  if (lengths === '30,30,30') return readTd1(lines[0]!, lines[1]!, lines[2]!);
  return undefined;
}

function mrzLines(text: string): string[] {
  const lines = text
    .normalize('NFKC')
    .toUpperCase()
    .split(/\r?\n|\r/)
    .map((line) => line.replace(/\s+/g, '').replace(/[«‹]/g, '<'))
    .filter(Boolean);
  // An MRZ pasted as one line of 88, 72 or 90 characters.
  if (lines.length === 1) {
    const only = lines[0]!;
    const width = only.length === 88 ? 44 : only.length === 72 ? 36 : only.length === 90 ? 30 : 0;
    if (width) return only.match(new RegExp(`.{${width}}`, 'g')) ?? lines;
  }
  return lines;
}

function readTwoLine(first: string, second: string, format: 'TD2' | 'TD3'): MrzReading {
  const width = first.length;
  const documentCode = trimFiller(first.slice(0, 2));
  const optionalEnd = format === 'TD3' ? 42 : 35;
  const checks: [string, string, string][] = [
    ['document number', second.slice(0, 9), second[9]!],
    ['date of birth', second.slice(13, 19), second[19]!],
    ['expiry date', second.slice(21, 27), second[27]!],
  ];
  // Visas (V…) carry no composite digit; a TD3 personal number has its own, '<' when it is empty.
  if (!documentCode.startsWith('V')) {
    if (format === 'TD3') checks.push(['personal number', second.slice(28, 42), second[42]!]);
    const composite = second.slice(0, 10) + second.slice(13, 20) + second.slice(21, width - 1);
    checks.push(['composite', composite, second[width - 1]!]);
  }
  return {
    format,
    documentCode,
    issuingState: trimFiller(first.slice(2, 5)),
    documentNumber: trimFiller(second.slice(0, 9)),
    nationality: trimFiller(second.slice(10, 13)),
    birthDate: second.slice(13, 19),
    sex: second[20]!,
    expiryDate: second.slice(21, 27),
    ...readName(first.slice(5)),
    optionalData: trimFiller(second.slice(28, documentCode.startsWith('V') ? width : optionalEnd)),
    failedChecks: failedChecks(checks),
  };
}

function readTd1(first: string, second: string, third: string): MrzReading {
  const { number, checkField, checkDigit, optional } = td1DocumentNumber(first);
  const composite = first.slice(5, 30) + second.slice(0, 7) + second.slice(8, 15) + second.slice(18, 29);
  return {
    format: 'TD1',
    documentCode: trimFiller(first.slice(0, 2)),
    issuingState: trimFiller(first.slice(2, 5)),
    documentNumber: number,
    nationality: trimFiller(second.slice(15, 18)),
    birthDate: second.slice(0, 6),
    sex: second[7]!,
    expiryDate: second.slice(8, 14),
    ...readName(third),
    optionalData: trimFiller(`${optional}<${second.slice(18, 29)}`),
    failedChecks: failedChecks([
      ['document number', checkField, checkDigit],
      ['date of birth', second.slice(0, 6), second[6]!],
      ['expiry date', second.slice(8, 14), second[14]!],
      ['composite', composite, second[29]!],
    ]),
  };
}

// A TD1 document number longer than 9 characters puts '<' in the check position and continues in
// the optional field, followed by its check digit.
function td1DocumentNumber(first: string) {
  const head = first.slice(5, 14);
  if (first[14] !== '<')
    return {
      number: trimFiller(head),
      checkField: head,
      checkDigit: first[14]!,
      optional: first.slice(15, 30),
    };
  const rest = first.slice(15, 30);
  const end = rest.indexOf('<') < 0 ? rest.length : rest.indexOf('<');
  const extension = rest.slice(0, Math.max(0, end - 1));
  return {
    number: head + extension,
    checkField: head + extension,
    checkDigit: rest[end - 1] ?? '<',
    optional: rest.slice(end),
  };
}

// An empty field (all '<') may carry '<' as its check digit.
function failedChecks(checks: [string, string, string][]): string[] {
  const passes = (field: string, digit: string) =>
    digit === String(mrzCheckDigit(field)) || (digit === '<' && /^<*$/.test(field));
  return checks.filter(([, field, digit]) => !passes(field, digit)).map(([name]) => name);
}

function readName(field: string): { surname: string; givenNames: string } {
  const split = field.indexOf('<<');
  const words = (text: string) => text.replace(/<+/g, ' ').trim();
  return split < 0
    ? { surname: words(field), givenNames: '' }
    : { surname: words(field.slice(0, split)), givenNames: words(field.slice(split + 2)) };
}

function trimFiller(text: string): string {
  return text.replace(/</g, ' ').trim().replace(/ /g, '<');
}
