export { CampaignStateBadge, MemberStateBadge } from './CampaignStateBadge';
