// The case screens as officers use them, in Chromium: find a case through the filtered list, read
// it with the child victim masked for a bureau that may not see her, and meet the not-found page
// for a case that is not shared with the reader.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { accessibilityViolations, type E2E, haveChromium, startE2E } from './harness.ts';

const NARRATIVE = 'Two Nepali women rescued in New Delhi and returned home';

describe.skipIf(!haveChromium)('cases in Chromium', () => {
  let e2e: E2E;
  let narrativeId = '';
  let ownerOnlyId = '';

  beforeAll(async () => {
    e2e = await startE2E();
    type Item = { id: string; title: string; sharing: string; ownerCountry: string };
    const casesOf = async (username: string) => {
      const [operation] = await e2e.api<{ id: string }[]>(username, '/api/operations');
      return (await e2e.api<{ items: Item[] }>(username, `/api/operations/${operation!.id}/cases?limit=1000`)).items;
    };
    const nepal = await casesOf('officer-np');
    narrativeId = nepal.find((c) => c.title === NARRATIVE)!.id;
    // A Nepal case that Nepal keeps to itself (not shared with India).
    ownerOnlyId = nepal.find((c) => c.sharing === 'owner' && c.ownerCountry === 'NP')?.id ?? '';
    expect(ownerOnlyId).not.toBe('');
  }, 240_000);
  afterAll(() => e2e?.close());

  it('lets officer-in find the Nepal case in the list and read it with the child masked', async () => {
    const { page, context } = await e2e.newPage({ locale: 'en-US' });
    await e2e.signIn(page, 'officer-in');
    await page.getByRole('link', { name: 'Cases' }).click();
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent(), { timeout: 20_000 }).toBe('Cases');
    await page.locator('tr[data-case]').first().waitFor();
    await e2e.shot(page, 'cases-en-1280');
    // Filters live in the address.
    await page.getByLabel('Words in the title').fill('Nepali');
    await page.getByRole('button', { name: 'Search' }).click();
    await expect.poll(() => new URL(page.url()).searchParams.get('q'), { timeout: 20_000 }).toBe('Nepali');
    await page.getByLabel('Country on the route').selectOption('IN');
    await expect.poll(() => new URL(page.url()).searchParams.get('country'), { timeout: 20_000 }).toBe('IN');
    // Only cases with "Nepali" in the title and India on the route are left.
    await expect
      .poll(async () => {
        const titles = await page.locator('tr[data-case] th').allTextContents();
        return titles.length > 0 && titles.every((title) => title.includes('Nepali'));
      })
      .toBe(true);
    await page.getByRole('link', { name: NARRATIVE }).click();
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent(), { timeout: 20_000 }).toBe(NARRATIVE);
    expect(new URL(page.url()).pathname).toBe(`/cases/${narrativeId}`);
    // The 17-year-old is masked; the adult victim is named.
    await page.getByText('Identity masked: child victim').first().waitFor();
    expect(await page.locator('[data-masked=true]').count()).toBe(1);
    const text = (await page.locator('main').textContent()) ?? '';
    expect(text).not.toContain('सीता');
    expect(text).toContain('माया गुरुङ');
    // The journey as a timeline, and as a route on the map.
    const steps = await page.locator('.timeline [data-step]').evaluateAll((els) => els.map((e) => e.getAttribute('data-step')));
    expect(steps).toEqual(['recruitment', 'leg', 'leg', 'exploitation', 'exit', 'returnHome']);
    expect(text).toContain('Birgunj, Nepal → Raxaul, India');
    expect(text).toContain('Rescued in India');
    await page.locator('path.route[data-route="NP-IN-NP"]').waitFor();
    expect(await page.locator('[data-sharing=listed]').textContent()).toBe('Shared with: India');
    await e2e.shot(page, 'case-en-1280');
    expect(await accessibilityViolations(page)).toEqual([]);
    await context.close();
  });

  it('shows officer-np, whose bureau owns the case, the child victim\'s name', async () => {
    const { page, context } = await e2e.newPage({ signedInAs: 'officer-np' });
    await page.goto(`${e2e.base}/cases/${narrativeId}`);
    await page.locator('.person-name', { hasText: 'सीता तामाङ' }).waitFor();
    expect(await page.locator('[data-masked=true]').count()).toBe(0);
    expect(await page.getByText('Identity masked: child victim').count()).toBe(0);
    // The case's cooperation: Nepal's request to India, read in place; and a way to send another.
    const requests = page.locator('#case-cooperation').locator('xpath=ancestor::section[1]').locator('[data-request]');
    await expect.poll(() => requests.count(), { timeout: 20_000 }).toBe(1);
    expect(await requests.first().getAttribute('data-priority')).toBe('urgent');
    await requests.first().getByRole('button', { name: /Two Nepali women/ }).click();
    await expect.poll(() => requests.first().locator('[data-message]').count(), { timeout: 20_000 }).toBeGreaterThan(1);
    await page.getByRole('link', { name: 'Send a request about this case' }).waitFor();
    await e2e.shot(page, 'case-cooperation-en-1280');
    await context.close();
  });

  it("links the recruiter's number across the Uganda and India cases, and tells India only that Uganda's record exists", async () => {
    type Item = { id: string; title: string };
    const [operation] = await e2e.api<{ id: string }[]>('officer-ug', '/api/operations');
    const find = async (user: string, q: string) =>
      (await e2e.api<{ items: Item[] }>(user, `/api/operations/${operation!.id}/cases?q=${encodeURIComponent(q)}`)).items[0]!;
    const india = await find('officer-in', 'Telangana');
    const uganda = await find('officer-ug', 'Ugandans');
    // Uganda shares its case with the UAE, Thailand, Myanmar and France, not India.
    const { page, context } = await e2e.newPage({ signedInAs: 'officer-in' });
    await page.goto(`${e2e.base}/cases/${india.id}`);
    const recruiter = page.locator('[data-entity=phone]', { hasText: '+256772000111' });
    await recruiter.waitFor({ timeout: 20_000 });
    expect(await recruiter.getAttribute('data-hidden-match')).toBe('true');
    expect(await recruiter.textContent()).toContain('not shared with yours');
    expect(await page.locator('#case-entities').locator('xpath=ancestor::section[1]').textContent()).not.toContain('Ugandans');
    await e2e.shot(page, 'case-entities-hidden-en-1280');
    await e2e.signIn(page, 'officer-ug');
    await page.goto(`${e2e.base}/cases/${uganda.id}`);
    const same = page.locator('[data-entity=phone]', { hasText: '+256772000111' });
    await same.waitFor({ timeout: 20_000 });
    await same.getByRole('link', { name: india.title }).waitFor();
    expect(await accessibilityViolations(page)).toEqual([]);
    await context.close();
  });

  it('tells officer-in that a case kept to its owner does not exist for them', async () => {
    const { page, context } = await e2e.newPage({ signedInAs: 'officer-in' });
    await page.goto(`${e2e.base}/cases/${ownerOnlyId}`);
    await page.getByRole('heading', { name: 'This case does not exist, or it is not shared with your bureau.' }).waitFor();
    await e2e.shot(page, 'case-not-found-en-1280');
    expect(await accessibilityViolations(page)).toEqual([]);
    await context.close();
  });

  it('works at 360 px in Chinese', async () => {
    const { page, context } = await e2e.newPage({ width: 360, locale: 'zh-CN', signedInAs: 'officer-in' });
    await page.goto(`${e2e.base}/cases?offence=human_trafficking`);
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent(), { timeout: 20_000 }).toBe('案件');
    await page.locator('tr[data-case]').first().waitFor();
    expect(await page.getByLabel('罪行').inputValue()).toBe('human_trafficking');
    let overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    await e2e.shot(page, 'cases-zh-360');
    await page.goto(`${e2e.base}/cases/${narrativeId}`);
    await page.getByText('身份已隐去：儿童受害人').first().waitFor();
    await page.locator('path.route').first().waitFor();
    await e2e.shot(page, 'case-zh-360');
    expect(await page.locator('main').textContent()).toContain('在印度，New Delhi遭受性剥削');
    overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    await e2e.shot(page, 'case-zh-360');
    await context.close();
  });
});
