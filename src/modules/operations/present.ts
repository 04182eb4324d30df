// What a caller sees of an operation.
import type { Static } from 'typebox';
import type { Operation } from './schema.ts';

type OperationRow = { id: string; name: string; description: string; coordinator_bureau_id: string; funders: string[] };
type PhaseRow = { id: string; name: string; starts_on: string; ends_on: string };
type ParticipantRow = { id: string; country: string; name: string; kind: string };

export function presentOperation(
  o: OperationRow,
  phases: PhaseRow[],
  participants: ParticipantRow[],
  can: Static<typeof Operation>['can'],
): Static<typeof Operation> {
  return {
    id: o.id,
    name: o.name,
    description: o.description,
    coordinatorBureauId: o.coordinator_bureau_id,
    phases: phases.map((p) => ({ id: p.id, name: p.name, startsOn: p.starts_on, endsOn: p.ends_on })),
    bureaus: participants.map((b) => ({ id: b.id, country: b.country, name: b.name, kind: b.kind })),
    funders: o.funders,
    can,
  };
}
