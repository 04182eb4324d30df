// The device's clock against the server's Date header: within a second and a half is no
// difference, a skew is kept (and survives a reload), small wobbles of a measured skew are ignored.
import { beforeAll, describe, expect, it, vi } from 'vitest';

let clock: typeof import('./clock.ts');
const store = new Map<string, string>();

beforeAll(async () => {
  vi.stubGlobal('localStorage', {
    getItem: (k: string) => store.get(k) ?? null,
    setItem: (k: string, v: string) => void store.set(k, v),
    removeItem: (k: string) => void store.delete(k),
  });
  clock = await import('./clock.ts');
});

const server = Date.parse('2026-12-08T04:00:00Z');
const header = new Date(server).toUTCString();

describe('the device clock against the server', () => {
  it('knows nothing before the first answer, and ignores a missing or broken header', () => {
    expect(clock.clockSkew()).toBeNull();
    clock.noteServerDate(null, server);
    clock.noteServerDate('not a date', server);
    expect(clock.clockSkew()).toBeNull();
  });

  it('counts under a second and a half as in time (the header has whole seconds)', () => {
    clock.noteServerDate(header, server + 1200);
    expect(clock.clockSkew()).toBe(0);
  });

  it('measures a device two hours ahead, keeps it on the device, and ignores a wobble of seconds', () => {
    clock.noteServerDate(header, server + 2 * 3600_000);
    expect(clock.clockSkew()).toBe(2 * 3600_000);
    expect(store.get('cordon.clockSkew')).toBe(String(2 * 3600_000));
    clock.noteServerDate(header, server + 2 * 3600_000 + 10_000);
    expect(clock.clockSkew()).toBe(2 * 3600_000);
    expect(Math.abs(clock.clockSkew() ?? 0)).toBeGreaterThan(clock.CLOCK_OFF_MS);
  });

  it('measures a device behind as negative', () => {
    clock.noteServerDate(header, server - 9 * 60_000);
    expect(clock.clockSkew()).toBe(-9 * 60_000);
  });
});
