import {
  GoalScorecard,
  ScorecardGoals,
  ScorecardStanding,
} from '../interfaces/scorecardGoals';
import { ScorecardDefinition } from './definitions';
import { ScorecardEngine } from './engine/ScorecardEngine';
import type { ScorecardStore } from './store/ScorecardStore';

/** Scorecard results as campaign goals read them (`ScorecardGoals`). */
export class ScorecardGoalReader implements ScorecardGoals {
  constructor(
    private readonly deps: {
      definitions: readonly ScorecardDefinition[];
      store: Pick<ScorecardStore, 'levelsAndChecks'>;
      engine: Pick<ScorecardEngine, 'onEntitiesEvaluated'>;
    },
  ) {}

  scorecards(): GoalScorecard[] {
    return this.deps.definitions.map(s => ({
      id: s.id,
      title: s.title,
      checks: s.checks.map(c => ({ id: c.id, title: c.title })),
      levels: s.levels.map(l => ({ id: l.id, title: l.title })),
    }));
  }

  async standings(
    scorecardId: string,
    checkId: string | undefined,
    entityRefs?: readonly string[],
  ): Promise<Map<string, ScorecardStanding>> {
    const rows = await this.deps.store.levelsAndChecks(scorecardId, entityRefs);
    const standings = new Map<string, ScorecardStanding>();
    for (const row of rows) {
      const check =
        checkId === undefined
          ? undefined
          : row.checks.find(c => c[0] === checkId);
      standings.set(row.entityRef, {
        ...(row.level ? { level: row.level } : {}),
        ...(check ? { check: { state: check[1], reason: check[2] } } : {}),
      });
    }
    return standings;
  }

  onEntitiesEvaluated(listener: (entityRefs: string[]) => Promise<void>) {
    this.deps.engine.onEntitiesEvaluated(listener);
  }
}
