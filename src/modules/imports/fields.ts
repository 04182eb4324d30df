// Checks for single values arriving as text (CSV cells, CLI options), each failing with Invalid
// naming the field and row.

import { Invalid } from '../../errors.ts';
import { isCalendarDate } from '../../shared/dates.ts';

const ISO_TIME = /^\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d{1,6})?)?)?(?:Z|[+-]\d{2}:?\d{2})?$/i;

/**
 * An ISO 8601 time; without a zone it is read as UTC.
 * @example parseTime('2023-10-16T08:30:00+07:00', 'at', 4)
 */
export function parseTime(text: string | undefined, field: string, row?: number): Date {
  const value = (text ?? '').trim();
  if (!value) throw new Invalid(`${field} is required`, field, row);
  if (!ISO_TIME.test(value)) {
    throw new Invalid(`${field} "${value}" is not an ISO 8601 time such as 2023-10-16T08:30:00Z`, field, row);
  }
  if (!isCalendarDate(value)) throw new Invalid(`${field} "${value}" is not a real date and time`, field, row);
  const hasZone = /(?:Z|[+-]\d{2}:?\d{2})$/i.test(value) && value.length > 10;
  const normalized = value.replace(' ', 'T') + (hasZone ? '' : value.length === 10 ? 'T00:00:00Z' : 'Z');
  const time = new Date(normalized);
  if (Number.isNaN(time.getTime())) throw new Invalid(`${field} "${value}" is not a real date`, field, row);
  return time;
}

export function parseCount(text: string | undefined, field: string, row: number | undefined, min = 0, fallback?: number): number {
  const value = (text ?? '').trim();
  if (!value && fallback !== undefined) return fallback;
  if (!/^\d{1,9}$/.test(value) || Number(value) < min) {
    throw new Invalid(`${field} must be a whole number of at least ${min}, got "${value}"`, field, row);
  }
  return Number(value);
}

export function parseChoice<T extends string>(
  text: string | undefined,
  choices: readonly T[],
  field: string,
  row?: number,
  fallback?: T,
): T {
  const value = (text ?? '').trim().toLowerCase();
  if (!value && fallback !== undefined) return fallback;
  if (!(choices as readonly string[]).includes(value)) {
    throw new Invalid(`${field} "${text ?? ''}" is not one of: ${choices.join(', ')}`, field, row);
  }
  return value as T;
}

/** A list in one cell: `IN;NP`, `IN, NP` or `IN NP`. */
export function parseList(text: string | undefined): string[] {
  return (text ?? '')
    .split(/[;,\s|]+/)
    .map((s) => s.trim())
    .filter(Boolean);
}

export function parseUuid(text: string | undefined, field: string, row?: number): string {
  const value = (text ?? '').trim().toLowerCase();
  if (!/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/.test(value)) {
    throw new Invalid(`${field} "${text ?? ''}" is not a record id (UUID)`, field, row);
  }
  return value;
}

/**
 * Free text up to `maxLength` characters, counted as the API's schemas count them (code points);
 * an empty cell is ''.
 * @example parseText(r.notes, 'notes', 4, NOTES_MAX_LENGTH)
 */
export function parseText(text: string | undefined, field: string, row: number | undefined, maxLength: number): string {
  const value = text ?? '';
  if (value.length > maxLength) {
    let length = 0;
    for (const _ of value) length++;
    if (length > maxLength) throw new Invalid(`${field} is ${length} characters long; at most ${maxLength}`, field, row);
  }
  return value;
}
