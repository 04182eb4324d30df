// Identifiers and the link graph as officers use them, in Chromium: the graph of the Uganda and
// India cases tied by the recruiter's number (drawn, and listed for screen readers), an identifier's
// own page, a job ad added by hand, and a question sent to the bureau holding a record the sender
// may not see, which stays unnamed in the sender's Sent box.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { accessibilityViolations, type E2E, haveChromium, startE2E } from './harness.ts';

const RECRUITER = '+256772000111';

describe.skipIf(!haveChromium)('identifiers and the link graph in Chromium', () => {
  let e2e: E2E;
  let operationId = '';
  const ids = { india: '', uganda: '', recruiterUg: '' };
  const titles = { india: '', uganda: '' };

  beforeAll(async () => {
    e2e = await startE2E();
    type Item = { id: string; title: string };
    const [operation] = await e2e.api<{ id: string }[]>('officer-ug', '/api/operations');
    operationId = operation!.id;
    const find = async (user: string, q: string) =>
      (await e2e.api<{ items: Item[] }>(user, `/api/operations/${operationId}/cases?q=${encodeURIComponent(q)}`)).items[0]!;
    const india = await find('officer-in', 'Telangana');
    const uganda = await find('officer-ug', 'Ugandans');
    Object.assign(ids, { india: india.id, uganda: uganda.id });
    Object.assign(titles, { india: india.title, uganda: uganda.title });
    const entities = await e2e.api<{ entities: { id: string; value: string | null }[] }>('officer-ug', `/api/cases/${uganda.id}/entities`);
    ids.recruiterUg = entities.entities.find((e) => e.value === RECRUITER)!.id;
  }, 240_000);
  afterAll(() => e2e?.close());

  it('draws the graph of the Uganda case and lists its cases by country, Uganda and India', async () => {
    // Officer-in sees no case of another country tied to theirs (Uganda does not share its case
    // with India); Uganda's officer sees both ends of the recruiter's number.
    const { page, context } = await e2e.newPage({ signedInAs: 'officer-ug' });
    await page.goto(`${e2e.base}/cases/${ids.uganda}`);
    await page.getByRole('button', { name: 'Show the link graph' }).click();
    await page.locator('.link-graph-canvas canvas').first().waitFor({ timeout: 20_000 });
    const list = page.locator('.link-graph-list');
    await expect.poll(() => list.locator('[data-graph-country]').count(), { timeout: 20_000 }).toBeGreaterThanOrEqual(2);
    const countries = await list.locator('[data-graph-country]').evaluateAll((els) => els.map((e) => e.getAttribute('data-graph-country')));
    expect(countries).toEqual(expect.arrayContaining(['UG', 'IN']));
    const text = (await list.textContent()) ?? '';
    expect(text).toContain('Uganda');
    expect(text).toContain('India');
    await list.getByRole('link', { name: titles.india }).waitFor();
    await list.getByRole('link', { name: titles.uganda }).waitFor();
    expect(await page.locator('.graph-legend').textContent()).toContain('Case of India');
    await e2e.shot(page, 'entities-graph-en-1280');
    expect(await accessibilityViolations(page)).toEqual([]);

    // The recruiter's number has its own page, with its graph.
    await list.locator('[data-graph-country=IN]').getByRole('link', { name: /\+256/ }).first().click();
    await expect.poll(() => new URL(page.url()).pathname, { timeout: 20_000 }).toMatch(/^\/entities\//);
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent(), { timeout: 20_000 }).toContain('+256');
    await page.locator('.link-graph-canvas canvas').first().waitFor({ timeout: 20_000 });
    await page.locator('.link-graph-list').getByRole('link', { name: titles.india }).waitFor();
    await e2e.shot(page, 'entity-en-1280');
    expect(await accessibilityViolations(page)).toEqual([]);
    await context.close();
  });

  it('lets officer-in add a job ad, and ask the bureau holding the hidden record without learning which it is', async () => {
    const { page, context } = await e2e.newPage({ signedInAs: 'officer-in' });
    await page.goto(`${e2e.base}/cases/${ids.india}`);
    // A job ad added by hand.
    await page.getByRole('button', { name: 'Add an identifier' }).click();
    await page.getByRole('button', { name: 'Add identifier' }).click();
    // Checked before it is sent: the kind and the value are missing.
    await page.locator('#entity-add-kind-error').waitFor();
    await page.locator('#entity-add-value-error').waitFor();
    await page.getByLabel('Kind of identifier').selectOption('job_ad');
    await page.getByLabel('Text of the ad').fill('Data entry jobs in Bangkok, 1,200 USD a month, visa and flight paid');
    await page.getByLabel('Title of the ad').fill('Data entry, Bangkok');
    await page.getByLabel('Web address where it was posted').fill('https://jobs.example.com/ads/4411');
    await e2e.shot(page, 'entities-add-en-1280');
    await page.getByRole('button', { name: 'Add identifier' }).click();
    // The demo has a job ad on this case already.
    const ad = page.locator('[data-entity=job_ad]', { hasText: 'Data entry, Bangkok' });
    await ad.waitFor({ timeout: 20_000 });
    expect(await ad.textContent()).toContain('Data entry, Bangkok');
    await page.getByRole('status').filter({ hasText: 'Added:' }).waitFor();

    // The case's graph shows the record India may not see, dashed in the drawing and listed below it.
    await page.getByRole('button', { name: 'Show the link graph' }).click();
    await page.locator('.link-graph-canvas canvas').first().waitFor({ timeout: 20_000 });
    await page.locator('[data-graph-hidden]', { hasText: '+256 772 000 111' }).waitFor({ timeout: 20_000 });
    expect(await page.locator('.graph-legend').textContent()).toContain('Record you may not see');
    await e2e.shot(page, 'entities-graph-hidden-en-1280');

    // The recruiter's number is also held where India may not look: ask its holder.
    const recruiter = page.locator('[data-entity=phone]', { hasText: RECRUITER });
    expect(await recruiter.getAttribute('data-hidden-match')).toBe('true');
    expect(await recruiter.textContent()).toContain('Also held in a record you may not see');
    await recruiter.getByRole('button', { name: 'Ask the holding bureau' }).click();
    await recruiter.getByRole('button', { name: 'Send request' }).click();
    await recruiter.locator('.form-field-error').first().waitFor();
    await recruiter.getByLabel('What you ask').fill('Who uses this number, and since when? It recruited an accountant from Telangana.');
    await recruiter.getByLabel('Priority').selectOption('urgent');
    await e2e.shot(page, 'entities-ask-en-1280');
    expect(await accessibilityViolations(page)).toEqual([]);
    await recruiter.getByRole('button', { name: 'Send request' }).click();
    const sent = recruiter.locator('[data-sent-request]');
    await sent.waitFor({ timeout: 20_000 });
    const requestId = (await sent.getAttribute('data-sent-request')) ?? '';
    expect(await sent.textContent()).toContain('sent to the bureau holding the record');
    await sent.getByRole('link', { name: 'See the request in Sent' }).click();

    // In Sent, the addressee is not named.
    const row = page.locator(`[data-request="${requestId}"]`);
    await row.waitFor({ timeout: 20_000 });
    expect(new URL(page.url()).searchParams.get('box')).toBe('sent');
    expect(await row.getAttribute('data-priority')).toBe('urgent');
    const rowText = (await row.textContent()) ?? '';
    expect(rowText).toContain('The bureau holding the record');
    expect(rowText).not.toContain('Uganda');
    await row.locator('[data-hidden=true]').waitFor({ timeout: 20_000 });
    await e2e.shot(page, 'entities-sent-en-1280');
    expect(await accessibilityViolations(page)).toEqual([]);
    await context.close();

    // Uganda, which holds the record, sees the hit and the request it came with.
    const ug = await e2e.newPage({ signedInAs: 'officer-ug' });
    await ug.page.goto(`${e2e.base}/cooperation?box=hits`);
    const hit = ug.page.locator('[data-hit]', { hasText: RECRUITER });
    await hit.waitFor({ timeout: 20_000 });
    await hit.getByRole('link', { name: titles.uganda }).waitFor();
    await hit.getByRole('link', { name: 'Open their request' }).waitFor();
    await e2e.shot(ug.page, 'cooperation-hits-en-1280');
    expect(await accessibilityViolations(ug.page)).toEqual([]);
    await ug.context.close();
  });

  it('works at 360 px in Chinese', async () => {
    const { page, context } = await e2e.newPage({ width: 360, locale: 'zh-CN', signedInAs: 'officer-ug' });
    await page.goto(`${e2e.base}/cases/${ids.uganda}`);
    await page.getByRole('button', { name: '显示关联图' }).click();
    await page.locator('.link-graph-canvas canvas').first().waitFor({ timeout: 20_000 });
    await page.locator('.link-graph-list [data-graph-country=IN]').waitFor({ timeout: 20_000 });
    const canvasWidth = await page.locator('.link-graph-canvas').evaluate((e) => e.getBoundingClientRect().right);
    expect(canvasWidth).toBeLessThanOrEqual(360);
    let overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    await e2e.shot(page, 'entities-graph-zh-360');
    await page.goto(`${e2e.base}/entities/${ids.recruiterUg}`);
    await page.locator('.link-graph-canvas canvas').first().waitFor({ timeout: 20_000 });
    await page.locator('.link-graph-list').getByText('印度').first().waitFor();
    overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    await e2e.shot(page, 'entity-zh-360');
    expect(await accessibilityViolations(page)).toEqual([]);
    await context.close();
  });
});
