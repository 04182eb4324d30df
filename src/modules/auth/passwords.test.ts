import { describe, expect, it } from 'vitest';
import { RateLimited } from './errors.ts';
import { HASHING_CONCURRENCY, HASHING_QUEUE, hashingLoad, hashPassword, resetHashingPeak, setPasswordHashCost, verifyPassword } from './passwords.ts';

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

  it('hashes at the standard cost (64 MiB, 3 passes) unless set to the test cost, and verifies each at its own', async () => {
    setPasswordHashCost('standard');
    const standard = await hashPassword('correct horse battery staple');
    setPasswordHashCost('test');
    const cheap = await hashPassword('correct horse battery staple');
    expect(standard).toMatch(/^\$argon2id\$v=19\$m=65536,p=4,t=3\$/);
    expect(cheap).toMatch(/^\$argon2id\$v=19\$m=1024,p=1,t=1\$/);
    expect(await verifyPassword(standard, 'correct horse battery staple')).toBe(true);
    expect(await verifyPassword(cheap, 'correct horse battery staple')).toBe(true);
  });
});
