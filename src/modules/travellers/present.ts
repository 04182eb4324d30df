// What a caller sees of the checklist and of a recorded screening: no names, no documents.
import type { Static } from 'typebox';
import type { Actor } from '../../access/actor.ts';
import { presentSharing, visibleHotspotId } from '../shared-record.ts';
import {
  type ActionTaken,
  type ChecklistIndicator,
  type RecommendedAction,
  THRESHOLDS,
} from './checklist.ts';
import type { ScreeningRow } from './repo.ts';
import type { TravellerChecklist, TravellerScreening } from './schema.ts';

export function presentChecklist(
  operationId: string,
  indicators: readonly ChecklistIndicator[],
  updatedAt: Date | null,
  can: { update: boolean; screen: boolean },
): Static<typeof TravellerChecklist> {
  return {
    operationId,
    indicators: indicators.map((i) => ({
      id: i.id,
      category: i.category,
      weight: i.weight,
      enabled: i.enabled,
      custom: i.custom,
      labels: { ...i.labels },
      sources: [...i.sources],
    })),
    thresholds: { ...THRESHOLDS },
    updatedAt: updatedAt?.toISOString() ?? null,
    can,
  };
}

export function presentScreening(actor: Actor, s: ScreeningRow): Static<typeof TravellerScreening> {
  return {
    id: s.id,
    operationId: s.operation_id,
    hotspotId: visibleHotspotId(actor, s),
    at: s.at.toISOString(),
    indicators: [...s.indicators],
    score: s.score,
    level: s.level,
    recommendedAction: s.recommended_action as RecommendedAction,
    actionTaken: s.action_taken as ActionTaken,
    travellers: s.travellers,
    outcomeId: s.outcome_id,
    ...presentSharing(actor, s),
  };
}
