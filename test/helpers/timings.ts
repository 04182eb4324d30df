// Where a test run spends its time outside the tests themselves (web build, demo load, Chromium
// start, shared databases): each phase appends one JSON line to CORDON_TEST_TIMINGS_FILE, which
// `npm run test:timings` sets and reads. Without it, nothing is written.
import { appendFileSync } from 'node:fs';

/**
 * Runs `work` and records how long it took under `phase`.
 * @example const browser = await timed('chromium start', () => chromium.launch(options))
 */
export async function timed<T>(phase: string, work: () => Promise<T>): Promise<T> {
  const started = performance.now();
  try {
    return await work();
  } finally {
    const file = process.env.CORDON_TEST_TIMINGS_FILE;
    if (file) appendFileSync(file, `${JSON.stringify({ phase, ms: Math.round(performance.now() - started), pid: process.pid })}\n`);
  }
}
