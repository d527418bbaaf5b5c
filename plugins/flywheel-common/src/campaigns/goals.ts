import { CheckState } from '../scorecards/types';
import { compareTemplateVersions } from '../goldenPaths/versions';
import { CampaignGoal, CampaignMemberState } from './types';

/**
 * A scorecard as a campaign goal names it: its checks and its levels from
 * the lowest to the highest.
 *
 * @public
 */
export interface CampaignGoalScorecard {
  id: string;
  title: string;
  checks: { id: string; title: string }[];
  levels: { id: string; title: string }[];
}

/**
 * What judging an entity against a campaign goal reads.
 *
 * @public
 */
export interface CampaignGoalInputs {
  /** The entity's latest result of the goal's scorecard, if it has one. */
  standing?: {
    level?: string;
    check?: { state: CheckState; reason: string };
  };
  scorecard?: CampaignGoalScorecard;
  /** The golden path the entity comes from, if any. */
  provenance?: { templateRef: string; templateVersion?: string };
}

const lower = (value: string) => value.toLocaleLowerCase('en-US');
const nameOf = (ref: string) => ref.replace(/^[^:]*:(default\/)?/, '');

/**
 * A campaign's goal in words.
 *
 * @public
 */
export function describeCampaignGoal(
  goal: CampaignGoal,
  scorecards: readonly CampaignGoalScorecard[],
): string {
  if (goal.type === 'goldenPath') {
    return `On the golden path ${nameOf(goal.templateRef)}${
      goal.minVersion ? ` at version ${goal.minVersion} or later` : ''
    }`;
  }
  const scorecard = scorecards.find(s => s.id === goal.scorecardId);
  const title = scorecard?.title ?? goal.scorecardId;
  if (goal.type === 'check') {
    const check = scorecard?.checks.find(c => c.id === goal.checkId);
    return `${title}: the check "${check?.title ?? goal.checkId}" passes`;
  }
  const level = scorecard?.levels.find(l => l.id === goal.level);
  return `${title}: level ${level?.title ?? goal.level} or higher`;
}

/**
 * An entity's state against a campaign goal, with the reason in one
 * sentence.
 *
 * @public
 */
export function judgeCampaignGoal(
  goal: CampaignGoal,
  inputs: CampaignGoalInputs,
): { state: CampaignMemberState; reason: string } {
  if (goal.type === 'goldenPath') {
    const p = inputs.provenance;
    const path = nameOf(goal.templateRef);
    if (!p) {
      return { state: 'open', reason: `Not on the golden path ${path}` };
    }
    if (lower(p.templateRef) !== lower(goal.templateRef)) {
      return {
        state: 'open',
        reason: `Created from ${nameOf(
          p.templateRef,
        )}, not the golden path ${path}`,
      };
    }
    if (!goal.minVersion) {
      return { state: 'met', reason: `On the golden path ${path}` };
    }
    if (!p.templateVersion) {
      return {
        state: 'open',
        reason: `On ${path} at an unknown version; ${goal.minVersion} or later needed`,
      };
    }
    return compareTemplateVersions(p.templateVersion, goal.minVersion) >= 0
      ? { state: 'met', reason: `On ${path} ${p.templateVersion}` }
      : {
          state: 'open',
          reason: `On ${path} ${p.templateVersion}; ${goal.minVersion} or later needed`,
        };
  }
  const scorecard = inputs.scorecard;
  const standing = inputs.standing;
  if (!standing) {
    // The scorecard's filter leaves the entity out: it cannot reach the
    // goal, so it counts like an exemption (a new entity only until the
    // scorecard evaluates it).
    return {
      state: 'exempt',
      reason: `Not scored by ${
        scorecard?.title ?? goal.scorecardId
      }: the scorecard does not apply to it (or has not evaluated it yet)`,
    };
  }
  if (goal.type === 'check') {
    const check = standing.check;
    if (!check) {
      return {
        state: 'open',
        reason: `No result of the check ${goal.checkId} yet`,
      };
    }
    switch (check.state) {
      case 'pass':
        return { state: 'met', reason: check.reason };
      case 'exempt':
        return { state: 'exempt', reason: `Exempt: ${check.reason}` };
      case 'not-applicable':
        return { state: 'exempt', reason: `Does not apply: ${check.reason}` };
      default:
        return { state: 'open', reason: check.reason };
    }
  }
  const levels = scorecard?.levels ?? [];
  const wanted = levels.findIndex(l => l.id === goal.level);
  const reached = standing.level
    ? levels.findIndex(l => l.id === standing.level)
    : -1;
  const titleOf = (i: number) => levels[i]?.title ?? goal.level;
  if (reached >= wanted && wanted >= 0) {
    return { state: 'met', reason: `Reached ${titleOf(reached)}` };
  }
  return {
    state: 'open',
    reason:
      reached < 0
        ? `No level reached yet; ${titleOf(wanted)} needed`
        : `At ${titleOf(reached)}; ${titleOf(wanted)} needed`,
  };
}
