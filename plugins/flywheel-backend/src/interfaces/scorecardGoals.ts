/*
 * What the scorecards domain offers campaigns: the scorecards a goal may
 * name, each entity's latest state of a check or level, and a signal when
 * entities were re-evaluated (so campaign progress follows scorecard
 * evaluation incrementally). Scorecards implement it; campaigns use it.
 */

import {
  CampaignGoalInputs,
  CampaignGoalScorecard,
} from '@flywheel/plugin-flywheel-common';

/** A scorecard as a campaign goal may name it (levels lowest first). */
export type GoalScorecard = CampaignGoalScorecard;

/**
 * An entity's latest result of one scorecard: the level reached, and the
 * check's state and reason when a check was asked for.
 */
export type ScorecardStanding = NonNullable<CampaignGoalInputs['standing']>;

export interface ScorecardGoals {
  scorecards(): GoalScorecard[];
  /**
   * The latest results of the scorecard for the given entities (all
   * entities with results when `entityRefs` is undefined), by entity ref.
   * Entities without a result are absent.
   */
  standings(
    scorecardId: string,
    checkId: string | undefined,
    entityRefs?: readonly string[],
  ): Promise<Map<string, ScorecardStanding>>;
  /** Calls `listener` with the refs of entities re-evaluated on their own. */
  onEntitiesEvaluated(listener: (entityRefs: string[]) => Promise<void>): void;
}
