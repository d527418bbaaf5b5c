import {
  CampaignMemberState,
  CampaignState,
} from '@flywheel/plugin-flywheel-common';
import { StatusBadge } from '../../shared/StatusBadge';
import { CAMPAIGN_STATES, MEMBER_STATES } from '../campaignFormat';

/** A campaign's state: Scheduled, Running, Completed, Overdue or Closed. */
export function CampaignStateBadge(props: { state: CampaignState }) {
  const { label, tone, icon } = CAMPAIGN_STATES[props.state];
  return (
    <StatusBadge tone={tone} icon={icon} data-campaign-state={props.state}>
      {label}
    </StatusBadge>
  );
}

/** An entity's state in a campaign: To do, Met or Exempt. */
export function MemberStateBadge(props: { state: CampaignMemberState }) {
  const { label, tone, icon } = MEMBER_STATES[props.state];
  return (
    <StatusBadge tone={tone} icon={icon} data-member-state={props.state}>
      {label}
    </StatusBadge>
  );
}
