import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { hostname, tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, describe, expect, it, vi } from 'vitest';
import { DataDirLocked, type LockOwner, lockDataDir, startTimeOf } from './data-dir-lock.ts';

const root = mkdtempSync(join(tmpdir(), 'cordon-lock-'));
let n = 0;
const folder = () => join(root, `data-${++n}`);
const writeOwner = (dataDir: string, owner: Partial<LockOwner>) =>
  writeFileSync(`${dataDir}.lock`, JSON.stringify({ host: hostname(), command: 'cordon serve', since: '2026-12-04T10:00:00.000Z', startTime: null, ...owner }));

// A pid that surely belongs to no running process: one that has just ended.
const endedPid = () => spawnSync('true').pid!;

afterEach(() => vi.restoreAllMocks());
afterAll(() => rmSync(root, { recursive: true, force: true }));

describe('lockDataDir', () => {
  it('writes the holder into <dataDir>.lock and removes it on release', () => {
    const dataDir = folder();
    const lock = lockDataDir(dataDir, 'cordon import inspections');
    const owner = JSON.parse(readFileSync(`${dataDir}.lock`, 'utf8')) as LockOwner;
    expect(owner).toMatchObject({ pid: process.pid, command: 'cordon import inspections', host: hostname() });
    expect(owner.startTime).toBe(startTimeOf(process.pid));
    lock.release();
    expect(existsSync(`${dataDir}.lock`)).toBe(false);
    lockDataDir(dataDir, 'again').release();
  });

  it('refuses a second hold of the same folder in this process', () => {
    const dataDir = folder();
    const lock = lockDataDir(dataDir, 'first');
    expect(() => lockDataDir(`${dataDir}/.`, 'second')).toThrow(/already open in this process/);
    lock.release();
  });

  it('refuses a folder a running process holds, naming its pid and command', () => {
    const dataDir = folder();
    writeOwner(dataDir, { pid: process.ppid, startTime: startTimeOf(process.ppid), url: 'http://127.0.0.1:8080' });
    let refusal: unknown;
    try {
      lockDataDir(dataDir, 'cordon export');
    } catch (error) {
      refusal = error;
    }
    expect(refusal).toBeInstanceOf(DataDirLocked);
    expect((refusal as Error).message).toMatch(new RegExp(`${dataDir}.*in use by cordon serve \\(pid ${process.ppid},.*serving http://127.0.0.1:8080\\)`));
    expect(JSON.parse(readFileSync(`${dataDir}.lock`, 'utf8')).pid).toBe(process.ppid);
  });

  it('refuses a folder held from another host, which cannot be checked', () => {
    const dataDir = folder();
    writeOwner(dataDir, { pid: endedPid(), host: 'elsewhere.example' });
    expect(() => lockDataDir(dataDir, 'cordon demo')).toThrow(/on host elsewhere.example/);
  });

  it('takes over a lock whose process has ended, saying so on stderr', () => {
    const dataDir = folder();
    const pid = endedPid();
    writeOwner(dataDir, { pid });
    const stderr = vi.spyOn(process.stderr, 'write').mockImplementation(() => true);
    const lock = lockDataDir(dataDir, 'cordon demo');
    expect(stderr).toHaveBeenCalledWith(expect.stringMatching(new RegExp(`taking over the data folder .*cordon serve \\(pid ${pid}\\), which is no longer running`)));
    expect(JSON.parse(readFileSync(`${dataDir}.lock`, 'utf8')).pid).toBe(process.pid);
    lock.release();
  });

  it('takes over a lock whose pid now belongs to a process started later', () => {
    const dataDir = folder();
    writeOwner(dataDir, { pid: process.ppid, startTime: '1' });
    vi.spyOn(process.stderr, 'write').mockImplementation(() => true);
    const lock = lockDataDir(dataDir, 'cordon demo');
    expect(JSON.parse(readFileSync(`${dataDir}.lock`, 'utf8')).pid).toBe(process.pid);
    lock.release();
  });

  it('waits out a lock file being written, and takes over one left unreadable long ago', () => {
    const dataDir = folder();
    writeFileSync(`${dataDir}.lock`, '');
    expect(() => lockDataDir(dataDir, 'cordon demo')).toThrow(DataDirLocked);
    utimesSync(`${dataDir}.lock`, new Date(Date.now() - 60_000), new Date(Date.now() - 60_000));
    vi.spyOn(process.stderr, 'write').mockImplementation(() => true);
    lockDataDir(dataDir, 'cordon demo').release();
  });

  it('notes a server address for those refused, and release leaves a lock that is no longer its own', () => {
    const dataDir = folder();
    const lock = lockDataDir(dataDir, 'cordon serve');
    lock.note({ url: 'http://127.0.0.1:9999' });
    expect(JSON.parse(readFileSync(`${dataDir}.lock`, 'utf8'))).toMatchObject({ pid: process.pid, url: 'http://127.0.0.1:9999' });
    writeOwner(dataDir, { pid: process.ppid, startTime: startTimeOf(process.ppid) });
    lock.release();
    expect(existsSync(`${dataDir}.lock`)).toBe(true);
  });
});
