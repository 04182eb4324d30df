// The shapes the ad screener works with: an ad as it comes in, a red flag raised on it with the
// words that raised it, and the screener's verdict. Shared by the red flags, the trained model,
// the HTTP API, the public checker and `cordon screen ads`.

/** The parts of a job ad or offer the screener reads; only `text` is required. */
export interface Ad {
  /** The body of the ad or offer, as pasted or scraped. */
  text: string;
  title?: string | undefined;
  /** Pay as written ("USD 1,500/month", "Rp 15 juta", "月薪8000"). */
  pay?: string | undefined;
  location?: string | undefined;
  /** How to apply or get in touch (a phone, a handle, an e-mail address). */
  contact?: string | undefined;
  url?: string | undefined;
  /** The employer's name or profile, when the ad gives one. */
  company?: string | undefined;
}
export type AdField = 'text' | 'title' | 'pay' | 'location' | 'contact' | 'url' | 'company';
export const AD_FIELDS: readonly AdField[] = ['text', 'title', 'pay', 'location', 'contact', 'url', 'company'];

/** The red flags the screener knows (their wording, weight and sources are in `flags/catalogue.ts`). */
export const FLAG_IDS = [
  'high_pay', // pay far above the norm for unskilled work
  'risky_destination', // work abroad where scam centres operate or transit (KH, MM, LA, Thai border towns, PH, Dubai)
  'messaging_only', // contact only through messaging apps
  'scam_role', // customer service, typing, data entry, online marketing, chat, game or crypto roles
  'no_experience', // no experience, skills or education needed
  'costs_paid', // employer pays flights, visa, lodging
  'urgency', // urgency, immediate departure, few places left
  'tourist_visa', // travel on a tourist or visit visa to work
  'age_limit', // age limits
  'language_typing', // language or typing-speed requirements
  'documents_or_fees', // passport copies, ID, bank details or fees asked up front
  'vague_company', // vague or missing company identity
] as const;
export type FlagId = (typeof FLAG_IDS)[number];

/** Words in the ad that raised a flag: `[start, end)` are UTF-16 offsets into `field`. */
export interface FlagEvidence {
  field: AdField;
  start: number;
  end: number;
  text: string;
}

export interface FlagHit {
  flag: FlagId;
  /** The language of the pattern that matched (`'any'` for checks that read no words, such as a missing company). */
  language: string;
  evidence: FlagEvidence[];
}

export type RiskLevel = 'low' | 'medium' | 'high';
