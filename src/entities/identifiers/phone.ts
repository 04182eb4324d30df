// Phone numbers to E.164 with libphonenumber-js (full metadata, so the number type is known).
// Numbers written nationally take the recording bureau's country as their region.

import {
  type CountryCode,
  isSupportedCountry,
  type PhoneNumber,
  parsePhoneNumberFromString,
} from 'libphonenumber-js/max';
import { type Identifier, invalidIdentifier, validIdentifier } from './identifier.ts';
import { foldText } from './text.ts';

/**
 * Normalises a phone number to E.164 (`+919876543210`); details.country and details.type when known.
 * An invalid number keeps its digits (and a leading `+`) as value and is marked invalid.
 *
 * @example
 * normalisePhone('0812-3456-7890', 'ID').value // '+6281234567890'
 * normalisePhone('00 44 20 7946 0958').details // { country: 'GB', type: 'FIXED_LINE' }
 */
export function normalisePhone(raw: string, defaultCountry?: string): Identifier {
  const region = checkRegion(defaultCountry);
  const text = foldText(raw);
  const cleaned = cleanupDigits(text);
  if (!/\d/.test(text)) return invalidIdentifier('phone', raw, cleaned, 'contains no digits');

  const parsed = parse(text, region);
  if (!parsed) {
    const problem =
      cleaned.startsWith('+') || region ? 'not a phone number' : 'no country code and no default country';
    return invalidIdentifier('phone', raw, cleaned, problem);
  }
  const details = phoneDetails(parsed);
  if (!parsed.isValid()) {
    const problem = parsed.isPossible()
      ? 'not a number in use in its country'
      : 'wrong length for its country';
    return invalidIdentifier('phone', raw, cleaned, problem, details);
  }
  return validIdentifier('phone', raw, parsed.number, details);
}

/**
 * True when the text is made of digits and phone punctuation only, so it reads as a number, not a name
 * (used for WhatsApp, Signal and Telegram contacts).
 *
 * @example
 * looksLikePhone('+62 812-3456-7890') // true
 */
export function looksLikePhone(raw: string): boolean {
  return /^\+?[\d\s().-]*\d[\d\s().-]*$/.test(foldText(raw));
}

function checkRegion(country: string | undefined): CountryCode | undefined {
  if (country === undefined || country === '') return undefined;
  const code = country.toUpperCase();
  if (!isSupportedCountry(code)) {
    throw new Error(
      `defaultCountry '${country}' is not an ISO 3166 alpha-2 code with a numbering plan; pass e.g. 'ID'.`,
    );
  }
  return code;
}

// '00' is the international prefix in most of the world but not everywhere (011 in North America),
// so when the region's own rules fail to read it, '00' is tried as '+'.
function parse(text: string, region: CountryCode | undefined): PhoneNumber | undefined {
  const first = parsePhoneNumberFromString(text, { defaultCountry: region, extract: false });
  if (first?.isValid()) return first;
  const compact = compactNumber(text);
  const international = compact.startsWith('00') ? `+${compact.slice(2)}` : compact;
  if (!international.startsWith('+') || international === text) return first;
  const second = parsePhoneNumberFromString(international, { extract: false });
  return second && (second.isValid() || !first) ? second : first;
}

function phoneDetails(parsed: PhoneNumber): Record<string, string> {
  const details: Record<string, string> = {};
  if (parsed.country) details.country = parsed.country;
  const type = parsed.getType();
  if (type) details.type = type;
  return details;
}

// '(+66) 81 …' puts the + inside parentheses, which the parser does not expect.
function compactNumber(text: string): string {
  return text.replace(/[\s().-]/g, '');
}

function cleanupDigits(text: string): string {
  const plus = compactNumber(text).startsWith('+') ? '+' : '';
  return plus + text.replace(/\D/g, '');
}
