// Cells of the CSV files Cordon writes. Free text comes from many hands; a cell that a spreadsheet
// would read as a formula (=, +, -, @, tab, carriage return first) is written with a leading
// apostrophe, as OWASP advises for CSV injection. Numbers are written as numbers.

const FORMULA_START = /^[=+\-@\t\r]/;

/**
 * One value as a CSV cell: lists joined with `;`, null as empty, text defused.
 * @example csvCell('=HYPERLINK("http://x")') // "'=HYPERLINK(\"http://x\")"
 * @example csvCell(-12.5) // "-12.5"
 */
export function csvCell(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (value instanceof Date) return value.toISOString();
  if (Array.isArray(value)) return defuse(value.map((v) => (v === null || v === undefined ? '' : String(v))).join(';'));
  return defuse(String(value));
}

function defuse(text: string): string {
  return FORMULA_START.test(text) ? `'${text}` : text;
}
