// What a caller sees of an inspection.
import type { Static } from 'typebox';
import type { Actor } from '../../access/actor.ts';
import { presentSharing, visibleHotspotId } from '../shared-record.ts';
import type { InspectionRow } from './repo.ts';
import type { Inspection, InspectionKind } from './schema.ts';

export function presentInspection(actor: Actor, i: InspectionRow): Static<typeof Inspection> {
  return {
    id: i.id,
    operationId: i.operation_id,
    hotspotId: visibleHotspotId(actor, i),
    country: i.country,
    at: i.at.toISOString(),
    kind: i.kind as InspectionKind,
    personsChecked: i.persons_checked,
    notes: i.notes,
    ...presentSharing(actor, i),
  };
}
