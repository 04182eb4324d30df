// What each messaging platform allows in a handle, whether it ignores case, and the web addresses
// that carry a handle. Sources: each platform's help pages on usernames (as of 2025).

export const PLATFORMS = [
  'telegram',
  'whatsapp',
  'line',
  'wechat',
  'signal',
  'facebook',
  'instagram',
  'tiktok',
  'x',
  'other',
] as const;
export type Platform = (typeof PLATFORMS)[number];

export interface PlatformRule {
  /** The platform's name as it writes it. */
  label: string;
  /** Host names (without www.) whose links name a handle on this platform. */
  hosts: string[];
  /** True when the platform treats `Name` and `name` as the same account. */
  ignoresCase: boolean;
  /** Allowed handle, tested after case folding. */
  pattern: RegExp;
  /** The rule in words, for the problem message. */
  rule: string;
  /** Contacts on this platform are usually phone numbers. */
  phoneBased?: boolean;
}

export const PLATFORM_RULES: Record<Platform, PlatformRule> = {
  telegram: {
    label: 'Telegram',
    hosts: ['t.me', 'telegram.me', 'telegram.dog'],
    ignoresCase: true,
    pattern: /^[a-z][a-z0-9_]{4,31}$/,
    rule: '5–32 letters, digits or underscores, starting with a letter',
    phoneBased: true,
  },
  whatsapp: {
    label: 'WhatsApp',
    hosts: ['wa.me', 'api.whatsapp.com', 'web.whatsapp.com', 'whatsapp.com'],
    ignoresCase: true,
    pattern: /^[a-z0-9._]{3,35}$/,
    rule: 'a phone number, or a username of 3–35 letters, digits, dots or underscores',
    phoneBased: true,
  },
  line: {
    label: 'LINE',
    hosts: ['line.me', 'page.line.me'],
    ignoresCase: true,
    pattern: /^[a-z0-9._-]{4,20}$/,
    rule: '4–20 lower-case letters, digits, dots, hyphens or underscores',
  },
  // WeChat IDs may be written with capitals; whether WeChat folds them is not documented, so case is kept.
  wechat: {
    label: 'WeChat',
    hosts: ['weixin.qq.com', 'u.wechat.com'],
    ignoresCase: false,
    pattern: /^[a-zA-Z][a-zA-Z0-9_-]{5,19}$/,
    rule: '6–20 letters, digits, underscores or hyphens, starting with a letter',
  },
  // Signal usernames are a nickname, a dot and at least two digits (name.01).
  signal: {
    label: 'Signal',
    hosts: ['signal.me'],
    ignoresCase: true,
    pattern: /^[a-z_][a-z0-9_]{2,31}\.\d{2,10}$/,
    rule: 'a phone number or a username like name.01',
    phoneBased: true,
  },
  // Facebook ignores capitals and dots in usernames (john.smith = JohnSmith).
  facebook: {
    label: 'Facebook',
    hosts: ['facebook.com', 'm.facebook.com', 'fb.com', 'fb.me', 'web.facebook.com'],
    ignoresCase: true,
    pattern: /^([a-z0-9]{5,50}|id:\d{5,20})$/,
    rule: 'at least 5 letters or digits (dots are ignored), or a numeric profile id',
  },
  instagram: {
    label: 'Instagram',
    hosts: ['instagram.com', 'instagr.am'],
    ignoresCase: true,
    pattern: /^(?!.*\.\.)(?!\.)[a-z0-9._]{1,30}(?<!\.)$/,
    rule: '1–30 letters, digits, dots or underscores, no dot at either end',
  },
  tiktok: {
    label: 'TikTok',
    hosts: ['tiktok.com', 'm.tiktok.com'],
    ignoresCase: true,
    pattern: /^(?!.*\.$)[a-z0-9._]{2,24}$/,
    rule: '2–24 letters, digits, dots or underscores',
  },
  x: {
    label: 'X',
    hosts: ['x.com', 'twitter.com', 'mobile.twitter.com', 'mobile.x.com'],
    ignoresCase: true,
    pattern: /^[a-z0-9_]{1,15}$/,
    rule: '1–15 letters, digits or underscores',
  },
  other: { label: 'other', hosts: [], ignoresCase: false, pattern: /^\S+$/u, rule: 'no spaces' },
};

const ALIASES: Record<string, Platform> = {
  tg: 'telegram',
  wa: 'whatsapp',
  fb: 'facebook',
  ig: 'instagram',
  insta: 'instagram',
  twitter: 'x',
  weixin: 'wechat',
  微信: 'wechat',
  douyin: 'other',
};

/**
 * The platform a name refers to, or 'other' for platforms without rules here (Viber, Discord…).
 *
 * @example
 * platformOf('Twitter') // 'x'
 */
export function platformOf(name: string): Platform {
  const key = name.trim().toLowerCase();
  if ((PLATFORMS as readonly string[]).includes(key)) return key as Platform;
  return ALIASES[key] ?? 'other';
}

/**
 * The platform whose links use this host, if any.
 *
 * @example
 * platformOfHost('www.t.me') // 'telegram'
 */
export function platformOfHost(host: string): Platform | undefined {
  const bare = host.toLowerCase().replace(/^www\./, '');
  return PLATFORMS.find((platform) => PLATFORM_RULES[platform].hosts.includes(bare));
}
