// The red flags of a recruitment ad, as data: what each one means, how much it weighs on its own
// and which public indicator lists it comes from; and the shape a language's patterns take.
//
// How to add a language (Thai, Vietnamese, Burmese, Khmer, Tagalog, Hindi, Nepali, Swahili,
// Amharic are next):
//   1. Copy `flags/en.ts` to `flags/<iso-639-1>.ts` and translate every flag's `patterns` (and
//      `supporting`, `negations`, `pay`, `companyNames`). Write place names as the language writes
//      them. Use `boundary: 'none'` for scripts written without spaces (Thai, Burmese, Khmer,
//      Chinese), `'word'` otherwise. The type below makes every flag required.
//   2. Add one line to `LANGUAGE_PATTERNS` in `flags/index.ts`.
//   3. Make sure `detectLanguage` (`../language.ts`) returns the code, and add a positive and a
//      negative case per flag to the table in `flags.test.ts` (a test fails until you do).
// Patterns are regular-expression sources, matched case-insensitively (without the `u` flag, for
// speed: write no `\p{…}` in flag patterns); a phrase with no regex characters is just the
// phrase. Keep them short and readable.
import type { FlagId } from '../types.ts';

/** A public document a flag is drawn from. */
export interface FlagSource {
  title: string;
  publisher: string;
  year: number;
  url?: string;
}

export interface FlagDefinition {
  /** English label shown to users. */
  label: string;
  /** One sentence on what raises the flag and why it matters. */
  explanation: string;
  /** Stand-alone strength in 0..1: the chance, on its own, that the ad is a scam or trafficking lure. */
  weight: number;
  sources: readonly FlagSource[];
}

/** One flag's patterns in one language. */
export interface FlagPatterns {
  /** Regex sources (or plain phrases) that raise the flag on their own. */
  patterns: readonly string[];
  /** Ordinary phrases ("apply now") that add evidence only when a pattern above matched. */
  supporting?: readonly string[];
  /** Whether a negation just before the match ("no fees", "tanpa biaya", "不收费") cancels it. */
  negatable?: boolean;
}

/** How pay is written in a language, for the amount parser of `high_pay`. */
export interface PayPatterns {
  /** Currency words and signs → ISO 4217 code. Order matters: longer forms first. */
  currencies: readonly (readonly [source: string, code: string])[];
  /** Number words that multiply ("juta" = 1e6, "万" = 1e4, "k" = 1e3). */
  multipliers: readonly (readonly [source: string, factor: number])[];
  /** Period words after an amount ("per month", "/bulan", "每月"). */
  periods: readonly (readonly [source: string, period: PayPeriod])[];
  /** Words before an amount that name pay and maybe its period ("月薪", "gaji", "salary"). */
  payWords: readonly (readonly [source: string, period: PayPeriod | null])[];
  /** Currency assumed for a bare number in the ad's `pay` field. */
  defaultCurrency: string;
  /** `.` or `,` as the thousands separator when a group of three digits follows it. */
  thousands: '.' | ',' | 'both';
}
export type PayPeriod = 'hour' | 'day' | 'week' | 'month' | 'year';

/** Everything a language contributes. */
export interface LanguagePatterns {
  language: string;
  /** `'word'`: patterns must start and end at a word edge; `'none'`: scripts without spaces. */
  boundary: 'word' | 'none';
  flags: Record<FlagId, FlagPatterns>;
  /** Words that, at most a few words before a negatable match, cancel it. */
  negations: readonly string[];
  pay: PayPatterns;
  /**
   * Patterns that find an employer named in the text (legal forms, "PT …", "…有限公司", a
   * registration number). Matched case-SENSITIVELY and without the `u` flag, so capitals are
   * written `[A-Z\u00C0-\u00DE]`, not `\p{Lu}`.
   */
  companyNames: readonly string[];
  /** Words showing the work needs experience or qualifications: pay must then be further above the norm. */
  skilled: readonly string[];
  /**
   * The monthly pay, in US dollars, of unskilled work in the market this language's ads reach
   * (cited in the language's file); pay at `HIGH_PAY_FACTOR` times this or more raises `high_pay`.
   */
  unskilledMonthlyUsd: number;
}

