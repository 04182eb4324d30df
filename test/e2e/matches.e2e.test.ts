// "Possible same persons" as analysts and officers use it, in Chromium: the analyst confirms the
// recruiter recorded twice (Uganda's 'Annet K.', India's 'KYOMUHENDO Annet'), finds the match
// under confirmed after a reload and changes nothing by accident; India's officer, who may not
// see the Ugandan case, is told only that a hidden match exists and asks its holder; a field team
// is refused plainly; and the screen at 360 px in English and Chinese.
import { readFile } from 'node:fs/promises';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { accessibilityViolations, type E2E, haveChromium, startE2E } from './harness.ts';

const UGANDA = 'Annet K.';
const INDIA = 'KYOMUHENDO Annet';
const TELANGANA = 'Accountant from Telangana released after ransom';

describe.skipIf(!haveChromium)('person matches in Chromium', () => {
  let e2e: E2E;
  let operationId = '';
  let indiaAnnetId = '';

  const cards = (page: Page) => page.locator('li[data-match]');
  const annet = (page: Page) => cards(page).filter({ hasText: INDIA }).filter({ hasText: UGANDA });
  const heading = (page: Page) => page.getByRole('heading', { level: 1 }).textContent();
  const overflow = (page: Page) =>
    page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);

  beforeAll(async () => {
    e2e = await startE2E();
    const [operation] = await e2e.api<{ id: string }[]>('officer-in', '/api/operations');
    operationId = operation!.id;
    const cases = await e2e.api<{ items: { id: string; title: string }[] }>(
      'officer-in',
      `/api/operations/${operationId}/cases?limit=1000`,
    );
    const telangana = cases.items.find((c) => c.title === TELANGANA)!;
    const file = await e2e.api<{ persons: { id: string; name: string }[] }>(
      'officer-in',
      `/api/cases/${telangana.id}`,
    );
    indiaAnnetId = file.persons.find((p) => p.name === INDIA)!.id;
  }, 600_000);
  afterAll(() => e2e?.close());

  it('lets the analyst confirm the recruiter recorded twice, and finds it under confirmed after a reload', async () => {
    const { page, context } = await e2e.newPage({ locale: 'en-US', signedInAs: 'analyst' });
    await page.goto(`${e2e.base}/matches`);
    await expect.poll(() => heading(page), { timeout: 20_000 }).toBe('Possible same persons');
    expect(await page.getByRole('link', { name: 'To review' }).getAttribute('aria-current')).toBe('page');
    const card = annet(page);
    await card.waitFor({ timeout: 20_000 });
    expect(await card.getAttribute('data-status')).toBe('proposed');

    // Both persons side by side: role, case link, recording country, birth date, nationality.
    const uganda = card.locator('[data-side]').filter({ hasText: UGANDA });
    const india = card.locator('[data-side]').filter({ hasText: INDIA });
    expect(await uganda.textContent()).toContain('Recruiter');
    expect(await uganda.textContent()).toContain('Uganda');
    expect(await india.textContent()).toContain('Facilitator');
    expect(await india.textContent()).toContain('India');
    expect(await india.textContent()).toContain('May 14, 1988');
    expect(await india.getByRole('link', { name: TELANGANA }).getAttribute('href')).toMatch(
      /^\/cases\/[0-9a-f-]{36}$/,
    );

    // The score in words, and the explanation field by field with what agrees marked as such.
    expect(await card.locator('.match-score').textContent()).toMatch(/%.*almost certainly the same/);
    const passport = card.locator('[data-field="document"]');
    expect(await passport.getAttribute('data-agreement')).toBe('agrees');
    expect(await passport.textContent()).toMatch(/^✓AgreesIdentity document: exact, \+\d+\.\d$/);
    expect(await card.locator('[data-field="birthDate"]').textContent()).toMatch(
      /Date of birth: exact, \+\d+\.\d/,
    );

    // Running the model again says what it did, and proposes no pair stored before.
    await page.getByRole('button', { name: 'Run matching' }).click();
    const result = page.locator('.match-run-result');
    await expect
      .poll(() => result.textContent(), { timeout: 120_000 })
      .toMatch(/^Matching done: [\d,]+ persons compared, [\d,]+ candidate pairs, 0 new proposals \(/);

    await e2e.shot(page, 'matches-en-1280');
    expect(await accessibilityViolations(page)).toEqual([]);

    // Confirm with a note: the card changes in place, and the focus goes to what it now says.
    await card.getByRole('button', { name: 'Add a note' }).click();
    expect(await page.evaluate(() => document.activeElement?.tagName)).toBe('TEXTAREA');
    await card.getByLabel('Note (optional)').fill('Same passport UG B1234567; name written surname first.');
    const before = page.url();
    await card.getByRole('button', { name: 'Confirm: same person' }).click();
    await expect.poll(() => card.getAttribute('data-status'), { timeout: 20_000 }).toBe('confirmed');
    const decided = card.locator('.match-decided-by');
    expect(await decided.textContent()).toMatch(/Confirmed as the same person by analyst on /);
    expect(await page.evaluate(() => document.activeElement?.className)).toBe('match-decided-by');
    expect(await card.locator('.match-note').textContent()).toContain('Same passport UG B1234567');
    expect(page.url()).toBe(before);

    // Changing the decision offers the choices again; cancelling gives the focus back.
    await card.getByRole('button', { name: 'Change decision' }).click();
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Confirm: same person');
    await card.getByRole('button', { name: 'Cancel' }).click();
    await expect.poll(() => page.evaluate(() => document.activeElement?.textContent)).toBe('Change decision');
    expect(await card.getAttribute('data-status')).toBe('confirmed');

    // After a reload the match is no longer to review, and is under confirmed.
    await page.reload();
    await expect.poll(() => heading(page), { timeout: 20_000 }).toBe('Possible same persons');
    await page.locator('.match-panel .state, li[data-match]').first().waitFor({ timeout: 20_000 });
    expect(await annet(page).count()).toBe(0);
    await page.getByRole('link', { name: 'Confirmed' }).click();
    await expect
      .poll(() => new URL(page.url()).searchParams.get('status'), { timeout: 20_000 })
      .toBe('confirmed');
    await annet(page).waitFor({ timeout: 20_000 });
    expect(await annet(page).locator('.match-decided-by').textContent()).toContain('by analyst');
    await page.reload();
    await annet(page).waitFor({ timeout: 20_000 });
    expect(await page.getByRole('link', { name: 'Confirmed' }).getAttribute('aria-current')).toBe('page');
    await e2e.shot(page, 'matches-confirmed-en-1280');
    expect(await accessibilityViolations(page)).toEqual([]);
    await context.close();
  });

  it("tells India's officer only that its person matches someone in a record it may not see, and lets them ask", async () => {
    const { page, context } = await e2e.newPage({ locale: 'en-US', signedInAs: 'officer-in' });
    await page.goto(`${e2e.base}/matches?status=confirmed`);
    await expect.poll(() => heading(page), { timeout: 20_000 }).toBe('Possible same persons');
    const hidden = page.locator(`li[data-hidden-person="${indiaAnnetId}"]`);
    await hidden.waitFor({ timeout: 20_000 });
    // Neither the other person nor their case is told, in the list or in the hidden section.
    expect(await page.locator('main').textContent()).not.toContain(UGANDA);
    expect(await page.getByRole('button', { name: 'Run matching' }).count()).toBe(0);
    expect(await page.getByRole('heading', { name: 'Matches in records you may not see' }).count()).toBe(1);

    await hidden.getByRole('button', { name: 'Ask the holder of the other record' }).click();
    expect(await page.evaluate(() => document.activeElement?.tagName)).toBe('TEXTAREA');
    await hidden.getByRole('button', { name: 'Send request' }).click();
    await hidden.getByText('Write what you would like to know.').waitFor();
    expect(await hidden.getByLabel(/Your message/).getAttribute('aria-invalid')).toBe('true');
    await hidden
      .getByLabel(/Your message/)
      .fill('Our facilitator KYOMUHENDO Annet may be in your records. What do you hold on her?');
    await e2e.shot(page, 'matches-hidden-en-1280');
    expect(await accessibilityViolations(page)).toEqual([]);
    await hidden.getByRole('button', { name: 'Send request' }).click();
    const sent = hidden.locator('[data-sent-request]');
    await sent.waitFor({ timeout: 20_000 });
    expect(await sent.textContent()).toContain('Your request was sent to the holder of the other record.');
    expect(await page.evaluate(() => document.activeElement?.hasAttribute('data-sent-request'))).toBe(true);
    const link = sent.getByRole('link', { name: 'See it in Cooperation' });
    expect(await link.getAttribute('href')).toMatch(/^\/cooperation\?box=sent&open=[0-9a-f-]{36}$/);
    await link.click();
    await expect.poll(() => new URL(page.url()).pathname, { timeout: 20_000 }).toBe('/cooperation');
    await context.close();
  });

  it('refuses a field team plainly', async () => {
    const { page, context } = await e2e.newPage({ locale: 'en-US', signedInAs: 'field-tr' });
    await page.goto(`${e2e.base}/matches`);
    await page
      .getByRole('heading', { name: 'Matches are not shown to your role' })
      .waitFor({ timeout: 20_000 });
    expect(await cards(page).count()).toBe(0);
    expect(await page.getByRole('button', { name: 'Run matching' }).count()).toBe(0);
    expect(await page.getByRole('link', { name: 'Back to the dashboard' }).count()).toBe(1);
    expect(await accessibilityViolations(page)).toEqual([]);
    await context.close();
  });

  it('exports the operation as a background job: it shows its progress, then its file downloads', async () => {
    const { page, context } = await e2e.newPage({ locale: 'en-US', signedInAs: 'analyst' });
    await page.goto(`${e2e.base}/jobs`);
    await expect.poll(() => heading(page), { timeout: 20_000 }).toBe('Exports and background jobs');
    await page.getByRole('button', { name: 'Cases (FollowTheMoney)' }).click();
    const card = page.locator('.job-card').filter({ hasText: 'Cases, persons and identifiers (FollowTheMoney)' }).first();
    await card.getByText('Done', { exact: true }).waitFor({ timeout: 60_000 });
    expect(await card.textContent()).toContain('by analyst');
    const [file] = await Promise.all([
      page.waitForEvent('download'),
      card.getByRole('button', { name: 'Download the file' }).click(),
    ]);
    expect(file.suggestedFilename()).toBe(`ftm-${operationId}.jsonl`);
    const entities = (await readFile(await file.path(), 'utf8'))
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line) as { schema: string; properties: Record<string, string[]> });
    expect(entities.filter((e) => e.schema === 'Person').length).toBeGreaterThan(10);
    // What the analyst may see: the Ugandan recruiter's case is shared with the secretariat.
    expect(entities.some((e) => e.schema === 'Person' && e.properties.name?.includes(UGANDA))).toBe(true);
    await e2e.shot(page, 'jobs-en-1280');
    expect(await accessibilityViolations(page)).toEqual([]);
    await context.close();
  });

  it('shows the jobs at 360 px in Chinese, with nothing left in English', async () => {
    const { page, context } = await e2e.newPage({ width: 360, locale: 'zh-CN', signedInAs: 'analyst' });
    await page.goto(`${e2e.base}/jobs`);
    await expect.poll(() => heading(page), { timeout: 20_000 }).toBe('导出与后台任务');
    await page.locator('.job-card').first().getByText('已完成', { exact: true }).waitFor({ timeout: 20_000 });
    expect(await overflow(page)).toBeLessThanOrEqual(0);
    const text = (await page.locator('main').textContent()) ?? '';
    for (const english of ['Done', 'Download', 'Started', 'Export the operation', 'Victims']) expect(text).not.toContain(english);
    await e2e.shot(page, 'jobs-zh-360');
    expect(await accessibilityViolations(page)).toEqual([]);
    await context.close();
  });

  for (const [locale, title, confirmed] of [
    ['en-US', 'Possible same persons', 'Confirmed'],
    ['zh-CN', '可能为同一人', '已确认'],
  ] as const) {
    it(`works at 360 px in ${locale}`, async () => {
      const { page, context } = await e2e.newPage({ width: 360, locale, signedInAs: 'analyst' });
      await page.goto(`${e2e.base}/matches?status=confirmed`);
      await expect.poll(() => heading(page), { timeout: 20_000 }).toBe(title);
      await annet(page).waitFor({ timeout: 20_000 });
      expect(
        await page.getByRole('link', { name: confirmed, exact: true }).getAttribute('aria-current'),
      ).toBe('page');
      // The two persons stack: one above the other, each as wide as the card allows.
      const [left, right] = await annet(page)
        .locator('[data-side]')
        .evaluateAll((els) => els.map((e) => e.getBoundingClientRect().toJSON() as DOMRect));
      expect(right!.top).toBeGreaterThanOrEqual(left!.bottom);
      expect(await overflow(page)).toBeLessThanOrEqual(0);
      if (locale === 'zh-CN') {
        // Names and case titles stay as written; none of the screen's own words is left in English.
        const text = (await page.locator('main').textContent()) ?? '';
        for (const english of [
          'Confirmed',
          'To review',
          'Date of birth',
          'Recorded by',
          'Agrees',
          'Change decision',
          'Why the model',
        ]) {
          expect(text).not.toContain(english);
        }
        expect(text).toContain(INDIA);
      }
      await e2e.shot(page, `matches-${locale.slice(0, 2)}-360`);
      expect(await accessibilityViolations(page)).toEqual([]);
      await context.close();
    });
  }
});
