// E-mail addresses as matching keys: trimmed, `mailto:` and angle brackets dropped, the common
// "name [at] host [dot] com" disguise undone, lower-cased; a sensible syntax check, not RFC 5322.

import { type Identifier, invalidIdentifier, validIdentifier } from './identifier.ts';
import { foldText } from './text.ts';
import { asciiHost, domainProblem } from './web.ts';

// Dot-atom local part: ASCII specials plus letters and digits of any script (RFC 6531 addresses).
const LOCAL_PART = /^[\p{L}\p{N}!#$%&'*+/=?^_`{|}~-]+(\.[\p{L}\p{N}!#$%&'*+/=?^_`{|}~-]+)*$/u;

/**
 * Normalises an e-mail address. The local part is lower-cased too: RFC 5321 lets a server treat it
 * case-sensitively, but no mainstream provider does, and missing `John@x.com` = `john@x.com` costs
 * investigators more than a theoretical false match. The domain is written in punycode.
 *
 * @example
 * normaliseEmail(' John.Doe@Gmail.COM ').value // 'john.doe@gmail.com'
 * normaliseEmail('recruit [at] jobs [dot] com').value // 'recruit@jobs.com'
 */
export function normaliseEmail(raw: string): Identifier {
  // 'mailto:' links with ?subject=…, and 'Name <address>' as mail programs write it.
  const plain = foldText(raw)
    .replace(/^mailto:([^?]*).*$/is, '$1')
    .replace(/^[^<>]*<([^<>]*)>$/, '$1')
    .trim();
  const text = undisguise(plain);
  const cleaned = text.toLowerCase();
  const details: Record<string, string> = text === plain ? {} : { disguised: 'true' };
  const at = text.lastIndexOf('@');
  if (at < 0 || text.indexOf('@') !== at) {
    return invalidIdentifier('email', raw, cleaned, at < 0 ? 'has no @' : 'has more than one @', details);
  }
  const local = text.slice(0, at).toLowerCase();
  const domainText = text.slice(at + 1);
  const domain = asciiHost(domainText);
  const value = `${local}@${domain ?? domainText.toLowerCase()}`;
  if (domain) details.domain = domain;
  const problem = localPartProblem(local) ?? domainPartProblem(domain);
  return problem
    ? invalidIdentifier('email', raw, value, problem, details)
    : validIdentifier('email', raw, value, details);
}

function localPartProblem(local: string): string | undefined {
  if (local.length === 0) return 'has nothing before the @';
  if (local.length > 64) return 'has more than 64 characters before the @';
  if (!LOCAL_PART.test(local)) return 'has characters or dots not allowed before the @';
  return undefined;
}

function domainPartProblem(domain: string | undefined): string | undefined {
  if (domain === undefined) return 'has no valid domain after the @';
  const problem = domainProblem(domain);
  return problem ? `domain ${problem}` : undefined;
}

// Scam adverts write addresses as "name [at] host [dot] com" or "name(at)host(dot)com" to dodge filters.
// Spaces around @ and dots ("name @ gmail . com") go too; they are never part of an address.
function undisguise(text: string): string {
  return text
    .replace(/\s*[[(]\s*at\s*[\])]\s*/gi, '@')
    .replace(/\s*[[(]\s*dot\s*[\])]\s*/gi, '.')
    .replace(/\s*([@.])\s*/g, '$1');
}
