// Each file imported into an operation is recorded by its SHA-256 (migration 011), and a second
// import of the same file, by the same bureau into the same operation, is refused unless forced:
// a field office that uploads a day's file again after a timeout must not count the day twice.
import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { pipeline } from 'node:stream/promises';
import type { Actor } from '../../access/actor.ts';
import type { Db } from '../../db/connection.ts';
import { CordonError, isUniqueViolation } from '../../errors.ts';

export type ImportKind = 'inspection' | 'outcome';

/** What an import says about the file it reads. */
export interface ImportFile {
  kind: ImportKind;
  operationId: string;
  actor: Actor;
  /** Import the file even if this bureau imported it into the operation before. */
  force?: boolean;
  /** The file's SHA-256 when the caller knows it before reading (a spooled upload, a local file): a repeat is then refused before any row is read. */
  sha256?: string;
}

export interface EarlierImport {
  id: string;
  at: string;
  rows: number;
  by: string | null;
}

/** The same file was imported into the operation before by the caller's bureau. */
export class AlreadyImported extends CordonError {
  readonly status = 409;
  readonly id = 'already_imported';
  constructor(readonly earlier: EarlierImport | null) {
    super(
      earlier
        ? `this file was imported into this operation already, on ${earlier.at} (${earlier.rows} rows${earlier.by ? `, by ${earlier.by}` : ''}); nothing was written. To import it again on purpose, repeat with force=true (--force on the command line)`
        : 'this file is being imported into this operation by another request; nothing was written. To import it again on purpose, repeat with force=true (--force on the command line)',
    );
  }
  override toJSON(): Record<string, unknown> {
    return { error: this.id, message: this.message, field: 'file', earlier: this.earlier };
  }
}

/** The SHA-256 of a local file, in hex. */
export async function fileSha256(path: string): Promise<string> {
  const digest = createHash('sha256');
  await pipeline(createReadStream(path), digest);
  return digest.digest('hex');
}

async function earlierImport(db: Db, file: ImportFile, sha256: string): Promise<EarlierImport | undefined> {
  const row = await db
    .selectFrom('import_files as f')
    .leftJoin('users as u', 'u.id', 'f.created_by')
    .select(['f.id', 'f.created_at', 'f.rows', 'u.username'])
    .where('f.operation_id', '=', file.operationId)
    .where('f.owner_bureau_id', '=', file.actor.bureauId)
    .where('f.kind', '=', file.kind)
    .where('f.sha256', '=', sha256)
    .orderBy('f.created_at')
    .limit(1)
    .executeTakeFirst();
  return row && { id: row.id, at: new Date(row.created_at).toISOString(), rows: row.rows, by: row.username };
}

/**
 * Refuses, before anything is read, a file whose SHA-256 the caller already knows and that this
 * bureau imported into the operation before (unless forced). The check that holds under races is
 * `recordImportFile`'s, in the import's transaction.
 */
export async function refuseRepeatedFile(db: Db, file: ImportFile): Promise<void> {
  if (file.force || !file.sha256) return;
  const earlier = await earlierImport(db, file, file.sha256);
  if (earlier) throw new AlreadyImported(earlier);
}

/**
 * Records the imported file in the import's transaction, or refuses it (the transaction then rolls
 * back every row) when this bureau imported the same file into the operation before. Two unforced
 * imports of one file racing on two processes: the second waits on the unique index for the first
 * to commit, then is refused.
 */
export async function recordImportFile(tx: Db, file: ImportFile, summary: { sha256: string; rows: number; bytes: number }): Promise<void> {
  if (!file.force) {
    const earlier = await earlierImport(tx, file, summary.sha256);
    if (earlier) throw new AlreadyImported(earlier);
  }
  try {
    await tx
      .insertInto('import_files')
      .values({
        operation_id: file.operationId,
        owner_bureau_id: file.actor.bureauId,
        kind: file.kind,
        sha256: summary.sha256,
        rows: summary.rows,
        bytes: summary.bytes,
        forced: file.force === true,
        created_by: file.actor.userId,
      })
      .execute();
  } catch (error) {
    throw isUniqueViolation(error) ? new AlreadyImported(null) : error;
  }
}
