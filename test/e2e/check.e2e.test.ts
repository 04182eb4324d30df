// The public job-offer checker in Chromium: no sign-in, the browser's language first, in English,
// Indonesian, Spanish and Chinese; red flags in the reader's language with their words marked in
// the pasted text; helplines per country with a placeholder where none is set; no request to any
// other host; nothing stored unless "report this offer" is chosen, and then one report for the
// bureau of the country picked.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_OPERATION_ID } from '../../src/demo/load.ts';
import { accessibilityViolations, type E2E, haveChromium, startE2E } from './harness.ts';
import { rowCounts, STORES_NOTHING_EXCEPT } from '../helpers/row-counts.ts';

const strings = (language: string) =>
  JSON.parse(readFileSync(resolve(import.meta.dirname, `../../web/src/locales/${language}/check.json`), 'utf8')).check as {
    title: string;
    level: Record<string, string>;
    flags: Record<string, { label: string }>;
    noHelpline: string;
  };

const OFFERS = [
  {
    locale: 'en-US',
    language: 'en',
    width: 1280,
    text: 'URGENT! Customer service staff wanted in Sihanoukville, Cambodia. Salary USD 3,000 per month, no experience needed. Free flight ticket, visa and accommodation. Contact us only on Telegram @hr_kh_jobs and send your passport copy.',
  },
  {
    locale: 'id-ID',
    language: 'id',
    width: 360,
    text: 'Dibutuhkan segera! Lowongan customer service di Kamboja, gaji 25 juta per bulan, tanpa pengalaman. Tiket pesawat dan visa ditanggung perusahaan. Hubungi via WhatsApp saja, kirim foto paspor.',
  },
  {
    locale: 'es-ES',
    language: 'es',
    width: 360,
    text: '¡Urgente! Buscamos personal de atención al cliente en Camboya. Sueldo de 3.000 dólares al mes, sin experiencia. Pasaje, visa y alojamiento pagados. Contacto solo por Telegram. Envía copia de tu pasaporte.',
  },
  {
    locale: 'zh-CN',
    language: 'zh',
    width: 360,
    text: '急招！柬埔寨西港高薪客服，月薪8000美元，无需经验，包机票包吃住，飞机联系 @kh_hr，请先发护照照片。',
  },
];


/** Every URL the page asks for, to check that none leaves for another host. */
function recordRequests(page: Page) {
  const urls: string[] = [];
  page.on('request', (request) => urls.push(request.url()));
  return urls;
}

