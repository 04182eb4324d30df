// "Your account" and "Users" in Chromium: an officer changes their password (a common one refused
// at its field, the other device signed out), sets up two-factor sign-in from the QR code's key
// and is then asked for the code at sign-in; an admin disables a user after confirming, enables
// them, sets a new password and removes a lost second factor; a role that requires a second factor
// is sent to set it up and sees nothing else; the screens at 360 px in all four languages.
import type { Page } from 'playwright-core';
import { Secret, TOTP } from 'otpauth';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readConfig } from '../../src/config.ts';
import { buildApp } from '../../src/server/app.ts';
import { accessibilityViolations, DEMO_PASSWORD, type E2E, haveChromium, startE2E } from './harness.ts';

type App = Awaited<ReturnType<typeof buildApp>>;

/** The code an authenticator app shows for `secret`, `ahead` steps of 30 s from now. */
function codeOf(secret: string, ahead = 0): string {
  const totp = new TOTP({ algorithm: 'SHA1', digits: 6, period: 30, secret: Secret.fromBase32(secret) });
  return totp.generate({ timestamp: Date.now() + ahead * 30_000 });
}

// Words of these screens that must not be left in English in another language.
const OWN_WORDS = ['Your account', 'Change password', 'Two-factor', 'This device', 'Sign out this session', 'Disable account', 'Last sign-in', 'Set a new password'];

