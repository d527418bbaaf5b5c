import { InputError } from '@backstage/errors';
import {
  CampaignGoal,
  CampaignMemberState,
  compareTemplateVersions,
} from '@flywheel/plugin-flywheel-common';
import {
  GoalScorecard,
  ScorecardStanding,
} from '../../interfaces/scorecardGoals';

const lower = (value: string) => value.toLocaleLowerCase('en-US');
const nameOf = (ref: string) => ref.replace(/^[^:]*:(default\/)?/, '');

/** The scorecard a goal names; InputError naming the choices otherwise. */
export function goalScorecard(
  goal: CampaignGoal,
  scorecards: readonly GoalScorecard[],
): GoalScorecard | undefined {
  if (goal.type === 'goldenPath') {
    return undefined;
  }
  const scorecard = scorecards.find(s => s.id === goal.scorecardId);
  if (!scorecard) {
    throw new InputError(
      `goal.scorecardId: no scorecard '${goal.scorecardId}'; known: ${scorecards
        .map(s => s.id)
        .join(', ')}`,
    );
  }
  if (goal.type === 'check' && !scorecard.checks.some(c => c.id === goal.checkId)) {
    throw new InputError(
      `goal.checkId: scorecard '${scorecard.id}' has no check '${goal.checkId}'; known: ${scorecard.checks
        .map(c => c.id)
        .join(', ')}`,
    );
  }
  if (goal.type === 'level' && !scorecard.levels.some(l => l.id === goal.level)) {
    throw new InputError(
      `goal.level: scorecard '${scorecard.id}' has no level '${goal.level}'; known: ${scorecard.levels
        .map(l => l.id)
        .join(', ')}`,
    );
  }
  return scorecard;
}

/** The goal in words. */
export function describeGoal(
  goal: CampaignGoal,
  scorecards: readonly GoalScorecard[],
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

/** What judging an entity against a goal reads. */
export interface GoalInputs {
  /** The entity's result of the goal's scorecard, if it has one. */
  standing?: ScorecardStanding;
  scorecard?: GoalScorecard;
  /** The golden path the entity comes from, if any. */
  provenance?: { templateRef: string; templateVersion?: string };
}

/** An entity's state against the goal, with the reason in one sentence. */
export function judgeGoal(
  goal: CampaignGoal,
  inputs: GoalInputs,
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
        reason: `Created from ${nameOf(p.templateRef)}, not the golden path ${path}`,
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
    return {
      state: 'open',
      reason: `No result of the scorecard ${scorecard?.title ?? goal.scorecardId} yet`,
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
