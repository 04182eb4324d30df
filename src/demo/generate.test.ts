import { describe, expect, it } from 'vitest';
import { DEMO_FIGURES, planDemo } from './generate.ts';
import { demoPlaces, participatingBureaus } from './places.ts';
import { apportion } from '../shared/random.ts';

describe('apportion', () => {
  it('splits a total into parts that sum exactly', () => {
    expect(apportion(10, [1, 1, 1])).toEqual([4, 3, 3]);
    const parts = apportion(270_000, [3.3, 1.7, 9.1, 0.2]);
    expect(parts.reduce((a, b) => a + b, 0)).toBe(270_000);
  });
});

describe('planDemo', () => {
  const plan = planDemo();
  it('has the 27 countries of the operation, each with places', () => {
    expect(participatingBureaus).toHaveLength(27);
    for (const b of participatingBureaus) expect(demoPlaces.some((p) => p.country === b.country), b.country).toBe(true);
  });
  it('reproduces the published outcome figures', () => {
    const sum = (kind: string) => plan.outcomes.filter((o) => o.kind === kind).reduce((n, o) => n + o.persons, 0);
    expect(plan.hotspots).toHaveLength(DEMO_FIGURES.hotspots);
    expect(sum('arrest')).toBe(281);
    expect(sum('rescue')).toBe(149);
    expect(sum('investigation')).toBe(360);
    expect(sum('interception')).toBe(800);
    expect(sum('smuggler_apprehension')).toBe(239);
    expect(sum('migrant_interception')).toBe(4_000);
    expect(plan.outcomes.filter((o) => o.kind === 'migrant_interception').every((o) => o.country === 'TR')).toBe(true);
  });
  it('is the same on every run', () => {
    const again = planDemo();
    expect(again.hotspots.map((h) => h.id)).toEqual(plan.hotspots.map((h) => h.id));
    const first = (p: ReturnType<typeof planDemo>) => p.inspections().next().value;
    expect(first(again)).toEqual(first(plan));
  });
  it('places every inspection within the action phase, 270,000 in all', () => {
    let n = 0;
    for (const i of plan.inspections()) {
      n += 1;
      if (i.at < new Date('2023-10-16T00:00:00Z') || i.at >= new Date('2023-10-21T00:00:00Z')) throw new Error(`out of phase: ${i.at.toISOString()}`);
    }
    expect(n).toBe(DEMO_FIGURES.inspections);
  });
});
