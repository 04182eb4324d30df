// The HTTP side of CSV imports: the caller is authorised first, then the text/csv body is spooled
// to a temporary file before the import begins. Spooling means a slow upload never holds a database
// connection (PGlite has only one) or a transaction open; authorising first means nothing of a
// refused upload is read or written, and an oversized one is refused before anything is written.
import { createReadStream, createWriteStream } from 'node:fs';
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createHash } from 'node:crypto';
import { type Readable, Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { FastifyRequest } from 'fastify';
import { Type } from 'typebox';
import { startTimeOf } from '../../db/data-dir-lock.ts';
import { Invalid } from '../../errors.ts';

export const Imported = Type.Object({
  imported: Type.Integer(),
  /** The SHA-256 of the file as the server received it: a second import of it is refused unless forced. */
  sha256: Type.String(),
});

// Strict, like every query: `?forse=true` is refused, not an import without force.
export const ImportQuery = Type.Object(
  {
    force: Type.Optional(Type.Boolean({ description: 'import the file even if your bureau imported the same file into this operation before' })),
  },
  { additionalProperties: false },
);

/** 409 `already_imported`: the earlier import of the same file, when it is known. */
export const AlreadyImportedBody = Type.Object({
  error: Type.String(),
  message: Type.String(),
  field: Type.Optional(Type.String()),
  earlier: Type.Optional(
    Type.Union([
      Type.Object({ id: Type.String(), at: Type.String(), rows: Type.Integer(), by: Type.Union([Type.String(), Type.Null()]) }),
      Type.Null(),
    ]),
  ),
});

/**
 * Temporary upload folders are `cordon-upload-<pid>-<start>-<random>`: the pid and its start time
 * say whose they are (in a container a restarted process often gets the same pid back).
 */
const UPLOAD_PREFIX = 'cordon-upload-';

/** A 413 the error handler answers as `too_large` (Fastify's own body-limit errors look the same). */
function tooLarge(maxBytes: number): Error {
  const error = new Error(`the file is larger than the ${Math.round(maxBytes / 1048576)} MB an import may be; split it`);
  return Object.assign(error, { statusCode: 413 });
}

export interface CsvUpload {
  /** Largest body accepted (config.importMaxBytes). */
  maxBytes: number;
  /** The operation, role and bureau checks; they run before a byte of the body is read. */
  authorise: () => Promise<unknown>;
  /** Folder for the temporary file; the system's by default. */
  tempRoot?: string;
}

/**
 * Runs `work` on the CSV body of an import request once the caller is authorised and the body has
 * been received in full; the temporary file is removed on every path (success, error, client abort).
 * @example
 * const n = await withCsvBody(request, { maxBytes, authorise: () => requireImportAccess(database, actor, id) },
 *   (csv, file) => importInspections(database, actor, id, csv, { sha256: file.sha256 }))
 */
export async function withCsvBody<T>(
  request: FastifyRequest,
  upload: CsvUpload,
  work: (csv: Readable, file: { sha256: string; bytes: number }) => Promise<T>,
): Promise<T> {
  const declared = Number(request.headers['content-length']);
  if (Number.isFinite(declared) && declared > upload.maxBytes) throw tooLarge(upload.maxBytes);
  await upload.authorise();
  const body = request.body as Readable | undefined;
  if (!body || typeof body.pipe !== 'function') {
    throw new Invalid('send the CSV file as the body with Content-Type: text/csv', 'body');
  }
  const dir = await uploadDir(upload.tempRoot);
  const file = join(dir, 'body.csv');
  try {
    let bytes = 0;
    const digest = createHash('sha256');
    const cap = new Transform({
      transform(chunk: Buffer, _encoding, callback) {
        bytes += chunk.length;
        digest.update(chunk);
        callback(bytes > upload.maxBytes ? tooLarge(upload.maxBytes) : null, chunk);
      },
    });
    await pipeline(body, cap, createWriteStream(file));
    return await work(createReadStream(file), { sha256: digest.digest('hex'), bytes });
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/** A new temporary folder for one upload, named for this process (see removeStaleUploads). */
export function uploadDir(tempRoot = tmpdir()): Promise<string> {
  return mkdtemp(join(tempRoot, `${UPLOAD_PREFIX}${process.pid}-${startTimeOf(process.pid) ?? 0}-`));
}

function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: the process exists but belongs to someone else.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * Removes the upload folders a crashed Cordon process left behind: only those whose owner (pid
 * and start time) is gone, since several processes may share a machine. Returns the folders removed.
 * @example await removeStaleUploads() // at start-up
 */
export async function removeStaleUploads(tempRoot = tmpdir()): Promise<string[]> {
  const names = await readdir(tempRoot).catch(() => [] as string[]);
  const stale = names.filter((name) => {
    const [, pid, started] = /^cordon-upload-(\d+)-(?:(\d+)-)?/.exec(name) ?? [];
    if (pid === undefined) return false;
    if (!processAlive(Number(pid))) return true;
    // The pid lives, but a process started at another time holds it now: the folder's owner is gone.
    const now = startTimeOf(Number(pid));
    return started !== undefined && started !== '0' && now !== null && now !== started;
  });
  await Promise.all(stale.map((name) => rm(join(tempRoot, name), { recursive: true, force: true })));
  return stale;
}
