// Offline field capture (C18) in Chromium at 360 px, on a browser profile kept on disk as a phone
// keeps it: a Thai field officer signs in online; the network goes; the app reloads from the
// service worker; 5 inspections, 1 rescue and 2 traveller screenings go to the outbox; the browser
// is closed and opened again offline (the outbox still holds 8); the network returns and all 8
// reach the server once, one of them after an answer lost on the way. A record at a hotspot
// removed meanwhile is refused, shows the server's reason and stays until discarded. Signing out
// offline asks first, then wipes the device. The manifest and service worker pass the checks an
// install prompt makes. Screenshots: offline field entry and outbox, English and Chinese.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type BrowserContext, chromium, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { accessibilityViolations, CHROMIUM, CHROMIUM_ARGS, type E2E, haveChromium, startE2E } from './harness.ts';

interface Listed {
  id: string;
  at: string;
  kind: string;
  hotspotId: string | null;
  notes?: string | null;
}

const profiles: string[] = [];

/** A browser with its profile on disk: closing it and opening it again is a phone's restart. */
function openProfile(dir: string, { offline = false, locale = 'en-US' } = {}): Promise<BrowserContext> {
  return chromium.launchPersistentContext(dir, {
    executablePath: CHROMIUM,
    args: CHROMIUM_ARGS,
    viewport: { width: 360, height: 800 },
    locale,
    offline,
    serviceWorkers: 'allow',
  });
}

async function firstPage(context: BrowserContext): Promise<Page> {
  return context.pages()[0] ?? (await context.newPage());
}

/** What a store of the app's IndexedDB (cordon-device) holds: the value at `key`, or every value; undefined when the store is not there. */
function readDevice(page: Page, store: 'cache' | 'outbox', key?: string): Promise<unknown> {
  return page.evaluate(
    ([store, key]) =>
      new Promise((resolve, reject) => {
        const open = indexedDB.open('cordon-device');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const db = open.result;
          if (!db.objectStoreNames.contains(store)) return resolve(undefined);
          const objects = db.transaction(store).objectStore(store);
          const read = key === undefined ? objects.getAll() : objects.get(key);
          read.onsuccess = () => resolve(read.result);
        };
      }),
    [store, key] as const,
  );
}

/** The keys of the queries the app keeps on the device, and the countries of the hotspots among them. */
async function deviceCopy(page: Page): Promise<{ keys: unknown[][]; hotspotCountries: string[] } | null> {
  const value = (await readDevice(page, 'cache', 'queries')) as { clientState: { queries: { queryKey: unknown[]; state: { data: unknown } }[] } } | undefined;
  if (!value) return null;
  const queries = value.clientState.queries;
  const hotspots = queries.filter((q) => q.queryKey[0] === 'hotspots').flatMap((q) => (q.state.data as { items: { country: string }[] }).items);
  return { keys: queries.map((q) => q.queryKey), hotspotCountries: [...new Set(hotspots.map((h) => h.country))] };
}

async function outboxOnDevice(page: Page): Promise<{ state: string; kind: string }[]> {
  const records = ((await readDevice(page, 'outbox')) ?? []) as { state: string; kind: string }[];
  return records.map((r) => ({ state: r.state, kind: r.kind }));
}

async function waitForServiceWorker(page: Page): Promise<void> {
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null, undefined, { timeout: 60_000 });
  await page.evaluate(() => navigator.serviceWorker.ready);
}

const unsent = (page: Page) => page.locator('a.device').getAttribute('data-unsent');