const ILO_INDICATORS: FlagSource = {
  title: 'ILO Indicators of Forced Labour',
  publisher: 'International Labour Organization (Special Action Programme to Combat Forced Labour)',
  year: 2012,
  url: 'https://www.ilo.org/publications/ilo-indicators-forced-labour',
};
const ILO_DELPHI: FlagSource = {
  title: 'Operational indicators of trafficking in human beings: results from a Delphi survey',
  publisher: 'International Labour Organization and European Commission',
  year: 2009,
};
const OHCHR_2023: FlagSource = {
  title:
    'Online Scam Operations and Trafficking into Forced Criminality in Southeast Asia: Recommendations for a Human Rights Response',
  publisher: 'Office of the United Nations High Commissioner for Human Rights (OHCHR)',
  year: 2023,
  url: 'https://www.ohchr.org/en/press-releases/2023/08/hundreds-thousands-trafficked-work-online-scammers-se-asia-says-un-report',
};
const INTERPOL_2023: FlagSource = {
  title: 'INTERPOL issues global warning on human trafficking-fuelled fraud (Orange Notice)',
  publisher: 'INTERPOL',
  year: 2023,
  url: 'https://www.interpol.int/en/News-and-Events/News/2023/INTERPOL-issues-global-warning-on-human-trafficking-fuelled-fraud',
};
const UNODC_2024: FlagSource = {
  title:
    'Casinos, Money Laundering, Underground Banking, and Transnational Organized Crime in East and Southeast Asia: A Hidden and Accelerating Threat',
  publisher: 'United Nations Office on Drugs and Crime (UNODC)',
  year: 2024,
};
const US_TIP_2024: FlagSource = {
  title: 'Trafficking in Persons Report (country narratives on forced criminality in online scam operations)',
  publisher: 'U.S. Department of State',
  year: 2024,
  url: 'https://www.state.gov/reports/2024-trafficking-in-persons-report/',
};

/*
 * Weights: how strongly a flag points to a scam or trafficking lure when it is the only one.
 * Flags that legitimate ads almost never carry weigh most (a tourist visa for work, fees or
 * passport copies up front, a destination that is a known scam-centre hub); flags that many
 * honest ads carry (a customer-service role, no experience needed, a language requirement)
 * weigh little and matter through their combination (the noisy-OR in `screen.ts`).
 */
