// Password hashing with argon2id (the library's defaults: 64 MiB, 3 passes, parallelism 4), at
// most HASHING_CONCURRENCY at once in this process: a flood of logins queues here instead of
// saturating the CPU, and sign-in refuses at once when the queue is full. The test suite hashes
// at a test cost (1 MiB, 1 pass; see `HashCost` in src/config.ts, refused outside the suite). A
// hash carries its own parameters, so verifying is always at the cost the hash was made with.
import argon2 from 'argon2';
import pLimit from 'p-limit';
import { RateLimited } from './errors.ts';

export const HASHING_CONCURRENCY = 2;
/** Sign-ins waiting for a hashing slot beyond this are refused with 429 rather than queued. */
export const HASHING_QUEUE = 16;

export type HashCost = 'standard' | 'test';

const COSTS: Record<HashCost, argon2.HashOptions & { raw?: false }> = {
  standard: { type: argon2.argon2id },
  test: { type: argon2.argon2id, memoryCost: 1024, timeCost: 1, parallelism: 1 },
};
let cost: HashCost = 'standard';

/** The cost new hashes are made at in this process: `config.passwordHashCost`, set once at start. */
export function setPasswordHashCost(next: HashCost): void {
  cost = next;
}

const gate = pLimit(HASHING_CONCURRENCY);
const counters = { running: 0, peak: 0 };

/** Hashing work running now and the most seen at once (tests read it; reset with `resetHashingPeak`). */
export function hashingLoad(): { running: number; peak: number } {
  return { ...counters };
}
export function resetHashingPeak(): void {
  counters.peak = counters.running;
}

function throughGate<T>(work: () => Promise<T>): Promise<T> {
  return gate(async () => {
    counters.running++;
    counters.peak = Math.max(counters.peak, counters.running);
    try {
      return await work();
    } finally {
      counters.running--;
    }
  });
}

export function hashPassword(password: string): Promise<string> {
  return throughGate(() => argon2.hash(password, COSTS[cost]));
}

/**
 * Checks a password against its hash; false for a malformed hash. With `refuseWhenBusy` (sign-in),
 * answers 429 at once when HASHING_QUEUE calls already wait.
 * @example if (!(await verifyPassword(user.password_hash, password))) throw new Unauthenticated()
 */
export async function verifyPassword(hash: string, password: string, options: { refuseWhenBusy?: boolean } = {}): Promise<boolean> {
  if (options.refuseWhenBusy && gate.pendingCount >= HASHING_QUEUE) throw new RateLimited(1);
  return throughGate(async () => {
    try {
      return await argon2.verify(hash, password);
    } catch {
      return false;
    }
  });
}

// Verified against when the username is unknown, so a miss costs as long as a wrong password.
const decoys: Partial<Record<HashCost, Promise<string>>> = {};
export function decoyHash(): Promise<string> {
  const made = decoys[cost] ?? argon2.hash('decoy password, never valid', COSTS[cost]);
  decoys[cost] = made;
  return made;
}

/** Whether sign-in would be refused for a full hashing queue now. */
export function hashingQueueFull(): boolean {
  return gate.pendingCount >= HASHING_QUEUE;
}
