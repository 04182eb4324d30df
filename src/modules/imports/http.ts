// The HTTP side of CSV imports: the text/csv body, spooled to a temporary file before the import
// begins, and the reply's schema. Spooling first means a slow upload never holds a database
// connection (PGlite has only one) or a transaction open, and an oversized one is refused before
// anything is written.
import { createReadStream, createWriteStream } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type Readable, Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { Type } from 'typebox';
import { Invalid } from '../../errors.ts';

export const Imported = Type.Object({ imported: Type.Integer() });

/**
 * Runs `work` on the CSV body of an import request once it has been received in full.
 * @example const n = await withCsvBody(request.body, app.config.importMaxBytes, (csv) => importInspections(..., csv))
 */
export async function withCsvBody<T>(body: unknown, maxBytes: number, work: (csv: Readable) => Promise<T>): Promise<T> {
  if (!body || typeof (body as Readable).pipe !== 'function') {
    throw new Invalid('send the CSV file as the body with Content-Type: text/csv', 'body');
  }
  const dir = await mkdtemp(join(tmpdir(), 'cordon-upload-'));
  const file = join(dir, 'body.csv');
  try {
    let bytes = 0;
    const cap = new Transform({
      transform(chunk: Buffer, _encoding, callback) {
        bytes += chunk.length;
        if (bytes > maxBytes) {
          callback(new Invalid(`the file is larger than the ${Math.round(maxBytes / 1048576)} MB an import may be; split it`, 'file'));
        } else {
          callback(null, chunk);
        }
      },
    });
    await pipeline(body as Readable, cap, createWriteStream(file));
    return await work(createReadStream(file));
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
