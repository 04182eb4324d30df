// What a caller sees of an outcome.
import type { Static } from 'typebox';
import type { Actor } from '../../access/actor.ts';
import { presentSharing, visibleHotspotId } from '../shared-record.ts';
import type { OutcomeRow } from './repo.ts';
import type { Offence, Outcome, OutcomeKind } from './schema.ts';

export function presentOutcome(actor: Actor, o: OutcomeRow): Static<typeof Outcome> {
  return {
    id: o.id,
    operationId: o.operation_id,
    kind: o.kind as OutcomeKind,
    at: o.at.toISOString(),
    country: o.country,
    hotspotId: visibleHotspotId(actor, o),
    persons: o.persons,
    offences: o.offences as Offence[],
    status: o.investigation_status as 'open' | 'closed' | null,
    notes: o.notes,
    ...presentSharing(actor, o),
  };
}
