// Domains and URLs as matching keys: the WHATWG URL parser (built into Node and browsers) does the
// IDNA mapping to punycode; we lower-case, drop `www.`, default ports, fragments and tracking tags.

import { type Identifier, invalidIdentifier, validIdentifier } from './identifier.ts';

const INVISIBLE = /[\u200B-\u200D\u2060\uFEFF\u00AD]/g;
const TRACKING_PARAMS = new Set([
  'fbclid',
  'gclid',
  'dclid',
  'msclkid',
  'igshid',
  'yclid',
  'mc_cid',
  'mc_eid',
]);
const LABEL = /^(?!-)[a-z0-9-]{1,63}(?<!-)$/;

/**
 * Checks a lower-case ASCII host name: two or more labels of letters, digits and inner hyphens,
 * a top-level label that is alphabetic or punycode. Returns the problem, or undefined when sound.
 *
 * @example
 * domainProblem('scam-jobs.example') // undefined
 * domainProblem('localhost') // 'has no top-level domain'
 */
export function domainProblem(host: string): string | undefined {
  if (host.length === 0) return 'is empty';
  if (host.length > 253) return 'is longer than 253 characters';
  const labels = host.split('.');
  if (labels.length < 2) return 'has no top-level domain';
  if (!labels.every((label) => LABEL.test(label)))
    return 'has a label with characters not allowed in a domain';
  const tld = labels[labels.length - 1]!;
  if (!/^([a-z]{2,63}|xn--[a-z0-9-]+)$/.test(tld)) return 'has a top-level domain that is not alphabetic';
  return undefined;
}

/**
 * Normalises a domain: lower-cased, IDN in punycode (`xn--`), no `www.` and no trailing dot.
 * A URL pasted where a domain was asked for is reduced to its host.
 *
 * @example
 * normaliseDomain('WWW.Example.COM.').value // 'example.com'
 * normaliseDomain('Bücher.de').value // 'xn--bcher-kva.de'
 */
export function normaliseDomain(raw: string): Identifier {
  const text = raw.replace(INVISIBLE, '').trim();
  const hostText = text.replace(/^[a-z][a-z0-9+.-]*:\/\//i, '').replace(/[/?#].*$/s, '');
  const cleaned = stripWww(hostText.toLowerCase().replace(/\.$/, ''));
  const host = asciiHost(hostText);
  if (host === undefined) return invalidIdentifier('domain', raw, cleaned, 'is not a domain name');
  const value = stripWww(host);
  const problem = domainProblem(value);
  return problem
    ? invalidIdentifier('domain', raw, value, `domain ${problem}`)
    : validIdentifier('domain', raw, value);
}

/**
 * Normalises a web address: scheme and host lower-cased, default port, trailing slash and fragment
 * removed, tracking parameters (utm_*, fbclid, gclid, …) dropped; `https://` assumed when no scheme
 * is written. details.domain is the host without `www.`.
 *
 * @example
 * normaliseUrl('HTTPS://WWW.Example.com:443/jobs/?utm_source=fb&id=7#apply').value
 * // 'https://www.example.com/jobs?id=7'
 */
export function normaliseUrl(raw: string): Identifier {
  const text = raw.replace(INVISIBLE, '').trim();
  const hasScheme = /^[a-z][a-z0-9+.-]*:/i.test(text) && !/^[^:/]+:\d/.test(text);
  let url: URL;
  try {
    url = new URL(hasScheme ? text : `https://${text}`);
  } catch {
    return invalidIdentifier('url', raw, text, 'is not a web address');
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    return invalidIdentifier('url', raw, text, `scheme ${url.protocol} is not a web address`);
  }
  const details: Record<string, string> = { domain: stripWww(url.hostname.replace(/\.$/, '')) };
  if (!hasScheme) details.schemeAssumed = 'https';
  const value = canonicalUrl(url);
  const isIp = /^\d{1,3}(\.\d{1,3}){3}$|^\[/.test(url.hostname);
  const problem = isIp ? undefined : domainProblem(details.domain!);
  return problem
    ? invalidIdentifier('url', raw, value, `host ${problem}`, details)
    : validIdentifier('url', raw, value, details);
}

function canonicalUrl(url: URL): string {
  for (const name of [...url.searchParams.keys()]) {
    if (name.toLowerCase().startsWith('utm_') || TRACKING_PARAMS.has(name.toLowerCase()))
      url.searchParams.delete(name);
  }
  const auth = url.username ? `${url.username}${url.password ? `:${url.password}` : ''}@` : '';
  const path = url.pathname.replace(/\/+$/, '');
  // Re-serialised even when nothing was dropped, so `a=b%20c` and `a=b+c` give one key.
  const search = url.searchParams.size > 0 ? `?${url.searchParams.toString()}` : '';
  return `${url.protocol}//${auth}${url.host.replace(/\.(?=:|$)/, '')}${path}${search}`;
}

/**
 * A host name as lower-case ASCII (IDN in punycode, full-width folded, trailing dot dropped), or
 * undefined when the text cannot be a host at all. Does not judge the labels: see domainProblem.
 *
 * @example
 * asciiHost('Bücher.DE') // 'xn--bcher-kva.de'
 */
export function asciiHost(text: string): string | undefined {
  if (text === '' || /[@:\s/?#\\]/.test(text)) return undefined;
  try {
    return new URL(`http://${text}`).hostname.replace(/\.$/, '');
  } catch {
    return undefined;
  }
}

function stripWww(host: string): string {
  return host.startsWith('www.') ? host.slice(4) : host;
}
