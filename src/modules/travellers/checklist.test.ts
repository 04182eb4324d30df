// The scoring rule officers rely on: weights add up, thresholds give the level, a child at high
// risk goes to a specialist; an operation's changes reweigh, switch off and add indicators.
import { describe, expect, it } from 'vitest';
import { assessTraveller, DEFAULT_INDICATORS, effectiveChecklist, SOURCES, THRESHOLDS } from './checklist.ts';

const defaults = effectiveChecklist([]);

describe('assessTraveller', () => {
  it('clears a traveller with no red flags', () => {
    expect(assessTraveller(defaults, [])).toEqual({
      score: 0,
      level: 'low',
      recommendedAction: 'clear',
      weighed: [],
    });
  });
  it('sums the weights: a one-way ticket alone is low, with a ticket someone else paid and a tourist visa for a job it is medium', () => {
    expect(assessTraveller(defaults, ['one_way_ticket'])).toMatchObject({
      score: 1,
      level: 'low',
      recommendedAction: 'clear',
    });
    expect(
      assessTraveller(defaults, [
        'one_way_ticket',
        'ticket_paid_by_someone_else',
        'tourist_visa_with_job_offer',
      ]),
    ).toMatchObject({
      score: 6,
      level: 'medium',
      recommendedAction: 'secondary_interview',
    });
  });
  it('reaches high at the threshold and lists what weighed, heaviest first', () => {
    const result = assessTraveller(defaults, [
      'one_way_ticket',
      'passport_held_by_broker',
      'job_offer_unknown_company',
    ]);
    expect(result).toEqual({
      score: 9,
      level: 'high',
      recommendedAction: 'intercept_and_refer',
      weighed: [
        { id: 'passport_held_by_broker', weight: 5 },
        { id: 'job_offer_unknown_company', weight: 3 },
        { id: 'one_way_ticket', weight: 1 },
      ],
    });
    expect(assessTraveller(defaults, ['passport_held_by_broker', 'job_offer_unknown_company']).score).toBe(
      THRESHOLDS.high,
    );
    expect(assessTraveller(defaults, ['passport_held_by_broker', 'ticket_paid_by_someone_else']).level).toBe(
      'medium',
    );
  });
  it('sends a minor travelling without consent to a child-protection specialist, on that flag alone', () => {
    expect(assessTraveller(defaults, ['minor_without_guardian_consent'])).toMatchObject({
      level: 'high',
      recommendedAction: 'refer_to_specialist',
    });
  });
  it('counts neither switched-off nor unknown indicators', () => {
    const checklist = effectiveChecklist([{ id: 'passport_held_by_broker', weight: 5, enabled: false }]);
    expect(
      assessTraveller(checklist, ['passport_held_by_broker', 'no_such_flag', 'one_way_ticket']).score,
    ).toBe(1);
  });
});

describe('effectiveChecklist', () => {
  it('keeps every default with its category, weight and sources when the operation changed nothing', () => {
    expect(defaults.map((i) => i.id)).toEqual(DEFAULT_INDICATORS.map((d) => d.id));
    expect(defaults.every((i) => i.enabled && !i.custom && i.sources.length > 0)).toBe(true);
    expect(defaults.find((i) => i.id === 'passport_held_by_broker')?.sources).toContain(SOURCES.ilo);
    expect(defaults.find((i) => i.id === 'minor_without_guardian_consent')?.weight).toBeGreaterThanOrEqual(
      THRESHOLDS.high,
    );
  });
  it("reweighs defaults and appends the operation's own indicators with their labels", () => {
    const checklist = effectiveChecklist([
      { id: 'one_way_ticket', weight: 3, enabled: true },
      {
        id: 'recruited_at_casino',
        weight: 4,
        enabled: true,
        category: 'recruitment',
        labels: { en: 'Recruited at a casino' },
      },
    ]);
    expect(checklist.find((i) => i.id === 'one_way_ticket')).toMatchObject({ weight: 3, custom: false });
    expect(checklist.at(-1)).toMatchObject({
      id: 'recruited_at_casino',
      custom: true,
      category: 'recruitment',
      labels: { en: 'Recruited at a casino' },
    });
    expect(assessTraveller(checklist, ['recruited_at_casino', 'one_way_ticket'])).toMatchObject({
      score: 7,
      level: 'medium',
    });
  });
});
