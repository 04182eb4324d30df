// The dashboard as people use it, in Chromium: sign in, see the operation's figures, change the
// language, follow a victim route on the map, and meet the page that says a session ended.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { accessibilityViolations, type E2E, haveChromium, startE2E } from './harness.ts';

describe.skipIf(!haveChromium)('dashboard in Chromium', () => {
  let e2e: E2E;
  beforeAll(async () => {
    e2e = await startE2E();
  }, 240_000);
  afterAll(() => e2e?.close());

  it('shows the coordinator 281 arrests, in English and in Indonesian', async () => {
    const { page, context } = await e2e.newPage({ locale: 'en-US' });
    await e2e.signIn(page, 'coordinator');
    const arrests = page.locator('[data-figure=arrests] .figure-value');
    await expect.poll(() => arrests.textContent(), { timeout: 20_000 }).toBe('281');
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent(), { timeout: 20_000 }).toBe('Operation dashboard');
    await e2e.shot(page, 'dashboard-en-1280');
    await page.getByLabel('Language').selectOption('id');
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent(), { timeout: 20_000 }).toBe('Dasbor operasi');
    expect(await page.getByRole('heading', { name: 'Penangkapan menurut tindak pidana' }).count()).toBe(1);
    expect(await page.getByRole('heading', { name: 'Hasil per negara' }).count()).toBe(1);
    expect(await page.locator('[data-figure=arrests] .figure-label').textContent()).toBe('Penangkapan');
    expect(await page.locator('html').getAttribute('lang')).toBe('id');
    await e2e.shot(page, 'dashboard-id-1280');
    await context.close();
  });

  it('draws the Uganda → UAE → Thailand → Myanmar route on the map', async () => {
    const { page, context } = await e2e.newPage();
    await e2e.signIn(page, 'coordinator');
    const route = page.locator('path.route[data-route="UG-AE-TH-MM"]');
    await route.waitFor();
    expect(await route.getAttribute('d')).toMatch(/^M[\d.]+,[\d.]+L/);
    await context.close();
  });

  it('works at 360 px in Chinese, with country names and numbers in Chinese', async () => {
    const { page, context } = await e2e.newPage({ width: 360, locale: 'zh-CN' });
    await e2e.signIn(page, 'coordinator');
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent(), { timeout: 20_000 }).toBe('行动仪表板');
    expect(await page.locator('[data-figure=inspections] .figure-value').textContent()).toBe('270,000');
    expect(await page.getByRole('rowheader', { name: '印度' }).count()).toBe(1);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    await e2e.shot(page, 'dashboard-zh-360');
    await context.close();
  });

  it('lets field-tr log an inspection in a few taps at 360 px, keeps it through a failed submit, and the count rises', async () => {
    const { page, context } = await e2e.newPage({ width: 360 });
    await e2e.signIn(page, 'field-tr');
    await page.getByRole('link', { name: 'Field entry' }).click();
    const totals = page.locator('.field-totals');
    await expect.poll(() => totals.textContent(), { timeout: 20_000 }).toMatch(/270,000 inspections/);
    // Saved without a hotspot: the API's schema, checked in the page, names the field.
    await page.getByRole('button', { name: 'Save' }).click();
    await page.locator('#field-hotspotId-error').filter({ hasText: 'Fill in this field.' }).waitFor();
    expect(await page.evaluate(() => document.activeElement?.getAttribute('name'))).toBe('hotspot');
    await page.getByLabel('Hotspot').selectOption({ index: 1 });
    await page.getByRole('button', { name: 'One more' }).click();
    await page.getByLabel('Notes').fill('Two travellers with one-way tickets paid by a "recruiter"');
    // The server stores the entry but its answer is lost on the way (a timeout at the checkpoint):
    // the page sends it again by itself with the same Idempotency-Key and counts it once.
    const keys: string[] = [];
    let lost = 0;
    await page.route('**/api/operations/*/inspections', async (route) => {
      keys.push(route.request().headers()['idempotency-key'] ?? '');
      if (lost++ > 0) return route.continue();
      await route.fetch();
      await route.abort('internetdisconnected');
    });
    await page.getByRole('button', { name: 'Save' }).click();
    await page.getByRole('status').filter({ hasText: 'Inspection saved.' }).waitFor();
    await expect.poll(() => totals.textContent(), { timeout: 20_000 }).toMatch(/270,001 inspections/);
    expect(keys).toHaveLength(2);
    expect(keys[0]).toMatch(/^[0-9a-f-]{36}$/);
    expect(keys[1]).toBe(keys[0]);
    const firstKey = keys[0];
    await page.unroute('**/api/operations/*/inspections');
    // The network stays down through every retry: the entry waits in the device's outbox (the
    // form is free for the next one) and is sent when the network is back, with the same key (the
    // server may have stored one of the tries).
    await page.getByRole('button', { name: 'One more' }).click();
    await page.getByLabel('Notes').fill('Two travellers with one-way tickets paid by a "recruiter"');
    keys.length = 0;
    await page.route('**/api/operations/*/inspections', (route) => {
      keys.push(route.request().headers()['idempotency-key'] ?? '');
      return route.abort('internetdisconnected');
    });
    await page.getByRole('button', { name: 'Save' }).click();
    await page.getByRole('status').filter({ hasText: 'Saved on this device' }).waitFor({ timeout: 20_000 });
    expect(await page.locator('a.device').getAttribute('data-unsent')).toBe('1');
    expect(await page.getByLabel('Notes').inputValue()).toBe('');
    await e2e.shot(page, 'field-entry-queued-en-360');
    await page.unroute('**/api/operations/*/inspections');
    await page.route('**/api/operations/*/inspections', (route) => {
      keys.push(route.request().headers()['idempotency-key'] ?? '');
      return route.continue();
    });
    await expect.poll(() => page.locator('a.device').getAttribute('data-unsent'), { timeout: 30_000 }).toBe('0');
    await expect.poll(() => totals.textContent(), { timeout: 20_000 }).toMatch(/270,002 inspections/);
    // Four tries (the first and three retries), then the outbox's next: one key, not the first entry's.
    expect(keys).toHaveLength(5);
    expect(new Set(keys).size).toBe(1);
    expect(keys[0]).not.toBe(firstKey);
    expect(await page.getByLabel('Notes').inputValue()).toBe('');
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    await e2e.shot(page, 'field-entry-en-360');
    expect(await accessibilityViolations(page)).toEqual([]);
    await context.close();
  });

  it('says plainly when the session has ended, and signs in again', async () => {
    const { page, context } = await e2e.newPage();
    await e2e.signIn(page, 'officer-in');
    await page.locator('[data-figure=arrests]').waitFor();
    // The server forgets the session (as at expiry); the next call answers 401.
    await page.evaluate(() => fetch('/api/auth/logout', { method: 'POST', headers: { authorization: `Bearer ${(JSON.parse(localStorage.getItem('cordon.session') ?? '{}') as { token?: string }).token}` } }));
    await page.reload();
    await page.getByRole('heading', { name: 'Your session has ended' }).waitFor();
    await e2e.shot(page, 'session-expired-en-1280');
    await page.getByRole('button', { name: 'Sign in again' }).click();
    await page.getByRole('heading', { name: 'Sign in to Cordon' }).waitFor();
    await context.close();
  });

  it('passes axe-core\'s WCAG A and AA checks on the sign-in page and the dashboard', async () => {
    const { page, context } = await e2e.newPage();
    await page.goto(`${e2e.base}/login`);
    await page.getByRole('heading', { name: 'Sign in to Cordon' }).waitFor();
    await e2e.shot(page, 'login-en-1280');
    expect(await accessibilityViolations(page)).toEqual([]);
    await e2e.signIn(page, 'coordinator');
    await page.locator('[data-figure=arrests]').waitFor();
    await page.locator('path.route').first().waitFor();
    expect(await accessibilityViolations(page)).toEqual([]);
    await context.close();
  });
});
