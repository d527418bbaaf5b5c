export { GroupCampaignsCard } from './GroupCampaignsCard';
