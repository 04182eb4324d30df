// The signing key and checkpoint file, without a database: the key is made private and never
// replaced, checkpoints are appended line by line, and a signature names the key that made it.
import { createPublicKey } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { appendCheckpoint, createSigningKey, keyFingerprint, publicKeyFrom, signCheckpoint, signingKey } from './audit-checkpoints.ts';

const made: string[] = [];
const folder = () => {
  const dir = mkdtempSync(join(tmpdir(), 'cordon-checkpoints-'));
  made.push(dir);
  return dir;
};
afterEach(() => {
  for (const dir of made.splice(0)) rmSync(dir, { recursive: true, force: true });
});

describe('audit checkpoint keys and file', () => {
  it('makes the key readable by its owner only, and refuses to overwrite it', () => {
    const path = join(folder(), 'keys', 'audit-key.pem');
    createSigningKey(path);
    expect(statSync(path).mode & 0o777).toBe(0o600);
    const before = readFileSync(path, 'utf8');
    expect(() => createSigningKey(path)).toThrow(/never overwritten/);
    expect(readFileSync(path, 'utf8')).toBe(before);
    // signingKey reads the existing key rather than making a new one.
    expect(keyFingerprint(createPublicKey(signingKey(path)))).toBe(keyFingerprint(publicKeyFrom(path)));
  });

  it('names the public key in each checkpoint, so a new key is visible', () => {
    const dir = folder();
    const one = signCheckpoint(signingKey(join(dir, 'a.pem')), { seq: 7, hash: 'ab'.repeat(32) });
    const two = signCheckpoint(signingKey(join(dir, 'b.pem')), { seq: 7, hash: 'ab'.repeat(32) });
    expect(one.key).toBe(keyFingerprint(publicKeyFrom(join(dir, 'a.pem'))));
    expect(two.key).not.toBe(one.key);
  });

  it('reads a public key from a public PEM as an auditor keeps it', () => {
    const dir = folder();
    const key = signingKey(join(dir, 'a.pem'));
    writeFileSync(join(dir, 'a.pub'), createPublicKey(key).export({ type: 'spki', format: 'pem' }));
    expect(keyFingerprint(publicKeyFrom(join(dir, 'a.pub')))).toBe(keyFingerprint(createPublicKey(key)));
  });

  it('appends checkpoints one JSON line each, keeping the lines already there', () => {
    const dir = folder();
    const file = join(dir, 'checkpoints.jsonl');
    const key = signingKey(join(dir, 'a.pem'));
    appendCheckpoint(file, signCheckpoint(key, { seq: 1, hash: '00'.repeat(32) }));
    appendCheckpoint(file, signCheckpoint(key, { seq: 2, hash: '11'.repeat(32) }));
    const lines = readFileSync(file, 'utf8').trim().split('\n').map((line) => JSON.parse(line));
    expect(lines.map((c) => c.seq)).toEqual([1, 2]);
  });
});
