export { NoCampaigns } from './NoCampaigns';
