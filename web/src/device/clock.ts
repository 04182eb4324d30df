// How far the device's clock is from the server's, read from the Date header of the API's answers.
// Field records carry the time of the event by the device's clock, so a clock that is far off is
// shown to the officer (a phone set to the wrong zone by hand, or one that lost its battery).
import { useSyncExternalStore } from 'react';

/** Past this, the header says the device's clock is off. */
export const CLOCK_OFF_MS = 5 * 60_000;
const KEY = 'cordon.clockSkew';

let skew: number | null = readStored();
const listeners = new Set<() => void>();

function readStored(): number | null {
  const stored = Number(localStorage.getItem(KEY));
  return localStorage.getItem(KEY) !== null && Number.isFinite(stored) ? stored : null;
}

/**
 * Called with each answer's Date header (whole seconds): the device's clock minus the server's, in
 * milliseconds, positive when the device is ahead.
 */
export function noteServerDate(header: string | null, receivedAt = Date.now()): void {
  if (!header) return;
  const server = Date.parse(header);
  if (Number.isNaN(server)) return;
  // The header rounds down to the second: within a second and a half is no difference.
  const measured = receivedAt - server;
  const next = Math.abs(measured) < 1500 ? 0 : measured;
  if (skew !== null && Math.abs(next - skew) < 30_000) return;
  skew = next;
  localStorage.setItem(KEY, String(next));
  for (const listener of listeners) listener();
}

export function clockSkew(): number | null {
  return skew;
}

/** The device's clock minus the server's (ms) once an answer has been read, or null. */
export function useClockSkew(): number | null {
  return useSyncExternalStore(
    (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    () => skew,
  );
}
