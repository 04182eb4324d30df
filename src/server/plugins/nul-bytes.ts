// PostgreSQL refuses the NUL character (U+0000) in text, so a NUL anywhere in a request would end
// as a 500 deep inside a query. One rule at the edge instead: a NUL in a path parameter, a query
// string name or value, or a JSON body's string or key answers 400 naming where it was.
// (CSV imports check their cells themselves, naming the row and column: see imports/csv-copy.ts.)
import { Invalid } from '../../errors.ts';
import type { App } from '../types.ts';

const NUL = '\u0000';

/** Shows a NUL inside a key as the two characters `\0`, so the field named is readable. */
function visible(key: string): string {
  return key.replaceAll(NUL, '\\0');
}

/**
 * The path of the first string or key holding a NUL in `value` (`persons.0.name`), `root` when
 * the value itself is such a string, or undefined. Walks with its own stack: a deeply nested
 * body cannot overflow the call stack.
 * @example findNul({ persons: [{ name: 'a\u0000' }] }, 'body') // 'persons.0.name'
 */
export function findNul(value: unknown, root: string): string | undefined {
  const stack: [unknown, string][] = [[value, '']];
  while (stack.length > 0) {
    const [item, path] = stack.pop()!;
    if (typeof item === 'string') {
      if (item.includes(NUL)) return path || root;
    } else if (Array.isArray(item)) {
      for (let i = item.length - 1; i >= 0; i--) stack.push([item[i], path ? `${path}.${i}` : String(i)]);
    } else if (item !== null && typeof item === 'object' && typeof (item as { pipe?: unknown }).pipe !== 'function') {
      const entries = Object.entries(item);
      for (const [key] of entries) if (key.includes(NUL)) return path ? `${path}.${visible(key)}` : visible(key);
      // Pushed last to first, so the first field in the body is the one named.
      for (let i = entries.length - 1; i >= 0; i--) {
        const [key, child] = entries[i]!;
        stack.push([child, path ? `${path}.${key}` : key]);
      }
    }
  }
  return undefined;
}

/** Refuses a NUL in params, query and body before validation (and so before any handler). */
export function registerNulBytes(app: App): void {
  app.addHook('preValidation', async (request) => {
    const field =
      findNul(request.params, 'params') ?? findNul(request.query, 'query') ?? findNul(request.body, 'body');
    if (field !== undefined) throw new Invalid(`${field} holds a NUL character (\\u0000), which Cordon does not accept`, field);
  });
}
