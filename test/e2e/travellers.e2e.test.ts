// Traveller screening in Chromium at 360 px: a Thai field officer of the demo picks a checkpoint,
// taps red flags, reads the risk as they tap, records an interception, and finds it among the
// operation's outcomes; the screen in Chinese; a role that does not screen is told so.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { accessibilityViolations, type E2E, haveChromium, startE2E } from './harness.ts';

interface Outcome {
  id: string;
  kind: string;
  hotspotId: string | null;
  persons: number;
}

describe.skipIf(!haveChromium)('traveller screening in Chromium', () => {
  let e2e: E2E;
  let operationId: string;

  beforeAll(async () => {
    e2e = await startE2E();
    operationId = (await e2e.api<{ id: string }[]>('field-th', '/api/operations'))[0]!.id;
  }, 240_000);
  afterAll(() => e2e?.close());

  const overflow = (page: import('playwright-core').Page) =>
    page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);

  it('screens a traveller at 360 px, records the interception, and it shows among the outcomes', async () => {
    const { page, context } = await e2e.newPage({ locale: 'en-US', width: 360 });
    await e2e.signIn(page, 'field-th');
    await page.getByRole('link', { name: 'Screen a traveller' }).click();
    await expect
      .poll(() => page.getByRole('heading', { level: 1 }).textContent(), { timeout: 20_000 })
      .toBe('Screen a traveller');

    // Only checkpoints are offered: airports, border crossings, seaports, bus terminals.
    const checkpoint = page.getByLabel('Checkpoint');
    await expect.poll(() => checkpoint.locator('option').count(), { timeout: 20_000 }).toBeGreaterThan(1);
    const offered = await checkpoint.locator('option').allTextContents();
    expect(offered.slice(1).every((o) => /Airport|Border crossing|Seaport|Bus terminal/.test(o))).toBe(true);
    const airport = checkpoint.locator('option', { hasText: /^Suvarnabhumi Airport · / });
    const hotspotId = (await airport.getAttribute('value'))!;
    await checkpoint.selectOption(hotspotId);

    const risk = page.locator('.risk');
    await expect.poll(() => risk.textContent()).toContain('Low risk');
    await page.getByRole('checkbox', { name: /Job offer abroad from a company nobody can find/ }).check();
    await page.getByRole('checkbox', { name: /One-way ticket/ }).check();
    await expect.poll(() => risk.getAttribute('data-level')).toBe('medium');
    expect(await risk.textContent()).toContain('second interview');
    await page.getByRole('checkbox', { name: /Passport held by a broker or escort/ }).check();
    await expect.poll(() => risk.textContent()).toContain('High risk');
    expect(await risk.textContent()).toContain('Score 9');
    expect(await risk.textContent()).toContain('intercept and refer to the anti-trafficking unit');
    expect(await overflow(page)).toBeLessThanOrEqual(0);
    await e2e.shot(page, 'screen-traveller-en-360');
    expect(await accessibilityViolations(page)).toEqual([]);

    await page.getByRole('button', { name: 'One more' }).click();
    await page.getByRole('button', { name: 'One more' }).click();
    expect(await page.getByLabel('Travellers intercepted together').inputValue()).toBe('3');
    await page.getByRole('button', { name: 'Record interception' }).click();
    await page
      .getByText('Interception recorded at Suvarnabhumi Airport. Travellers: 3.')
      .waitFor({ timeout: 20_000 });
    // The next traveller starts from a clean sheet at the same checkpoint.
    expect(await page.getByRole('checkbox', { checked: true }).count()).toBe(0);
    expect(await checkpoint.inputValue()).toBe(hotspotId);
    expect(await overflow(page)).toBeLessThanOrEqual(0);
    await e2e.shot(page, 'screen-traveller-recorded-en-360');
    expect(await accessibilityViolations(page)).toEqual([]);

    const screenings = await e2e.api<{
      items: { outcomeId: string; level: string; score: number; travellers: number }[];
    }>('field-th', `/api/operations/${operationId}/traveller-screenings?hotspot=${hotspotId}`);
    expect(screenings.items).toHaveLength(1);
    expect(screenings.items[0]).toMatchObject({ level: 'high', score: 9, travellers: 3 });
    const outcomes = await e2e.api<{ items: Outcome[] }>(
      'officer-th',
      `/api/operations/${operationId}/outcomes?kind=interception&hotspot=${hotspotId}`,
    );
    expect(outcomes.items.find((o) => o.id === screenings.items[0]!.outcomeId)).toMatchObject({
      kind: 'interception',
      hotspotId,
      persons: 3,
    });
    await context.close();
  });

  it('reads in Chinese at 360 px, red flags grouped, without scrolling sideways', async () => {
    const { page, context } = await e2e.newPage({ locale: 'zh-CN', width: 360, signedInAs: 'field-tr' });
    await page.goto(`${e2e.base}/screen-traveller`);
    await expect
      .poll(() => page.getByRole('heading', { level: 1 }).textContent(), { timeout: 20_000 })
      .toBe('旅客筛查');
    expect(await page.locator('fieldset.flag-group legend').allTextContents()).toEqual([
      '工作机会与招募',
      '机票、签证与路线',
      '护照与证件',
      '谁在控制',
      '未成年人',
    ]);
    await page.getByRole('checkbox', { name: /未成年人未经父母或监护人同意出行/ }).check();
    await expect.poll(() => page.locator('.risk').textContent()).toContain('移交儿童保护专员');
    expect(await overflow(page)).toBeLessThanOrEqual(0);
    await e2e.shot(page, 'screen-traveller-zh-360');
    expect(await accessibilityViolations(page)).toEqual([]);
    await context.close();
  });

  it('tells an analyst that their role does not screen travellers, and offers no link to it', async () => {
    const { page, context } = await e2e.newPage({ locale: 'en-US', width: 360 });
    await e2e.signIn(page, 'analyst');
    expect(await page.getByRole('link', { name: 'Screen a traveller' }).count()).toBe(0);
    await page.goto(`${e2e.base}/screen-traveller`);
    await page
      .getByText('Your role does not screen travellers.', { exact: false })
      .waitFor({ timeout: 20_000 });
    await context.close();
  });
});
