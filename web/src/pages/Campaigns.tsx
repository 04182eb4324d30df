export { CampaignEntry } from './campaigns/CampaignEntry.tsx';
export { CampaignsList } from './campaigns/CampaignsList.tsx';
