// Every indicator, category, level and action the scoring can give has its words in the app, and
// an operation's own indicator shows in the reader's language, else in English.
import { describe, expect, it } from 'vitest';
import {
  ACTIONS_TAKEN,
  DEFAULT_INDICATORS,
  effectiveChecklist,
  INDICATOR_CATEGORIES,
  RECOMMENDED_ACTIONS,
  RISK_LEVELS,
} from '../../../../src/modules/travellers/checklist.ts';
import { resources } from '../../i18n.ts';
import { indicatorLabel } from './travellers.ts';

const strings = (resources.en.translation as { travellers: Record<string, Record<string, string>> })
  .travellers;

describe('traveller screening words', () => {
  it('has English for every default indicator, category, level, recommended action and action taken', () => {
    for (const { id } of DEFAULT_INDICATORS) expect(strings.indicators?.[id], id).toBeTruthy();
    for (const c of INDICATOR_CATEGORIES) expect(strings.categories?.[c], c).toBeTruthy();
    for (const l of RISK_LEVELS) expect(strings.levels?.[l], l).toBeTruthy();
    for (const a of RECOMMENDED_ACTIONS) expect(strings.actions?.[a], a).toBeTruthy();
    for (const a of ACTIONS_TAKEN) expect(strings.actionsTaken?.[a], a).toBeTruthy();
    expect(Object.keys(strings.indicators ?? {}).sort()).toEqual(DEFAULT_INDICATORS.map((d) => d.id).sort());
  });

  it("labels a default from the translations and an operation's own from its labels", () => {
    const [passport, own] = effectiveChecklist([
      {
        id: 'recruited_at_casino',
        weight: 3,
        enabled: true,
        category: 'recruitment',
        labels: { en: 'Recruited at a casino', id: 'Direkrut di kasino' },
      },
    ]).filter((i) => i.id === 'passport_held_by_broker' || i.id === 'recruited_at_casino');
    const t = (key: string) => `t:${key}`;
    expect(indicatorLabel(passport!, 'en', t)).toBe('t:travellers.indicators.passport_held_by_broker');
    expect(indicatorLabel(own!, 'id', t)).toBe('Direkrut di kasino');
    expect(indicatorLabel(own!, 'zh-CN', t)).toBe('Recruited at a casino');
  });
});
