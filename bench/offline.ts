// Offline field capture (issue 15), in Chromium at 360 px on a profile kept on disk, as a phone
// keeps it, signed in as a Thai field officer on the demo (PGlite):
// - what the device keeps: the service worker's copy of the application (Cache Storage) and the
//   copy of what the field screens read (IndexedDB), in bytes;
// - from tapping "Save" with no network to the inspection stored on the server once the network
//   returns: 20 entries, one at a time (offline, save, online, wait for the row in the database).
//   Reported from the tap and from the moment the network is back; the server is on loopback.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import { chromium } from 'playwright-core';
import { CHROMIUM, CHROMIUM_ARGS, haveChromium, startE2E } from '../test/e2e/harness.ts';
import { percentile } from './setup.ts';

const RUNS = 20;

export async function benchOffline() {
  if (!haveChromium) {
    console.log('\n(offline skipped: no Chromium at /usr/bin/chromium)');
    return;
  }
  console.log('\nOffline field capture: field-th at 360 px, demo on PGlite');
  const e2e = await startE2E();
  const dir = mkdtempSync(join(tmpdir(), 'cordon-bench-offline-'));
  const context = await chromium.launchPersistentContext(dir, {
    executablePath: CHROMIUM,
    args: CHROMIUM_ARGS,
    viewport: { width: 360, height: 800 },
    serviceWorkers: 'allow',
  });
  try {
    const page = context.pages()[0] ?? (await context.newPage());
    await e2e.signIn(page, 'field-th');
    await page.waitForFunction(() => navigator.serviceWorker.controller !== null, undefined, { timeout: 60_000 });
    await page.getByRole('link', { name: 'Field entry' }).click();
    const hotspot = page.getByLabel('Hotspot');
    await page.waitForFunction(() => document.querySelectorAll('select[name=hotspot] option').length > 1);
    await page.waitForTimeout(1500);
    const kept = await page.evaluate(async () => {
      let app = 0;
      let files = 0;
      for (const name of await caches.keys()) {
        const cache = await caches.open(name);
        for (const request of await cache.keys()) {
          const response = await cache.match(request);
          app += (await response?.blob())?.size ?? 0;
          files++;
        }
      }
      const copy = await new Promise<number>((resolve, reject) => {
        const open = indexedDB.open('cordon-device');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const get = open.result.transaction('cache').objectStore('cache').get('queries');
          get.onsuccess = () => resolve(new Blob([JSON.stringify(get.result ?? null)]).size);
        };
      });
      const estimate = await navigator.storage.estimate();
      return { app, files, copy, usage: estimate.usage ?? 0 };
    });
    const kb = (n: number) => `${(n / 1024).toFixed(0)} kB`;
    console.log(`  kept on the device: the application ${kb(kept.app)} (${kept.files} files, Cache Storage), the field screens' data ${kb(kept.copy)} (IndexedDB, JSON)`);
    console.log(`  the browser's own count of the origin's storage: ${kb(kept.usage)}`);

    await hotspot.selectOption({ index: 1 });
    const fromTap: number[] = [];
    const fromOnline: number[] = [];
    for (let i = 0; i < RUNS; i++) {
      const notes = `bench offline ${process.pid} ${i}`;
      await context.setOffline(true);
      await page.getByLabel('Notes').fill(notes);
      const tapped = Date.now();
      await page.getByRole('button', { name: 'Save' }).click();
      await page.getByRole('status').filter({ hasText: 'Saved on this device' }).waitFor();
      const online = Date.now();
      await context.setOffline(false);
      for (;;) {
        const { rows } = await sql<{ n: number }>`select count(*)::int as n from inspections where notes = ${notes}`.execute(e2e.database.db);
        if ((rows[0]?.n ?? 0) > 0) break;
        await new Promise((resolve) => setTimeout(resolve, 5));
      }
      const stored = Date.now();
      fromTap.push(stored - tapped);
      fromOnline.push(stored - online);
      await page.locator('a.device[data-unsent="0"]').waitFor();
    }
    fromTap.sort((a, b) => a - b);
    fromOnline.sort((a, b) => a - b);
    console.log(`  tap "Save" offline → stored on the server: median ${percentile(fromTap, 50)} ms, max ${fromTap[RUNS - 1]} ms over ${RUNS} entries`);
    console.log(`  network back → stored on the server:       median ${percentile(fromOnline, 50)} ms, max ${fromOnline[RUNS - 1]} ms`);
  } finally {
    await context.close();
    rmSync(dir, { recursive: true, force: true });
    await e2e.close();
  }
}
