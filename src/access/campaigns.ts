// Who may change a campaign. Campaigns are run by partners and coordinators as well as officers,
// so their writers are wider than canWriteShared's.
import { type Actor, hasRole, takesPart } from './actor.ts';
import { canWriteShared, type SharedRecord } from './sharing.ts';

/**
 * May the actor change this campaign? The owner bureau's admins and officers (as for every
 * record), and also its coordinators and partners, who run campaigns too.
 * @example canWriteCampaign(partnerNp, campaignOfNepal) // true; false for India's officer
 */
export function canWriteCampaign(actor: Actor, campaign: Partial<SharedRecord>): boolean {
  if (canWriteShared(actor, campaign)) return true;
  return (
    takesPart(actor, campaign.operation_id!) &&
    campaign.owner_bureau_id === actor.bureauId &&
    hasRole(actor, 'coordinator', 'partner')
  );
}
