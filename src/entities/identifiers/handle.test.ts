import { describe, expect, it } from 'vitest';
import { normaliseHandle } from './handle.ts';
import { platformOf, platformOfHost } from './handle-platforms.ts';

describe('normaliseHandle: Telegram', () => {
  it('gives one key for @name, t.me links and tg:// links, case folded', () => {
    const written = [
      ['@Job_Offers_KH', { platform: 'Telegram' }],
      ['https://t.me/Job_Offers_KH', {}],
      ['t.me/s/job_offers_kh', {}],
      ['telegram.me/JOB_OFFERS_KH/', {}],
      ['tg://resolve?domain=Job_Offers_KH', {}],
      ['＠Ｊｏｂ＿Ｏｆｆｅｒｓ＿ＫＨ', { platform: 'tg' }],
    ] as const;
    for (const [raw, context] of written) {
      expect(normaliseHandle(raw, context), raw).toMatchObject({
        kind: 'handle',
        value: 'job_offers_kh',
        valid: true,
        details: { platform: 'telegram' },
      });
    }
  });

  it('enforces 5–32 characters of a-z, 0-9 and _', () => {
    expect(normaliseHandle('@jobs', { platform: 'telegram' })).toMatchObject({
      valid: false,
      value: 'jobs',
      problem: 'Telegram handles are 5–32 letters, digits or underscores, starting with a letter',
    });
    expect(normaliseHandle('job-offers', { platform: 'telegram' }).valid).toBe(false);
    expect(normaliseHandle('a'.repeat(33), { platform: 'telegram' }).valid).toBe(false);
    expect(normaliseHandle('a'.repeat(32), { platform: 'telegram' }).valid).toBe(true);
  });

  it('turns a t.me phone link into a phone, and refuses invite links', () => {
    expect(normaliseHandle('t.me/+6281234567890')).toMatchObject({
      kind: 'phone',
      value: '+6281234567890',
      details: { platform: 'telegram', country: 'ID' },
    });
    expect(normaliseHandle('https://t.me/+AbCdEf123')).toMatchObject({
      valid: false,
      problem: 'is a Telegram invite link, not a handle',
    });
  });
});

describe('normaliseHandle: phone-based platforms', () => {
  it('reads WhatsApp numbers written plainly or as wa.me / api.whatsapp.com links', () => {
    const written = [
      ['0812-3456-7890', { platform: 'WhatsApp', defaultCountry: 'ID' }],
      ['+62 812 3456 7890', { platform: 'wa' }],
      ['wa.me/6281234567890', {}],
      ['https://api.whatsapp.com/send?phone=6281234567890&text=hi', {}],
    ] as const;
    for (const [raw, context] of written) {
      expect(normaliseHandle(raw, context), raw).toMatchObject({
        kind: 'phone',
        raw,
        value: '+6281234567890',
        valid: true,
        details: { platform: 'whatsapp', country: 'ID', type: 'MOBILE' },
      });
    }
  });

  it('keeps an invalid WhatsApp number invalid, with the platform', () => {
    expect(normaliseHandle('12345', { platform: 'whatsapp', defaultCountry: 'ID' })).toMatchObject({
      kind: 'phone',
      valid: false,
      details: { platform: 'whatsapp' },
    });
  });

  it('refuses WhatsApp group links', () => {
    expect(normaliseHandle('https://chat.whatsapp.com/AbC123').valid).toBe(false);
  });

  it('reads Signal numbers and usernames', () => {
    expect(normaliseHandle('+66 81 234 5678', { platform: 'signal' })).toMatchObject({
      kind: 'phone',
      value: '+66812345678',
    });
    expect(normaliseHandle('@Somchai.01', { platform: 'Signal' })).toMatchObject({
      kind: 'handle',
      value: 'somchai.01',
      valid: true,
    });
    expect(normaliseHandle('somchai', { platform: 'signal' }).valid).toBe(false);
    expect(normaliseHandle('https://signal.me/#eu/abc', {}).valid).toBe(false);
  });
});