export const FLAG_CATALOGUE: Record<FlagId, FlagDefinition> = {
  high_pay: {
    label: 'Pay far above the norm',
    explanation:
      'The ad promises pay far above what unskilled work earns (or "high salary", "earn big") — the most common lure into scam compounds.',
    // Common in lures, but honest ads for skilled or commission work also pay well.
    weight: 0.3,
    sources: [ILO_INDICATORS, ILO_DELPHI, INTERPOL_2023, OHCHR_2023],
  },
  risky_destination: {
    label: 'Work where scam centres operate',
    explanation:
      'The job is in or travels through a place where scam compounds operate or recruits transit (Cambodia, Myanmar, Laos, Thai border towns, the Philippines, Dubai).',
    // Specific to this crime, yet many honest jobs are in these countries.
    weight: 0.35,
    sources: [OHCHR_2023, INTERPOL_2023, UNODC_2024, US_TIP_2024],
  },
  messaging_only: {
    label: 'Contact only through a messaging app',
    explanation:
      'Applicants are told to get in touch on Telegram, WhatsApp, WeChat, LINE or Signal rather than through a company address or office.',
    // Recruiters for compounds move applicants to encrypted apps; small honest employers also use WhatsApp.
    weight: 0.3,
    sources: [INTERPOL_2023, OHCHR_2023],
  },
  scam_role: {
    label: 'A role scam compounds recruit for',
    explanation:
      'The role is one scam compounds advertise: customer service, typing, data entry, online marketing, chat, game or crypto work.',
    // Very common in honest ads; meaningful only with other flags.
    weight: 0.1,
    sources: [OHCHR_2023, INTERPOL_2023, UNODC_2024],
  },
  no_experience: {
    label: 'No experience or skills needed',
    explanation:
      'The ad says no experience, skills or education are needed — for pay or conditions that would need them.',
    weight: 0.1,
    sources: [ILO_DELPHI, INTERPOL_2023],
  },
  costs_paid: {
    label: 'Employer pays travel, visa and lodging',
    explanation:
      'The employer offers to pay flights, visa and lodging abroad — the costs later turned into a debt the worker must repay.',
    // Debt bondage is an ILO indicator; honest overseas employers also pay relocation.
    weight: 0.25,
    sources: [ILO_INDICATORS, ILO_DELPHI, OHCHR_2023],
  },
  urgency: {
    label: 'Urgency or immediate departure',
    explanation: 'The ad pushes to decide now: urgent hiring, immediate departure, few places left.',
    weight: 0.2,
    sources: [ILO_DELPHI, INTERPOL_2023],
  },
  tourist_visa: {
    label: 'Tourist visa for work',
    explanation:
      'The worker is to travel on a tourist or visit visa to work — irregular status that compounds exploit to hold workers.',
    // Honest employers do not send workers on tourist visas; this is strong on its own.
    weight: 0.6,
    sources: [OHCHR_2023, ILO_DELPHI, US_TIP_2024],
  },
  age_limit: {
    label: 'Age limits',
    explanation: 'The ad sets an age range (often 18–35), which compounds use to select young recruits.',
    weight: 0.1,
    sources: [OHCHR_2023],
  },
  language_typing: {
    label: 'Language or typing-speed requirements',
    explanation:
      'The ad asks for a language (English, Chinese, …) or a typing speed — the skills scam scripts need.',
    weight: 0.1,
    sources: [OHCHR_2023, INTERPOL_2023],
  },
  documents_or_fees: {
    label: 'Passport copies, personal details or fees up front',
    explanation:
      'The ad asks for passport or ID copies, bank details, personal particulars or a fee before any contract — control over documents and recruitment debt.',
    // Retention of identity documents and recruitment debt are ILO forced-labour indicators.
    weight: 0.5,
    sources: [ILO_INDICATORS, ILO_DELPHI, OHCHR_2023],
  },
  vague_company: {
    label: 'Vague or missing employer',
    explanation:
      'The ad names no employer, or only "a reputable company", so the applicant cannot check who is hiring.',
    weight: 0.2,
    sources: [ILO_DELPHI, INTERPOL_2023],
  },
};

/**
 * The unskilled monthly norm, in US dollars, where scam compounds recruit to (Southeast Asia:
 * minimum wages there are USD 100–350 a month); used instead of the language's norm when the ad
 * sends the worker to a risky destination, because "USD 1,500 a month in Cambodia" is the lure.
 */
export const DESTINATION_MONTHLY_USD = 400;

/** Pay at this many times the unskilled norm raises `high_pay` for unskilled work… */
export const HIGH_PAY_FACTOR = 2;
/** …and at this many times for work that asks for experience or qualifications. */
export const HIGH_PAY_FACTOR_SKILLED = 5;

/**
 * US dollars per unit of a currency, rounded (mid-2024 rates): enough to compare pay with a norm.
 * "pesos" in a Spanish ad are read as Mexican pesos.
 */
export const USD_PER_UNIT: Record<string, number> = {
  USD: 1,
  USDT: 1,
  EUR: 1.08,
  GBP: 1.27,
  AED: 0.27,
  IDR: 1 / 16000,
  MYR: 1 / 4.6,
  SGD: 0.74,
  PHP: 1 / 57,
  THB: 1 / 35,
  VND: 1 / 25000,
  CNY: 1 / 7.2,
  HKD: 0.128,
  TWD: 1 / 32,
  MXN: 1 / 17.5,
  COP: 1 / 4000,
  PEN: 1 / 3.75,
  ARS: 1 / 900,
  CLP: 1 / 930,
};

/** Working units in a month, to bring any pay period to a monthly figure. */
export const PER_MONTH: Record<PayPeriod, number> = {
  hour: 173,
  day: 21.7,
  week: 4.33,
  month: 1,
  year: 1 / 12,
};
