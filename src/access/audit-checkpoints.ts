// Signed checkpoints of the audit chain's head, kept outside the database. The chain alone cannot
// stop whoever owns the database from rewriting it and re-hashing the rest; a checkpoint signed
// with a key the database never holds can be checked against the chain later, so a rewrite or a
// truncation of anything up to the last checkpoint is found.
import { createHash, createPrivateKey, createPublicKey, generateKeyPairSync, type KeyObject, sign, verify } from 'node:crypto';
import { closeSync, existsSync, fsyncSync, mkdirSync, openSync, readFileSync, writeSync } from 'node:fs';
import { dirname } from 'node:path';
import type { Queryable } from '../db/connection.ts';
import { type Actor, hasRole } from './actor.ts';
import { Conflict } from '../errors.ts';

export interface Checkpoint {
  /** The head's sequence number and hash when signed. */
  seq: number;
  hash: string;
  at: string;
  /** Fingerprint of the public key that signed it (first 16 bytes of the SHA-256 of its DER form, hex). */
  key: string;
  /** Ed25519 signature of `signedText(…)`, base64. */
  sig: string;
}

export interface CheckpointSettings {
  keyFile: string;
  file: string;
}

/** Only the coordinating bureau's admins sign checkpoints on demand (the server also signs them itself). */
export function canSignCheckpoint(actor: Actor): boolean {
  return hasRole(actor, 'admin') && actor.bureauKind === 'coordinator';
}

function signedText(c: Pick<Checkpoint, 'seq' | 'hash' | 'at' | 'key'>): string {
  return `cordon-audit-checkpoint/1\n${c.seq}\n${c.hash}\n${c.at}\n${c.key}`;
}

/** The fingerprint a checkpoint names its key by. */
export function keyFingerprint(publicKey: KeyObject): string {
  return createHash('sha256').update(publicKey.export({ type: 'spki', format: 'der' })).digest('hex').slice(0, 32);
}

/**
 * Writes a new Ed25519 signing key (PEM, mode 0600); refuses to replace one.
 * @example createSigningKey('/etc/cordon/audit-key.pem')
 */
export function createSigningKey(path: string): KeyObject {
  mkdirSync(dirname(path), { recursive: true });
  const { privateKey } = generateKeyPairSync('ed25519');
  const pem = privateKey.export({ type: 'pkcs8', format: 'pem' }) as string;
  let fd: number;
  try {
    fd = openSync(path, 'wx', 0o600);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') {
      throw new Conflict(`${path} exists: a signing key is never overwritten (move it away first if you mean to rotate it)`);
    }
    throw error;
  }
  try {
    writeSync(fd, pem);
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
  return privateKey;
}

/** The signing key in `path`, made on first use. */
export function signingKey(path: string): KeyObject {
  if (!existsSync(path)) return createSigningKey(path);
  const key = createPrivateKey(readFileSync(path));
  if (key.asymmetricKeyType !== 'ed25519') throw new Error(`${path} is not an Ed25519 private key`);
  return key;
}

/** A public key from a PEM file holding either the public key or the private key it belongs to. */
export function publicKeyFrom(path: string): KeyObject {
  const pem = readFileSync(path, 'utf8');
  const key = pem.includes('PRIVATE KEY') ? createPublicKey(createPrivateKey(pem)) : createPublicKey(pem);
  if (key.asymmetricKeyType !== 'ed25519') throw new Error(`${path} is not an Ed25519 key`);
  return key;
}

/** Signs the head as it is now. */
export function signCheckpoint(key: KeyObject, head: { seq: number; hash: string }, at = new Date()): Checkpoint {
  const unsigned = { seq: head.seq, hash: head.hash, at: at.toISOString(), key: keyFingerprint(createPublicKey(key)) };
  return { ...unsigned, sig: sign(null, Buffer.from(signedText(unsigned)), key).toString('base64') };
}

