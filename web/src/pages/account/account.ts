// What the account and users screens share: the API's shapes, the password policy as far as a
// browser can check it before sending, and the API's refusals in the reader's words.
import type { useTranslation } from 'react-i18next';
import { PASSWORD_MIN_LENGTH, type PasswordReason, type SessionBody } from '../../../../src/modules/auth/schema.ts';
import { ApiError } from '../../api.ts';

export type { PasswordReason, SessionBody };
export { PASSWORD_MIN_LENGTH };
type Translate = ReturnType<typeof useTranslation>['t'];

/**
 * Why the policy would refuse this new password, as far as the browser can tell: its length and
 * the username. The list of common and breached passwords stays on the server, which answers `common`.
 * @example localPasswordReason('officer-tr 2026', 'officer-tr') // 'contains_username'
 */
export function localPasswordReason(password: string, username: string): PasswordReason | undefined {
  if ([...password].length < PASSWORD_MIN_LENGTH) return 'too_short';
  const name = username.toLowerCase();
  const lower = password.toLowerCase();
  // As the server's rule: the whole name anywhere, once it is long enough to mean something.
  if (name && (lower === name || (name.length >= 3 && lower.includes(name)))) return 'contains_username';
  return undefined;
}

/** A refused password's reason as the person reads it next to the field. */
export function passwordReasonText(reason: PasswordReason, t: Translate): string {
  return t(`account.password.reasons.${reason}`, { limit: PASSWORD_MIN_LENGTH });
}

/** Whole minutes to wait after a 429 (`retryAfter` is in seconds): at least one. */
export function retryMinutes(seconds: number): number {
  return Math.max(1, Math.ceil(seconds / 60));
}

/**
 * What went wrong with a change that no single field explains, in the reader's language.
 * @example <p role="alert">{writeProblem(mutation.error, t)}</p>
 */
export function writeProblem(error: unknown, t: Translate): string {
  if (!(error instanceof ApiError)) return t('account.errors.offline');
  if (error.status === 429) return t('account.errors.throttled', { count: retryMinutes(error.detail.retryAfter ?? 60) });
  if (error.status >= 500) return t('account.errors.server');
  if (error.status === 403) return t('account.errors.forbidden');
  if (error.status === 404) return t('account.errors.gone');
  return t('account.errors.refused');
}

/**
 * The field a 400 names and what to say there: the password policy's reason, or `wrong` (a
 * password or a code that is not right). Undefined for any other error.
 * @example const refused = refusedField(error, t); if (refused) form.show({ [refused.field]: refused.message });
 */
export function refusedField(error: unknown, t: Translate): { field: string; message: string } | undefined {
  if (!(error instanceof ApiError) || error.status !== 400 || !error.field) return undefined;
  const { field } = error;
  if (error.detail.reason) return { field, message: passwordReasonText(error.detail.reason, t) };
  if (field === 'code') return { field, message: t('account.twoFactor.codeWrong') };
  if (field === 'currentPassword' || field === 'password') return { field, message: t('account.password.wrong') };
  return { field, message: t('validation.invalid') };
}

/**
 * The browser and system a User-Agent header names ("Firefox", "Android"), each when recognised.
 * @example describeAgent('Mozilla/5.0 (X11; Linux x86_64) … Chrome/131.0 Safari/537.36') // { browser: 'Chrome', system: 'Linux' }
 */
export function describeAgent(agent: string | null): { browser?: string; system?: string } {
  if (!agent) return {};
  const browsers: [RegExp, string][] = [
    [/Edg\//, 'Edge'],
    [/OPR\//, 'Opera'],
    [/Firefox\//, 'Firefox'],
    [/Chrom(e|ium)\//, 'Chrome'],
    [/Safari\//, 'Safari'],
    [/^curl\//, 'curl'],
    [/^node|undici/i, 'Node.js'],
  ];
  const systems: [RegExp, string][] = [
    [/Android/, 'Android'],
    [/iPhone|iPad|iOS/, 'iOS'],
    [/Windows/, 'Windows'],
    [/Mac OS X|Macintosh/, 'macOS'],
    [/CrOS/, 'ChromeOS'],
    [/Linux/, 'Linux'],
  ];
  const browser = browsers.find(([pattern]) => pattern.test(agent))?.[1];
  const system = systems.find(([pattern]) => pattern.test(agent))?.[1];
  return { ...(browser ? { browser } : {}), ...(system ? { system } : {}) };
}

/** A secret in groups of four, for typing into an app by hand. */
export function groupSecret(secret: string): string {
  return secret.replace(/(.{4})(?=.)/g, '$1 ');
}
