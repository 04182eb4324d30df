import { describe, expect, it } from 'vitest';
import { mrzCheckDigit, readMrz } from './mrz.ts';

// Specimens from ICAO Doc 9303 parts 4, 5 and 6.
const TD3 = 'P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<\nL898902C36UTO7408122F1204159ZE184226B<<<<<10';
const TD2 = 'I<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<\nD231458907UTO7408122F1204159<<<<<<<6';
const TD1 = 'I<UTOD231458907<<<<<<<<<<<<<<<\n7408122F1204159UTO<<<<<<<<<<<6\nERIKSSON<<ANNA<MARIA<<<<<<<<<<';

describe('mrzCheckDigit', () => {
  it('computes the ICAO 9303 check digits of the specimens', () => {
    expect(mrzCheckDigit('L898902C3')).toBe(6);
    expect(mrzCheckDigit('740812')).toBe(2);
    expect(mrzCheckDigit('120415')).toBe(9);
    expect(mrzCheckDigit('ZE184226B<<<<<')).toBe(1);
    expect(mrzCheckDigit('D23145890734')).toBe(9);
  });
});

describe('readMrz', () => {
  it('reads a TD3 passport MRZ', () => {
    expect(readMrz(TD3)).toEqual({
      format: 'TD3',
      documentCode: 'P',
      issuingState: 'UTO',
      documentNumber: 'L898902C3',
      nationality: 'UTO',
      birthDate: '740812',
      sex: 'F',
      expiryDate: '120415',
      surname: 'ERIKSSON',
      givenNames: 'ANNA MARIA',
      optionalData: 'ZE184226B',
      failedChecks: [],
    });
  });

  it('reads TD2 and TD1 MRZs', () => {
    expect(readMrz(TD2)).toMatchObject({ format: 'TD2', documentNumber: 'D23145890', failedChecks: [] });
    expect(readMrz(TD1)).toMatchObject({
      format: 'TD1',
      documentNumber: 'D23145890',
      surname: 'ERIKSSON',
      failedChecks: [],
    });
  });

  it('reads a TD1 document number longer than nine characters', () => {
    const long =
      'I<UTOD23145890<7349<<<<<<<<<<<\n7408122F1204159UTO<<<<<<<<<<<6\nERIKSSON<<ANNA<MARIA<<<<<<<<<<';
    expect(readMrz(long)).toMatchObject({ documentNumber: 'D23145890734', failedChecks: [] });
  });

  it('names each check digit that fails', () => {
    const badNumber = TD3.replace('L898902C36', 'L898902C37');
    expect(readMrz(badNumber)?.failedChecks).toEqual(['document number', 'composite']);
    const badBirth = TD3.replace('7408122', '7408132');
    expect(readMrz(badBirth)?.failedChecks).toEqual(['date of birth', 'composite']);
    const badComposite = TD3.replace(/0$/, '5');
    expect(readMrz(badComposite)?.failedChecks).toEqual(['composite']);
    expect(readMrz(TD1.replace('7408122F1204159', '7408122F1204158'))?.failedChecks).toEqual([
      'expiry date',
      'composite',
    ]);
  });

  it('tolerates spaces, CRLF, lower case and a single pasted line', () => {
    expect(readMrz(` ${TD3.toLowerCase().replace('\n', ' \r\n ')} `)?.failedChecks).toEqual([]);
    expect(readMrz(TD3.replace('\n', ''))?.documentNumber).toBe('L898902C3');
    expect(readMrz(TD3.replace(/</g, '＜'))?.documentNumber).toBe('L898902C3');
  });

  it('returns undefined for text that is not an MRZ', () => {
    expect(readMrz('L898902C3')).toBeUndefined();
    expect(readMrz(TD3.slice(0, -1))).toBeUndefined();
    expect(readMrz(TD3.replace('ERIKSSON', 'ERIKSSÖN'))).toBeUndefined();
  });
});
