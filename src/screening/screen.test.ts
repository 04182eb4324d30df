// The verdict: flags and the length-weighted model combined by noisy-OR into a score and a level.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { FLAG_CATALOGUE } from './flags/catalogue.ts';
import { LEVEL_THRESHOLDS, levelOf, MODEL_WORDS, screenAd } from './screen.ts';

const noisyOr = (weights: number[]) => 1 - weights.reduce((clear, w) => clear * (1 - w), 1);

describe('screenAd', () => {
  it('levels scores at the thresholds', () => {
    expect(levelOf(0)).toBe('low');
    expect(levelOf(LEVEL_THRESHOLDS.medium - 0.001)).toBe('low');
    expect(levelOf(LEVEL_THRESHOLDS.medium)).toBe('medium');
    expect(levelOf(LEVEL_THRESHOLDS.high)).toBe('high');
    expect(levelOf(1)).toBe('high');
  });

  it('scores a short English ad on its flags alone: the model is not heard under 20 words', () => {
    const verdict = screenAd({ text: 'Customer service job in Sihanoukville. Contact only on Telegram @hr_kh.' });
    expect(verdict.language).toBe('en');
    expect(verdict.model?.weight).toBe(0);
    const weights = verdict.flags.map((f) => f.weight);
    expect(verdict.flags.map((f) => f.flag)).toEqual(expect.arrayContaining(['risky_destination', 'messaging_only', 'scam_role']));
    for (const f of verdict.flags) expect(f.weight).toBe(FLAG_CATALOGUE[f.flag].weight);
    expect(verdict.score).toBeCloseTo(noisyOr(weights), 3);
  });

  it('hears the model fully on a long English ad, and never on another language', () => {
    const rows = parse(readFileSync(resolve(import.meta.dirname, '../../../shared/data/emscad/fj_small.csv')), { columns: true }) as Record<string, string>[];
    const long = rows.find((r) => `${r.description} ${r.requirements}`.split(/\s+/).length > MODEL_WORDS.full * 3)!;
    const verdict = screenAd({ title: long.title, company: long.company_profile, text: `${long.description}\n${long.requirements}` });
    expect(verdict.model?.weight).toBe(1);
    const flags = noisyOr(verdict.flags.map((f) => f.weight));
    expect(verdict.score).toBeCloseTo(1 - (1 - flags) * (1 - verdict.model!.probability), 3);

    const zh = screenAd({ text: '急招！柬埔寨西港高薪客服，月薪8000美元，无需经验，包吃住，飞机联系 @kh_hr。' });
    expect(zh.language).toBe('zh');
    expect(zh.model).toBeNull();
    expect(zh.level).toBe('high');
  });

  it('gives an ordinary short ad a low score however the model leans on short texts', () => {
    const verdict = screenAd({ text: 'Senior accountant, 5 years of experience required. Apply on our careers page.', company: 'Acme Ltd' });
    expect(verdict.flags).toEqual([]);
    expect(verdict.level).toBe('low');
  });
});
