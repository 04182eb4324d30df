import { describe, expect, it } from 'vitest';
import { PasswordRejected } from './errors.ts';
import { checkPasswordPolicy, isCommonPassword } from './password-policy.ts';

function reason(password: string, username?: string): string | null {
  try {
    checkPasswordPolicy(password, { username, field: 'password' });
    return null;
  } catch (error) {
    if (!(error instanceof PasswordRejected)) throw error;
    expect(error.toJSON()).toMatchObject({ error: 'invalid', field: 'password', reason: error.reason });
    return error.reason;
  }
}

describe('password policy', () => {
  it('refuses fewer than 12 characters, counting characters rather than bytes', () => {
    expect(reason('a')).toBe('too_short');
    expect(reason('abcdefghijk')).toBe('too_short');
    expect(reason('ĉĉĉĉĉĉĉĉĉĉĉ')).toBe('too_short');
    expect(reason('ĉapelo-sur-kapo')).toBeNull();
  });

  it('refuses common and breached passwords whatever their case, and a listed word inside digits and symbols', () => {
    expect(isCommonPassword('password1234')).toBe(true);
    expect(reason('password1234')).toBe('common');
    expect(reason('PASSWORD1234')).toBe('common');
    expect(reason('Password1234!')).toBe('common');
    expect(reason('qwertyuiop123')).toBe('common');
    expect(reason('123456789012')).toBe('common');
    expect(reason('1q2w3e4r5t6y')).toBe('common');
    expect(reason('!!monkey123456')).toBe('common');
  });

  it('refuses the username or a password that contains it', () => {
    expect(reason('officer-tr-2026-spring', 'officer-tr')).toBe('contains_username');
    expect(reason('my OFFICER-TR password', 'officer-tr')).toBe('contains_username');
    expect(reason('long and unusual phrase', 'officer-tr')).toBeNull();
  });

  it('accepts the passphrases the tests and the demo use', () => {
    expect(reason('correct horse battery staple', 'officer-tr')).toBeNull();
    expect(reason('e2e demo password', 'admin')).toBeNull();
    expect(reason('a long enough password', 'officer-gr')).toBeNull();
  });
});
