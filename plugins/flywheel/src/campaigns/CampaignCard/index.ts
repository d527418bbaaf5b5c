export { CampaignCard, campaignDates } from './CampaignCard';
