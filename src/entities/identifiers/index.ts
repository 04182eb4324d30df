// Identifiers (phones, e-mail, handles, web addresses, wallets, accounts, documents, companies)
// read into one shape whose `value` is the key cross-case linking matches on.

import { normaliseBankAccount } from './bank-account.ts';
import { normaliseCompany } from './company.ts';
import { normaliseCryptoWallet } from './crypto-wallet.ts';
import { normaliseDocument } from './document.ts';
import { normaliseEmail } from './email.ts';
import { normaliseHandle } from './handle.ts';
import {
  IDENTIFIER_KINDS,
  type Identifier,
  type IdentifierContext,
  type IdentifierKind,
} from './identifier.ts';
import { normaliseJobAd, normaliseScamCompound } from './listing.ts';
import { normalisePhone } from './phone.ts';
import { normaliseDomain, normaliseUrl } from './web.ts';

export { normaliseBankAccount } from './bank-account.ts';
export { foldName, normaliseCompany } from './company.ts';
export { toAlpha2 } from './country-code.ts';
export { EVM_CHAINS, normaliseCryptoWallet, toChecksumAddress } from './crypto-wallet.ts';
export { normaliseDocument } from './document.ts';
export { normaliseEmail } from './email.ts';
export { normaliseHandle } from './handle.ts';
export { PLATFORMS, type Platform, platformOf } from './handle-platforms.ts';
export {
  IDENTIFIER_KINDS,
  type Identifier,
  type IdentifierContext,
  type IdentifierKind,
} from './identifier.ts';
export { normaliseJobAd, normaliseScamCompound } from './listing.ts';
export { type MrzReading, mrzCheckDigit, readMrz } from './mrz.ts';
export { looksLikePhone, normalisePhone } from './phone.ts';
export { normaliseDomain, normaliseUrl } from './web.ts';

/**
 * Reads an identifier of the given kind: `raw` is kept exactly as written, `value` is the matching
 * key, `valid` and `problem` say whether it is well formed, `details` carry what was learnt
 * (country, chain, platform, MRZ fields…). A WhatsApp, Signal or Telegram handle that is a phone
 * number comes back with kind 'phone' so it matches the same number recorded as a phone.
 *
 * @example
 * normaliseIdentifier('phone', '0812-3456-7890', { defaultCountry: 'ID' }).value // '+6281234567890'
 * normaliseIdentifier('handle', 't.me/Job_Offers_KH').details // { platform: 'telegram' }
 * normaliseIdentifier('document', 'PA1234567', { issuingCountry: 'NPL' }).value // 'NP:PA1234567'
 */
export function normaliseIdentifier(
  kind: IdentifierKind,
  raw: string,
  context: IdentifierContext = {},
): Identifier {
  if (typeof raw !== 'string')
    throw new Error(`The ${kind} to normalise must be a string; got ${typeof raw}.`);
  switch (kind) {
    case 'phone':
      return normalisePhone(raw, context.defaultCountry);
    case 'email':
      return normaliseEmail(raw);
    case 'handle':
      return normaliseHandle(raw, context);
    case 'url':
      return normaliseUrl(raw);
    case 'domain':
      return normaliseDomain(raw);
    case 'crypto_wallet':
      return normaliseCryptoWallet(raw, context.chain);
    case 'bank_account':
      return normaliseBankAccount(raw, context.accountFormat);
    case 'document':
      return normaliseDocument(raw, context);
    case 'company':
      return normaliseCompany(raw);
    case 'job_ad':
      return normaliseJobAd(raw);
    case 'scam_compound':
      return normaliseScamCompound(raw, context.defaultCountry);
    default:
      throw new Error(
        `Unknown identifier kind '${String(kind)}'; use one of ${IDENTIFIER_KINDS.join(', ')}.`,
      );
  }
}
