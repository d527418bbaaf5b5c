import { Knex } from 'knex';
import { delegate } from '../../lang/delegate';
import { ExemptionStore } from './ExemptionStore';
import { HistoryStore } from './HistoryStore';
import { ResultStore } from './ResultStore';
import { ResultsVersion } from './ResultsVersion';
import { RollupStore } from './RollupStore';

export { checksJson, NO_LEVEL } from './scorecardRows';
export type * from './storeTypes';

const RESULT_METHODS = [
  'applyEvaluations',
  'inputHashes',
  'removeEntities',
  'removeResults',
  'removeScorecardsExcept',
  'rebuildAggregates',
  'analyze',
  'getEntityResults',
  'listEntityResults',
  'scoredEntityRefs',
  'levelsAndChecks',
  'countInScope',
] as const;
const ROLLUP_METHODS = [
  'replaceGroupAncestry',
  'rollup',
  'leaderboard',
  'groupsAndAncestors',
] as const;
const HISTORY_METHODS = ['writeSnapshots', 'history', 'transitions'] as const;
const EXEMPTION_METHODS = [
  'createExemption',
  'decideExemption',
  'revokeExemption',
  'getExemption',
  'listExemptions',
  'activeExemptions',
] as const;

/**
 * Stores scorecard results, as the services and the engine see them: one
 * object over the stores of each data group — latest results and per-owner
 * aggregates (ResultStore), group ancestry, rollups and leaderboard
 * (RollupStore), snapshots and transitions (HistoryStore), exemptions
 * (ExemptionStore) — whose methods are bound here.
 *
 * Owner and group refs are lowercased on the way in (they join the catalog's
 * ownership relations to the group tree, which may spell them differently),
 * so the group refs it returns are lowercase. Entity refs are kept exactly as
 * given: the engine and the API both use `stringifyEntityRef`, and the keys of
 * `inputHashes` and `activeExemptions` must match the engine's own.
 */
// eslint-disable-next-line @typescript-eslint/no-unsafe-declaration-merging
export interface ScorecardStore
  extends Pick<ResultStore, (typeof RESULT_METHODS)[number]>,
    Pick<RollupStore, (typeof ROLLUP_METHODS)[number]>,
    Pick<HistoryStore, (typeof HISTORY_METHODS)[number]>,
    Pick<ExemptionStore, (typeof EXEMPTION_METHODS)[number]> {}

// eslint-disable-next-line @typescript-eslint/no-unsafe-declaration-merging
export class ScorecardStore {
  /** Snapshots and transitions. */
  readonly snapshots: HistoryStore;
  /** Exemption requests and decisions. */
  readonly exemptions: ExemptionStore;

  constructor(db: Knex) {
    const version = new ResultsVersion(db); // one cache, shared by the reads
    this.snapshots = new HistoryStore(db);
    this.exemptions = new ExemptionStore(db);
    Object.assign(
      this,
      delegate(new ResultStore(db, version), RESULT_METHODS),
      delegate(new RollupStore(db, version), ROLLUP_METHODS),
      delegate(this.snapshots, HISTORY_METHODS),
      delegate(this.exemptions, EXEMPTION_METHODS),
    );
  }
}
