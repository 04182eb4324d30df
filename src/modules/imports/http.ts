// The HTTP side of CSV imports: the stream of a text/csv body and the reply's schema.
import type { Readable } from 'node:stream';
import { Type } from 'typebox';
import { Invalid } from '../../errors.ts';

export const Imported = Type.Object({ imported: Type.Integer() });

/** The CSV body of an import request, as a stream (the text/csv parser leaves it unread). */
export function csvBody(body: unknown): Readable {
  if (!body || typeof (body as Readable).pipe !== 'function') {
    throw new Invalid('send the CSV file as the body with Content-Type: text/csv', 'body');
  }
  return body as Readable;
}
