import { describe, expect, it } from 'vitest';
import { IDENTIFIER_KINDS, type IdentifierKind, normaliseIdentifier } from './index.ts';

describe('normaliseIdentifier', () => {
  it('routes each kind to its normaliser, passing the context it needs', () => {
    expect(normaliseIdentifier('phone', '0812-3456-7890', { defaultCountry: 'ID' }).value).toBe(
      '+6281234567890',
    );
    expect(normaliseIdentifier('email', ' HR@Example.com ').value).toBe('hr@example.com');
    expect(normaliseIdentifier('handle', '@Job_Offers_KH', { platform: 'telegram' }).value).toBe(
      'job_offers_kh',
    );
    expect(normaliseIdentifier('url', 'Example.com/jobs/?utm_source=fb').value).toBe(
      'https://example.com/jobs',
    );
    expect(normaliseIdentifier('domain', 'WWW.Example.com').value).toBe('example.com');
    expect(
      normaliseIdentifier('crypto_wallet', 'TCwkX7ztyJzbuv7WjuuKsB9VCdv2mhYtj8', { chain: 'trx' }).details
        .chain,
    ).toBe('tron');
    expect(normaliseIdentifier('bank_account', '012-345', { accountFormat: 'national' }).valid).toBe(true);
    expect(normaliseIdentifier('bank_account', '012-345').problem).toBe('not an IBAN');
    expect(normaliseIdentifier('document', 'pa-1234567', { issuingCountry: 'NPL' }).value).toBe(
      'NP:PA1234567',
    );
    expect(normaliseIdentifier('company', 'Golden Fortune Co., Ltd.').value).toBe('golden fortune');
  });

  it('returns a WhatsApp number as a phone that matches the same number recorded as a phone', () => {
    const handle = normaliseIdentifier('handle', 'wa.me/6281234567890');
    const phone = normaliseIdentifier('phone', '+62 812 3456 7890');
    expect([handle.kind, handle.value]).toEqual([phone.kind, phone.value]);
    expect(handle.details.platform).toBe('whatsapp');
  });

  it('keeps raw exactly as written and gives a problem only when invalid, for every kind', () => {
    const samples: Record<IdentifierKind, string> = {
      phone: ' (0812) 3456–7890 ',
      email: ' HR [at] Example [dot] com ',
      handle: ' https://T.me/Job_Offers_KH ',
      url: ' HTTPS://Example.com/?fbclid=1 ',
      domain: ' WWW.Bücher.DE ',
      crypto_wallet: ' 0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed ',
      bank_account: ' gb82 west 1234 5698 7654 32 ',
      document: ' pa 123 4567 ',
      job_ad: ' Customer service, Bangkok ',
      scam_compound: ' K.K. Park ',
      company: ' PT. Maju Jaya Tbk ',
    };
    for (const kind of IDENTIFIER_KINDS) {
      const context = { defaultCountry: 'ID', issuingCountry: 'NP' };
      const identifier = normaliseIdentifier(kind, samples[kind], context);
      expect(identifier.raw, kind).toBe(samples[kind]);
      expect(identifier.valid, kind).toBe(true);
      expect(identifier.problem, kind).toBeUndefined();
      expect(identifier.value, kind).not.toBe(samples[kind]);
      const broken = normaliseIdentifier(kind, '', context);
      expect(broken.valid, kind).toBe(false);
      expect(broken.problem, kind).toBeTruthy();
    }
  });

  it('fails loudly on an unknown kind', () => {
    expect(() => normaliseIdentifier('passport' as IdentifierKind, 'X')).toThrow(
      /Unknown identifier kind 'passport'/,
    );
  });
});
