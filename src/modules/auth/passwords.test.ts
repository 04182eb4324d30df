import { describe, expect, it } from 'vitest';
import { RateLimited } from './errors.ts';
import { HASHING_CONCURRENCY, HASHING_QUEUE, hashingLoad, hashPassword, resetHashingPeak, verifyPassword } from './passwords.ts';

describe('password hashing', () => {
  it('runs at most HASHING_CONCURRENCY at once and refuses sign-ins beyond the queue at once', async () => {
    const hash = await hashPassword('correct horse battery staple');
    resetHashingPeak();
    const calls = Array.from({ length: HASHING_CONCURRENCY + HASHING_QUEUE + 4 }, () =>
      verifyPassword(hash, 'correct horse battery staple', { refuseWhenBusy: true }),
    );
    const settled = await Promise.allSettled(calls);
    const refused = settled.filter((s) => s.status === 'rejected');
    expect(refused.length).toBeGreaterThan(0);
    expect(refused.every((s) => s.status === 'rejected' && s.reason instanceof RateLimited)).toBe(true);
    expect(settled.filter((s) => s.status === 'fulfilled' && s.value === true).length).toBeGreaterThanOrEqual(HASHING_QUEUE);
    expect(hashingLoad()).toEqual({ running: 0, peak: HASHING_CONCURRENCY });
  });

  it('answers false for a wrong password or a malformed hash', async () => {
    const hash = await hashPassword('correct horse battery staple');
    expect(await verifyPassword(hash, 'wrong horse battery staple')).toBe(false);
    expect(await verifyPassword('not a hash', 'anything at all')).toBe(false);
  });
});
