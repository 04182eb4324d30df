import { describe, expect, it } from 'vitest';
import { foldName, normaliseCompany } from './company.ts';

describe('normaliseCompany', () => {
  it('gives one key however the legal form is written', () => {
    const written = [
      'Golden Fortune Co., Ltd.',
      'Golden Fortune Co.,Ltd',
      'GOLDEN FORTUNE COMPANY LIMITED',
      'golden  fortune co ltd',
    ];
    for (const raw of written) {
      expect(normaliseCompany(raw), raw).toMatchObject({
        value: 'golden fortune',
        valid: true,
        details: { legalForm: 'Co., Ltd.' },
      });
    }
  });

  it('recognises the legal forms of the region and beyond', () => {
    const cases: [string, string, string][] = [
      ['Kings Romans Group Sdn. Bhd.', 'kings romans group', 'Sdn Bhd'],
      ['Tata Consultancy Services Pvt. Ltd.', 'tata consultancy services', 'Pvt Ltd'],
      ['Inversiones Andinas S.A.C.', 'inversiones andinas', 'S.A.C.'],
      ['Minera del Sur S.A.', 'minera del sur', 'S.A.'],
      ['Grupo México S.A. de C.V.', 'grupo mexico', 'S.A. de C.V.'],
      ['Müller GmbH', 'muller', 'GmbH'],
      ['Dubai Star FZ-LLC', 'dubai star', 'FZ-LLC'],
      ['Dubai Star F.Z.E.', 'dubai star', 'FZE'],
      ['Star Trading L.L.C.', 'star trading', 'LLC'],
      ['Acme Inc.', 'acme', 'Inc.'],
      ['Acme Corporation', 'acme', 'Corp.'],
      ['Acme Limited', 'acme', 'Ltd'],
      ['CV Berkah Abadi', 'berkah abadi', 'CV'],
      ['Công ty TNHH Phát Triển', 'phat trien', 'Công ty TNHH'],
      ['金木棉集团有限公司', '金木棉集团', '有限公司'],
      ['台積電股份有限公司', '台積電', '股份有限公司'],
      ['บริษัท ไทยเบฟ จำกัด (มหาชน)', 'ไทยเบฟ', 'บริษัท จำกัด (มหาชน)'],
      ['บริษัทสยามจำกัด', 'สยาม', 'บริษัท จำกัด'],
    ];
    for (const [raw, value, legalForm] of cases) {
      expect(normaliseCompany(raw), raw).toMatchObject({ value, details: { legalForm } });
    }
  });

  it('finds a prefix and a suffix form together', () => {
    expect(normaliseCompany('PT. Maju Jaya Tbk')).toMatchObject({
      value: 'maju jaya',
      details: { legalForm: 'PT Tbk' },
    });
    expect(normaliseCompany('PT Maju Jaya').value).toBe('maju jaya');
  });

  it('takes a form only as a whole word at the edge of the name', () => {
    expect(normaliseCompany('Costa Ltd').value).toBe('costa');
    expect(normaliseCompany('Ptolemy Trading').details).toEqual({});
    expect(normaliseCompany('Sacco').value).toBe('sacco');
  });

  it('folds full-width, diacritics, ampersands, apostrophes and unicode dashes', () => {
    expect(normaliseCompany('ＡＢＣ　Ｃｏ．，Ｌｔｄ．').value).toBe('abc');
    expect(normaliseCompany('Tom’s Fish & Chips Co.').value).toBe('toms fish and chips');
    expect(normaliseCompany('Maju–Jaya Sdn Bhd').value).toBe('maju jaya');
  });

  it('keeps a name that is only a legal form, and refuses an empty one', () => {
    expect(normaliseCompany('Limited')).toMatchObject({ value: 'limited', valid: true, details: {} });
    expect(normaliseCompany(' ., ')).toMatchObject({
      valid: false,
      problem: 'company name is empty',
      value: '',
    });
  });

  it('never alters raw', () => {
    const raw = ' PT. Maju Jaya Tbk ';
    expect(normaliseCompany(raw).raw).toBe(raw);
  });
});

describe('foldName', () => {
  it('joins abbreviation dots and spaces other punctuation', () => {
    expect(foldName('Nguyễn & Sons, S.A.')).toBe('nguyen and sons sa');
    expect(foldName('Pvt.Ltd')).toBe('pvt ltd');
  });
});
