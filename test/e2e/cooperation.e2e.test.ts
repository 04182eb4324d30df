// The cooperation inbox as officers use it, in Chromium: India reads the requests sent to it,
// urgent first, and answers one in place; Nepal sends one about its case through a failed first
// attempt; and the same screens at 360 px in Chinese.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { accessibilityViolations, type E2E, haveChromium, startE2E } from './harness.ts';

const BANGLADESH = 'Missing boy, 13, believed taken across Benapole–Petrapole to Kolkata';
const NEPAL = 'Two Nepali women held in New Delhi, one aged 17';
const TELANGANA = 'Recruiters of an accountant from Telangana held in the Golden Triangle SEZ';
const NARRATIVE = 'Two Nepali women rescued in New Delhi and returned home';

describe.skipIf(!haveChromium)('cooperation in Chromium', () => {
  let e2e: E2E;
  let narrativeId = '';

  const rows = (page: Page) => page.locator('li[data-request]');
  const row = (page: Page, subject: string) => rows(page).filter({ has: page.getByRole('button', { name: subject }) });
  const overflow = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);

  beforeAll(async () => {
    e2e = await startE2E();
    const [operation] = await e2e.api<{ id: string }[]>('officer-np', '/api/operations');
    const cases = await e2e.api<{ items: { id: string; title: string }[] }>('officer-np', `/api/operations/${operation!.id}/cases?limit=1000`);
    narrativeId = cases.items.find((c) => c.title === NARRATIVE)!.id;
  }, 240_000);
  afterAll(() => e2e?.close());

  it('shows officer-in the requests India received, urgent first, and lets them answer in place', async () => {
    const { page, context } = await e2e.newPage({ locale: 'en-US' });
    await e2e.signIn(page, 'officer-in');
    await page.getByRole('link', { name: 'Cooperation' }).click();
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent(), { timeout: 20_000 }).toBe('Cooperation requests');
    await rows(page).first().waitFor();
    expect(await page.getByRole('link', { name: 'Received' }).getAttribute('aria-current')).toBe('page');
    const subjects = await rows(page).locator('.coop-subject').allTextContents();
    expect(subjects).toContain(BANGLADESH);
    expect(subjects).toContain(NEPAL);
    // Urgent first, in the API's order: no normal request above an urgent one.
    const priorities = await rows(page).evaluateAll((els) => els.map((e) => e.getAttribute('data-priority')));
    expect(priorities.indexOf('normal') === -1 || priorities.lastIndexOf('urgent') < priorities.indexOf('normal')).toBe(true);
    expect(await row(page, BANGLADESH).locator('.coop-route').textContent()).toContain('Bangladesh → India');

    // Open the Bangladesh request: its thread shows in place, with India's answer after 3.3 h.
    const bangladesh = row(page, BANGLADESH);
    const toggle = bangladesh.getByRole('button', { name: BANGLADESH });
    await page.evaluate(() => Object.assign(window, { samePage: true }));
    const before = page.url();
    await toggle.click();
    expect(await toggle.getAttribute('aria-expanded')).toBe('true');
    await expect.poll(() => bangladesh.locator('.coop-messages > li').count(), { timeout: 20_000 }).toBe(2);
    expect(await bangladesh.locator('.coop-addressees').textContent()).toContain('India answered after 3.3 h');
    expect(await bangladesh.locator('[data-messages]').textContent()).toBe('2 messages');

    // A first attempt with nothing written is refused next to the box.
    await bangladesh.getByRole('button', { name: 'Send message' }).click();
    await bangladesh.getByText('Fill in this field.').waitFor();
    expect(await bangladesh.getByLabel('Your message').getAttribute('aria-invalid')).toBe('true');

    const answer = 'The boy is safe in a Kolkata shelter.\nCall the duty desk for the handover.';
    await bangladesh.getByLabel('Your message').fill(answer);
    await bangladesh.getByRole('button', { name: 'Send message' }).click();
    await expect.poll(() => bangladesh.locator('.coop-messages > li').count(), { timeout: 20_000 }).toBe(3);
    const last = bangladesh.locator('.coop-messages > li').last();
    expect(await last.locator('.coop-message-body').textContent()).toBe(answer);
    expect(await last.locator('.coop-message-head').textContent()).toContain('officer-in');
    await expect.poll(() => bangladesh.locator('[data-messages]').textContent(), { timeout: 20_000 }).toBe('3 messages');
    expect(await bangladesh.getByLabel('Your message').inputValue()).toBe('');
    await bangladesh.getByText('Your message was added to the thread.').waitFor();
    // No page change: same address, same document.
    expect(page.url()).toBe(before);
    expect(await page.evaluate(() => (window as unknown as { samePage?: boolean }).samePage)).toBe(true);
    // India was asked, not the sender: it may not close the request.
    expect(await bangladesh.getByRole('button', { name: 'Close request' }).count()).toBe(0);

    await e2e.shot(page, 'cooperation-inbox-en-1280');
    expect(await accessibilityViolations(page)).toEqual([]);

    // The Sent tab: India's request to Thailand and Laos, kept in the address with the status filter.
    await page.getByRole('link', { name: 'Sent' }).click();
    await expect.poll(() => new URL(page.url()).searchParams.get('box'), { timeout: 20_000 }).toBe('sent');
    await row(page, TELANGANA).waitFor();
    expect(await rows(page).locator('.coop-subject').allTextContents()).toEqual([TELANGANA]);
    expect(await row(page, TELANGANA).locator('.coop-route').textContent()).toMatch(/India → Lao.*, Thailand/);
    await page.getByLabel('Status').selectOption('closed');
    await expect.poll(() => new URL(page.url()).searchParams.get('status'), { timeout: 20_000 }).toBe('closed');
    await page.getByText('No request has this status.', { exact: false }).waitFor();
    await context.close();
  });

  it('lets officer-np send a request to India about its case after a failed first attempt', async () => {
    const { page, context } = await e2e.newPage({ locale: 'en-US', signedInAs: 'officer-np' });
    await page.goto(`${e2e.base}/cooperation/new?case=${narrativeId}`);
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent(), { timeout: 20_000 }).toBe('New cooperation request');
    await page.getByRole('link', { name: NARRATIVE }).waitFor();
    // Nepal's own bureau is not offered.
    const offered = await page.locator('#coop-to .coop-bureau > span').allTextContents();
    expect(offered).toContain('India');
    expect(offered).not.toContain('Nepal');
    expect(offered.length).toBeGreaterThan(10);

    const subject = 'Recruiter of the two women seen again in Raxaul';
    await page.getByLabel('Subject').fill(subject);
    await page.getByRole('button', { name: 'Send request' }).click();
    const summary = page.getByRole('alert').filter({ hasText: 'Check the fields marked below.' });
    await summary.waitFor();
    expect(await page.locator('#coop-to-error').textContent()).toBe('Choose at least 1.');
    expect(await page.locator('#coop-message-error').textContent()).toBe('Fill in this field.');
    expect(await page.getByLabel('Message', { exact: true }).getAttribute('aria-invalid')).toBe('true');
    expect(await page.getByLabel('Message', { exact: true }).getAttribute('aria-describedby')).toContain('coop-message-error');
    // The first field in error has the focus; what was typed is kept.
    expect(await page.evaluate(() => (document.activeElement as HTMLInputElement | null)?.type)).toBe('checkbox');
    expect(await page.getByLabel('Subject').inputValue()).toBe(subject);
    await e2e.shot(page, 'cooperation-form-errors-en-1280');
    expect(await accessibilityViolations(page)).toEqual([]);

    await page.getByLabel('Find a country').fill('ind');
    await page.getByLabel(/^India/).check();
    await page.getByLabel('Find a country').fill('');
    expect(await page.locator('#coop-to-chosen').textContent()).toBe('Chosen: India');
    await page.getByLabel('Message', { exact: true }).fill('The recruiter was seen in Raxaul on 20 October.\nPlease check hotel registers.');
    await e2e.shot(page, 'cooperation-form-en-1280');
    await page.getByRole('button', { name: 'Send request' }).click();

    await expect.poll(() => new URL(page.url()).searchParams.get('box'), { timeout: 20_000 }).toBe('sent');
    const id = new URL(page.url()).searchParams.get('open')!;
    const notice = page.locator('.coop-notice');
    await notice.waitFor();
    expect(await notice.textContent()).toContain('Your request was sent to India.');
    // The case has a child victim: the request went as urgent, and the officer is told.
    expect(await notice.textContent()).toContain('Its priority was raised to urgent because the case has a child victim.');
    const created = page.locator(`li[data-request="${id}"]`);
    expect(await created.getAttribute('data-priority')).toBe('urgent');
    expect(await created.getByRole('button', { name: subject }).getAttribute('aria-expanded')).toBe('true');
    await created.locator('.coop-messages > li').first().waitFor();
    expect(await created.locator('.coop-message-body').first().textContent()).toContain('Please check hotel registers.');
    await e2e.shot(page, 'cooperation-sent-en-1280');
    // The sender may close it, after confirming.
    await created.getByRole('button', { name: 'Close request' }).click();
    await created.getByRole('button', { name: 'Yes, close it' }).click();
    await expect.poll(() => created.getAttribute('data-status'), { timeout: 20_000 }).toBe('closed');
    expect(await created.getByLabel('Your message').count()).toBe(0);
    await context.close();
  });

  it('shows a refusal from the server next to the field it concerns, keeping what was typed', async () => {
    const { page, context } = await e2e.newPage({ locale: 'en-US' });
    await e2e.signIn(page, 'officer-in');
    // India may read Nepal's case, but only Nepal's bureau may send requests about it.
    await page.goto(`${e2e.base}/cooperation/new?case=${narrativeId}`);
    await page.getByRole('link', { name: NARRATIVE }).waitFor();
    await page.getByLabel(/^Nepal/).check();
    await page.getByLabel('Subject').fill('Follow-up on the rescue');
    await page.getByLabel('Message', { exact: true }).fill('Both women are ready to travel home.');
    await page.getByRole('button', { name: 'Send request' }).click();
    await page.locator('#coop-caseId-error').waitFor();
    expect(await page.locator('#coop-caseId-error').textContent()).toBe(
      'Only officers of the bureau that owns this case may send a request about it.',
    );
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('coop-caseId');
    expect(await page.getByLabel('Message', { exact: true }).inputValue()).toBe('Both women are ready to travel home.');
    expect(new URL(page.url()).pathname).toBe('/cooperation/new');
    await context.close();
  });

  it('works at 360 px in Chinese', async () => {
    const { page, context } = await e2e.newPage({ width: 360, locale: 'zh-CN', signedInAs: 'officer-in' });
    await page.goto(`${e2e.base}/cooperation`);
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent(), { timeout: 20_000 }).toBe('合作请求');
    await row(page, NEPAL).waitFor();
    expect(await row(page, NEPAL).locator('.coop-route').textContent()).toContain('尼泊尔 → 印度');
    await row(page, NEPAL).getByRole('button', { name: NEPAL }).click();
    await row(page, NEPAL).locator('.coop-messages > li').nth(1).waitFor();
    await row(page, NEPAL).getByRole('button', { name: '发送消息' }).waitFor();
    expect(await overflow(page)).toBeLessThanOrEqual(0);
    // Free text stays as written; none of the screen's own words is left in English.
    const text = (await page.locator('main').textContent()) ?? '';
    for (const english of ['Received', 'Sent', 'Status', 'Urgent', 'Answered', 'messages', 'Your message', 'Open the case']) {
      expect(text).not.toContain(english);
    }
    await e2e.shot(page, 'cooperation-inbox-zh-360');
    expect(await accessibilityViolations(page)).toEqual([]);

    await page.getByRole('link', { name: '新建请求' }).click();
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent(), { timeout: 20_000 }).toBe('新建合作请求');
    await page.getByRole('button', { name: '发送请求' }).click();
    await page.locator('#coop-to-error').waitFor();
    expect(await page.locator('#coop-subject-error').textContent()).toBe('请填写此项。');
    expect(await overflow(page)).toBeLessThanOrEqual(0);
    await e2e.shot(page, 'cooperation-form-zh-360');
    expect(await accessibilityViolations(page)).toEqual([]);
    await context.close();
  });
});
