// The TOTP second factor (RFC 6238: HMAC-SHA1, 30-second steps, 6 digits) through otpauth.
import { Secret, TOTP } from 'otpauth';

const PERIOD = 30;

function totp(secret: string, username: string): TOTP {
  return new TOTP({ issuer: 'Cordon', label: username || 'Cordon', algorithm: 'SHA1', digits: 6, period: PERIOD, secret: Secret.fromBase32(secret) });
}

/**
 * A new random secret (160 bits) and its otpauth:// URI for an authenticator app's QR code.
 * @example const { secret, uri } = newTotpSecret('officer-tr') // uri: otpauth://totp/Cordon:officer-tr?…
 */
export function newTotpSecret(username: string): { secret: string; uri: string } {
  const secret = new Secret({ size: 20 }).base32;
  return { secret, uri: totp(secret, username).toString() };
}

/**
 * The time step a code belongs to when it matches now, one step before or one after; else null.
 * The caller keeps the last step used, so that a code works once.
 * @example const step = totpStep(user.totp_secret, '123456', Date.now())
 */
export function totpStep(secret: string, code: string, now = Date.now()): number | null {
  const delta = totp(secret, '').validate({ token: code, timestamp: now, window: 1 });
  return delta === null ? null : Math.floor(now / 1000 / PERIOD) + delta;
}

/** The code of a step (tests and the CLI's checks). */
export function totpCode(secret: string, now = Date.now()): string {
  return totp(secret, '').generate({ timestamp: now });
}
