export { CreateCampaignDialog } from './CreateCampaignDialog';
