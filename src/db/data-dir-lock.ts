// PGlite is one process's database: two processes writing one data folder lose rows silently or
// break the folder. This lock file beside the folder (`<dataDir>.lock`) lets one process in at a time.
import { closeSync, mkdirSync, openSync, readFileSync, realpathSync, renameSync, statSync, unlinkSync, writeFileSync, writeSync } from 'node:fs';
import { hostname } from 'node:os';
import { basename } from 'node:path';
import { CordonError } from '../errors.ts';

/** Who holds a data folder: written into the lock file as JSON. */
export interface LockOwner {
  pid: number;
  /** The process's start time in clock ticks since boot (/proc/<pid>/stat), so that a recycled pid is told apart; null where unknown. */
  startTime: string | null;
  host: string;
  /** What the holder is doing, e.g. `cordon serve` or `cordon import inspections`. */
  command: string;
  since: string;
  /** The address a server holding the folder answers on, once it listens. */
  url?: string;
}

const STOP_IT = 'Stop that process first, or run Cordon on a PostgreSQL server (DATABASE_URL), which several processes can share.';

/** The data folder is held by another process (or already open in this one): nothing was opened. */
export class DataDirLocked extends CordonError {
  readonly status = 409;
  readonly id = 'data_dir_locked';
  constructor(
    readonly dataDir: string,
    /** The holder; `'this process'` when the same process opened the folder already. */
    readonly owner: LockOwner | 'this process',
    readonly advice: string = STOP_IT,
  ) {
    super(
      owner === 'this process'
        ? `the data folder ${dataDir} is already open in this process; PGlite is one process's database and is never opened twice: share the open database instead`
        : `the data folder ${dataDir} is in use by ${describeOwner(owner)}; PGlite is one process's database, so nothing was opened. ${advice}`,
    );
  }

  /** The same refusal, saying what to do instead (a CLI command names its equivalent on the running server). */
  withAdvice(advice: string): DataDirLocked {
    return new DataDirLocked(this.dataDir, this.owner, advice);
  }
}

function describeOwner(owner: LockOwner): string {
  const where = owner.host === hostname() ? '' : ` on host ${owner.host}`;
  const serving = owner.url ? `, serving ${owner.url}` : '';
  return `${owner.command} (pid ${owner.pid}${where}, since ${owner.since}${serving})`;
}

export interface DataDirLock {
  /** The lock file. */
  readonly path: string;
  /** The folder it guards, symbolic links resolved. */
  readonly dataDir: string;
  /** Adds to what others are told about the holder (a server's address once it listens). */
  note(extra: { url: string }): void;
  /** Removes the lock file, if it is still this process's. Safe to call twice. */
  release(): void;
}

// Folders this process holds, by real path: a second open in the same process is refused too,
// and the 'exit' handler removes their lock files when the process ends without closing them.
const held = new Map<string, DataDirLock>();
let exitHandlerInstalled = false;

/**
 * Takes the exclusive lock on a PGlite data folder before anything opens it. A lock left by a
 * process that has ended (or whose pid now belongs to another process) is taken over, saying so on stderr.
 * @example const lock = lockDataDir('.cordon/data', 'cordon serve'); …; lock.release();
 * @throws DataDirLocked when a running process, or this one, holds the folder.
 */
export function lockDataDir(dataDir: string, command: string): DataDirLock {
  mkdirSync(dataDir, { recursive: true });
  const folder = realpathSync(dataDir);
  if (held.has(folder)) throw new DataDirLocked(folder, 'this process');
  const path = `${folder}.lock`;
  const me: LockOwner = { pid: process.pid, startTime: startTimeOf(process.pid), host: hostname(), command, since: new Date().toISOString() };
  // A few rounds: another opener may take over the same stale lock at the same moment.
  for (let round = 0; round < 3; round += 1) {
    if (createLockFile(path, me)) return hold(folder, path, me);
    const found = readLockFile(path);
    if (found === 'vanished') continue;
    if (found === 'unreadable') {
      // Being written this very moment, or left half-written by a crash long ago.
      if (Date.now() - mtimeOf(path) < 5000) throw new DataDirLocked(folder, unknownOwner(path));
      process.stderr.write(`cordon: taking over the data folder ${folder}: its lock file ${path} was unreadable and old\n`);
      removeIfUnchanged(path, undefined);
      continue;
    }
    if (isSameProcess(found.owner, me)) throw new DataDirLocked(folder, 'this process');
    if (isRunning(found.owner)) throw new DataDirLocked(folder, found.owner);
    process.stderr.write(
      `cordon: taking over the data folder ${folder}: it was locked by ${found.owner.command} (pid ${found.owner.pid}), which is no longer running\n`,
    );
    removeIfUnchanged(path, found.text);
  }
  const last = readLockFile(path);
  throw new DataDirLocked(folder, typeof last === 'string' ? unknownOwner(path) : last.owner);
}

