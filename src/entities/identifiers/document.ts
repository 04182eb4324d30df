// Passports and identity cards, keyed as `${issuingCountry}:${number}` so the same number issued by
// two countries never matches. A pasted machine-readable zone is read and its check digits verified.

import { toAlpha2 } from './country-code.ts';
import { type Identifier, invalidIdentifier, validIdentifier } from './identifier.ts';
import { type MrzReading, readMrz } from './mrz.ts';
import { foldText } from './text.ts';

const DOCUMENT_TYPES: Record<string, string> = {
  P: 'passport',
  I: 'identity_card',
  A: 'identity_card',
  C: 'identity_card',
  V: 'visa',
};

/**
 * Normalises a travel or identity document. A plain number is upper-cased with spaces and dashes
 * removed and paired with `issuingCountry` (ISO alpha-2 or alpha-3). An MRZ (TD3 passport, TD2, or
 * TD1 identity card) is parsed: its fields go to details and a failed check digit makes it invalid.
 *
 * @example
 * normaliseDocument('pa 123-4567', { issuingCountry: 'NPL', documentType: 'passport' }).value // 'NP:PA1234567'
 * normaliseDocument('P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<\nL898902C36UTO7408122F1204159ZE184226B<<<<<10').value
 * // 'UTO:L898902C3'
 */
export function normaliseDocument(
  raw: string,
  context: { issuingCountry?: string; documentType?: string } = {},
): Identifier {
  const mrz = readMrz(raw);
  if (mrz) return fromMrz(raw, mrz);
  const number = foldText(raw).toUpperCase().replace(/[\s-]/g, '');
  const details: Record<string, string> = { number };
  if (context.documentType) details.documentType = context.documentType.trim().toLowerCase();
  const country = context.issuingCountry ? toAlpha2(context.issuingCountry) : undefined;
  if (country) details.issuingCountry = country;
  const value = country ? `${country}:${number}` : number;
  const problem = numberProblem(number) ?? countryProblem(context.issuingCountry, country);
  return problem
    ? invalidIdentifier('document', raw, value, problem, details)
    : validIdentifier('document', raw, value, details);
}

function numberProblem(number: string): string | undefined {
  if (number === '') return 'document number is empty';
  if (!/^[A-Z0-9]+$/.test(number)) return 'document number has characters other than letters and digits';
  if (number.length < 4 || number.length > 24) return 'document number is not 4–24 characters long';
  return undefined;
}

function countryProblem(given: string | undefined, country: string | undefined): string | undefined {
  if (!given) return 'issuing country not given';
  return country ? undefined : `issuing country '${given}' is not an ISO 3166 country code`;
}

function fromMrz(raw: string, mrz: MrzReading): Identifier {
  // Specimens (UTO) and UN or stateless documents have no ISO code; the ICAO code stands in.
  const country = toAlpha2(mrz.issuingState) ?? mrz.issuingState;
  const details: Record<string, string> = {
    format: mrz.format,
    documentCode: mrz.documentCode,
    documentType: DOCUMENT_TYPES[mrz.documentCode[0] ?? ''] ?? 'travel_document',
    issuingCountry: country,
    number: mrz.documentNumber,
    surname: mrz.surname,
    givenNames: mrz.givenNames,
    nationality: toAlpha2(mrz.nationality) ?? mrz.nationality,
    birthDate: mrzDate(mrz.birthDate, 'birth'),
    sex: mrz.sex === '<' ? 'X' : mrz.sex,
    expiryDate: mrzDate(mrz.expiryDate, 'expiry'),
  };
  if (mrz.optionalData) details.optionalData = mrz.optionalData;
  const value = `${country}:${mrz.documentNumber}`;
  const problem =
    checkDigitProblem(mrz.failedChecks) ??
    dateProblem(details.birthDate!, 'date of birth') ??
    dateProblem(details.expiryDate!, 'expiry date');
  return problem
    ? invalidIdentifier('document', raw, value, problem, details)
    : validIdentifier('document', raw, value, details);
}

function checkDigitProblem(failed: string[]): string | undefined {
  if (failed.length === 0) return undefined;
  if (failed.length === 1) return `MRZ check digit for the ${failed[0]} does not match`;
  return `MRZ check digits for the ${failed.slice(0, -1).join(', ')} and ${failed.at(-1)} do not match`;
}

// A check digit can match a date that does not exist (month 13), so dates are checked as well.
function dateProblem(date: string, label: string): string | undefined {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  if (!match) return undefined;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const parsed = new Date(Date.UTC(year, month - 1, day));
  const real = parsed.getUTCMonth() === month - 1 && parsed.getUTCDate() === day;
  return real ? undefined : `MRZ ${label} ${date} is not a calendar date`;
}

// MRZ dates are YYMMDD. A birth year above this year's two digits is last century; expiry dates are
// always this century. Unknown parts ('<<') leave the date as written.
function mrzDate(yymmdd: string, kind: 'birth' | 'expiry'): string {
  if (!/^\d{6}$/.test(yymmdd)) return yymmdd;
  const yy = Number(yymmdd.slice(0, 2));
  const century = kind === 'birth' && yy > new Date().getUTCFullYear() % 100 ? 1900 : 2000;
  return `${century + yy}-${yymmdd.slice(2, 4)}-${yymmdd.slice(4, 6)}`;
}
