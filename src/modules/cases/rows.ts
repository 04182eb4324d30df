// From the API's shapes to table rows, for the service and the demo loader alike.
import type { Insertable } from 'kysely';
import type { CasePersonsTable, JourneyLegsTable, JourneysTable } from '../../db/schema.ts';
import { Invalid } from '../../errors.ts';
import { isCountryCode } from '../countries.ts';
import { ageOn, isChildVictim } from './persons.ts';
import { AGE_BANDS, type AgeBand, type JourneyInputT, type PersonInputT } from './schema.ts';

/** The CTDC band an age falls in. */
export function ageBandOf(age: number): AgeBand {
  const upper = [8, 17, 20, 23, 26, 29, 38, 47];
  const i = upper.findIndex((u) => age <= u);
  return AGE_BANDS[i === -1 ? AGE_BANDS.length - 1 : i]!;
}

/**
 * The row of a person in a case; Invalid names the field under `at` when the person's data
 * contradict themselves.
 */
export function personRow(
  p: PersonInputT,
  at: string,
  c: { operationId: string; caseId: string; openedOn: string },
  journeyId: string | null,
): Insertable<CasePersonsTable> {
  const field = (name: string) => (at ? `${at}.${name}` : name);
  if (p.birthDate && p.birthDate > c.openedOn) throw new Invalid(`born ${p.birthDate}, after the case was opened`, field('birthDate'));
  // Date of birth, age and band must agree: the child rule reads them, and a contradiction could
  // hide a child behind an adult's age.
  const fromBirth = p.birthDate ? ageOn(p.birthDate, c.openedOn) : null;
  if (fromBirth !== null && p.age !== undefined && p.age !== fromBirth) {
    throw new Invalid(`age ${p.age} contradicts the date of birth ${p.birthDate} (${fromBirth} when the case was opened)`, field('age'));
  }
  const age = p.age ?? fromBirth;
  let ageBand = p.ageBand ?? null;
  if (age !== null) {
    const band = ageBandOf(age);
    if (ageBand && ageBand !== band) throw new Invalid(`age ${age} falls in band ${band}, not ${ageBand}`, field('ageBand'));
    ageBand = band;
  }
  const badNationality = (p.nationalities ?? []).findIndex((code) => !isCountryCode(code));
  if (badNationality !== -1) throw new Invalid(`"${p.nationalities![badNationality]}" is not a country code`, field(`nationalities.${badNationality}`));
  const badDocument = (p.documents ?? []).findIndex((d) => !isCountryCode(d.country));
  if (badDocument !== -1) throw new Invalid(`"${p.documents![badDocument]!.country}" is not a country code`, field(`documents.${badDocument}.country`));
  if (journeyId && p.role !== 'victim') throw new Invalid('only victims have a journey', field(p.journeyId ? 'journeyId' : 'journey'));
  return {
    operation_id: c.operationId,
    case_id: c.caseId,
    role: p.role,
    name: p.name?.trim() ?? '',
    other_names: JSON.stringify(p.otherNames ?? []),
    birth_date: p.birthDate ?? null,
    age,
    age_band: ageBand,
    gender: p.gender ?? 'unknown',
    nationalities: p.nationalities ?? [],
    documents: JSON.stringify(p.documents ?? []),
    contacts: JSON.stringify(p.contacts ?? []),
    journey_id: journeyId,
    is_child: isChildVictim({ role: p.role, ...(age !== null ? { age } : {}), ...(ageBand ? { ageBand } : {}) }, c.openedOn),
    notes: p.notes ?? '',
  };
}

/** The rows of a journey and its legs; the legs get the journey's id when it is inserted. */
export function journeyRows(j: JourneyInputT, operationId: string, caseId: string, id?: string) {
  const journey: Insertable<JourneysTable> = {
    ...(id ? { id } : {}),
    operation_id: operationId,
    case_id: caseId,
    recruitment: j.recruitment ? JSON.stringify(j.recruitment) : null,
    exploitation: j.exploitation ? JSON.stringify(j.exploitation) : null,
    exit: j.exit ? JSON.stringify(j.exit) : null,
    return_home: j.returnHome ? JSON.stringify(j.returnHome) : null,
  };
  const legs: Omit<Insertable<JourneyLegsTable>, 'journey_id' | 'operation_id'>[] = j.legs.map((leg, i) => ({
    seq: i + 1,
    from_country: leg.from.country,
    from_city: leg.from.city?.trim() ?? '',
    to_country: leg.to.country,
    to_city: leg.to.city?.trim() ?? '',
    on_date: leg.on ?? null,
    mode: leg.mode,
    transit: leg.transit ?? false,
    facilitator: leg.facilitator ?? '',
  }));
  return { journey, legs };
}
