// End-to-end harness: the web application built from the current sources, a Cordon server on
// its own copy of a PGlite folder with the demo loaded, and Debian's Chromium driven by playwright-core with
// the flags a closed network needs. Screenshots go to test-results/screenshots.
import { existsSync, mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { type Browser, type BrowserContext, chromium, type Page } from 'playwright-core';
import { readConfig } from '../../src/config.ts';
import type { Database } from '../../src/db/connection.ts';
import { buildApp } from '../../src/server/app.ts';
import { DEMO_PASSWORD, openDemoCopy, sharedWebBuild } from '../helpers/run-fixtures.ts';
import { timed } from '../helpers/timings.ts';

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
/** The flags a closed network needs. */
export const CHROMIUM_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run', '--disable-sync'];
export { DEMO_PASSWORD };
export const SHOTS = resolve(import.meta.dirname, '../../test-results/screenshots');

/** Chromium is there, or CI said it must be (CORDON_E2E_REQUIRED=1): then a missing one fails. */
export const haveChromium = existsSync(CHROMIUM) || process.env.CORDON_E2E_REQUIRED === '1';

export interface E2E {
  base: string;
  /** The folder the web application was built into. */
  webRoot: string;
  /** The server's database (its own copy of the loaded demo), for checking what was stored. */
  database: Database;
  browser: Browser;
  /**
   * A new tab. With `signedInAs`, the tab holds that demo user's session from its first page (a
   * token from the API, as the sign-in form would have stored it), without going through the form.
   */
  newPage(options?: { width?: number; locale?: string; signedInAs?: string }): Promise<{ page: Page; context: BrowserContext }>;
  /** The token of a demo user's session (signed in once through the API). */
  tokenOf(username: string): Promise<string>;
  /** Signs in through the form and waits for the signed-in navigation. */
  signIn(page: Page, username: string): Promise<void>;
  /** Calls the API as a demo user (signed in once, then by token); fails on a non-2xx answer. */
  api<T>(username: string, path: string, init?: { method?: string; body?: unknown }): Promise<T>;
  shot(page: Page, name: string): Promise<void>;
  close(): Promise<void>;
}

export async function startE2E(): Promise<E2E> {
  const [webRoot, demo] = await Promise.all([sharedWebBuild(), openDemoCopy('e2e server')]);
  const database = demo.database;
  const app = await timed('e2e server start', async () => {
    const app = await buildApp({ database, config: readConfig({}), webRoot });
    await app.listen({ port: 0, host: '127.0.0.1' });
    return app;
  });
  const address = app.server.address();
  const base = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
  const browser = await timed('chromium start', () =>
    chromium.launch({
      executablePath: CHROMIUM,
      args: CHROMIUM_ARGS,
    }),
  );
  mkdirSync(SHOTS, { recursive: true });
  const tokens = new Map<string, string>();
  const tokenOf = async (username: string) => {
    const known = tokens.get(username);
    if (known) return known;
    const login = await fetch(`${base}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username, password: DEMO_PASSWORD }),
    });
    const { token } = (await login.json()) as { token: string };
    tokens.set(username, token);
    return token;
  };
  return {
    base,
    webRoot,
    database,
    browser,
    async newPage({ width = 1280, locale = 'en-US', signedInAs } = {}) {
      // Without the service worker, which would fetch the whole app into each new context (the
      // offline test, test/e2e/offline.e2e.test.ts, opens its own contexts with it).
      const context = await browser.newContext({ viewport: { width, height: 900 }, locale, serviceWorkers: 'block' });
      if (signedInAs) {
        // Stored once per tab (as web/src/api.ts keeps it), so that signing out is not undone by the next page.
        await context.addInitScript((token) => {
          if (location.protocol !== 'http:' || sessionStorage.getItem('e2e.session-stored')) return;
          sessionStorage.setItem('e2e.session-stored', '1');
          localStorage.setItem('cordon.session', JSON.stringify({ token, expiresAt: new Date(Date.now() + 12 * 3600_000).toISOString() }));
        }, await tokenOf(signedInAs));
      }
      const page = await context.newPage();
      return { page, context };
    },
    tokenOf,
    async signIn(page, username) {
      await page.goto(`${base}/login`);
      await page.getByLabel(/username|nama pengguna|usuario|用户名/i).fill(username);
      await page.locator('input[name=password]').fill(DEMO_PASSWORD);
      await page.locator('button[type=submit]').click();
      await page.locator('header.top nav a').first().waitFor();
    },
    async api<T>(username: string, path: string, init: { method?: string; body?: unknown } = {}) {
      const response = await fetch(`${base}${path}`, {
        method: init.method ?? 'GET',
        headers: {
          authorization: `Bearer ${await tokenOf(username)}`,
          ...(init.body === undefined ? {} : { 'content-type': 'application/json' }),
        },
        ...(init.body === undefined ? {} : { body: JSON.stringify(init.body) }),
      });
      if (!response.ok) throw new Error(`${init.method ?? 'GET'} ${path} as ${username}: ${response.status} ${await response.text()}`);
      return (response.status === 204 ? undefined : await response.json()) as T;
    },
    async shot(page, name) {
      await page.screenshot({ path: join(SHOTS, `${name}.png`), fullPage: true });
    },
    async close() {
      await browser.close();
      await app.close();
      await demo.drop();
    },
  };
}

/** axe-core's violations on the page (WCAG 2 A and AA rules). */
export async function accessibilityViolations(page: Page) {
  const source = (await import('axe-core')).default.source;
  // Evaluated through the DevTools protocol: the page's CSP (script-src 'self') stays in force.
  await page.evaluate(source);
  return page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run(context: unknown, options: unknown): Promise<{ violations: { id: string; help: string; nodes: { target: string[] }[] }[] }> } }).axe;
    const result = await axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa'] } });
    return result.violations.map((v) => ({ id: v.id, help: v.help, targets: v.nodes.slice(0, 5).map((n) => n.target.join(' ')) }));
  });
}
