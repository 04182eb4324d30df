// Every red flag in every language: a realistic sentence that must raise it (with the exact words
// and offsets) and a legitimate one that must not. A test fails when a pair is missing.
import { describe, expect, it } from 'vitest';
import { findRedFlags } from '../redflags.ts';
import { type Ad, FLAG_IDS, type FlagId } from '../types.ts';
import { LANGUAGE_PATTERNS } from './index.ts';

interface Case {
  language: 'en' | 'id' | 'es' | 'zh';
  flag: FlagId;
  /** A sentence (or an ad) that must raise the flag, and the words that must be its evidence. */
  positive: string | Ad;
  evidence: string | null;
  /** A legitimate sentence (or ad) that must not raise it. */
  negative: string | Ad;
}

const CASES: Case[] = [
  // ---- English
  {
    language: 'en',
    flag: 'high_pay',
    positive: 'Data entry from home, earn $1,500 per week.',
    evidence: 'earn $1,500 per week',
    negative: 'Salary: $2,400 per month plus overtime.',
  },
  {
    language: 'en',
    flag: 'high_pay',
    positive: 'High salary and bonuses for the right people.',
    evidence: 'High salary',
    negative: 'Competitive salary and benefits.',
  },
  {
    language: 'en',
    flag: 'risky_destination',
    positive: 'Work in our office in Sihanoukville, Cambodia.',
    evidence: 'Sihanoukville',
    negative: 'Warehouse job in Rotterdam, the Netherlands.',
  },
  {
    language: 'en',
    flag: 'messaging_only',
    positive: 'Interested? Contact us on Telegram: @jobs_asia',
    evidence: 'Contact us on Telegram: @jobs_asia',
    negative: 'Apply through our careers page; our product integrates with WhatsApp Business.',
  },
  {
    language: 'en',
    flag: 'scam_role',
    positive: 'We are hiring data entry clerks.',
    evidence: 'data entry',
    negative: 'Customer service experience required, 3 years.',
  },
  {
    language: 'en',
    flag: 'no_experience',
    positive: 'No experience needed, training provided.',
    evidence: 'No experience needed',
    negative: 'Customer service experience required, 3 years.',
  },
  {
    language: 'en',
    flag: 'costs_paid',
    positive: 'Free flights and accommodation provided.',
    evidence: 'Free flights',
    negative: "Relocation costs are the employee's responsibility.",
  },
  {
    language: 'en',
    flag: 'urgency',
    positive: 'URGENT HIRING! Depart immediately.',
    evidence: 'URGENT HIRING',
    negative: 'Start date: 1 March. Apply today.',
  },
  {
    language: 'en',
    flag: 'tourist_visa',
    positive: 'You will travel on a tourist visa.',
    evidence: 'travel on a tourist visa',
    negative: 'We sponsor an H-1B work visa.',
  },
  {
    language: 'en',
    flag: 'age_limit',
    positive: 'Age 18-35 only.',
    evidence: 'Age 18-35',
    negative: 'Applicants must be at least 18 years old.',
  },
  {
    language: 'en',
    flag: 'language_typing',
    positive: 'Typing speed of 40 wpm and good English.',
    evidence: 'Typing speed',
    negative: 'Excellent written and verbal communication skills.',
  },
  {
    language: 'en',
    flag: 'documents_or_fees',
    positive: 'Send a copy of your passport and pay a registration fee of $50.',
    evidence: 'copy of your passport',
    negative: 'No registration fee is required.',
  },
  {
    language: 'en',
    flag: 'vague_company',
    positive: 'Work for a reputable company in Asia.',
    evidence: 'a reputable company',
    negative: 'Join Acme Logistics Ltd (company registration no. 08123456) as a warehouse operative.',
  },
  // ---- Indonesian
  {
    language: 'id',
    flag: 'high_pay',
    positive: 'Gaji Rp 15 juta per bulan.',
    evidence: 'Gaji Rp 15 juta per bulan',
    negative: 'Gaji Rp 5 juta per bulan.',
  },
  {
    language: 'id',
    flag: 'high_pay',
    positive: 'Kerja santai, gaji tinggi!',
    evidence: 'gaji tinggi',
    negative: 'Gaji sesuai UMR.',
  },
  {
    language: 'id',
    flag: 'risky_destination',
    positive: 'Penempatan di Kamboja.',
    evidence: 'Kamboja',
    negative: 'Penempatan di Surabaya, Jawa Timur.',
  },
  {
    language: 'id',
    flag: 'messaging_only',
    positive: 'Hubungi via WhatsApp 0812-3456-7890',
    evidence: 'Hubungi via WhatsApp 0812-3456-7890',
    negative: 'Kirim lamaran ke email hrd@majujaya.co.id',
  },
  {
    language: 'id',
    flag: 'messaging_only',
    positive: 'Lowongan di Kamboja, hubungi WhatsApp saja.',
    evidence: 'hubungi WhatsApp saja',
    negative: 'Hubungi kantor kami di Jl. Sudirman No. 5, Jakarta.',
  },
  {
    language: 'id',
    flag: 'scam_role',
    positive: 'Lowongan admin chat untuk tim kami.',
    evidence: 'admin chat',
    negative: 'Dibutuhkan staf akuntansi dengan pengalaman minimal 3 tahun.',
  },
  {
    language: 'id',
    flag: 'no_experience',
    positive: 'Tanpa pengalaman, akan dilatih.',
    evidence: 'Tanpa pengalaman',
    negative: 'Pengalaman minimal 3 tahun di bidang yang sama.',
  },
  {
    language: 'id',
    flag: 'costs_paid',
    positive: 'Tiket pesawat dan visa ditanggung perusahaan.',
    evidence: 'Tiket pesawat dan visa ditanggung perusahaan',
    negative: 'Tidak ada mess, biaya transport sendiri.',
  },
  {
    language: 'id',
    flag: 'urgency',
    positive: 'Dibutuhkan segera, langsung berangkat!',
    evidence: 'Dibutuhkan segera',
    negative: 'Lamaran diterima sampai akhir bulan depan.',
  },
  {
    language: 'id',
    flag: 'tourist_visa',
    positive: 'Berangkat pakai visa turis.',
    evidence: 'pakai visa turis',
    negative: 'Visa kerja resmi diurus sesuai prosedur BP2MI.',
  },
  {
    language: 'id',
    flag: 'age_limit',
    positive: 'Usia maksimal 30 tahun.',
    evidence: 'Usia maksimal 30 tahun',
    negative: 'Minimal berusia 18 tahun.',
  },
  {
    language: 'id',
    flag: 'language_typing',
    positive: 'Bisa bahasa Inggris dan Mandarin.',
    evidence: 'Bisa bahasa Inggris',
    negative: 'Mampu bekerja dalam tim.',
  },
  {
    language: 'id',
    flag: 'documents_or_fees',
    positive: 'Kirim foto paspor dan KTP.',
    evidence: 'foto paspor',
    negative: 'Tanpa biaya pendaftaran.',
  },
  {
    language: 'id',
    flag: 'vague_company',
    positive: 'Bekerja di perusahaan ternama.',
    evidence: 'perusahaan ternama',
    negative: 'PT Maju Jaya Sentosa (NIB 9120001234567) membuka lowongan.',
  },
  // ---- Spanish
  {
    language: 'es',
    flag: 'high_pay',
    positive: 'Sueldo de 15.000 pesos al mes.',
    evidence: 'Sueldo de 15.000 pesos al mes',
    negative: 'Sueldo de 9.000 pesos al mes.',
  },
  {
    language: 'es',
    flag: 'high_pay',
    positive: 'Ofrecemos sueldo alto y bonos.',
    evidence: 'sueldo alto',
    negative: 'Sueldo según tabulador.',
  },
  {
    language: 'es',
    flag: 'risky_destination',
    positive: 'Trabajo en Camboya.',
    evidence: 'Camboya',
    negative: 'Trabajo en Monterrey, Nuevo León.',
  },
  {
    language: 'es',
    flag: 'messaging_only',
    positive: 'Escríbenos por WhatsApp al +52 55 1234 5678',
    evidence: 'Escríbenos por WhatsApp al +52 55 1234 5678',
    negative: 'Envía tu CV a través de nuestro portal de empleo.',
  },
  {
    language: 'es',
    flag: 'scam_role',
    positive: 'Puesto: agente de atención al cliente.',
    evidence: 'atención al cliente',
    negative: 'Se requieren 3 años de experiencia en servicio al cliente.',
  },
  {
    language: 'es',
    flag: 'no_experience',
    positive: 'Sin experiencia previa.',
    evidence: 'Sin experiencia previa',
    negative: 'Se requieren 3 años de experiencia en servicio al cliente.',
  },
  {
    language: 'es',
    flag: 'costs_paid',
    positive: 'Vuelos y alojamiento pagados por la empresa.',
    evidence: 'Vuelos y alojamiento pagados por la empresa',
    negative: 'El empleado cubre sus propios gastos de traslado.',
  },
  {
    language: 'es',
    flag: 'urgency',
    positive: '¡Urgente! Salida inmediata.',
    evidence: 'Urgente',
    negative: 'Incorporación en marzo; el proceso dura dos semanas.',
  },
  {
    language: 'es',
    flag: 'tourist_visa',
    positive: 'Viajarás con visa de turista.',
    evidence: 'visa de turista',
    negative: 'Tramitamos tu permiso de trabajo oficial.',
  },
  {
    language: 'es',
    flag: 'age_limit',
    positive: 'Edad: 18 a 35 años.',
    evidence: 'Edad: 18 a 35 años',
    negative: 'Mayores de 18 años.',
  },
  {
    language: 'es',
    flag: 'language_typing',
    positive: 'Inglés fluido indispensable.',
    evidence: 'Inglés fluido',
    negative: 'Buena comunicación verbal y escrita.',
  },
  {
    language: 'es',
    flag: 'documents_or_fees',
    positive: 'Envía copia de tu pasaporte.',
    evidence: 'copia de tu pasaporte',
    negative: 'Sin cuota de inscripción.',
  },
  {
    language: 'es',
    flag: 'vague_company',
    positive: 'Importante empresa solicita personal.',
    evidence: 'Importante empresa',
    negative: 'Transportes del Norte S.A. de C.V. (RFC TNO850101AB1) solicita chofer.',
  },
  // ---- Chinese
  {
    language: 'zh',
    flag: 'high_pay',
    positive: '月薪1万，每月准时发放。',
    evidence: '月薪1万',
    negative: '月薪5000元，五险一金。',
  },
  { language: 'zh', flag: 'high_pay', positive: '高薪诚聘。', evidence: '高薪', negative: '薪资面议。' },
  {
    language: 'zh',
    flag: 'risky_destination',
    positive: '工作地点：缅甸妙瓦底',
    evidence: '缅甸',
    negative: '工作地点：上海浦东新区',
  },
  {
    language: 'zh',
    flag: 'messaging_only',
    positive: '有意者加微信：hr2024',
    evidence: '加微信：hr2024',
    negative: '简历请投递至公司邮箱或官网招聘页面。',
  },
  {
    language: 'zh',
    flag: 'messaging_only',
    positive: '月薪8000美元，飞机联系 @kh_hr',
    evidence: '飞机联系 @kh_hr',
    negative: '有问题请致电公司人事部：021-5555 0000。',
  },
  {
    language: 'zh',
    flag: 'scam_role',
    positive: '招聘网络推广、打字员',
    evidence: '网络推广',
    negative: '要求三年以上客服经验',
  },
  {
    language: 'zh',
    flag: 'no_experience',
    positive: '无需经验，包教包会',
    evidence: '无需经验',
    negative: '要求三年以上客服经验',
  },
  {
    language: 'zh',
    flag: 'costs_paid',
    positive: '包吃包住，机票报销',
    evidence: '包吃包住',
    negative: '住宿自理，交通费自付。',
  },
  {
    language: 'zh',
    flag: 'urgency',
    positive: '急招！名额有限',
    evidence: '急招',
    negative: '入职时间可商议。',
  },
  {
    language: 'zh',
    flag: 'tourist_visa',
    positive: '旅游签过去，落地后办工作证',
    evidence: '旅游签',
    negative: '公司办理正规工作签证。',
  },
  {
    language: 'zh',
    flag: 'age_limit',
    positive: '年龄18-35岁',
    evidence: '年龄18-35岁',
    negative: '18岁以上，男女不限',
  },
  {
    language: 'zh',
    flag: 'language_typing',
    positive: '打字速度每分钟50字',
    evidence: '打字速度',
    negative: '沟通能力强，有团队精神。',
  },
  {
    language: 'zh',
    flag: 'documents_or_fees',
    positive: '先交押金500元',
    evidence: '交押金',
    negative: '不收取任何押金',
  },
  {
    language: 'zh',
    flag: 'vague_company',
    positive: '知名公司诚聘',
    evidence: '知名公司',
    negative: '深圳市华信科技有限公司招聘会计',
  },
];

