export { CampaignBurnUp } from './CampaignBurnUp';