describe.skipIf(!haveChromium)('the public job-offer checker in Chromium', () => {
  let e2e: E2E;

  beforeAll(async () => {
    e2e = await startE2E();
  }, 240_000);
  afterAll(() => e2e?.close());

  for (const offer of OFFERS) {
    it(`checks an offer in ${offer.locale} at ${offer.width} px without sign-in, storing nothing and asking no other host`, async () => {
      const text = strings(offer.language);
      const before = await rowCounts(e2e.database, STORES_NOTHING_EXCEPT);
      const { page, context } = await e2e.newPage({ locale: offer.locale, width: offer.width });
      const urls = recordRequests(page);
      await page.goto(`${e2e.base}/check`);
      await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent(), { timeout: 20_000 }).toBe(text.title);
      expect(await page.evaluate(() => document.documentElement.lang)).toBe(offer.language);
      await page.locator('textarea[name=text]').fill(offer.text);
      await page.locator('form button[type=submit]').click();
      const verdict = page.locator('section.verdict');
      await verdict.waitFor({ timeout: 20_000 });
      expect(await verdict.getAttribute('class')).toContain('verdict-high');
      expect(await verdict.locator('.level').textContent()).toBe(text.level.high);
      // Flags named in the reader's language, their words marked in the pasted text, which stays as written.
      const labels = await verdict.locator('.flags .flag strong').allTextContents();
      expect(labels.length).toBeGreaterThanOrEqual(4);
      for (const label of labels) expect(Object.values(text.flags).map((f) => f.label)).toContain(label);
      expect(await verdict.locator('.offer-text mark').count()).toBeGreaterThanOrEqual(3);
      expect(await verdict.locator('.offer-text').textContent()).toBe(offer.text);
      // A country with a helpline, and one without, which gets the placeholder.
      await verdict.locator('.next-steps select').selectOption('TH');
      await expect.poll(() => verdict.locator('.helplines').textContent()).toContain('1300');
      await e2e.shot(page, `check-${offer.language}-${offer.width}`);
      expect(await accessibilityViolations(page)).toEqual([]);
      await verdict.locator('.next-steps select').selectOption('KE');
      await expect.poll(() => verdict.locator('.helplines').textContent()).toBe(text.noHelpline.replace('{{country}}', await verdict.locator('.next-steps select option:checked').textContent() ?? ''));
      if (offer.width === 360) expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
      const elsewhere = urls.filter((u) => !u.startsWith(`${e2e.base}/`) && !u.startsWith('data:'));
      expect(elsewhere).toEqual([]);
      expect(urls.some((u) => u === `${e2e.base}/api/public/check`)).toBe(true);
      await context.close();
      expect(await rowCounts(e2e.database, STORES_NOTHING_EXCEPT)).toEqual(before);
    });
  }

  it('reports an offer only when asked, to the bureau of the country picked, who then sees it', async () => {
    const { page, context } = await e2e.newPage({ locale: 'en-US', width: 360 });
    await page.goto(`${e2e.base}/check`);
    await page.locator('textarea[name=text]').fill(OFFERS[0]!.text);
    await page.getByRole('button', { name: 'Check this offer' }).click();
    await page.locator('section.verdict').waitFor({ timeout: 20_000 });
    await page.getByLabel('Your country').selectOption('TH');
    await page.getByRole('button', { name: 'Report this offer' }).click();
    await page.getByLabel('A phone number or e-mail to reach you (optional)').fill('+66 81 000 0000');
    await page.getByRole('button', { name: /^Send to / }).click();
    const done = page.getByRole('status');
    await expect.poll(() => done.textContent(), { timeout: 20_000 }).toMatch(/Your reference: [0-9A-F]{8}\./);
    await e2e.shot(page, 'check-reported-en-360');
    const reference = (await done.textContent())?.match(/([0-9A-F]{8})\.$/)?.[1];
    const reports = await e2e.api<{ items: { reference: string; country: string; contact: string; level: string }[] }>(
      'officer-th',
      `/api/operations/${DEMO_OPERATION_ID}/public-reports`,
    );
    expect(reports.items).toEqual([expect.objectContaining({ reference, country: 'TH', contact: '+66 81 000 0000', level: 'high' })]);
    const other = await e2e.api<{ items: unknown[] }>('officer-in', `/api/operations/${DEMO_OPERATION_ID}/public-reports`);
    expect(other.items).toEqual([]);
    await context.close();

    // Thailand's officer finds it under Ad screening and marks it reviewed.
    const officer = await e2e.newPage({ locale: 'en-US', width: 1280 });
    await e2e.signIn(officer.page, 'officer-th');
    await officer.page.getByRole('link', { name: 'Ad screening' }).click();
    await officer.page.getByRole('link', { name: 'Offers reported by the public' }).click();
    const card = officer.page.locator(`[data-report="${reference}"]`);
    await card.waitFor({ timeout: 20_000 });
    expect(await card.textContent()).toContain('+66 81 000 0000');
    await card.getByRole('button', { name: 'Mark reviewed' }).click();
    await expect.poll(() => card.textContent(), { timeout: 20_000 }).toContain('Reviewed');
    await e2e.shot(officer.page, 'screening-reports-en-1280');
    expect(await accessibilityViolations(officer.page)).toEqual([]);
    await officer.context.close();
  });

  it('lets an officer screen an ad with the model’s part, in Chinese at 360 px', async () => {
    const { page, context } = await e2e.newPage({ locale: 'zh-CN', width: 360, signedInAs: 'officer-id' });
    await page.goto(`${e2e.base}/screening`);
    await page.locator('textarea[name=text]').fill(OFFERS[0]!.text);
    await page.locator('form button[type=submit]').click();
    const verdict = page.locator('section.verdict');
    await verdict.waitFor({ timeout: 20_000 });
    expect(await verdict.locator('.level').textContent()).toBe(strings('zh').level.high);
    expect(await verdict.locator('.flag-table tbody tr').count()).toBeGreaterThanOrEqual(4);
    expect(await verdict.locator('.offer-text mark').count()).toBeGreaterThanOrEqual(3);
    await e2e.shot(page, 'screening-zh-360');
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
    expect(await accessibilityViolations(page)).toEqual([]);
    await context.close();
  });
});
