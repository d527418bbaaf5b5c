/*
 * What the scorecards domain offers campaigns: the scorecards a goal may
 * name, each entity's latest state of a check or level, and a signal when
 * entities were re-evaluated (so campaign progress follows scorecard
 * evaluation incrementally). Scorecards implement it; campaigns use it.
 */

import { CheckState } from '@flywheel/plugin-flywheel-common';

/** A scorecard as a campaign goal may name it. */
export interface GoalScorecard {
  id: string;
  title: string;
  checks: { id: string; title: string }[];
  /** Level ids from the lowest to the highest. */
  levels: { id: string; title: string }[];
}

/** An entity's latest result of one scorecard. */
export interface ScorecardStanding {
  /** The level reached, undefined when none. */
  level?: string;
  /** The check's state and reason, when a check was asked for. */
  check?: { state: CheckState; reason: string };
}

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
