// Persons in a case: who counts as a child, and what a caller sees of them. A child victim's
// identity (names, date of birth, documents, contacts) is seen only by officers of the bureau
// that owns the case; everyone else who may read the case gets the masked record.
import { type Actor, hasRole } from '../../access/actor.ts';
import type { AgeBand, PersonInputT, PersonT } from './schema.ts';

const CHILD_BANDS: readonly AgeBand[] = ['0-8', '9-17'];

/** Whole years between a date of birth and a day, both YYYY-MM-DD. */
export function ageOn(birthDate: string, day: string): number {
  const [by, bm, bd] = birthDate.split('-').map(Number) as [number, number, number];
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  return y - by - (m < bm || (m === bm && d < bd) ? 1 : 0);
}

/**
 * A victim under 18 when the case was opened. Fails safe: if the date of birth, the age or the
 * band says under 18, the victim is a child.
 * @example isChildVictim({ role: 'victim', age: 13 }, '2023-10-16') // true
 */
export function isChildVictim(person: Pick<PersonInputT, 'role' | 'birthDate' | 'age' | 'ageBand'>, openedOn: string): boolean {
  if (person.role !== 'victim') return false;
  if (person.birthDate && ageOn(person.birthDate, openedOn) < 18) return true;
  if (person.age !== undefined && person.age < 18) return true;
  return person.ageBand !== undefined && CHILD_BANDS.includes(person.ageBand);
}

/** May the actor see the identity of a child victim in a case owned by this bureau? */
export function seesChildIdentity(actor: Actor, caseOwnerBureauId: string): boolean {
  return actor.bureauId === caseOwnerBureauId && hasRole(actor, 'officer');
}

/** The person as the caller may see them. */
export function maskPerson(person: PersonT, visible: boolean): PersonT {
  if (!person.child || visible) return person;
  return { ...person, masked: true, name: null, otherNames: [], birthDate: null, documents: [], contacts: [], notes: '' };
}