describe.skipIf(!haveChromium)('offline field capture in Chromium', () => {
  let e2e: E2E;
  let operationId: string;
  let postId: string;
  let closedId: string;

  beforeAll(async () => {
    e2e = await startE2E();
    operationId = (await e2e.api<{ id: string }[]>('field-th', '/api/operations'))[0]!.id;
    const post = (name: string, latitude: number, longitude: number) =>
      e2e.api<{ id: string }>('officer-th', `/api/operations/${operationId}/hotspots`, {
        method: 'POST',
        body: { name, country: 'TH', kind: 'border_crossing', latitude, longitude },
      });
    postId = (await post('Mae Sot Friendship Bridge', 16.698, 98.545)).id;
    closedId = (await post('Ban Khlong Luek Border Post', 13.664, 102.558)).id;
  }, 240_000);
  afterAll(async () => {
    await e2e?.close();
    for (const dir of profiles) rmSync(dir, { recursive: true, force: true });
  });

  const count = async (path: string) => (await e2e.api<{ items: Listed[] }>('officer-th', `/api/operations/${operationId}/${path}&limit=100`)).items;

  it('opens offline, keeps 8 records through a restart, and sends each once when the network returns', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'cordon-offline-'));
    profiles.push(dir);
    let context = await openProfile(dir);
    let page = await firstPage(context);
    await e2e.signIn(page, 'field-th');
    await waitForServiceWorker(page);

    // Installable: the manifest's fields, its icons, and a service worker in control of the page.
    const install = await page.evaluate(async () => {
      const link = document.querySelector<HTMLLinkElement>('link[rel=manifest]');
      const manifest = (await (await fetch(link?.href ?? '')).json()) as {
        name: string;
        short_name: string;
        start_url: string;
        display: string;
        icons: { src: string; sizes: string; type: string; purpose?: string }[];
        theme_color: string;
        background_color: string;
      };
      const icons = await Promise.all(
        manifest.icons.map(async (i) => {
          const response = await fetch(i.src);
          const image = await createImageBitmap(await response.blob()).catch(() => null);
          return { sizes: i.sizes, type: response.headers.get('content-type'), width: image?.width ?? 0, purpose: i.purpose ?? 'any' };
        }),
      );
      const registration = await navigator.serviceWorker.getRegistration();
      return { manifest, icons, worker: registration?.active?.state, scope: registration?.scope, controlled: navigator.serviceWorker.controller !== null };
    });
    expect(install.manifest).toMatchObject({ name: 'Cordon', short_name: 'Cordon', start_url: '/', display: 'standalone' });
    expect(install.manifest.theme_color).toMatch(/^#[0-9a-f]{6}$/);
    expect(install.icons).toEqual(
      expect.arrayContaining([
        { sizes: '192x192', type: 'image/png', width: 192, purpose: 'any' },
        { sizes: '512x512', type: 'image/png', width: 512, purpose: 'any' },
        { sizes: '512x512', type: 'image/png', width: 512, purpose: 'maskable' },
      ]),
    );
    expect(install).toMatchObject({ worker: 'activated', scope: `${e2e.base}/`, controlled: true });

    // At sign-in the device keeps what the field screens read: the bureau's own hotspots, the
    // checklist and the figures, and nothing of other bureaus' cases or entities.
    await expect.poll(async () => (await deviceCopy(page))?.keys.map((k) => k[0]).sort(), { timeout: 30_000 }).toEqual(
      expect.arrayContaining(['hotspots', 'me', 'operations', 'results', 'traveller-checklist']),
    );
    const copy = (await deviceCopy(page))!;
    expect(new Set(copy.keys.map((k) => k[0]))).toEqual(new Set(['hotspots', 'me', 'operations', 'results', 'traveller-checklist']));
    expect(copy.hotspotCountries).toEqual(['TH']);

    // The network goes: nothing moves on the screen, the header says so.
    const box = () => page.evaluate(() => ({ device: document.querySelector('a.device')?.getBoundingClientRect().toJSON(), main: document.querySelector('main')?.getBoundingClientRect().top }));
    const before = await box();
    await context.setOffline(true);
    await expect.poll(() => page.locator('a.device').getAttribute('data-online')).toBe('false');
    expect(await box()).toEqual(before);

    // Reloaded with no network, the app opens, signed in, from the device: the dashboard's figures
    // as last read, with the time they were read.
    await page.reload();
    const asRead = page.locator('.field-network[data-read-at]');
    await asRead.waitFor();
    expect(await asRead.textContent()).toMatch(/^No network: the figures as read /);
    expect(await page.locator('[data-figure=inspections] .figure-value').textContent()).toMatch(/^\d{3},\d{3}$/);
    await page.getByRole('link', { name: 'Field entry' }).click();
    await page.getByRole('heading', { name: 'Field entry' }).waitFor();
    expect(await page.locator('.field-network').getAttribute('data-online')).toBe('false');
    const hotspot = page.getByLabel('Hotspot');
    await expect.poll(() => hotspot.locator('option').count()).toBeGreaterThan(2);
    await hotspot.selectOption(postId);
    for (let i = 1; i <= 5; i++) {
      await page.getByLabel('Notes').fill(`offline-e2e inspection ${i}`);
      await page.getByRole('button', { name: 'Save' }).click();
      await page.getByRole('status').filter({ hasText: 'Saved on this device' }).waitFor();
      await expect.poll(() => unsent(page)).toBe(String(i));
    }
    await page.getByText('Rescue', { exact: true }).click();
    await page.getByRole('button', { name: 'One more' }).click();
    await page.getByLabel('Notes').fill('offline-e2e rescue');
    await page.getByRole('button', { name: 'Save' }).click();
    await page.getByRole('status').filter({ hasText: 'Saved on this device' }).waitFor();
    expect(await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)).toBeLessThanOrEqual(0);
    await e2e.shot(page, 'offline-field-entry-en-360');
    expect(await accessibilityViolations(page)).toEqual([]);

    // Two traveller screenings, the checklist and the risk level from the device.
    await page.getByRole('link', { name: 'Screen a traveller' }).click();
    const checkpoint = page.getByLabel('Checkpoint');
    await expect.poll(() => checkpoint.locator('option').count(), { timeout: 20_000 }).toBeGreaterThan(2);
    await page.getByRole('checkbox', { name: /One-way ticket/ }).check();
    await page.getByRole('checkbox', { name: /Passport held by a broker or escort/ }).check();
    await expect.poll(() => page.locator('.risk').getAttribute('data-level')).not.toBe('low');
    await checkpoint.selectOption(postId);
    // The checkpoint stays chosen on the device for the next traveller.
    await expect.poll(() => page.evaluate(() => localStorage.getItem('cordon.checkpoint'))).toBe(postId);
    await page.getByRole('button', { name: 'Record interception' }).click();
    await page.getByRole('status').filter({ hasText: 'Interception saved on this device' }).waitFor();
    await page.getByRole('checkbox', { name: /One-way ticket/ }).check();
    await page.getByRole('button', { name: 'One more' }).click();
    await page.getByRole('button', { name: 'One more' }).click();
    await page.getByRole('button', { name: 'Record interception' }).click();
    await expect.poll(() => unsent(page)).toBe('8');
    const savedAt = Date.now();

    await page.locator('a.device').click();
    await page.getByRole('heading', { name: 'Outbox' }).waitFor();
    expect(await page.locator('.outbox-item[data-state=waiting]').count()).toBe(8);
    expect(await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)).toBeLessThanOrEqual(0);
    await e2e.shot(page, 'offline-outbox-en-360');
    expect(await accessibilityViolations(page)).toEqual([]);

    // The browser closes (a phone's reboot) and opens again with no network: all 8 are there.
    await context.close();
    context = await openProfile(dir, { offline: true });
    page = await firstPage(context);
    await page.goto(`${e2e.base}/outbox`);
    await page.getByRole('heading', { name: 'Outbox' }).waitFor();
    await expect.poll(() => page.locator('.outbox-item[data-state=waiting]').count()).toBe(8);
    expect(await outboxOnDevice(page)).toHaveLength(8);

    // The network returns. The first inspection's answer is lost after the server stored it.
    const keys: string[] = [];
    await context.route('**/api/operations/*/inspections', async (route) => {
      keys.push(route.request().headers()['idempotency-key'] ?? '');
      if (keys.length > 1) return route.continue();
      await route.fetch();
      await route.abort('internetdisconnected');
    });
    await context.setOffline(false);
    await expect.poll(() => unsent(page), { timeout: 60_000 }).toBe('0');
    expect(await page.locator('.outbox-item[data-state=sent]').count()).toBe(8);
    // The lost answer's record was sent again with its key: 6 requests, 5 keys.
    expect(keys).toHaveLength(6);
    expect(new Set(keys).size).toBe(5);

    // Counted through the API: each once, at the moment it was made on the device.
    const inspections = await count(`inspections?hotspot=${postId}`);
    expect(inspections.map((i) => i.notes).sort()).toEqual([1, 2, 3, 4, 5].map((i) => `offline-e2e inspection ${i}`));
    const outcomes = await count(`outcomes?hotspot=${postId}`);
    expect(outcomes.map((o) => o.kind).sort()).toEqual(['interception', 'interception', 'rescue']);
    const screenings = await count(`traveller-screenings?hotspot=${postId}`);
    expect(screenings).toHaveLength(2);
    for (const s of screenings) expect(Date.parse(s.at)).toBeLessThanOrEqual(savedAt);

    // A slow link (a weak signal: 600 ms each way, 50 kB/s): the app opens from the device and an
    // entry saved online goes straight through.
    const cdp = await context.newCDPSession(page);
    await cdp.send('Network.emulateNetworkConditions', { offline: false, latency: 600, downloadThroughput: 50_000, uploadThroughput: 20_000 });
    await page.goto(`${e2e.base}/field`);
    await page.getByRole('heading', { name: 'Field entry' }).waitFor();
    // The draft kept the last entry's kind (a rescue) and place.
    await page.getByText('Inspection', { exact: true }).click();
    await page.getByLabel('Hotspot').selectOption(postId);
    await page.getByLabel('Notes').fill('offline-e2e on a slow link');
    await page.getByRole('button', { name: 'Save' }).click();
    await page.getByRole('status').filter({ hasText: 'Inspection saved.' }).waitFor({ timeout: 20_000 });
    expect((await count(`inspections?hotspot=${postId}`)).filter((i) => i.notes === 'offline-e2e on a slow link')).toHaveLength(1);
    await context.close();
  });

  it('keeps a record the server refuses, with its reason, until it is discarded; signing out asks, then wipes the device', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'cordon-offline-'));
    profiles.push(dir);
    const context = await openProfile(dir);
    const page = await firstPage(context);
    await e2e.signIn(page, 'field-th');
    await waitForServiceWorker(page);
    await expect.poll(async () => (await deviceCopy(page))?.keys.some((k) => k[0] === 'hotspots'), { timeout: 30_000 }).toBe(true);
    await context.setOffline(true);
    await page.getByRole('link', { name: 'Field entry' }).click();
    await page.getByLabel('Hotspot').selectOption(closedId);
    await page.getByLabel('Notes').fill('offline-e2e at a closed post');
    await page.getByRole('button', { name: 'Save' }).click();
    await expect.poll(() => unsent(page)).toBe('1');

    // Meanwhile the hotspot is removed (Cordon has no endpoint for it yet: straight in the database).
    await e2e.database.db.deleteFrom('hotspots').where('id', '=', closedId).execute();
    await context.setOffline(false);
    await page.locator('a.device').click();
    const refused = page.locator('.outbox-item[data-state=refused]');
    await refused.waitFor({ timeout: 30_000 });
    expect(await refused.locator('.outbox-reason').textContent()).toMatch(/^The server refused it: .*hotspot/i);
    expect(await unsent(page)).toBe('1');
    await e2e.shot(page, 'offline-outbox-refused-en-360');
    // It stays through a reload, and goes only when discarded (after asking).
    await page.reload();
    await refused.waitFor();
    await refused.getByRole('button', { name: 'Discard' }).click();
    await refused.getByRole('button', { name: 'Discard it' }).click();
    await expect.poll(() => page.locator('.outbox-item').count()).toBe(0);
    expect(await unsent(page)).toBe('0');

    // Signing out offline with a record unsent asks first; staying keeps everything.
    await context.setOffline(true);
    await page.getByRole('link', { name: 'Field entry' }).click();
    await page.getByLabel('Hotspot').selectOption(postId);
    await page.getByRole('button', { name: 'Save' }).click();
    await expect.poll(() => unsent(page)).toBe('1');
    await page.getByRole('button', { name: 'Sign out' }).click();
    const question = page.getByRole('alertdialog');
    expect(await question.textContent()).toContain('1 record made on this device has not reached the server');
    await question.getByRole('button', { name: 'Stay signed in' }).click();
    expect(await outboxOnDevice(page)).toHaveLength(1);
    const token = await page.evaluate(() => (JSON.parse(localStorage.getItem('cordon.session') ?? '{}') as { token?: string }).token);
    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.getByRole('button', { name: 'Sign out and remove it' }).click();
    await page.getByRole('heading', { name: 'Sign in to Cordon' }).waitFor();
    expect(await outboxOnDevice(page)).toEqual([]);
    expect(await deviceCopy(page)).toBeNull();
    expect(await page.evaluate(() => ['cordon.session', 'cordon.fieldDraft', 'cordon.checkpoint'].map((k) => localStorage.getItem(k)))).toEqual([null, null, null]);
    // The server hears of the sign-out once the network is back.
    await context.setOffline(false);
    await expect
      .poll(async () => (await fetch(`${e2e.base}/api/auth/me`, { headers: { authorization: `Bearer ${token}` } })).status, { timeout: 20_000 })
      .toBe(401);
    await context.close();
  });

  it('reads in Chinese offline at 360 px: the field entry and the outbox', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'cordon-offline-'));
    profiles.push(dir);
    const context = await openProfile(dir, { locale: 'zh-CN' });
    const page = await firstPage(context);
    await e2e.signIn(page, 'field-th');
    await waitForServiceWorker(page);
    await expect.poll(async () => (await deviceCopy(page))?.keys.some((k) => k[0] === 'hotspots'), { timeout: 30_000 }).toBe(true);
    await context.setOffline(true);
    await page.reload();
    await page.locator('header.top nav a[href="/field"]').click();
    await page.locator('select[name=hotspot]').selectOption(postId);
    await page.locator('button[type=submit]').click();
    await page.getByRole('status').filter({ hasText: '已保存在本设备上' }).waitFor();
    expect(await page.locator('.field-network').textContent()).toContain('无网络');
    expect(await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)).toBeLessThanOrEqual(0);
    await e2e.shot(page, 'offline-field-entry-zh-360');
    await page.locator('a.device').click();
    await page.getByRole('heading', { name: '发件箱' }).waitFor();
    expect(await page.locator('.outbox-item[data-state=waiting]').count()).toBe(1);
    expect(await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)).toBeLessThanOrEqual(0);
    await e2e.shot(page, 'offline-outbox-zh-360');
    await context.close();
  });
});
