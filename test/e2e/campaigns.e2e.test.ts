// The campaign screens as bureaus use them, in Chromium: Nepal's officer finds the Nepal campaigns
// through filters kept in the address, records a new one past a first refused submit, and sees the
// summary's reach rise; another bureau reads a campaign it may not change; phones in Chinese.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { accessibilityViolations, type E2E, haveChromium, startE2E } from './harness.ts';

const NEPAL_TITLES = [
  'सुरक्षित वैदेशिक रोजगारी: radio messages on fake job offers',
  'Border-crossing outreach at Birgunj and Bhairahawa',
  'Pamphlets: how to check a job offer abroad',
];
const RADIO = NEPAL_TITLES[0]!;
const NEW_TITLE = 'Safe jobs abroad: talks in Pokhara schools';

describe.skipIf(!haveChromium)('campaigns in Chromium', () => {
  let e2e: E2E;
  let radioId = '';

  const figure = async (page: Page, name: string) => (await page.locator(`[data-figure=${name}] .figure-value`).textContent()) ?? '';
  const titles = (page: Page) => page.locator('tr[data-campaign] th').allTextContents();
  const overflow = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);

  beforeAll(async () => {
    e2e = await startE2E();
    const [operation] = await e2e.api<{ id: string }[]>('officer-np', '/api/operations');
    const { items } = await e2e.api<{ items: { id: string; title: string }[] }>('officer-np', `/api/operations/${operation!.id}/campaigns?limit=100`);
    radioId = items.find((c) => c.title === RADIO)!.id;
  }, 240_000);
  afterAll(() => e2e?.close());

  it('shows officer-np the Nepal campaigns, filtered by country and channel through the address', async () => {
    const { page, context } = await e2e.newPage({ locale: 'en-US' });
    await e2e.signIn(page, 'officer-np');
    await page.getByRole('link', { name: 'Campaigns' }).click();
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent(), { timeout: 20_000 }).toBe('Prevention campaigns');
    await page.locator('tr[data-campaign]').first().waitFor();
    expect(await titles(page)).toEqual(expect.arrayContaining(NEPAL_TITLES));
    expect(await figure(page, 'campaigns')).toBe('5');
    expect(await figure(page, 'reach')).toBe('276,600');
    expect(await page.getByRole('link', { name: 'New campaign' }).count()).toBe(1);
    // Places as written, in their own script; reach formatted; the channel translated.
    const radioRow = page.locator(`tr[data-campaign="${radioId}"]`);
    expect(await radioRow.textContent()).toContain('Radio Nepal, बिरगंज, धनगढी');
    expect(await radioRow.textContent()).toContain('250,000');
    expect(await radioRow.textContent()).toContain('Sep 1, 2023 – Oct 31, 2023');

    await page.locator('select[name=country]').selectOption('NP');
    await expect.poll(() => new URL(page.url()).searchParams.get('country'), { timeout: 20_000 }).toBe('NP');
    await expect.poll(async () => (await titles(page)).sort(), { timeout: 20_000 }).toEqual([...NEPAL_TITLES].sort());
    await expect.poll(() => figure(page, 'reach')).toBe('269,200');
    await e2e.shot(page, 'campaigns-en-1280');
    expect(await accessibilityViolations(page)).toEqual([]);

    await page.locator('select[name=channel]').selectOption('radio');
    await expect.poll(() => new URL(page.url()).searchParams.get('channel'), { timeout: 20_000 }).toBe('radio');
    await expect.poll(() => titles(page), { timeout: 20_000 }).toEqual([RADIO]);
    expect(await figure(page, 'campaigns')).toBe('1');
    // The breakdown has one line: Nepal, radio.
    expect(await page.locator('.campaign-breakdown tbody tr').allTextContents()).toEqual(['NepalRadio1250,000']);

    // A period with nothing in it says so, and the filters are still there to change.
    await page.getByLabel('Running on or after').fill('2024-01-01');
    await page.getByText('No campaign matches these filters.').waitFor();
    // An inverted period is pointed out next to the date, not sent.
    await page.getByLabel('Starting on or before').fill('2023-06-01');
    expect(await page.locator('#campaign-filter-to-error').textContent()).toContain('before');
    expect(await page.getByLabel('Starting on or before').getAttribute('aria-invalid')).toBe('true');
    await page.getByRole('button', { name: 'Clear filters' }).click();
    await expect.poll(() => new URL(page.url()).search).toBe('');
    await expect.poll(async () => (await titles(page)).length).toBe(5);
    await context.close();
  });

  it('records a campaign after a refused first submit, keeping what was typed', async () => {
    const { page, context } = await e2e.newPage({ locale: 'en-US', signedInAs: 'officer-np' });
    await page.goto(`${e2e.base}/campaigns`);
    await page.locator('tr[data-campaign]').first().waitFor();
    const reachBefore = Number((await figure(page, 'reach')).replaceAll(',', ''));
    await page.getByRole('link', { name: 'New campaign' }).click();
    await page.getByRole('heading', { level: 1, name: 'Record a campaign' }).waitFor();
    // The bureau's own country is the default.
    expect(await page.locator('select[name=country]').inputValue()).toBe('NP');

    // First submit: no title, and the end before the start.
    await page.getByLabel('Channel').selectOption('schools');
    await page.getByLabel('Place 1', { exact: true }).fill('पोखरा');
    await page.getByRole('button', { name: 'Add a place' }).click();
    await page.getByLabel('Place 2', { exact: true }).fill('Lekhnath');
    await page.getByLabel('Audience').fill('pupils in their last school year, and their parents');
    await page.getByLabel('Starts on').fill('2023-11-10');
    await page.getByLabel('Ends on').fill('2023-11-01');
    await page.getByLabel('People reached (estimate)').fill('1200');
    await page.getByRole('button', { name: 'Record campaign' }).click();

    const summary = page.getByRole('alert').filter({ hasText: 'The campaign was not saved' });
    await summary.waitFor();
    expect(await summary.textContent()).toContain('Title: Fill in this field.');
    expect(await summary.textContent()).toContain('Ends on: The end date is before the start date.');
    const title = page.locator('#campaign-title');
    expect(await title.getAttribute('aria-invalid')).toBe('true');
    expect(await title.getAttribute('aria-describedby')).toContain('campaign-title-error');
    expect(await page.locator('#campaign-title-error').textContent()).toContain('Fill in this field.');
    expect(await page.locator('#campaign-endsOn-error').textContent()).toContain('The end date is before the start date.');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('campaign-title');
    // Nothing typed is lost.
    expect(await page.getByLabel('Place 1', { exact: true }).inputValue()).toBe('पोखरा');
    expect(await page.getByLabel('Place 2', { exact: true }).inputValue()).toBe('Lekhnath');
    expect(await page.getByLabel('People reached (estimate)').inputValue()).toBe('1200');
    await e2e.shot(page, 'campaign-form-errors-en-1280');
    expect(await accessibilityViolations(page)).toEqual([]);

    // The server's refusal of a field is shown next to that field too.
    await title.fill(NEW_TITLE);
    await page.getByLabel('Ends on').fill('2023-11-30');
    await page.route('**/api/operations/*/campaigns', (route) =>
      route.request().method() === 'POST'
        ? route.fulfill({ status: 400, contentType: 'application/json', body: JSON.stringify({ error: 'invalid', message: 'a place needs a name', field: 'places.1' }) })
        : route.fallback(),
    );
    await page.getByRole('button', { name: 'Record campaign' }).click();
    await page.locator('#campaign-places-1-error', { hasText: 'a place needs a name' }).waitFor();
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('campaign-places-1');
    await page.unroute('**/api/operations/*/campaigns');

    const sent = page.waitForRequest((r) => r.method() === 'POST' && r.url().endsWith('/campaigns'));
    await page.getByRole('button', { name: 'Record campaign' }).click();
    expect((await sent).postDataJSON()).toEqual({
      title: NEW_TITLE,
      channel: 'schools',
      country: 'NP',
      places: ['पोखरा', 'Lekhnath'],
      audience: 'pupils in their last school year, and their parents',
      startsOn: '2023-11-10',
      endsOn: '2023-11-30',
      reach: 1200,
      sharing: 'operation',
    });
    await page.getByRole('status').filter({ hasText: `Campaign “${NEW_TITLE}” recorded.` }).waitFor();
    expect(new URL(page.url()).pathname).toBe('/campaigns');
    await page.locator('tr[data-campaign] th', { hasText: NEW_TITLE }).waitFor();
    await expect.poll(() => figure(page, 'reach')).toBe((reachBefore + 1200).toLocaleString('en-US'));
    expect(await figure(page, 'campaigns')).toBe('6');
    await e2e.shot(page, 'campaigns-recorded-en-1280');
    await context.close();
  });

  it('lets officer-np change only what changed, and shows others a read-only campaign', async () => {
    const { page, context } = await e2e.newPage({ locale: 'en-US', signedInAs: 'officer-np' });
    await page.goto(`${e2e.base}/campaigns/${radioId}`);
    await page.getByRole('heading', { level: 2, name: 'Change this campaign' }).waitFor();
    expect(await page.locator('#campaign-title').inputValue()).toBe(RADIO);
    // Saving what is already there sends nothing.
    await page.getByRole('button', { name: 'Save changes' }).click();
    await page.getByRole('status').filter({ hasText: 'Nothing has been changed yet.' }).waitFor();
    // Emptying the estimate removes it: the change sends `reach: null`.
    await page.getByLabel('People reached (estimate)').fill('');
    const removed = page.waitForRequest((r) => r.method() === 'PATCH');
    await page.getByRole('button', { name: 'Save changes' }).click();
    expect((await removed).postDataJSON()).toEqual({ reach: null });
    await page.getByRole('status').filter({ hasText: 'Changes saved.' }).waitFor();
    expect(await page.locator('#campaign-reach-error').count()).toBe(0);
    await page.getByLabel('People reached (estimate)').fill('260000');
    const sent = page.waitForRequest((r) => r.method() === 'PATCH');
    await page.getByRole('button', { name: 'Save changes' }).click();
    expect((await sent).postDataJSON()).toEqual({ reach: 260000 });
    await page.getByRole('status').filter({ hasText: 'Changes saved.' }).waitFor();
    await e2e.shot(page, 'campaign-edit-en-1280');
    await context.close();

    const other = await e2e.newPage({ locale: 'en-US', signedInAs: 'officer-in' });
    await other.page.goto(`${e2e.base}/campaigns/${radioId}`);
    await other.page.getByText('Only the bureau that runs this campaign can change it.').waitFor();
    expect(await other.page.getByRole('heading', { level: 1 }).textContent()).toBe(RADIO);
    expect(await other.page.locator('form input, form textarea').count()).toBe(0);
    const text = (await other.page.locator('main').textContent()) ?? '';
    expect(text).toContain('Radio Nepal, बिरगंज, धनगढी');
    expect(text).toContain('260,000');
    expect(text).toContain('Run by the bureau of Nepal');
    await e2e.shot(other.page, 'campaign-read-only-en-1280');
    expect(await accessibilityViolations(other.page)).toEqual([]);
    await other.page.setViewportSize({ width: 360, height: 900 });
    expect(await overflow(other.page)).toBeLessThanOrEqual(0);
    await e2e.shot(other.page, 'campaign-read-only-en-360');
    await other.context.close();
  });

  it('tells a bureau that a campaign kept from it does not exist, with a way back', async () => {
    const [operation] = await e2e.api<{ id: string }[]>('officer-np', '/api/operations');
    const { id } = await e2e.api<{ id: string }>('officer-np', `/api/operations/${operation!.id}/campaigns`, {
      method: 'POST',
      body: { title: 'Kept to Nepal', channel: 'radio', startsOn: '2023-12-01', endsOn: '2023-12-31', sharing: 'owner' },
    });
    const { page, context } = await e2e.newPage({ locale: 'en-US', signedInAs: 'officer-in' });
    await page.goto(`${e2e.base}/campaigns/${id}`);
    await page.getByRole('heading', { name: 'This campaign does not exist, or it is not shared with your bureau.' }).waitFor();
    await e2e.shot(page, 'campaign-not-found-en-1280');
    expect(await accessibilityViolations(page)).toEqual([]);
    await page.locator('[data-state=not-found]').getByRole('link', { name: 'All campaigns' }).click();
    await expect.poll(() => new URL(page.url()).pathname).toBe('/campaigns');
    // A field team member may read campaigns but not record one.
    const field = await e2e.newPage({ locale: 'en-US', signedInAs: 'field-np' });
    await field.page.goto(`${e2e.base}/campaigns`);
    await field.page.locator('tr[data-campaign]').first().waitFor();
    expect(await field.page.getByRole('link', { name: 'New campaign' }).count()).toBe(0);
    await field.page.goto(`${e2e.base}/campaigns/new`);
    await field.page.getByText('Your role cannot record campaigns.', { exact: false }).waitFor();
    await field.context.close();
    await context.close();
  });

  it('works at 360 px in Chinese', async () => {
    const { page, context } = await e2e.newPage({ width: 360, locale: 'zh-CN', signedInAs: 'officer-np' });
    await page.goto(`${e2e.base}/campaigns?country=NP`);
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent(), { timeout: 20_000 }).toBe('预防宣传活动');
    await page.locator('tr[data-campaign]').first().waitFor();
    expect(await page.locator('select[name=country]').inputValue()).toBe('NP');
    expect(await page.locator(`tr[data-campaign="${radioId}"]`).textContent()).toContain('广播');
    expect(await overflow(page)).toBeLessThanOrEqual(0);
    await e2e.shot(page, 'campaigns-zh-360');
    expect(await accessibilityViolations(page)).toEqual([]);

    await page.getByRole('link', { name: '新建宣传活动' }).click();
    await page.getByRole('heading', { level: 1, name: '记录宣传活动' }).waitFor();
    await page.getByLabel('地点 1', { exact: true }).fill('बिरगंज');
    await page.getByLabel('开始日期').fill('2023-11-10');
    await page.getByLabel('结束日期').fill('2023-11-01');
    await page.getByRole('button', { name: '记录宣传活动' }).click();
    await page.locator('#campaign-endsOn-error', { hasText: '结束日期早于开始日期。' }).waitFor();
    expect(await page.locator('#campaign-title-error').textContent()).toContain('请填写此项。');
    // Shared with chosen countries: each one listed, with a way to take it off again.
    await page.getByLabel('本机构及所选国家的机构').check();
    await page.locator('select[name=sharedWith]').selectOption('IN');
    await page.getByRole('button', { name: '删除印度' }).waitFor();
    expect(await overflow(page)).toBeLessThanOrEqual(0);
    await e2e.shot(page, 'campaign-form-zh-360');
    expect(await accessibilityViolations(page)).toEqual([]);
    await context.close();
  });
});
