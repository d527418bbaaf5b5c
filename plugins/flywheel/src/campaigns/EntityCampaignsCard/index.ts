export { EntityCampaignsCard, CampaignsCardShell } from './EntityCampaignsCard';