describe.skipIf(!haveChromium)('account and users in Chromium', () => {
  let e2e: E2E;
  // A second server on the same database whose configuration requires a second factor of analysts.
  let strict: App;
  let strictBase = '';

  const heading = (page: Page) => page.getByRole('heading', { level: 1 }).textContent();
  const overflow = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  const focused = (page: Page) => page.evaluate(() => document.activeElement?.textContent ?? '');

  /** Signs in over the API as another device would; answers the status and the body. */
  async function login(base: string, username: string, password: string, totp?: string) {
    const response = await fetch(`${base}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'user-agent': 'Mozilla/5.0 (Android 14; Mobile; rv:133.0) Gecko/133.0 Firefox/133.0' },
      body: JSON.stringify({ username, password, ...(totp ? { totp } : {}) }),
    });
    return { status: response.status, body: (await response.json()) as { token?: string; error?: string } };
  }
  const call = (base: string, token: string, path: string, body?: unknown) =>
    fetch(`${base}${path}`, {
      method: body === undefined ? 'GET' : 'POST',
      headers: { authorization: `Bearer ${token}`, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });

  async function signInWith(page: Page, base: string, username: string, password: string) {
    await page.goto(`${base}/login`);
    await page.getByLabel(/username|nama pengguna|usuario|用户名/i).fill(username);
    await page.locator('input[name=password]').fill(password);
    await page.locator('button[type=submit]').click();
  }

  beforeAll(async () => {
    e2e = await startE2E();
    strict = await buildApp({ database: e2e.database, config: readConfig({ CORDON_TOTP_REQUIRED_ROLES: 'analyst' }), webRoot: e2e.webRoot });
    await strict.listen({ port: 0, host: '127.0.0.1' });
    const address = strict.server.address();
    strictBase = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
  }, 600_000);
  afterAll(async () => {
    await strict?.close();
    await e2e?.close();
  });

  it('changes the password: a common one is refused at its field, and the other device is signed out', async () => {
    const phone = await login(e2e.base, 'officer-np', DEMO_PASSWORD);
    expect(phone.status).toBe(200);
    const { page, context } = await e2e.newPage({ locale: 'en-US' });
    await e2e.signIn(page, 'officer-np');
    await page.getByRole('link', { name: 'Your account' }).click();
    await expect.poll(() => heading(page), { timeout: 20_000 }).toBe('Your account');

    // Both sessions, this one marked and named from its browser; the phone can be signed out.
    const sessions = page.locator('li[data-session]');
    await expect.poll(() => sessions.count(), { timeout: 20_000 }).toBe(2);
    const here = page.locator('li[data-current="true"]');
    expect(await here.textContent()).toMatch(/^Chrome on LinuxThis device/);
    expect(await here.getByRole('button').count()).toBe(0);
    expect(await page.locator('li[data-current="false"]').textContent()).toMatch(/^Firefox on Android.*Address127\.0\.0\.1/);
    expect(await page.getByRole('heading', { name: 'Two-factor sign-in' }).count()).toBe(1);
    await e2e.shot(page, 'account-en-1280');
    expect(await accessibilityViolations(page)).toEqual([]);

    const form = page.locator('[data-panel="password"]');
    const newPassword = form.getByLabel(/^New password/);
    // The form's own check, before anything is sent: the username inside the password.
    await form.getByLabel(/^Current password/).fill(DEMO_PASSWORD);
    await newPassword.fill('officer-np-is-my-name');
    await form.getByLabel(/^Repeat the new password/).fill('officer-np-is-my-name');
    await form.getByRole('button', { name: 'Change password' }).click();
    await form.getByText('The password may not contain the username.').first().waitFor();
    expect(await newPassword.getAttribute('aria-invalid')).toBe('true');
    expect(await page.evaluate(() => document.activeElement?.getAttribute('name'))).toBe('newPassword');

    // The server's list: a common password, refused with its reason at the field.
    await newPassword.fill('password1234');
    await form.getByLabel(/^Repeat the new password/).fill('password1234');
    await form.getByRole('button', { name: 'Change password' }).click();
    await form.getByText('This password is in a list of common or leaked passwords. Choose another.').first().waitFor({ timeout: 20_000 });
    expect(await newPassword.getAttribute('aria-invalid')).toBe('true');
    expect(await form.locator('.form-field-summary').textContent()).toContain('New password: This password is in a list');
    await e2e.shot(page, 'account-password-refused-en-1280');
    expect(await accessibilityViolations(page)).toEqual([]);

    // A wrong current password is named at its field.
    await form.getByLabel(/^Current password/).fill('not my password at all');
    await newPassword.fill('quiet harbour lantern 7');
    await form.getByLabel(/^Repeat the new password/).fill('quiet harbour lantern 7');
    await form.getByRole('button', { name: 'Change password' }).click();
    await form.getByText('This is not your current password.').first().waitFor({ timeout: 20_000 });
    expect(await form.getByLabel(/^Current password/).getAttribute('aria-invalid')).toBe('true');

    await form.getByLabel(/^Current password/).fill(DEMO_PASSWORD);
    await form.getByRole('button', { name: 'Change password' }).click();
    const done = form.locator('[data-password-changed]');
    await done.waitFor({ timeout: 20_000 });
    expect(await done.textContent()).toContain('Your other sessions have ended');
    expect(await page.evaluate(() => document.activeElement?.hasAttribute('data-password-changed'))).toBe(true);
    // The phone's session is gone, from the list and from the API; this one goes on.
    await expect.poll(() => sessions.count(), { timeout: 20_000 }).toBe(1);
    expect((await call(e2e.base, phone.body.token!, '/api/auth/me')).status).toBe(401);
    expect((await login(e2e.base, 'officer-np', DEMO_PASSWORD)).status).toBe(401);
    expect((await login(e2e.base, 'officer-np', 'quiet harbour lantern 7')).status).toBe(200);
    await page.reload();
    await expect.poll(() => heading(page), { timeout: 20_000 }).toBe('Your account');
    await context.close();
  });

  it('sets up two-factor sign-in from the key, then asks for the code at sign-in', async () => {
    const { page, context } = await e2e.newPage({ locale: 'en-US' });
    await e2e.signIn(page, 'officer-tr');
    await page.goto(`${e2e.base}/account`);
    const panel = page.locator('[data-panel="two-factor"]');
    await panel.getByRole('button', { name: 'Set up two-factor sign-in' }).click();
    const secretCode = panel.locator('[data-secret]');
    await secretCode.waitFor({ timeout: 20_000 });
    const secret = (await secretCode.getAttribute('data-secret'))!;
    // The key in groups of four for typing, the QR code drawn in the page, the otpauth link.
    expect(await secretCode.textContent()).toBe(secret.replace(/(.{4})(?=.)/g, '$1 '));
    expect(await panel.getByRole('img', { name: 'QR code that adds Cordon to your authenticator app' }).count()).toBe(1);
    expect(await panel.getByRole('link', { name: 'Open in an authenticator app on this device' }).getAttribute('href')).toMatch(
      /^otpauth:\/\/totp\/Cordon:officer-tr\?.*secret=/,
    );
    expect(await page.evaluate(() => document.activeElement?.tagName)).toBe('H3');
    await e2e.shot(page, 'account-two-factor-setup-en-1280');
    expect(await accessibilityViolations(page)).toEqual([]);

    // A wrong code is named at its field; the right one turns it on.
    const code = panel.getByLabel(/^6-digit code/);
    await code.fill('12345');
    await panel.getByRole('button', { name: 'Turn on' }).click();
    await panel.getByText('Type the 6 digits the app shows.').first().waitFor();
    await code.fill(codeOf(secret, -20));
    await panel.getByRole('button', { name: 'Turn on' }).click();
    await panel.getByText(/That code does not match/).first().waitFor({ timeout: 20_000 });
    expect(await code.getAttribute('aria-invalid')).toBe('true');
    await code.fill(codeOf(secret));
    await panel.getByRole('button', { name: 'Turn on' }).click();
    await expect.poll(() => panel.getAttribute('data-totp'), { timeout: 20_000 }).toBe('on');
    expect(await focused(page)).toContain('Two-factor sign-in is on.');
    expect(await panel.getByRole('button', { name: 'Turn off two-factor sign-in' }).count()).toBe(1);

    // Sign-in now asks for the code, after the password, without retyping it.
    await page.getByRole('button', { name: 'Sign out' }).click();
    await signInWith(page, e2e.base, 'officer-tr', DEMO_PASSWORD);
    const asked = page.getByLabel(/^Code from your authenticator app/);
    await asked.waitFor({ timeout: 20_000 });
    expect(await page.evaluate(() => document.activeElement?.getAttribute('name'))).toBe('totp');
    expect(await page.getByRole('alert').count()).toBe(0);
    await e2e.shot(page, 'login-code-en-1280');
    expect(await accessibilityViolations(page)).toEqual([]);
    await asked.fill(codeOf(secret, -20));
    await page.locator('button[type=submit]').click();
    await page.getByText('That code is not right, or was already used.', { exact: false }).waitFor({ timeout: 20_000 });
    expect(await asked.getAttribute('aria-invalid')).toBe('true');
    // A later step than the one that turned it on: each code works once.
    await asked.fill(codeOf(secret, 1));
    await page.locator('button[type=submit]').click();
    await page.locator('header.top nav a').first().waitFor({ timeout: 20_000 });

    // Turned off with the password (the role does not require it).
    await page.goto(`${e2e.base}/account`);
    await panel.getByRole('button', { name: 'Turn off two-factor sign-in' }).click();
    expect(await page.evaluate(() => document.activeElement?.getAttribute('name'))).toBe('password');
    await panel.getByLabel(/^Your password/).fill(DEMO_PASSWORD);
    await panel.getByRole('button', { name: 'Turn off', exact: true }).click();
    await expect.poll(() => panel.getAttribute('data-totp'), { timeout: 20_000 }).toBe('off');
    expect(await focused(page)).toBe('Two-factor sign-in is off.');
    expect((await login(e2e.base, 'officer-tr', DEMO_PASSWORD)).status).toBe(200);
    await context.close();
  });

  it('says how many minutes to wait when sign-in is throttled', async () => {
    const { page, context } = await e2e.newPage({ locale: 'en-US' });
    await page.route('**/api/auth/login', (route) =>
      route.fulfill({ status: 429, contentType: 'application/json', body: JSON.stringify({ error: 'rate_limited', message: 'too many attempts', retryAfter: 280 }) }),
    );
    await signInWith(page, e2e.base, 'officer-gr', 'whatever it is');
    await page.getByRole('alert').waitFor({ timeout: 20_000 });
    expect(await page.getByRole('alert').textContent()).toBe('Too many attempts. Try again in 5 minutes.');
    await context.close();
  });

  it('lets an admin disable a user after confirming, enable them, set a new password and remove a lost second factor', async () => {
    // field-np has a second factor and a session on a phone.
    const phone = await login(e2e.base, 'field-np', DEMO_PASSWORD);
    const setup = (await (await call(e2e.base, phone.body.token!, '/api/auth/totp/setup', {})).json()) as { secret: string };
    expect((await call(e2e.base, phone.body.token!, '/api/auth/totp/enable', { code: codeOf(setup.secret) })).status).toBe(204);

    const { page, context } = await e2e.newPage({ locale: 'en-US' });
    await e2e.signIn(page, 'admin');
    await page.locator('header.top nav').getByRole('link', { name: 'Users' }).click();
    await expect.poll(() => heading(page), { timeout: 20_000 }).toBe('Users');
    await page.getByLabel('Name or username').fill('field-np');
    await expect.poll(() => new URL(page.url()).searchParams.get('q')).toBe('field-np');
    const card = page.locator('li[data-user="field-np"]');
    await card.waitFor({ timeout: 20_000 });
    // field-np is on the unfiltered page too, so its card can show before the filtered answer replaces the list.
    await expect.poll(() => page.locator('li[data-user]').count(), { timeout: 20_000 }).toBe(1);
    expect(await card.textContent()).toMatch(/Active.*Field team.*Two-factor sign-inOn/);
    // The admin's own card offers no action on itself.
    await page.getByLabel('Name or username').fill('admin');
    const mine = page.locator('li[data-user="admin"]');
    await mine.waitFor();
    expect(await mine.getByRole('button').count()).toBe(0);
    await page.getByLabel('Name or username').fill('field-np');
    await card.waitFor();
    await e2e.shot(page, 'users-en-1280');
    expect(await accessibilityViolations(page)).toEqual([]);

    // Disabling asks first; cancelling changes nothing and gives the focus back.
    await card.getByRole('button', { name: 'Disable account' }).click();
    expect(await focused(page)).toMatch(/^Disable field-np\? They are signed out everywhere/);
    expect(await accessibilityViolations(page)).toEqual([]);
    await card.getByRole('button', { name: 'Cancel' }).click();
    await expect.poll(() => focused(page)).toBe('Disable account');
    expect((await call(e2e.base, phone.body.token!, '/api/auth/me')).status).toBe(200);
    await card.getByRole('button', { name: 'Disable account' }).click();
    await card.getByRole('button', { name: 'Yes, disable' }).click();
    await expect.poll(() => card.getAttribute('data-disabled'), { timeout: 20_000 }).toBe('true');
    expect(await card.locator('[data-done]').textContent()).toBe('field-np is disabled and signed out everywhere.');
    expect(await card.textContent()).toContain('Disabled');
    expect((await call(e2e.base, phone.body.token!, '/api/auth/me')).status).toBe(401);
    expect((await login(e2e.base, 'field-np', DEMO_PASSWORD)).status).toBe(401);
    await e2e.shot(page, 'users-disabled-en-1280');

    await card.getByRole('button', { name: 'Enable account' }).click();
    await expect.poll(() => card.getAttribute('data-disabled'), { timeout: 20_000 }).toBe('false');
    expect(await card.locator('[data-done]').textContent()).toBe('field-np can sign in again.');

    // A new password: the form's own check first, then the server's list, then one it accepts.
    await card.getByRole('button', { name: 'Set a new password' }).click();
    expect(await page.evaluate(() => document.activeElement?.getAttribute('name'))).toBe('newPassword');
    const fresh = card.getByLabel('New password (required)', { exact: true });
    const again = card.getByLabel('Repeat the new password (required)', { exact: true });
    await fresh.fill('short');
    await again.fill('short');
    await card.getByRole('button', { name: 'Set password' }).click();
    await card.getByText('Use at least 12 characters.').first().waitFor();
    await fresh.fill('qwertyuiop123');
    await again.fill('qwertyuiop123');
    await card.getByRole('button', { name: 'Set password' }).click();
    await card.getByText('This password is in a list of common or leaked passwords. Choose another.').first().waitFor({ timeout: 20_000 });
    expect(await fresh.getAttribute('aria-invalid')).toBe('true');
    expect(await accessibilityViolations(page)).toEqual([]);
    await fresh.fill('amber kettle orbit 42');
    await again.fill('amber kettle orbit 42');
    await card.getByRole('button', { name: 'Set password' }).click();
    await expect.poll(() => card.locator('[data-done]').textContent(), { timeout: 20_000 }).toBe(
      'The new password is set; field-np is signed out everywhere.',
    );
    expect((await login(e2e.base, 'field-np', 'amber kettle orbit 42')).body.error).toBe('totp_required');

    // The lost phone: the second factor removed after confirming; the password alone signs in.
    await card.getByRole('button', { name: 'Reset two-factor sign-in' }).click();
    expect(await focused(page)).toMatch(/^Remove two-factor sign-in from field-np\?/);
    await card.getByRole('button', { name: 'Yes, remove it' }).click();
    await expect.poll(() => card.locator('[data-totp]').textContent(), { timeout: 20_000 }).toBe('Off');
    expect(await card.getByRole('button', { name: 'Reset two-factor sign-in' }).count()).toBe(0);
    expect((await login(e2e.base, 'field-np', 'amber kettle orbit 42')).status).toBe(200);
    await context.close();
  });

  it('shows no Users screen to a non-admin', async () => {
    const { page, context } = await e2e.newPage({ locale: 'en-US' });
    await e2e.signIn(page, 'officer-in');
    expect(await page.locator('header.top nav').getByRole('link', { name: 'Users' }).count()).toBe(0);
    await page.goto(`${e2e.base}/users`);
    await page.getByRole('heading', { name: 'Accounts are managed by administrators' }).waitFor({ timeout: 20_000 });
    expect(await page.locator('li[data-user]').count()).toBe(0);
    expect(await accessibilityViolations(page)).toEqual([]);
    await context.close();
  });

  it('sends a role that requires a second factor to set it up, and shows nothing else until then', async () => {
    const { page, context } = await e2e.newPage({ locale: 'en-US' });
    await signInWith(page, strictBase, 'analyst', DEMO_PASSWORD);
    await expect.poll(() => new URL(page.url()).pathname, { timeout: 20_000 }).toBe('/account/two-factor');
    await expect.poll(() => heading(page), { timeout: 20_000 }).toBe('Set up two-factor sign-in');
    expect(await page.locator('header.top nav').count()).toBe(0);
    expect(await page.locator('main').textContent()).toContain('Your role requires two-factor sign-in.');
    // Any other address leads back here.
    await page.goto(`${strictBase}/cases`);
    await expect.poll(() => new URL(page.url()).pathname, { timeout: 20_000 }).toBe('/account/two-factor');
    await page.getByRole('button', { name: 'Set up two-factor sign-in' }).click();
    const secret = (await page.locator('[data-secret]').getAttribute('data-secret', { timeout: 20_000 }))!;
    await e2e.shot(page, 'account-two-factor-required-en-1280');
    expect(await accessibilityViolations(page)).toEqual([]);
    await page.getByLabel(/^6-digit code/).fill(codeOf(secret));
    await page.getByRole('button', { name: 'Turn on' }).click();
    await page.getByRole('link', { name: 'Continue to Cordon' }).click();
    await page.locator('header.top nav a').first().waitFor({ timeout: 20_000 });
    expect(new URL(page.url()).pathname).toBe('/');
    // Required: it cannot be turned off.
    await page.goto(`${strictBase}/account`);
    const panel = page.locator('[data-panel="two-factor"]');
    await expect.poll(() => panel.getAttribute('data-totp'), { timeout: 20_000 }).toBe('on');
    expect(await panel.textContent()).toContain('Your role requires two-factor sign-in, so it cannot be turned off.');
    expect(await panel.getByRole('button').count()).toBe(0);
    await context.close();
  });

  for (const [locale, account, users, english] of [
    ['en-US', 'Your account', 'Users', []],
    ['zh-CN', '我的账户', '用户', OWN_WORDS],
    ['es-ES', 'Su cuenta', 'Usuarios', OWN_WORDS],
    ['id-ID', 'Akun Anda', 'Pengguna', OWN_WORDS],
  ] as const) {
    it(`works at 360 px in ${locale}`, async () => {
      const { page, context } = await e2e.newPage({ width: 360, locale });
      await e2e.signIn(page, 'admin');
      await login(e2e.base, 'admin', DEMO_PASSWORD);
      await page.goto(`${e2e.base}/account`);
      await expect.poll(() => heading(page), { timeout: 20_000 }).toBe(account);
      await expect.poll(() => page.locator('li[data-session]').count(), { timeout: 20_000 }).toBeGreaterThan(1);
      await page.locator('[data-panel="two-factor"]').getByRole('button').click();
      await page.locator('[data-secret]').waitFor({ timeout: 20_000 });
      expect(await overflow(page)).toBeLessThanOrEqual(0);
      await e2e.shot(page, `account-${locale.slice(0, 2)}-360`);
      expect(await accessibilityViolations(page)).toEqual([]);
      const accountText = (await page.locator('main').textContent()) ?? '';

      await page.goto(`${e2e.base}/users?q=officer-t`);
      await expect.poll(() => heading(page), { timeout: 20_000 }).toBe(users);
      await page.locator('li[data-user]').first().waitFor({ timeout: 20_000 });
      await page.locator('li[data-user]').first().getByRole('button').first().click();
      expect(await overflow(page)).toBeLessThanOrEqual(0);
      await e2e.shot(page, `users-${locale.slice(0, 2)}-360`);
      expect(await accessibilityViolations(page)).toEqual([]);
      const usersText = (await page.locator('main').textContent()) ?? '';
      // Names and usernames stay as written (display names such as 'Field team, NCB Accra' too); none of the screens' own words is left in English.
      for (const word of english) expect(accountText + usersText).not.toContain(word);
      if (locale === 'zh-CN') {
        await page.setViewportSize({ width: 1280, height: 900 });
        await page.goto(`${e2e.base}/account`);
        await page.locator('li[data-session]').first().waitFor({ timeout: 20_000 });
        await e2e.shot(page, 'account-zh-1280');
        await page.goto(`${e2e.base}/users`);
        await page.locator('li[data-user]').first().waitFor({ timeout: 20_000 });
        await e2e.shot(page, 'users-zh-1280');
      }
      await context.close();
    });
  }
});
