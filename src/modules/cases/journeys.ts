// The rules a victim's journey follows: each leg starts where the one before ended, and the
// dates run forward from recruitment through the legs and exploitation to exit and return home.
import { Invalid } from '../../errors.ts';
import { isCountryCode } from '../countries.ts';
import type { JourneyInputT, PlaceT } from './schema.ts';

const city = (p: PlaceT) => p.city?.trim().toLocaleLowerCase() ?? '';

function samePlace(a: PlaceT, b: PlaceT): boolean {
  if (a.country !== b.country) return false;
  // A city given on one side only still chains: "from Thailand" follows "to Mae Sot, Thailand".
  return city(a) === '' || city(b) === '' || city(a) === city(b);
}

function describe(p: PlaceT): string {
  return p.city ? `${p.city}, ${p.country}` : p.country;
}

/**
 * Throws Invalid naming the first field that breaks the journey's rules, prefixed with `at`
 * (e.g. `journeys.0.legs.2.from`).
 * @example checkJourney({ legs: [{ from: { country: 'UG' }, to: { country: 'AE' }, mode: 'air' }] }, 'journeys.0')
 */
export function checkJourney(journey: JourneyInputT, at: string): void {
  const pre = at ? `${at}.` : '';
  const places: [string, string | undefined][] = [
    [`${pre}recruitment.promisedDestination.country`, journey.recruitment?.promisedDestination?.country],
    ...journey.legs.flatMap((leg, i): [string, string][] => [
      [`${pre}legs.${i}.from.country`, leg.from.country],
      [`${pre}legs.${i}.to.country`, leg.to.country],
    ]),
    [`${pre}exploitation.place.country`, journey.exploitation?.place.country],
    [`${pre}exit.country`, journey.exit?.country],
    [`${pre}returnHome.country`, journey.returnHome?.country],
  ];
  for (const [field, code] of places) {
    if (code !== undefined && !isCountryCode(code)) throw new Invalid(`"${code}" is not a country code`, field);
  }
  journey.legs.forEach((leg, i) => {
    const field = `${pre}legs.${i}`;
    if (leg.from.country === leg.to.country && city(leg.from) === city(leg.to)) {
      throw new Invalid(`leg ${i + 1} goes nowhere: it starts and ends in ${describe(leg.from)}`, `${field}.to`);
    }
    const before = journey.legs[i - 1];
    if (before && !samePlace(before.to, leg.from)) {
      throw new Invalid(
        `leg ${i + 1} starts in ${describe(leg.from)} but leg ${i} ended in ${describe(before.to)}: each leg starts where the previous ended`,
        `${field}.from`,
      );
    }
  });

  // Dates in order, each compared with the last date given before it.
  const steps: [string, string | undefined][] = [
    [`${pre}recruitment.on`, journey.recruitment?.on],
    ...journey.legs.map((leg, i): [string, string | undefined] => [`${pre}legs.${i}.on`, leg.on]),
    [`${pre}exploitation.from`, journey.exploitation?.from],
    [`${pre}exit.on`, journey.exit?.on],
    [`${pre}returnHome.on`, journey.returnHome?.on],
  ];
  let last: [string, string] | undefined;
  for (const [field, date] of steps) {
    if (date === undefined) continue;
    if (last && date < last[1]) {
      throw new Invalid(`${date} comes before ${last[1]} (${last[0].slice(pre.length)}): a journey's dates run forward`, field);
    }
    last = [field, date];
  }

  const lastLeg = journey.legs[journey.legs.length - 1];
  const exploited = journey.exploitation?.place;
  if (lastLeg && exploited && !lastLeg.transit && lastLeg.to.country !== exploited.country) {
    // Victims are often moved again after arrival; only flag the plain contradiction.
    throw new Invalid(
      `the last leg ends in ${describe(lastLeg.to)} but the exploitation is in ${exploited.country}; add the leg that took the victim there`,
      `${pre}exploitation.place`,
    );
  }
}
