export { CloseCampaignDialog } from './CloseCampaignDialog';