/** Appends one checkpoint as a JSON line and flushes it to disk before answering. */
export function appendCheckpoint(file: string, checkpoint: Checkpoint): void {
  mkdirSync(dirname(file), { recursive: true });
  const fd = openSync(file, 'a', 0o600);
  try {
    writeSync(fd, `${JSON.stringify(checkpoint)}\n`);
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

export async function auditHead(db: Queryable): Promise<{ seq: number; hash: string } | undefined> {
  const head = await db.selectFrom('audit_head').select(['seq', 'hash']).executeTakeFirst();
  return head ? { seq: Number(head.seq), hash: head.hash } : undefined;
}

/**
 * Signs the chain's head and appends it to the checkpoint file. Unless `force`, nothing is
 * written when the head has not moved since `after` (the seq last written by this process).
 * @example const written = await writeCheckpoint(db, { keyFile, file })
 */
export async function writeCheckpoint(
  db: Queryable,
  settings: CheckpointSettings,
  options: { after?: number; force?: boolean } = {},
): Promise<Checkpoint | undefined> {
  const head = await auditHead(db);
  if (!head) return undefined;
  if (!options.force && options.after !== undefined && head.seq <= options.after) return undefined;
  const checkpoint = signCheckpoint(signingKey(settings.keyFile), head);
  appendCheckpoint(settings.file, checkpoint);
  return checkpoint;
}

export interface CheckpointVerdict {
  ok: boolean;
  checkpoints: number;
  /** The last checkpoint that held, if any. */
  lastSeq?: number;
  problem?: string;
}

function isCheckpoint(value: unknown): value is Checkpoint {
  const c = value as Checkpoint;
  return (
    typeof c === 'object' &&
    c !== null &&
    Number.isInteger(c.seq) &&
    c.seq > 0 &&
    typeof c.hash === 'string' &&
    typeof c.at === 'string' &&
    typeof c.key === 'string' &&
    typeof c.sig === 'string'
  );
}

/**
 * Checks a checkpoint file against the chain in the database: every line signed by `publicKey`,
 * in order, and every signed head found in the chain as it is now. Run it after `verifyAudit`
 * says the chain holds together: a rewritten chain that was re-hashed holds together too, and
 * only the checkpoints tell it apart.
 * @example const verdict = await verifyCheckpoints(db, readFileSync(file, 'utf8'), publicKeyFrom(keyFile))
 */
export async function verifyCheckpoints(db: Queryable, text: string, publicKey: KeyObject): Promise<CheckpointVerdict> {
  const fingerprint = keyFingerprint(publicKey);
  const lines = text.split('\n');
  let count = 0;
  let lastSeq = 0;
  const fail = (problem: string): CheckpointVerdict => ({ ok: false, checkpoints: count, ...(lastSeq ? { lastSeq } : {}), problem });
  const head = await auditHead(db);
  for (const [index, line] of lines.entries()) {
    if (line.trim() === '') continue;
    const where = `checkpoint on line ${index + 1}`;
    let parsed: unknown;
    try {
      parsed = JSON.parse(line);
    } catch {
      return fail(`${where} is not a checkpoint (not JSON)`);
    }
    if (!isCheckpoint(parsed)) return fail(`${where} is not a checkpoint (fields missing)`);
    const c = parsed;
    if (c.key !== fingerprint) return fail(`${where} was signed by another key (${c.key}, expected ${fingerprint})`);
    if (!verify(null, Buffer.from(signedText(c)), publicKey, Buffer.from(c.sig, 'base64'))) {
      return fail(`${where} has a signature that does not verify: it was forged or changed`);
    }
    if (c.seq < lastSeq) return fail(`${where} (entry ${c.seq}) comes after a checkpoint of entry ${lastSeq}: lines were reordered`);
    if (!head || head.seq < c.seq) {
      return fail(`the log ends at entry ${head?.seq ?? 0} but ${where} signed entry ${c.seq}: entries were removed from its end`);
    }
    const row = await db.selectFrom('audit_log').select('hash').where('seq', '=', c.seq).executeTakeFirst();
    if (!row || row.hash !== c.hash) {
      return fail(`entry ${c.seq} is not the one ${where} signed: the chain was rewritten at or before entry ${c.seq} (after entry ${lastSeq})`);
    }
    count += 1;
    lastSeq = c.seq;
  }
  return { ok: true, checkpoints: count, ...(lastSeq ? { lastSeq } : {}) };
}
