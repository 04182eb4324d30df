// What a caller sees of a hotspot.
import type { Static } from 'typebox';
import type { Actor } from '../../access/actor.ts';
import { presentSharing } from '../shared-record.ts';
import type { HotspotRow } from './repo.ts';
import type { Hotspot, HotspotKind } from './schema.ts';

export function presentHotspot(actor: Actor, h: HotspotRow): Static<typeof Hotspot> {
  return {
    id: h.id,
    operationId: h.operation_id,
    name: h.name,
    country: h.country,
    kind: h.kind as HotspotKind,
    latitude: h.latitude,
    longitude: h.longitude,
    ...presentSharing(actor, h),
  };
}
