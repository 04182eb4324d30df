import { describe, expect, it } from 'vitest';
import { looksLikePhone, normalisePhone } from './phone.ts';

describe('normalisePhone', () => {
  it('reads international numbers written with + and spaces', () => {
    const phone = normalisePhone('+91 98765 43210');
    expect(phone).toMatchObject({
      value: '+919876543210',
      valid: true,
      details: { country: 'IN', type: 'MOBILE' },
    });
  });

  it('reads national numbers with a trunk 0 in the default country', () => {
    expect(normalisePhone('0812-3456-7890', 'ID').value).toBe('+6281234567890');
    expect(normalisePhone('081 234 567 890', 'ID').details).toEqual({ country: 'ID', type: 'MOBILE' });
  });

  it('reads the 00 international prefix, with or without a default country', () => {
    expect(normalisePhone('0044 20 7946 0958').value).toBe('+442079460958');
    expect(normalisePhone('0044 20 7946 0958', 'US').value).toBe('+442079460958');
    expect(normalisePhone('00 44 20 7946 0958', 'IN').details).toEqual({ country: 'GB', type: 'FIXED_LINE' });
  });

  it('reads parentheses, full-width digits and unicode dashes', () => {
    expect(normalisePhone('(+66) 81 234 5678').value).toBe('+66812345678');
    expect(normalisePhone('０８１２－３４５６－７８９０', 'ID').value).toBe('+6281234567890');
    expect(normalisePhone('0812–3456—7890', 'ID').value).toBe('+6281234567890');
  });

  it('gives the same key for the same number however it is written', () => {
    const keys = ['+855 12 345 678', '00855-12-345-678', '012 345 678'].map(
      (raw) => normalisePhone(raw, 'KH').value,
    );
    expect(new Set(keys)).toEqual(new Set(['+85512345678']));
  });

  it('marks too-short and unknown numbers invalid, keeping their digits', () => {
    expect(normalisePhone('12345', 'ID')).toMatchObject({
      valid: false,
      value: '12345',
      problem: 'wrong length for its country',
    });
    expect(normalisePhone('+1 555 0100 000')).toMatchObject({
      valid: false,
      value: '+15550100000',
      problem: 'not a number in use in its country',
    });
    const unknown = normalisePhone('+999 123 4567');
    expect(unknown).toMatchObject({ valid: false, value: '+9991234567', problem: 'not a phone number' });
  });

  it('says when a national number has no country to read it in', () => {
    expect(normalisePhone('0812 3456 7890')).toMatchObject({
      valid: false,
      value: '081234567890',
      problem: 'no country code and no default country',
    });
  });

  it('rejects text without digits', () => {
    expect(normalisePhone('call me')).toMatchObject({ valid: false, problem: 'contains no digits' });
  });

  it('never alters raw', () => {
    const raw = '  (0812) 3456–7890 ';
    expect(normalisePhone(raw, 'ID').raw).toBe(raw);
    expect(normalisePhone('junk', 'ID').raw).toBe('junk');
  });

  it('fails loudly on a default country that is not a country code', () => {
    expect(() => normalisePhone('0812 3456 7890', 'Indonesia')).toThrow(/alpha-2/);
  });
});

describe('looksLikePhone', () => {
  it('tells numbers from names', () => {
    expect(looksLikePhone('+62 812-3456-7890')).toBe(true);
    expect(looksLikePhone('(0812) 3456')).toBe(true);
    expect(looksLikePhone('john_doe')).toBe(false);
    expect(looksLikePhone('somchai.01')).toBe(false);
    expect(looksLikePhone('-')).toBe(false);
  });
});
