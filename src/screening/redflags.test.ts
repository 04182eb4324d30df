import { describe, expect, it } from 'vitest';
import { FLAG_CATALOGUE } from './flags/catalogue.ts';
import { detectLanguage } from './language.ts';
import { redflagAgreement } from './redflag-sample.ts';
import { findRedFlags, readPay } from './redflags.ts';
import { FLAG_IDS } from './types.ts';

const flagsOf = (text: string, extra: Record<string, string> = {}) =>
  findRedFlags({ text, ...extra }).flags.map((hit) => hit.flag);

describe('the flag catalogue', () => {
  it('describes every flag with a weight in 0..1 and at least one source', () => {
    for (const flag of FLAG_IDS) {
      const entry = FLAG_CATALOGUE[flag];
      expect(entry.label).not.toBe('');
      expect(entry.weight).toBeGreaterThan(0);
      expect(entry.weight).toBeLessThanOrEqual(1);
      expect(entry.sources.length).toBeGreaterThan(0);
    }
  });
});

describe('findRedFlags on whole ads', () => {
  const ads: [string, string, string[]][] = [
    [
      'en',
      'Customer service in Sihanoukville, no experience, contact Telegram @hr_kh. Salary $1,500/month, free flights and accommodation. Age 18-35. Urgent hiring! Send a copy of your passport.',
      [
        'high_pay',
        'risky_destination',
        'messaging_only',
        'scam_role',
        'no_experience',
        'costs_paid',
        'urgency',
        'age_limit',
        'documents_or_fees',
        'vague_company',
      ],
    ],
    [
      'id',
      'Lowongan kerja customer service di Kamboja, gaji Rp 15 juta per bulan, tanpa pengalaman, tiket pesawat dan visa ditanggung perusahaan. Hubungi via WhatsApp 0812-3456-7890. Pakai visa turis.',
      [
        'high_pay',
        'risky_destination',
        'messaging_only',
        'scam_role',
        'no_experience',
        'costs_paid',
        'tourist_visa',
      ],
    ],
    [
      'es',
      'Se busca personal de atención al cliente en Camboya, sueldo de 15.000 pesos al mes, sin experiencia, vuelos y alojamiento pagados por la empresa. ¡Urgente!',
      ['high_pay', 'risky_destination', 'scam_role', 'no_experience', 'costs_paid', 'urgency'],
    ],
    [
      'zh',
      '招聘客服，工作地点柬埔寨西港，月薪1万，无需经验，包吃包住，机票报销，年龄18-35岁，急招！联系Telegram: @hr888',
      [
        'high_pay',
        'risky_destination',
        'messaging_only',
        'scam_role',
        'no_experience',
        'costs_paid',
        'urgency',
        'age_limit',
      ],
    ],
  ];
  it.each(ads)('reads a scam-centre lure in %s', (language, text, expected) => {
    const result = findRedFlags({ text });
    expect(result.language).toBe(language);
    for (const flag of expected) expect(result.flags.map((h) => h.flag)).toContain(flag);
  });

  it('raises nothing alarming on an ordinary ad from a named employer', () => {
    const flags = flagsOf(
      'Acme Logistics Ltd is hiring a forklift driver in Leeds. 2 years of experience required. Pay £12.50 per hour. Apply on our website.',
    );
    expect(flags).toEqual([]);
  });

  it('reads English patterns in an ad in another language', () => {
    const hit = findRedFlags({ text: '招聘客服，工作地点 Sihanoukville，包吃包住' }).flags.find(
      (h) => h.flag === 'risky_destination',
    );
    expect(hit).toMatchObject({ language: 'en', evidence: [{ text: 'Sihanoukville' }] });
  });

  it('points at the field the words are in', () => {
    const ad = {
      text: 'Data entry, no experience.',
      title: 'Work in Poipet',
      contact: 'WhatsApp +855 12 345 678',
    };
    const hits = findRedFlags(ad).flags;
    const place = hits.find((h) => h.flag === 'risky_destination')!.evidence[0]!;
    expect(place).toEqual({ field: 'title', start: 8, end: 14, text: 'Poipet' });
    expect(hits.find((h) => h.flag === 'messaging_only')!.evidence[0]!.field).toBe('contact');
  });

  it('merges overlapping evidence into one span', () => {
    const hit = findRedFlags({ text: 'You will travel on a tourist visa.' }).flags.find(
      (h) => h.flag === 'tourist_visa',
    )!;
    expect(hit.evidence).toEqual([{ field: 'text', start: 9, end: 33, text: 'travel on a tourist visa' }]);
  });

  it('does not count a negated fee', () => {
    expect(flagsOf('NO REGISTRATION FEE NOR ADMINISTRATIVE CHARGES WILL BE REQUIRED.')).not.toContain(
      'documents_or_fees',
    );
    expect(flagsOf('Zero start-up fee.')).not.toContain('documents_or_fees');
  });

  it('counts ordinary urgency words only next to real pressure', () => {
    expect(flagsOf('Start asap, apply now.')).not.toContain('urgency');
    const hit = findRedFlags({ text: 'Urgent hiring! Start asap.' }).flags.find((h) => h.flag === 'urgency')!;
    expect(hit.evidence.map((e) => e.text)).toEqual(['Urgent hiring', 'asap']);
  });

  it('tells a missing employer from the structure of the ad', () => {
    expect(flagsOf('We are seeking individuals to work from home.')).toContain('vague_company');
    expect(flagsOf('We are seeking individuals to work from home.', { company: 'Acme Ltd' })).not.toContain(
      'vague_company',
    );
    const hit = findRedFlags({ text: 'We are seeking individuals.' }).flags.find(
      (h) => h.flag === 'vague_company',
    )!;
    expect(hit.language).toBe('any');
  });

  it('raises the pay bar for work that needs experience', () => {
    expect(flagsOf('Senior engineer, 10 years of experience. Salary $8,000 per month.')).not.toContain(
      'high_pay',
    );
    expect(flagsOf('No experience needed. Salary $8,000 per month.')).toContain('high_pay');
  });

  it('compares pay abroad with the destination norm', () => {
    expect(flagsOf('Salary $1,500 per month.')).not.toContain('high_pay');
    expect(flagsOf('Salary $1,500 per month in Phnom Penh.')).toContain('high_pay');
  });

  it('applies only the languages asked for', () => {
    const result = findRedFlags({ text: 'Penempatan di Kamboja' }, { languages: ['zh'] });
    expect(result.flags.map((h) => h.flag)).not.toContain('risky_destination');
  });
});

