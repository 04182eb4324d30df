import { describe, expect, it } from 'vitest';
import { normaliseBankAccount } from './bank-account.ts';

describe('normaliseBankAccount', () => {
  it('keys IBANs in electronic format, however they are written', () => {
    const written = [
      'GB82 WEST 1234 5698 7654 32',
      'gb82-west-1234-5698-7654-32',
      'IBAN: GB82WEST12345698765432',
      ' GB82 WEST 1234 5698 7654 32 ',
    ];
    for (const raw of written) {
      expect(normaliseBankAccount(raw), raw).toMatchObject({
        value: 'GB82WEST12345698765432',
        valid: true,
        details: { format: 'iban', country: 'GB', bank: 'WEST' },
      });
    }
  });

  it('reads full-width characters and unicode dashes', () => {
    expect(normaliseBankAccount('ＤＥ８９ ３７０４ ００４４ ０５３２ ０１３０ ００').value).toBe(
      'DE89370400440532013000',
    );
    expect(normaliseBankAccount('AE07–0331–2345–6789–0123–456')).toMatchObject({
      valid: true,
      details: { country: 'AE' },
    });
  });

  it('marks wrong check digits, lengths and countries invalid with the reason', () => {
    expect(normaliseBankAccount('GB82 WEST 1234 5698 7654 33')).toMatchObject({
      valid: false,
      value: 'GB82WEST12345698765433',
      problem: 'IBAN check digits do not match',
    });
    expect(normaliseBankAccount('GB82WEST123456987654').problem).toBe(
      'IBAN has the wrong length for its country',
    );
    expect(normaliseBankAccount('XX89370400440532013000').problem).toBe(
      'IBAN country code is not one that issues IBANs',
    );
  });

  it('cleans other account numbers and says they are not IBANs', () => {
    expect(normaliseBankAccount('１２３－４５６ ７８９')).toMatchObject({
      value: '123456789',
      valid: false,
      problem: 'not an IBAN',
      details: { format: 'national' },
    });
  });

  it('accepts a national account number when the officer recorded it as one', () => {
    expect(normaliseBankAccount('012-3-45678-9', 'national')).toMatchObject({
      value: '0123456789',
      valid: true,
    });
  });

  it('rejects text without letters or digits', () => {
    expect(normaliseBankAccount(' -- ').problem).toBe('contains no letters or digits');
  });

  it('never alters raw', () => {
    const raw = 'gb82 west 1234 5698 7654 32';
    expect(normaliseBankAccount(raw).raw).toBe(raw);
  });
});
