import { describe, expect, it } from 'vitest';
import { toAlpha2 } from './country-code.ts';
import { normaliseDocument } from './document.ts';
import { mrzCheckDigit } from './mrz.ts';

const TD3 = 'P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<\nL898902C36UTO7408122F1204159ZE184226B<<<<<10';
const TD1 = 'I<UTOD231458907<<<<<<<<<<<<<<<\n7408122F1204159UTO<<<<<<<<<<<6\nERIKSSON<<ANNA<MARIA<<<<<<<<<<';

describe('normaliseDocument: numbers', () => {
  it('upper-cases, removes spaces and dashes, and prefixes the issuing country', () => {
    expect(
      normaliseDocument('pa 123-4567', { issuingCountry: 'NPL', documentType: 'Passport' }),
    ).toMatchObject({
      value: 'NP:PA1234567',
      valid: true,
      details: { issuingCountry: 'NP', documentType: 'passport', number: 'PA1234567' },
    });
    expect(normaliseDocument('PA1234567', { issuingCountry: 'np' }).value).toBe('NP:PA1234567');
  });

  it('keeps the same number from two countries apart', () => {
    const nepal = normaliseDocument('12345678', { issuingCountry: 'NP' });
    const india = normaliseDocument('12345678', { issuingCountry: 'IND' });
    expect(nepal.value).not.toBe(india.value);
  });

  it('reads full-width characters and unicode dashes', () => {
    expect(normaliseDocument('ｅ１２３４５６７８', { issuingCountry: 'CN' }).value).toBe('CN:E12345678');
    expect(normaliseDocument('C–1234—567', { issuingCountry: 'LK' }).value).toBe('LK:C1234567');
  });

  it('says what is wrong with a bad number or country', () => {
    expect(normaliseDocument('PA123/45', { issuingCountry: 'NP' }).problem).toBe(
      'document number has characters other than letters and digits',
    );
    expect(normaliseDocument('PA1', { issuingCountry: 'NP' }).problem).toBe(
      'document number is not 4–24 characters long',
    );
    expect(normaliseDocument('  ', { issuingCountry: 'NP' }).problem).toBe('document number is empty');
    expect(normaliseDocument('PA1234567')).toMatchObject({
      valid: false,
      value: 'PA1234567',
      problem: 'issuing country not given',
    });
    expect(normaliseDocument('PA1234567', { issuingCountry: 'Nepal' })).toMatchObject({
      valid: false,
      problem: "issuing country 'Nepal' is not an ISO 3166 country code",
    });
  });

  it('never alters raw', () => {
    expect(normaliseDocument(' pa 123-4567 ', { issuingCountry: 'NP' }).raw).toBe(' pa 123-4567 ');
  });
});

describe('normaliseDocument: machine-readable zones', () => {
  it('reads a TD3 passport MRZ into details', () => {
    expect(normaliseDocument(TD3)).toEqual({
      kind: 'document',
      raw: TD3,
      value: 'UTO:L898902C3',
      valid: true,
      details: {
        format: 'TD3',
        documentCode: 'P',
        documentType: 'passport',
        issuingCountry: 'UTO',
        number: 'L898902C3',
        surname: 'ERIKSSON',
        givenNames: 'ANNA MARIA',
        nationality: 'UTO',
        birthDate: '1974-08-12',
        sex: 'F',
        expiryDate: '2012-04-15',
        optionalData: 'ZE184226B',
      },
    });
  });

  it('converts real issuing states to alpha-2, ICAO special codes included', () => {
    const nepal = TD3.replace(/UTO/g, 'NPL');
    const german = TD1.replace(/UTO/g, 'D<<');
    // The states are outside every check digit except the composite's nationality, which does not change.
    expect(normaliseDocument(nepal)).toMatchObject({
      value: 'NP:L898902C3',
      details: { issuingCountry: 'NP', nationality: 'NP' },
    });
    expect(normaliseDocument(german)).toMatchObject({
      value: 'DE:D23145890',
      details: { documentType: 'identity_card' },
    });
  });

  it('marks an MRZ with a bad check digit invalid and says which', () => {
    const bad = TD3.replace('L898902C36', 'L898902C37');
    expect(normaliseDocument(bad)).toMatchObject({
      valid: false,
      value: 'UTO:L898902C3',
      problem: 'MRZ check digits for the document number and composite do not match',
    });
  });

  it('refuses a date that does not exist even when its check digit matches', () => {
    // 741312 has check digit 8; the composite digit is recomputed for the changed line.
    const line2 = 'L898902C36UTO7413128F1204159ZE184226B<<<<<1';
    const composite = mrzCheckDigit(line2.slice(0, 10) + line2.slice(13, 20) + line2.slice(21, 43));
    const mrz = `${TD3.split('\n')[0]}\n${line2}${composite}`;
    expect(normaliseDocument(mrz).problem).toBe('MRZ date of birth 1974-13-12 is not a calendar date');
  });

  it('names a single failed check digit', () => {
    expect(normaliseDocument(TD3.replace(/0$/, '4')).problem).toBe(
      'MRZ check digit for the composite does not match',
    );
  });

  it('reads an MRZ pasted with spaces and lower case', () => {
    expect(normaliseDocument(TD3.toLowerCase().replace('\n', '  \n ')).valid).toBe(true);
  });
});

describe('toAlpha2', () => {
  it('reads alpha-2, alpha-3 and ICAO codes', () => {
    expect(toAlpha2('NPL')).toBe('NP');
    expect(toAlpha2('kh')).toBe('KH');
    expect(toAlpha2('GBD')).toBe('GB');
    expect(toAlpha2('RKS')).toBe('XK');
    expect(toAlpha2('UTO')).toBeUndefined();
    expect(toAlpha2('ZZ')).toBeUndefined();
  });
});
