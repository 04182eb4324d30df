// The shape every identifier takes once read: the text as written, the matching key, and whether
// it is a well-formed value of its kind. Shared by the per-kind normalisers and their callers.

export const IDENTIFIER_KINDS = [
  'phone',
  'email',
  'handle',
  'url',
  'domain',
  'crypto_wallet',
  'bank_account',
  'document',
  'company',
  'job_ad',
  'scam_compound',
] as const;
export type IdentifierKind = (typeof IDENTIFIER_KINDS)[number];

export interface Identifier {
  kind: IdentifierKind;
  /** Exactly as written, never altered. */
  raw: string;
  /** The normalised form used as the matching key; for an invalid value, a conservative cleanup of raw. */
  value: string;
  valid: boolean;
  /** Why the value is invalid, in plain English. Present only when valid is false. */
  problem?: string;
  /** Facts found while normalising, e.g. { country: 'IN', type: 'MOBILE' } or { chain: 'ethereum' }. */
  details: Record<string, string>;
}

/** What the recording officer knows besides the text itself. */
export interface IdentifierContext {
  /** ISO alpha-2 country of the recording bureau, for numbers written without a country code. */
  defaultCountry?: string;
  /** Messaging platform of a handle (telegram, whatsapp, line, wechat, signal, facebook, instagram, tiktok, x, other). */
  platform?: string;
  /** Blockchain of a wallet (bitcoin, ethereum or another EVM chain, tron). */
  chain?: string;
  /** Issuing country of a document, ISO alpha-2 or alpha-3. */
  issuingCountry?: string;
  /** Kind of document (passport, identity_card, …). */
  documentType?: string;
  /** How a bank account was recorded: 'iban' (default, checked) or 'national' (a domestic number, not checked). */
  accountFormat?: 'iban' | 'national';
}

/**
 * Builds a valid identifier.
 *
 * @example
 * validIdentifier('domain', 'WWW.Example.com', 'example.com') // { kind: 'domain', …, valid: true, details: {} }
 */
export function validIdentifier(
  kind: IdentifierKind,
  raw: string,
  value: string,
  details: Record<string, string> = {},
): Identifier {
  return { kind, raw, value, valid: true, details };
}

/**
 * Builds an invalid identifier, keeping the reason.
 *
 * @example
 * invalidIdentifier('email', 'john.example.com', 'john.example.com', 'has no @')
 */
export function invalidIdentifier(
  kind: IdentifierKind,
  raw: string,
  value: string,
  problem: string,
  details: Record<string, string> = {},
): Identifier {
  return { kind, raw, value, valid: false, problem, details };
}
