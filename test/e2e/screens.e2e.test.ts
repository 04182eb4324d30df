// Every screen as a person meets it, on a desktop and on a 360 px phone, in English and in Chinese:
// each shows its content (not a blank or an error), fits the phone's width, passes axe-core's
// WCAG A and AA checks, and is saved as a screenshot (test-results/screenshots/screen-*.png) to be
// looked at.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { accessibilityViolations, type E2E, haveChromium, startE2E } from './harness.ts';

interface Screen {
  name: string;
  /** Who looks at it; none for the screens before signing in. */
  user?: string;
  path: () => string;
  /** What shows that the screen has its content. */
  ready: string;
}

const VARIANTS = [
  { locale: 'en-US', lang: 'en', width: 1280 },
  { locale: 'en-US', lang: 'en', width: 360 },
  { locale: 'zh-CN', lang: 'zh', width: 1280 },
  { locale: 'zh-CN', lang: 'zh', width: 360 },
] as const;

describe.skipIf(!haveChromium)('every screen, at 1280 and 360 px, in English and Chinese', () => {
  let e2e: E2E;
  const ids = { hotspot: '', case: '', campaign: '', entity: '' };

  const screens: Screen[] = [
    { name: 'login', path: () => '/login', ready: 'input[name=password]' },
    { name: 'session-expired', path: () => '/session-expired', ready: 'main button' },
    { name: 'dashboard', user: 'coordinator', path: () => '/', ready: '.world-map path.route' },
    { name: 'hotspots', user: 'coordinator', path: () => '/hotspots', ready: '.world-map circle[data-point]' },
    { name: 'hotspot', user: 'officer-tr', path: () => `/hotspots/${ids.hotspot}`, ready: 'tr[data-outcome]' },
    { name: 'field-entry', user: 'field-tr', path: () => '/field', ready: 'select[name=hotspot] option:nth-child(2)' },
    { name: 'cases', user: 'officer-in', path: () => '/cases', ready: 'tr[data-case]' },
    { name: 'case', user: 'officer-np', path: () => `/cases/${ids.case}`, ready: '[data-request]' },
    { name: 'entity', user: 'officer-ug', path: () => `/entities/${ids.entity}`, ready: '.link-graph-canvas canvas' },
    { name: 'cooperation-hits', user: 'officer-ug', path: () => '/cooperation?box=hits', ready: '[data-hit]' },
    { name: 'cooperation', user: 'officer-in', path: () => '/cooperation', ready: '[data-request]' },
    { name: 'cooperation-new', user: 'officer-np', path: () => '/cooperation/new', ready: 'input[type=checkbox]' },
    { name: 'campaigns', user: 'officer-np', path: () => '/campaigns', ready: 'tr[data-campaign]' },
    { name: 'campaign', user: 'officer-np', path: () => `/campaigns/${ids.campaign}`, ready: 'form input' },
    { name: 'campaign-new', user: 'officer-np', path: () => '/campaigns/new', ready: 'form input' },
    { name: 'not-found', user: 'officer-in', path: () => '/no-such-screen', ready: 'main a[href="/"]' },
  ];

  beforeAll(async () => {
    e2e = await startE2E();
    const [operation] = await e2e.api<{ id: string }[]>('officer-np', '/api/operations');
    const base = `/api/operations/${operation!.id}`;
    type Items = { items: { id: string; title?: string; kind?: string }[] };
    ids.hotspot = (await e2e.api<Items>('officer-tr', `${base}/hotspots?country=TR&kind=coastline_sector&limit=1`)).items[0]!.id;
    ids.case = (await e2e.api<Items>('officer-np', `${base}/cases?q=Nepali&limit=1`)).items[0]!.id;
    // The recruiter's number, in Uganda's case: India's reading of its own case is a hit on Uganda's record.
    const uganda = (await e2e.api<Items>('officer-ug', `${base}/cases?q=Ugandans&limit=1`)).items[0]!.id;
    const entities = await e2e.api<{ entities: { id: string; value: string | null }[] }>('officer-ug', `/api/cases/${uganda}/entities`);
    ids.entity = entities.entities.find((e) => e.value === '+256772000111')!.id;
    const india = (await e2e.api<Items>('officer-in', `${base}/cases?q=Telangana&limit=1`)).items[0]!.id;
    await e2e.api('officer-in', `/api/cases/${india}/entities`);
    ids.campaign = (await e2e.api<Items>('officer-np', `${base}/campaigns?country=NP&channel=radio&limit=1`)).items[0]!.id;
  }, 240_000);
  afterAll(() => e2e?.close());

  for (const variant of VARIANTS) {
    it(`shows every screen in ${variant.lang} at ${variant.width} px`, async () => {
      const pages = new Map<string | undefined, Page>();
      const pageFor = async (user: string | undefined) => {
        const known = pages.get(user);
        if (known) return known;
        // Signed in by the API: the sign-in form itself is tried by account.e2e and the other files.
        const { page } = await e2e.newPage({ locale: variant.locale, width: variant.width, ...(user ? { signedInAs: user } : {}) });
        pages.set(user, page);
        return page;
      };
      const problems: string[] = [];
      for (const screen of screens) {
        const page = await pageFor(screen.user);
        await page.goto(`${e2e.base}${screen.path()}`);
        await page.locator(screen.ready).first().waitFor({ state: 'attached', timeout: 20_000 });
        await page.evaluate(() => document.fonts.ready);
        const lang = await page.evaluate(() => document.documentElement.lang);
        if (lang !== variant.lang) problems.push(`${screen.name}: page language ${lang}`);
        const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
        if (overflow > 0) problems.push(`${screen.name}: ${overflow} px wider than the screen`);
        if (variant.width === 360 || variant.lang === 'en') {
          for (const v of await accessibilityViolations(page)) problems.push(`${screen.name}: ${v.id} ${v.targets.join(', ')}`);
        }
        await e2e.shot(page, `screen-${screen.name}-${variant.lang}-${variant.width}`);
      }
      await Promise.all([...pages.values()].map((p) => p.context().close()));
      expect(problems).toEqual([]);
    }, 180_000);
  }
});
