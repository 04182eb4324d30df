// Bank accounts: IBANs checked with ibantools (country format and mod-97 check digits); other
// account numbers are only cleaned up, since their formats are national and unchecked here.

import { electronicFormatIBAN, extractIBAN, ValidationErrorsIBAN, validateIBAN } from 'ibantools';
import { type Identifier, invalidIdentifier, validIdentifier } from './identifier.ts';
import { foldText } from './text.ts';

const IBAN_PROBLEMS: Record<ValidationErrorsIBAN, string> = {
  [ValidationErrorsIBAN.NoIBANProvided]: 'no IBAN given',
  [ValidationErrorsIBAN.NoIBANCountry]: 'IBAN country code is not one that issues IBANs',
  [ValidationErrorsIBAN.WrongBBANLength]: 'IBAN has the wrong length for its country',
  [ValidationErrorsIBAN.WrongBBANFormat]: 'IBAN account part does not match its country’s format',
  [ValidationErrorsIBAN.ChecksumNotNumber]: 'IBAN check digits are not digits',
  [ValidationErrorsIBAN.WrongIBANChecksum]: 'IBAN check digits do not match',
  [ValidationErrorsIBAN.WrongAccountBankBranchChecksum]: 'IBAN national check digit does not match',
  [ValidationErrorsIBAN.QRIBANNotAllowed]: 'QR-IBAN not allowed',
};

/**
 * Normalises a bank account. Text that starts like an IBAN (two letters, two digits) is checked as
 * one and keyed in electronic format; anything else keeps only its letters and digits, upper-cased,
 * and is marked 'not an IBAN' unless `format` is 'national' (the officer recorded a domestic
 * account number, whose format is not checked here).
 *
 * @example
 * normaliseBankAccount('GB82 WEST 1234 5698 7654 32').value // 'GB82WEST12345698765432'
 * normaliseBankAccount('123-456-789', 'national') // { value: '123456789', valid: true, details: { format: 'national' } }
 */
export function normaliseBankAccount(raw: string, format: 'iban' | 'national' = 'iban'): Identifier {
  const text = foldText(raw).replace(/^IBAN[:\s]*/i, '');
  const compact = text.replace(/[^\p{L}\p{N}]/gu, '').toUpperCase();
  if (!/^[A-Z]{2}\d{2}/.test(compact)) {
    if (compact.length === 0)
      return invalidIdentifier('bank_account', raw, compact, 'contains no letters or digits');
    return format === 'national'
      ? validIdentifier('bank_account', raw, compact, { format: 'national' })
      : invalidIdentifier('bank_account', raw, compact, 'not an IBAN', { format: 'national' });
  }
  const iban = electronicFormatIBAN(compact) ?? compact;
  const result = validateIBAN(iban);
  const details: Record<string, string> = { format: 'iban', country: iban.slice(0, 2) };
  if (!result.valid) {
    // The first error is the most basic one (country, then length, format, check digits).
    const problem = IBAN_PROBLEMS[result.errorCodes[0] ?? ValidationErrorsIBAN.WrongIBANChecksum];
    return invalidIdentifier('bank_account', raw, iban, problem, details);
  }
  const parts = extractIBAN(iban);
  if (parts.bankIdentifier) details.bank = parts.bankIdentifier;
  if (parts.accountNumber) details.account = parts.accountNumber;
  return validIdentifier('bank_account', raw, iban, details);
}