const asAd = (value: string | Ad): Ad => (typeof value === 'string' ? { text: value } : value);
const run = (value: string | Ad, language: string) =>
  findRedFlags(asAd(value), { languages: [language, 'en'] });

describe('red flags per language', () => {
  it('has a positive and a negative case for every flag in every language', () => {
    const missing = Object.keys(LANGUAGE_PATTERNS).flatMap((language) =>
      FLAG_IDS.filter((flag) => !CASES.some((c) => c.language === language && c.flag === flag)).map(
        (flag) => `${language}:${flag}`,
      ),
    );
    expect(missing).toEqual([]);
  });

  it.each(CASES.map((c) => [`${c.language} ${c.flag}: ${String(asAd(c.positive).text)}`, c] as const))(
    'raises %s',
    (_name, c) => {
      const ad = asAd(c.positive);
      const hit = run(ad, c.language).flags.find((h) => h.flag === c.flag);
      expect(hit, `${c.flag} not raised`).toBeDefined();
      for (const e of hit!.evidence) expect(ad[e.field]?.slice(e.start, e.end)).toBe(e.text);
      if (c.evidence) expect(hit!.evidence.map((e) => e.text)).toContain(c.evidence);
    },
  );

  it.each(CASES.map((c) => [`${c.language} ${c.flag}: ${String(asAd(c.negative).text)}`, c] as const))(
    'does not raise %s',
    (_name, c) => {
      const flags = run(c.negative, c.language).flags.map((h) => h.flag);
      expect(flags).not.toContain(c.flag);
    },
  );
});
