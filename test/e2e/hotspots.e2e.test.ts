// The hotspot screens in Chromium: the operation's hotspots on the map and in a paged list,
// filtered by country and kind; a hotspot's page with its inspections and outcomes; logging an
// entry from it; and the not-found page for a hotspot that is not there.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { accessibilityViolations, type E2E, haveChromium, startE2E } from './harness.ts';

describe.skipIf(!haveChromium)('hotspots in Chromium', () => {
  let e2e: E2E;

  beforeAll(async () => {
    e2e = await startE2E();
  }, 240_000);
  afterAll(() => e2e?.close());

  it('shows the hotspots on the map and a page at a time, filtered by country and kind', async () => {
    const { page, context } = await e2e.newPage({ locale: 'en-US' });
    await e2e.signIn(page, 'coordinator');
    await page.getByRole('link', { name: 'Hotspots' }).click();
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent(), { timeout: 20_000 }).toBe('Hotspots');
    // The demo's 450 hotspots: all on the map, 50 in the first page of the list.
    await expect.poll(() => page.locator('.world-map circle[data-point]').count(), { timeout: 20_000 }).toBe(450);
    await expect.poll(() => page.locator('tr[data-hotspot]').count()).toBe(50);
    await page.getByRole('button', { name: 'Show more hotspots' }).click();
    await expect.poll(() => page.locator('tr[data-hotspot]').count(), { timeout: 20_000 }).toBe(100);
    await e2e.shot(page, 'hotspots-en-1280');
    expect(await accessibilityViolations(page)).toEqual([]);

    await page.getByLabel('Country').selectOption('TR');
    await page.getByLabel('Kind of place').selectOption('coastline_sector');
    await expect.poll(() => new URL(page.url()).search, { timeout: 20_000 }).toBe('?country=TR&kind=coastline_sector');
    await expect
      .poll(
        async () => {
          const kinds = await page.locator('tr[data-hotspot] td[data-label="Kind"]').allTextContents();
          const countries = await page.locator('tr[data-hotspot] td[data-label="Country"]').allTextContents();
          return kinds.length > 0 && kinds.every((k) => k === 'Coastline sector') && countries.every((c) => c === 'Türkiye' || c === 'Turkey');
        },
        { timeout: 20_000 },
      )
      .toBe(true);
    const shown = await page.locator('tr[data-hotspot]').count();
    await expect.poll(() => page.locator('.world-map circle[data-point]').count()).toBe(shown);

    // A hotspot's page: where it is, and what was recorded there.
    const first = page.locator('tr[data-hotspot] th a').first();
    const name = (await first.textContent()) ?? '';
    await first.click();
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent(), { timeout: 20_000 }).toBe(name);
    await page.locator('.world-map circle.point-marked').waitFor();
    await expect.poll(() => page.locator('tr[data-inspection]').count(), { timeout: 20_000 }).toBeGreaterThan(0);
    expect(await page.locator('#hotspot-outcomes').count()).toBe(1);
    await e2e.shot(page, 'hotspot-en-1280');
    expect(await accessibilityViolations(page)).toEqual([]);
    await context.close();
  });

  it('pages through a busy hotspot’s inspections and shows its outcomes, in Chinese at 360 px', async () => {
    const { page, context } = await e2e.newPage({ locale: 'zh-CN', width: 360, signedInAs: 'officer-tr' });
    await page.goto(`${e2e.base}/hotspots?country=TR&kind=coastline_sector`);
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent(), { timeout: 20_000 }).toBe('热点');
    await page.locator('tr[data-hotspot]').first().waitFor();
    await page.locator('.world-map circle[data-point]').first().waitFor({ timeout: 20_000 });
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    await e2e.shot(page, 'hotspots-zh-360');
    // Turkish coast patrols intercepted migrants and apprehended smugglers at the coastline sectors.
    await page.locator('tr[data-hotspot] th a').first().click();
    await page.locator('tr[data-inspection]').first().waitFor({ timeout: 20_000 });
    await expect.poll(() => page.locator('tr[data-outcome]').count(), { timeout: 20_000 }).toBeGreaterThan(0);
    const before = await page.locator('tr[data-inspection]').count();
    expect(before).toBe(20);
    await page.getByRole('button', { name: '显示更多检查' }).click();
    await expect.poll(() => page.locator('tr[data-inspection]').count(), { timeout: 20_000 }).toBeGreaterThan(before);
    const pageOverflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(pageOverflow).toBeLessThanOrEqual(0);
    await e2e.shot(page, 'hotspot-zh-360');
    await context.close();
  });

  it('opens field entry with the hotspot chosen, and says when a hotspot is not there', async () => {
    const { page, context } = await e2e.newPage({ locale: 'en-US', width: 360, signedInAs: 'field-tr' });
    await page.goto(`${e2e.base}/hotspots?country=TR`);
    const first = page.locator('tr[data-hotspot]').first();
    await first.waitFor({ timeout: 20_000 });
    const id = await first.getAttribute('data-hotspot');
    await first.locator('th a').click();
    await page.getByRole('link', { name: 'Log an entry here' }).click();
    await expect.poll(() => page.getByLabel('Hotspot').inputValue(), { timeout: 20_000 }).toBe(id);

    await page.goto(`${e2e.base}/hotspots/00000000-0000-4000-8000-000000000000`);
    await page.getByText('This hotspot does not exist, or it is not shared with your bureau.').waitFor({ timeout: 20_000 });
    await page.getByRole('link', { name: 'All hotspots' }).waitFor();
    await e2e.shot(page, 'hotspot-not-found-en-360');
    await context.close();
  });
});
