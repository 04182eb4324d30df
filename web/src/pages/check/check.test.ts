import { describe, expect, it } from 'vitest';
import { segments } from './check.ts';

describe('segments', () => {
  it('cuts the text around the flagged words, keeping every character once', () => {
    const text = 'Pay USD 3000 a month, contact Telegram only';
    const parts = segments(text, [
      { flag: 'high_pay', language: 'en', evidence: [{ field: 'text', start: 4, end: 12, text: 'USD 3000' }] },
      { flag: 'messaging_only', language: 'en', evidence: [{ field: 'text', start: 30, end: 43, text: 'Telegram only' }] },
    ]);
    expect(parts.map((p) => p.text).join('')).toBe(text);
    expect(parts).toEqual([
      { text: 'Pay ', flags: [] },
      { text: 'USD 3000', flags: ['high_pay'] },
      { text: ' a month, contact ', flags: [] },
      { text: 'Telegram only', flags: ['messaging_only'] },
    ]);
  });

  it('gives overlapping evidence both flags, and ignores other fields and offsets past the end', () => {
    const parts = segments('急招 柬埔寨 客服', [
      { flag: 'urgency', language: 'zh', evidence: [{ field: 'text', start: 0, end: 2, text: '急招' }] },
      { flag: 'risky_destination', language: 'zh', evidence: [{ field: 'text', start: 3, end: 6, text: '柬埔寨' }, { field: 'pay', start: 0, end: 3, text: 'x' }] },
      { flag: 'scam_role', language: 'zh', evidence: [{ field: 'text', start: 3, end: 9, text: '柬埔寨 客服' }, { field: 'text', start: 5, end: 99, text: '' }] },
    ]);
    expect(parts).toEqual([
      { text: '急招', flags: ['urgency'] },
      { text: ' ', flags: [] },
      { text: '柬埔寨', flags: ['risky_destination', 'scam_role'] },
      { text: ' 客服', flags: ['scam_role'] },
    ]);
  });
});
