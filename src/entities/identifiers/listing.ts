// Entities an officer records by hand that are not numbers: a job ad (its text) and a scam
// compound (its name). Their key is the folded text, so the same ad pasted in two countries, or
// "KK Park" and "K.K. PARK", link; the country and place stay in the details, not in the key,
// since one officer may know them and another not.
import { foldName } from './company.ts';
import { type Identifier, invalidIdentifier, validIdentifier } from './identifier.ts';

/**
 * A job ad by its text (or title, when only that is known).
 * @example normaliseJobAd('URGENT!! Customer service, Bangkok — $1,500/month').value // 'urgent customer service bangkok 1 500 month'
 */
export function normaliseJobAd(raw: string): Identifier {
  const value = foldName(raw);
  if (value === '') return invalidIdentifier('job_ad', raw, '', 'the job ad has no words');
  return validIdentifier('job_ad', raw, value);
}

/**
 * A scam compound by its name, with the country it is in when known.
 * @example normaliseScamCompound('K.K. Park', 'MM') // value 'kk park', details { country: 'MM' }
 */
export function normaliseScamCompound(raw: string, country?: string): Identifier {
  const value = foldName(raw);
  if (value === '') return invalidIdentifier('scam_compound', raw, '', 'the compound has no name');
  return validIdentifier('scam_compound', raw, value, country ? { country } : {});
}
