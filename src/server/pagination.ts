// Keyset pagination: the cursor is the sort key of the last row served, opaque to clients.
import { Invalid } from '../errors.ts';
import { isDay } from '../shared/dates.ts';
import { UUID_PATTERN } from './schemas/common.ts';

export function encodeCursor(key: readonly (string | number)[]): string {
  return Buffer.from(JSON.stringify(key)).toString('base64url');
}

/** What each part of a cursor's key must be, so a forged one never reaches SQL as a bad cast. */
export type KeyPart = 'text' | 'time' | 'date' | 'uuid';

const UUID = new RegExp(UUID_PATTERN);
const ISO_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,6})?Z$/;

function fits(value: unknown, part: KeyPart): boolean {
  if (typeof value !== 'string') return false;
  if (part === 'uuid') return UUID.test(value);
  if (part === 'time') return ISO_TIME.test(value) && !Number.isNaN(Date.parse(value));
  // 2023-02-30 (which Date.parse accepts) is refused before PostgreSQL sees it.
  if (part === 'date') return isDay(value);
  return value.length <= 1000;
}

/**
 * Decodes a cursor made by encodeCursor; a forged or stale one is an Invalid `cursor`.
 * @example decodeCursor(filter.cursor, ['time', 'uuid'])
 */
export function decodeCursor(cursor: string | undefined, shape: readonly KeyPart[]): string[] | undefined {
  if (cursor === undefined) return undefined;
  try {
    const key: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (Array.isArray(key) && key.length === shape.length && key.every((k, i) => fits(k, shape[i]!))) {
      return key as string[];
    }
  } catch {
    // fall through
  }
  throw new Invalid('cursor is not one this server handed out; start again without it', 'cursor');
}

/** Splits a fetched page of limit+1 rows into the items and the next cursor. */
export function pageOf<R>(rows: R[], limit: number, keyOf: (row: R) => (string | number)[]) {
  const items = rows.slice(0, limit);
  const last = items[items.length - 1];
  return { items, next: rows.length > limit && last ? encodeCursor(keyOf(last)) : null };
}
