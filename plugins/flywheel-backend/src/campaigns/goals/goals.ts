import { InputError } from '@backstage/errors';
import { CampaignGoal } from '@flywheel/plugin-flywheel-common';
import { GoalScorecard } from '../../interfaces/scorecardGoals';

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
  if (
    goal.type === 'check' &&
    !scorecard.checks.some(c => c.id === goal.checkId)
  ) {
    throw new InputError(
      `goal.checkId: scorecard '${scorecard.id}' has no check '${
        goal.checkId
      }'; known: ${scorecard.checks.map(c => c.id).join(', ')}`,
    );
  }
  if (
    goal.type === 'level' &&
    !scorecard.levels.some(l => l.id === goal.level)
  ) {
    throw new InputError(
      `goal.level: scorecard '${scorecard.id}' has no level '${
        goal.level
      }'; known: ${scorecard.levels.map(l => l.id).join(', ')}`,
    );
  }
  return scorecard;
}
