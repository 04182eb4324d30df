// Placeholder while the screen is written.
import { Empty } from '../components/States.tsx';
export function CampaignsList() { return <Empty />; }
export function CampaignEntry() { return <Empty />; }
