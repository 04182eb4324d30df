import { describe, expect, it } from 'vitest';
import { Invalid } from '../../errors.ts';
import { checkJourney } from './journeys.ts';
import type { JourneyInputT } from './schema.ts';

const uganda: JourneyInputT = {
  recruitment: { channel: 'acquaintance', promisedJob: 'shop work in Dubai', on: '2023-02-01' },
  legs: [
    { from: { country: 'UG', city: 'Kampala' }, to: { country: 'AE', city: 'Dubai' }, mode: 'air', on: '2023-03-01', transit: true },
    { from: { country: 'AE', city: 'Dubai' }, to: { country: 'TH', city: 'Bangkok' }, mode: 'air', on: '2023-03-10', transit: true },
    { from: { country: 'TH' }, to: { country: 'MM', city: 'Myawaddy' }, mode: 'land', on: '2023-03-12' },
  ],
  exploitation: { place: { country: 'MM', city: 'Myawaddy' }, type: 'forced_criminality', fraudSchemes: ['bank_impersonation'], means: ['armed_guard'], from: '2023-03-12' },
  exit: { kind: 'rescued', on: '2023-10-18', country: 'MM' },
  returnHome: { country: 'UG', on: '2023-11-02' },
};

function problem(journey: JourneyInputT): { field: string; message: string } | undefined {
  try {
    checkJourney(journey, 'journeys.0');
    return undefined;
  } catch (error) {
    if (!(error instanceof Invalid)) throw error;
    return { field: error.field, message: error.message };
  }
}

describe('checkJourney', () => {
  it('accepts a chained journey with dates in order, a city on one side only included', () => {
    expect(problem(uganda)).toBeUndefined();
  });

  it('names the leg that does not start where the previous ended', () => {
    const broken = { ...uganda, legs: [uganda.legs[0]!, { ...uganda.legs[1]!, from: { country: 'QA', city: 'Doha' } }, uganda.legs[2]!] };
    expect(problem(broken)).toMatchObject({ field: 'journeys.0.legs.1.from', message: expect.stringMatching(/leg 2 starts in Doha, QA but leg 1 ended in Dubai, AE/) });
  });

  it('names a city mismatch in the same country', () => {
    const broken = { ...uganda, legs: [uganda.legs[0]!, { ...uganda.legs[1]!, from: { country: 'AE', city: 'Abu Dhabi' } }] };
    expect(problem(broken)?.field).toBe('journeys.0.legs.1.from');
  });

  it('names the first date that runs backwards', () => {
    const late = { ...uganda, legs: uganda.legs.map((l, i) => (i === 2 ? { ...l, on: '2023-03-05' } : l)) };
    expect(problem(late)).toMatchObject({ field: 'journeys.0.legs.2.on' });
    expect(problem({ ...uganda, returnHome: { country: 'UG', on: '2023-01-01' } })?.field).toBe('journeys.0.returnHome.on');
  });

  it('refuses a leg that goes nowhere, and exploitation away from where the legs end', () => {
    const nowhere = { ...uganda, legs: [{ ...uganda.legs[0]!, to: { country: 'UG', city: 'kampala' } }], exploitation: undefined };
    expect(problem(nowhere)?.field).toBe('journeys.0.legs.0.to');
    expect(problem({ ...uganda, exploitation: { ...uganda.exploitation!, place: { country: 'KH' } } })?.field).toBe('journeys.0.exploitation.place');
  });
});
