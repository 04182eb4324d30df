// Messaging and social-media handles: `@`, profile links and app links reduced to the bare handle,
// case folded where the platform ignores case, checked against the platform's rules. A WhatsApp,
// Signal or Telegram contact that is a phone number becomes a phone identifier.

import { PLATFORM_RULES, type Platform, platformOf, platformOfHost } from './handle-platforms.ts';
import { type Identifier, invalidIdentifier, validIdentifier } from './identifier.ts';
import { looksLikePhone, normalisePhone } from './phone.ts';
import { foldText } from './text.ts';

type Extracted = { handle: string; phone?: boolean; problem?: string };

/**
 * Normalises a handle on a platform (telegram, whatsapp, line, wechat, signal, facebook, instagram,
 * tiktok, x/twitter, or any other name). The platform comes from a link's host when the handle is
 * written as a link, else from `platform`. details.platform is always set; value is the bare handle.
 *
 * @example
 * normaliseHandle('https://t.me/Job_Offers_KH').value // 'job_offers_kh' (details.platform 'telegram')
 * normaliseHandle('wa.me/6281234567890').kind // 'phone', value '+6281234567890'
 * normaliseHandle('+62 812-3456-7890', { platform: 'WhatsApp' }).value // '+6281234567890'
 */
export function normaliseHandle(
  raw: string,
  context: { platform?: string; defaultCountry?: string } = {},
): Identifier {
  const text = foldText(raw);
  const url = asUrl(text);
  const named = context.platform ? platformOf(context.platform) : 'other';
  const platform = (url && (url.protocol === 'tg:' ? 'telegram' : platformOfHost(url.hostname))) ?? named;
  const details: Record<string, string> = { platform };
  if (platform === 'other' && context.platform) details.platformName = context.platform.trim().toLowerCase();

  const extracted = url ? fromUrl(url, platform) : { handle: text.replace(/^@+/, '').trim() };
  if (extracted.problem)
    return invalidIdentifier('handle', raw, text.toLowerCase(), extracted.problem, details);
  const rule = PLATFORM_RULES[platform];
  if (extracted.phone || (rule.phoneBased && looksLikePhone(extracted.handle))) {
    const phone = normalisePhone(extracted.handle, context.defaultCountry);
    return { ...phone, raw, details: { ...phone.details, ...details } };
  }
  const value = foldHandle(extracted.handle, platform);
  if (value === '') return invalidIdentifier('handle', raw, value, 'is empty', details);
  if (!rule.pattern.test(value)) {
    const problem = platform === 'other' ? 'contains spaces' : `${rule.label} handles are ${rule.rule}`;
    return invalidIdentifier('handle', raw, value, problem, details);
  }
  return validIdentifier('handle', raw, value, details);
}

function foldHandle(handle: string, platform: Platform): string {
  const folded = PLATFORM_RULES[platform].ignoresCase ? handle.toLowerCase() : handle;
  return platform === 'facebook' && !folded.startsWith('id:') ? folded.replace(/\./g, '') : folded;
}

// Links are recognised with or without a scheme (people write `t.me/name`), and tg:// app links.
function asUrl(text: string): URL | undefined {
  const withScheme = /^[a-z][a-z0-9+.-]*:\/\//i.test(text);
  if (!withScheme && !/^(www\.)?[a-z0-9-]+(\.[a-z0-9-]+)+\/\S*$/i.test(text)) return undefined;
  try {
    return new URL(withScheme ? text : `https://${text}`);
  } catch {
    return undefined;
  }
}

function fromUrl(url: URL, platform: Platform): Extracted {
  const segments = url.pathname.split('/').filter(Boolean).map(decodeURIComponent);
  const first = segments[0] ?? '';
  const query = (name: string) => url.searchParams.get(name) ?? '';
  switch (platform) {
    case 'telegram':
      return fromTelegram(url, segments);
    case 'whatsapp':
      if (url.hostname === 'wa.me' && /^\d+$/.test(first)) return { handle: `+${first}`, phone: true };
      if (query('phone')) return { handle: `+${query('phone').replace(/^\+/, '')}`, phone: true };
      return { handle: '', problem: 'is a WhatsApp group, channel or page link, not a contact' };
    case 'line': {
      const id = segments[0] === 'R' ? segments[3] : segments[2];
      if (segments.includes('ti') && id) return { handle: id.replace(/^[~@]/, '') };
      return { handle: '', problem: 'is a LINE link without an ID in it' };
    }
    case 'facebook':
      if (first === 'profile.php' && /^\d+$/.test(query('id'))) return { handle: `id:${query('id')}` };
      if (first === 'people' && /^\d+$/.test(segments[2] ?? '')) return { handle: `id:${segments[2]}` };
      return { handle: first };
    case 'tiktok':
      return { handle: first.replace(/^@/, '') };
    case 'instagram':
    case 'x':
      return { handle: first.replace(/^@/, '') };
    case 'signal':
      return {
        handle: '',
        problem: 'is a Signal link, whose username is encrypted; record the username or number',
      };
    default:
      return {
        handle: '',
        problem: `is a link that does not name a ${platform === 'other' ? 'known platform’s' : platform} handle`,
      };
  }
}

function fromTelegram(url: URL, segments: string[]): Extracted {
  if (url.protocol === 'tg:') return { handle: url.searchParams.get('domain') ?? '' };
  const handle = segments[0] === 's' ? (segments[1] ?? '') : (segments[0] ?? '');
  if (/^\+\d+$/.test(handle)) return { handle, phone: true };
  if (handle.startsWith('+') || handle === 'joinchat')
    return { handle: '', problem: 'is a Telegram invite link, not a handle' };
  return { handle };
}
