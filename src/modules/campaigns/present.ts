// What a caller sees of a campaign, with what they may do with it.
import type { Actor } from '../../access/actor.ts';
import { presentSharing } from '../shared-record.ts';
import { canWriteCampaign } from '../../access/campaigns.ts';
import type { CampaignRow } from './repo.ts';
import type { CampaignChannel, CampaignT } from './schema.ts';

export function presentCampaign(actor: Actor, c: CampaignRow): CampaignT {
  return {
    id: c.id,
    operationId: c.operation_id,
    title: c.title,
    channel: c.channel as CampaignChannel,
    country: c.country,
    places: [...c.places],
    audience: c.audience,
    startsOn: c.starts_on,
    endsOn: c.ends_on,
    reach: c.reach,
    notes: c.notes,
    createdAt: c.created_at.toISOString(),
    ...presentSharing(actor, c),
    // Campaign writers are wider than the shared-record rule presentSharing applies.
    can: { update: canWriteCampaign(actor, c) },
  };
}
