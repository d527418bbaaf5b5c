import {
  Campaign,
  CampaignAutomation,
  CampaignCounts,
  CampaignMemberState,
  CampaignState,
} from '@flywheel/plugin-flywheel-common';
import { StatusIconName, StatusTone } from '../shared/StatusBadge';

/** How a campaign's state shows: words, tone and icon. */
export const CAMPAIGN_STATES: Record<
  CampaignState,
  { label: string; tone: StatusTone; icon: StatusIconName }
> = {
  scheduled: { label: 'Scheduled', tone: 'info', icon: 'question' },
  running: { label: 'Running', tone: 'neutral', icon: 'shield' },
  completed: { label: 'Completed', tone: 'success', icon: 'tick' },
  overdue: { label: 'Overdue', tone: 'danger', icon: 'warning' },
  closed: { label: 'Closed', tone: 'muted', icon: 'dash' },
};

/** How an entity's state in a campaign shows. */
export const MEMBER_STATES: Record<
  CampaignMemberState,
  { label: string; tone: StatusTone; icon: StatusIconName }
> = {
  open: { label: 'To do', tone: 'warning', icon: 'cross' },
  met: { label: 'Met', tone: 'success', icon: 'tick' },
  exempt: { label: 'Exempt', tone: 'muted', icon: 'dash' },
};

/** The entities that must meet the goal: the cohort less the exempt ones. */
export function targetOf(counts: Pick<CampaignCounts, 'cohort' | 'exempt'>) {
  return counts.cohort - counts.exempt;
}

/**
 * "12 of 18 met (66.7%)", counting out of the entities not exempt; "No
 * entities in the cohort" when there are none.
 */
export function countsText(counts: CampaignCounts): string {
  if (counts.cohort === 0) {
    return 'No entities in the cohort';
  }
  const target = targetOf(counts);
  const percent = counts.percent === null ? '' : ` (${counts.percent}%)`;
  return `${counts.met} of ${target} met${percent}`;
}

/** "2 exempt · 6 to do", what the bar leaves out. */
export function countsDetail(counts: CampaignCounts): string {
  const parts = [`${counts.open} to do`];
  if (counts.exempt > 0) {
    parts.push(`${counts.exempt} exempt`);
  }
  return parts.join(' · ');
}

const STATE_RANK: Record<CampaignState, number> = {
  running: 0,
  overdue: 0,
  scheduled: 1,
  completed: 2,
  closed: 3,
};

/**
 * Campaigns in the order people act on them: running and overdue first,
 * then scheduled, then completed, each by deadline (soonest first); closed
 * ones apart, most recently closed first.
 */
export function splitCampaigns(campaigns: Campaign[]): {
  active: Campaign[];
  closed: Campaign[];
} {
  const active = campaigns
    .filter(c => c.state !== 'closed')
    .sort(
      (a, b) =>
        STATE_RANK[a.state] - STATE_RANK[b.state] ||
        Date.parse(a.deadline) - Date.parse(b.deadline),
    );
  const closed = campaigns
    .filter(c => c.state === 'closed')
    .sort(
      (a, b) =>
        Date.parse(b.closedAt ?? '1970-01-01') -
        Date.parse(a.closedAt ?? '1970-01-01'),
    );
  return { active, closed };
}

/**
 * The values a campaign's automation template opens with for one entity:
 * its fixed parameters and the entity ref in its entity parameter (`entity`
 * unless named).
 */
export function automationFormData(
  automation: CampaignAutomation,
  entityRef: string,
): Record<string, string> {
  return {
    ...automation.parameters,
    [automation.entityParameter ?? 'entity']: entityRef,
  };
}
