import { describe, expect, it } from 'vitest';
import { newTotpSecret, totpCode, totpStep } from './totp.ts';

describe('TOTP (RFC 6238)', () => {
  it('matches the RFC test vector for SHA-1 at 59 s', () => {
    // RFC 6238 appendix B: secret "12345678901234567890", T = 59 → 94287082 (8 digits); 6 digits: 287082.
    const secret = 'GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ';
    expect(totpCode(secret, 59_000)).toBe('287082');
    expect(totpStep(secret, '287082', 59_000)).toBe(1);
  });

  it('accepts a code one step either side and nothing further', () => {
    const { secret } = newTotpSecret('officer-tr');
    const now = 1_800_000_000_000;
    const step = Math.floor(now / 30_000);
    expect(totpStep(secret, totpCode(secret, now - 30_000), now)).toBe(step - 1);
    expect(totpStep(secret, totpCode(secret, now + 30_000), now)).toBe(step + 1);
    expect(totpStep(secret, totpCode(secret, now - 90_000), now)).toBeNull();
  });

  it('gives an otpauth URI with issuer Cordon and the username as label', () => {
    const { secret, uri } = newTotpSecret('officer-tr');
    expect(secret).toMatch(/^[A-Z2-7]{32}$/);
    expect(uri).toMatch(/^otpauth:\/\/totp\/Cordon:officer-tr\?/);
    expect(uri).toContain('issuer=Cordon');
    expect(uri).toContain(`secret=${secret}`);
  });
});
