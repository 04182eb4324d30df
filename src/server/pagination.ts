// Keyset pagination: the cursor is the sort key of the last row served, opaque to clients.
import { Invalid } from '../errors.ts';

export function encodeCursor(key: readonly (string | number)[]): string {
  return Buffer.from(JSON.stringify(key)).toString('base64url');
}

/** Decodes a cursor made by encodeCursor; a forged or stale one is an Invalid `cursor`. */
export function decodeCursor(cursor: string | undefined, arity: number): (string | number)[] | undefined {
  if (cursor === undefined) return undefined;
  try {
    const key = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (Array.isArray(key) && key.length === arity && key.every((k) => typeof k === 'string' || typeof k === 'number')) {
      return key;
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
