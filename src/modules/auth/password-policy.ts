// One password policy for the API, the CLI and the web app: at least 12 characters, not a common
// or breached password, not containing the username.
import { dictionary } from '@zxcvbn-ts/language-common';
import { PasswordRejected } from './errors.ts';
import { PASSWORD_MIN_LENGTH, type PasswordReason } from './schema.ts';

// The common-password list of zxcvbn-ts (MIT, about 49,000 passwords from public breach corpora,
// lower case), shipped in node_modules/@zxcvbn-ts/language-common; loaded on first use.
let common: ReadonlySet<string> | undefined;
function commonPasswords(): ReadonlySet<string> {
  common ??= new Set(dictionary['passwords-common'] as string[]);
  return common;
}

/**
 * True when the password, or its core without the digits and symbols around it, is in the list,
 * compared case-insensitively: `Password1234!` is `password` with a suffix.
 * @example isCommonPassword('Password1234') // true
 */
export function isCommonPassword(password: string): boolean {
  const lower = password.normalize('NFKC').toLowerCase();
  const core = lower.replace(/^[\d\W_]+|[\d\W_]+$/gu, '');
  const list = commonPasswords();
  return list.has(lower) || list.has(lower.trim()) || (core.length > 0 && list.has(core));
}

/**
 * Refuses a new password the policy does not allow, as a 400 naming `field` and the reason.
 * Pass the username it will belong to (none for the demo's password, shared by every demo user).
 * @example checkPasswordPolicy(input.password, { username: input.username, field: 'password' })
 */
export function checkPasswordPolicy(password: string, options: { username?: string; field: string; subject?: string }): void {
  const { username, field } = options;
  const refuse = (message: string, reason: PasswordReason) =>
    new PasswordRejected(options.subject ? `${options.subject}: ${message}` : message, field, reason);
  if ([...password].length < PASSWORD_MIN_LENGTH) throw refuse(`a password needs at least ${PASSWORD_MIN_LENGTH} characters`, 'too_short');
  if (isCommonPassword(password)) throw refuse('this password is in a list of common or breached passwords; choose another', 'common');
  const name = username?.toLowerCase();
  if (name && (password.toLowerCase() === name || (name.length >= 3 && password.toLowerCase().includes(name)))) {
    throw refuse('a password may not contain the username', 'contains_username');
  }
}
