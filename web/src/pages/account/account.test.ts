// The password policy as the browser checks it agrees with the server's on length and username
// (the server alone knows the common-password list); session devices and secrets read as shown.
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { PasswordRejected } from '../../../../src/modules/auth/errors.ts';
import { checkPasswordPolicy } from '../../../../src/modules/auth/password-policy.ts';

let account: typeof import('./account.ts');
beforeAll(async () => {
  // api.ts reads the session's token (and the clock's skew) from localStorage when loaded.
  vi.stubGlobal('localStorage', { getItem: () => null, setItem() {}, removeItem() {} });
  account = await import('./account.ts');
});

function serverReason(password: string, username: string): string | undefined {
  try {
    checkPasswordPolicy(password, { username, field: 'newPassword' });
    return undefined;
  } catch (error) {
    if (error instanceof PasswordRejected) return error.reason;
    throw error;
  }
}

describe('the password policy in the browser', () => {
  const cases: [string, string][] = [
    ['short', 'officer-tr'],
    ['elevenchars', 'officer-tr'],
    ['OFFICER-TR-and-more', 'officer-tr'],
    ['quiet harbour lantern 7', 'officer-tr'],
    ['ab is in here twelve', 'ab'],
    ['twelve chars', ''],
    ['汉字汉字汉字汉字汉字汉字', 'officer-cn'],
  ];
  for (const [password, username] of cases) {
    it(`judges "${password}" for ${username || 'no username'} as the server does (the common list aside)`, () => {
      const server = serverReason(password, username);
      expect(account.localPasswordReason(password, username)).toBe(server === 'common' ? undefined : server);
    });
  }
});

describe('what the account screen shows', () => {
  it('names a browser and its system from the User-Agent', () => {
    expect(account.describeAgent('Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) HeadlessChrome/131.0 Safari/537.36')).toEqual({
      browser: 'Chrome',
      system: 'Linux',
    });
    expect(account.describeAgent('Mozilla/5.0 (iPhone; CPU iPhone OS 17_0 like Mac OS X) AppleWebKit/605.1.15 Version/17.0 Mobile Safari/604.1')).toEqual({
      browser: 'Safari',
      system: 'iOS',
    });
    expect(account.describeAgent('curl/8.5.0')).toEqual({ browser: 'curl' });
    expect(account.describeAgent(null)).toEqual({});
  });
  it('groups a secret in fours and rounds a wait up to whole minutes', () => {
    expect(account.groupSecret('ABCDEFGHIJKLMNOPQRSTUVWXYZ234567')).toBe('ABCD EFGH IJKL MNOP QRST UVWX YZ23 4567');
    expect(account.retryMinutes(1)).toBe(1);
    expect(account.retryMinutes(280)).toBe(5);
  });
});