function hold(folder: string, path: string, me: LockOwner): DataDirLock {
  let owner = me;
  const lock: DataDirLock = {
    path,
    dataDir: folder,
    note(extra) {
      owner = { ...owner, ...extra };
      // Replaced whole (write then rename), so a reader never sees half a file.
      const next = `${path}.${process.pid}.tmp`;
      writeFileSync(next, JSON.stringify(owner), { mode: 0o600 });
      renameSync(next, path);
    },
    release() {
      if (held.get(folder) !== lock) return;
      held.delete(folder);
      const found = readLockFile(path);
      if (typeof found !== 'string' && isSameProcess(found.owner, me)) unlinkQuietly(path);
    },
  };
  held.set(folder, lock);
  if (!exitHandlerInstalled) {
    exitHandlerInstalled = true;
    process.on('exit', () => {
      for (const each of [...held.values()]) each.release();
    });
  }
  return lock;
}

/** Creates the lock file only if there is none (O_EXCL): true when this process now holds it. */
function createLockFile(path: string, owner: LockOwner): boolean {
  let fd: number;
  try {
    fd = openSync(path, 'wx', 0o600);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw error;
  }
  try {
    writeSync(fd, JSON.stringify(owner));
  } finally {
    closeSync(fd);
  }
  return true;
}

function readLockFile(path: string): { owner: LockOwner; text: string } | 'vanished' | 'unreadable' {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return 'vanished';
    throw error;
  }
  try {
    const owner = JSON.parse(text) as LockOwner;
    if (!Number.isInteger(owner.pid) || owner.pid <= 0 || typeof owner.command !== 'string') return 'unreadable';
    return { owner, text };
  } catch {
    return 'unreadable';
  }
}

function unknownOwner(path: string): LockOwner {
  return { pid: 0, startTime: null, host: hostname(), command: `an unknown process (lock file ${path})`, since: new Date(mtimeOf(path)).toISOString() };
}

function mtimeOf(path: string): number {
  try {
    return statSync(path).mtimeMs;
  } catch {
    return 0;
  }
}

/** Start time of a process in clock ticks since boot (field 22 of /proc/<pid>/stat), or null. */
export function startTimeOf(pid: number): string | null {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // The command name (field 2) may hold spaces and parentheses: count from the last ')'.
    return stat.slice(stat.lastIndexOf(')') + 2).split(' ')[19] ?? null;
  } catch {
    return null;
  }
}

function isSameProcess(a: LockOwner, b: LockOwner): boolean {
  return a.pid === b.pid && a.host === b.host && a.startTime === b.startTime;
}

/** True unless the holder is known to have ended: its pid is gone, or now belongs to a process started later. */
function isRunning(owner: LockOwner): boolean {
  // Another machine's process (a shared network folder) cannot be checked: it holds the lock.
  if (owner.host !== hostname()) return true;
  try {
    process.kill(owner.pid, 0);
  } catch (error) {
    // EPERM: running, under another account.
    if ((error as NodeJS.ErrnoException).code === 'ESRCH') return false;
  }
  const now = startTimeOf(owner.pid);
  return owner.startTime === null || now === null || now === owner.startTime;
}

// Removes a stale lock only if it is still the one judged stale, so that a lock another opener
// has just taken over is left alone.
function removeIfUnchanged(path: string, judged: string | undefined) {
  const found = readLockFile(path);
  if (found === 'vanished') return;
  if (judged === undefined ? found === 'unreadable' : typeof found !== 'string' && found.text === judged) unlinkQuietly(path);
}

function unlinkQuietly(path: string) {
  try {
    unlinkSync(path);
  } catch {
    // Already gone: nothing to release.
  }
}

/** How a process is named in its lock when the caller does not say: the script it runs, never its arguments. */
export function defaultHolder(): string {
  return process.argv[1] ? `node ${basename(process.argv[1])}` : 'node';
}