describe('readPay', () => {
  it.each([
    ['$3,000/month', 'en', 3000],
    ['USD 1500 per month', 'en', 1500],
    ['earn $500 a week', 'en', 2165],
    ['Gaji Rp 15 juta per bulan', 'id', 937.5],
    ['月薪1万', 'zh', 1388.9],
    ['1.5万/月', 'zh', 2083.3],
    ['15.000 pesos al mes', 'es', 857.1],
  ])('reads %s', (text, language, monthlyUsd) => {
    const [amount] = readPay(text, language);
    expect(amount?.monthlyUsd).toBeCloseTo(monthlyUsd, 0);
  });

  it('reads a bare salary range in the pay field as yearly', () => {
    expect(readPay('65000-80000', 'en', 'pay')[0]?.monthlyUsd).toBeCloseTo(80000 / 12, 0);
  });

  it('ignores numbers that are not pay', () => {
    expect(readPay('Spend 30 minutes or 1 hours a day', 'en')).toEqual([]);
  });

  it('refuses a language without patterns', () => {
    expect(() => readPay('100', 'xx')).toThrow(/No red-flag patterns/);
  });
});

describe('detectLanguage', () => {
  it.each([
    ['en', 'We are looking for a customer service agent to join our team in the city.'],
    ['id', 'Lowongan kerja untuk anda, gaji besar dan bisa kerja dari rumah.'],
    ['es', 'Se busca personal para trabajo de atención al cliente en la ciudad.'],
    ['zh', '招聘客服，月薪1万，联系 Telegram @hr'],
    ['th', 'รับสมัครพนักงาน งานออนไลน์ รายได้ดี'],
    ['my', 'ကုမ္ပဏီ အလုပ်ခေါ်နေသည်'],
    ['km', 'ការងារនៅប្រទេសកម្ពុជា'],
    ['hi', 'ग्राहक सेवा के लिए नौकरी, अच्छा वेतन'],
    ['am', 'የሥራ ማስታወቂያ ለደንበኞች አገልግሎት'],
    ['und', 'hello'],
    ['und', '12345 !!!'],
  ])('tells %s', (language, text) => {
    expect(detectLanguage(text)).toBe(language);
  });
});

describe('the redflag sample (50 EMSCAD ads marked by people)', () => {
  const report = redflagAgreement();
  // Measured: documents 96 %, pay 90 %, urgency 100 %, employer 94 %; the floor leaves room for
  // pattern changes without letting agreement fall below the LLM's on the same ads.
  it.each(['sensitive_info', 'unrealistic_comp', 'pressure_tactics', 'anon_employer'])(
    'agrees with the people on %s at least 85 % of the time',
    (human) => {
      const flag = report.flags.find((f) => f.human === human)!;
      expect(report.ads).toBe(50);
      expect(flag.screener!.agreement).toBeGreaterThanOrEqual(85);
      expect(flag.llm).not.toBeNull();
    },
  );

  it('reports the marks without a scam-centre flag as not screened', () => {
    const unscreened = report.flags.filter((f) => f.ours === null).map((f) => f.human);
    expect(unscreened).toEqual(['req_role_mismatch', 'info_conflict', 'vague_info', 'promo_template']);
  });
});
