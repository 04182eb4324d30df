// What a caller sees of a case: persons masked as the child rule says, journeys with their legs,
// and only the linked outcomes the caller may see.
import type { Actor } from '../../access/actor.ts';
import { canReadShared, canWriteShared } from '../../access/sharing.ts';
import { presentSharing } from '../shared-record.ts';
import { maskPerson, seesChildIdentity } from './persons.ts';
import type { CaseRow, JourneyRow, PersonRow } from './repo.ts';
import type { AgeBand, CaseT, JourneyT, PersonT } from './schema.ts';

type Offences = CaseT['offences'];

export function presentCaseFields(actor: Actor, c: CaseRow) {
  return {
    id: c.id,
    operationId: c.operation_id,
    title: c.title,
    status: c.status,
    openedOn: c.opened_on,
    closedOn: c.closed_on,
    offences: c.offences as Offences,
    ...presentSharing(actor, c),
  };
}

export function presentPerson(p: PersonRow): PersonT {
  return {
    id: p.id,
    role: p.role as PersonT['role'],
    masked: false,
    child: p.is_child,
    name: p.name,
    otherNames: p.other_names as PersonT['otherNames'],
    birthDate: p.birth_date,
    age: p.age,
    ageBand: p.age_band as AgeBand | null,
    gender: p.gender,
    nationalities: p.nationalities,
    documents: p.documents as PersonT['documents'],
    contacts: p.contacts as PersonT['contacts'],
    journeyId: p.journey_id,
    notes: p.notes,
  };
}

export function presentJourney(j: JourneyRow): JourneyT {
  const place = (country: string, city: string) => (city ? { country, city } : { country });
  return {
    id: j.id,
    ...(j.recruitment ? { recruitment: j.recruitment as JourneyT['recruitment'] } : {}),
    legs: j.legs.map((l) => ({
      from: place(l.from_country, l.from_city),
      to: place(l.to_country, l.to_city),
      ...(l.on_date ? { on: l.on_date } : {}),
      mode: l.mode,
      transit: l.transit,
      ...(l.facilitator ? { facilitator: l.facilitator } : {}),
    })),
    ...(j.exploitation ? { exploitation: j.exploitation as JourneyT['exploitation'] } : {}),
    ...(j.exit ? { exit: j.exit as JourneyT['exit'] } : {}),
    ...(j.return_home ? { returnHome: j.return_home as JourneyT['returnHome'] } : {}),
  };
}

export function presentCase(
  actor: Actor,
  c: CaseRow,
  persons: PersonRow[],
  journeys: JourneyRow[],
  outcomes: { id: string; kind: string; at: Date; country: string; persons: number; operation_id: string; owner_bureau_id: string; sharing: 'owner' | 'listed' | 'operation'; shared_with: string[] }[],
): CaseT {
  const identity = seesChildIdentity(actor, c.owner_bureau_id);
  const visible = outcomes.filter((o) => canReadShared(actor, o));
  return {
    ...presentCaseFields(actor, c),
    summary: c.summary,
    persons: persons.map((p) => maskPerson(presentPerson(p), identity)),
    journeys: journeys.map(presentJourney),
    outcomes: visible.map((o) => ({ id: o.id, kind: o.kind, at: o.at.toISOString(), country: o.country, persons: o.persons })),
    // How many linked outcomes the reader may not see is itself a fact about other bureaus' work:
    // only the case's owners (who linked them) are told.
    hiddenOutcomes: canWriteShared(actor, c) ? outcomes.length - visible.length : 0,
  };
}