describe('normaliseHandle: other platforms', () => {
  it('reads LINE IDs from ~ and @ links', () => {
    expect(normaliseHandle('line.me/ti/p/~Somchai.99')).toMatchObject({
      value: 'somchai.99',
      details: { platform: 'line' },
    });
    expect(normaliseHandle('https://line.me/R/ti/p/@abc1234').value).toBe('abc1234');
    expect(normaliseHandle('abc', { platform: 'line' }).valid).toBe(false);
  });

  it('keeps WeChat IDs case as written', () => {
    expect(normaliseHandle('WXID_Abc123', { platform: '微信' })).toMatchObject({
      value: 'WXID_Abc123',
      valid: true,
    });
    expect(normaliseHandle('1abcdef', { platform: 'wechat' }).valid).toBe(false);
  });

  it('folds Facebook usernames (case and dots) and reads numeric profile links', () => {
    expect(normaliseHandle('facebook.com/John.Smith.75')).toMatchObject({
      value: 'johnsmith75',
      details: { platform: 'facebook' },
    });
    expect(normaliseHandle('johnsmith75', { platform: 'fb' }).value).toBe('johnsmith75');
    expect(normaliseHandle('https://www.facebook.com/profile.php?id=100012345678901').value).toBe(
      'id:100012345678901',
    );
  });

  it('reads Instagram, TikTok and X links and folds their case', () => {
    expect(normaliseHandle('instagram.com/Job.Asia_/')).toMatchObject({
      value: 'job.asia_',
      details: { platform: 'instagram' },
    });
    expect(normaliseHandle('https://www.tiktok.com/@Job.Asia?lang=en')).toMatchObject({
      value: 'job.asia',
      details: { platform: 'tiktok' },
    });
    expect(normaliseHandle('https://twitter.com/JobsAsia')).toMatchObject({
      value: 'jobsasia',
      details: { platform: 'x' },
    });
    expect(normaliseHandle('x.com/JobsAsia').value).toBe('jobsasia');
    expect(normaliseHandle('＠ＪｏｂｓＡｓｉａ', { platform: 'twitter' }).value).toBe('jobsasia');
  });

  it('enforces the platforms’ lengths and characters', () => {
    expect(normaliseHandle('a_very_long_handle_x', { platform: 'x' }).problem).toBe(
      'X handles are 1–15 letters, digits or underscores',
    );
    expect(normaliseHandle('.jobs', { platform: 'instagram' }).valid).toBe(false);
    expect(normaliseHandle('job asia', { platform: 'tiktok' }).problem).toBe(
      'TikTok handles are 2–24 letters, digits, dots or underscores',
    );
  });

  it('keeps unknown platforms by name, case as written', () => {
    expect(normaliseHandle('@SomeOne', { platform: 'Viber' })).toMatchObject({
      value: 'SomeOne',
      valid: true,
      details: { platform: 'other', platformName: 'viber' },
    });
    expect(normaliseHandle('two words').problem).toBe('contains spaces');
    expect(normaliseHandle('@').problem).toBe('is empty');
  });

  it('refuses links to sites that are not messaging platforms', () => {
    expect(normaliseHandle('https://example.com/abc')).toMatchObject({
      valid: false,
      details: { platform: 'other' },
    });
  });

  it('never alters raw', () => {
    const raw = '  https://T.me/Job_Offers_KH ';
    expect(normaliseHandle(raw).raw).toBe(raw);
  });
});

describe('platformOf / platformOfHost', () => {
  it('maps names, aliases and hosts', () => {
    expect(platformOf('Twitter')).toBe('x');
    expect(platformOf('discord')).toBe('other');
    expect(platformOfHost('www.instagram.com')).toBe('instagram');
    expect(platformOfHost('example.com')).toBeUndefined();
  });
});
