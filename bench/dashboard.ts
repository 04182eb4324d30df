// Time for the operation dashboard to show its figures on the demo, in Chromium: from navigation
// to the headline figures on screen, signed in as the coordinator, on PGlite (the default set-up).
// Cold runs start from a new browser context (no cache); warm runs reload in the same one.
// Also reports the size of the JavaScript the first screen loads, gzipped.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { DEMO_PASSWORD, haveChromium, startE2E } from '../test/e2e/harness.ts';
import { percentile } from './setup.ts';

const RUNS = 10;

export async function benchDashboard() {
  if (!haveChromium) {
    console.log('\n(dashboard skipped: no Chromium at /usr/bin/chromium)');
    return;
  }
  console.log('\nDashboard: navigation to figures visible, coordinator, demo on PGlite');
  const e2e = await startE2E();
  try {
    const login = await fetch(`${e2e.base}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: 'coordinator', password: DEMO_PASSWORD }),
    });
    const { token } = (await login.json()) as { token: string };
    const cold: number[] = [];
    const warm: number[] = [];
    const firstScreen = new Set<string>();
    for (let i = 0; i < RUNS; i++) {
      const { page, context } = await e2e.newPage();
      // The scripts the dashboard loads up to its figures (not the screens opened later).
      if (i === 0) page.on('request', (r) => r.url().endsWith('.js') && firstScreen.add(r.url().split('/').pop()!));
      await context.addInitScript(
        (value) => localStorage.setItem('cordon.session', JSON.stringify({ token: value, expiresAt: new Date(Date.now() + 3600_000).toISOString() })),
        token,
      );
      for (const [times, label] of [[cold, 'cold'], [warm, 'warm']] as const) {
        const started = Date.now();
        if (label === 'cold') await page.goto(`${e2e.base}/`);
        else await page.reload();
        await page.locator('[data-figure=arrests] .figure-value').waitFor();
        times.push(Date.now() - started);
      }
      await context.close();
    }
    cold.sort((a, b) => a - b);
    warm.sort((a, b) => a - b);
    console.log(`  cold (empty cache): p50 ${percentile(cold, 50)} ms, max ${cold[cold.length - 1]} ms over ${RUNS} runs`);
    console.log(`  warm (reload):      p50 ${percentile(warm, 50)} ms, max ${warm[warm.length - 1]} ms`);
    const assets = join(e2e.webRoot, 'assets');
    const gzipped = (files: string[]) => files.reduce((n, f) => n + gzipSync(readFileSync(join(assets, f))).length, 0) / 1024;
    const first = [...firstScreen];
    const all = readdirSync(assets).filter((f) => f.endsWith('.js'));
    console.log(`  JavaScript of the first screen: ${gzipped(first).toFixed(0)} kB gzipped (${first.length} files, the lazily loaded map included)`);
    console.log(`  JavaScript of the whole application: ${gzipped(all).toFixed(0)} kB gzipped (${all.length} files)`);
  } finally {
    await e2e.close();
  }
}
