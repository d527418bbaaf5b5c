import { Knex } from 'knex';
import { variableBudget } from '../../database/engines';
import { chunk, numOrNull } from '../../database/rows';
import { bulkWrite } from '../../database/statements';
import {
  OWNER_CHECKS,
  OWNER_CHECK_COLUMNS,
  OWNER_LEVELS,
  OWNER_LEVEL_COLUMNS,
  OwnerCheckRow,
  OwnerLevelRow,
  PackedCheck,
  ResultRow,
} from './scorecardRows';

/**
 * Changes to the per-owner aggregates, netted: a result that moves from one
 * state to another subtracts where it was and adds where it is.
 */
export class AggregateDeltas {
  private readonly levels = new Map<string, OwnerLevelRow>();
  /** scorecard + owner → check id → state → row: no key strings per check. */
  private readonly checks = new Map<
    string,
    Map<string, Map<string, OwnerCheckRow>>
  >();
  readonly scorecards = new Set<string>();
  /** Set when results changed without differences (whole scorecards removed). */
  changed = false;
  /** Only subtractions can bring a count down to nothing. */
  private subtracted = false;

  add(
    scorecardId: string,
    row: Pick<ResultRow, 'owner_ref' | 'level' | 'score'>,
    checks: readonly PackedCheck[],
    sign: 1 | -1,
  ) {
    this.scorecards.add(scorecardId);
    if (sign < 0) {
      this.subtracted = true;
    }
    const owner = row.owner_ref ?? '';
    const level = row.level ?? '';
    const ownerKey = `${scorecardId}\u0000${owner}`;
    const levelKey = `${ownerKey}\u0000${level}`;
    let levelRow = this.levels.get(levelKey);
    if (!levelRow) {
      levelRow = {
        scorecard_id: scorecardId,
        owner_ref: owner,
        level,
        n: 0,
        score_tenths: 0,
        scored: 0,
      };
      this.levels.set(levelKey, levelRow);
    }
    levelRow.n += sign;
    const score = numOrNull(row.score);
    if (score !== null) {
      levelRow.score_tenths += sign * Math.round(score * 10);
      levelRow.scored += sign;
    }
    let byCheck = this.checks.get(ownerKey);
    if (!byCheck) {
      byCheck = new Map();
      this.checks.set(ownerKey, byCheck);
    }
    for (const [checkId, state] of checks) {
      let byState = byCheck.get(checkId);
      if (!byState) {
        byState = new Map();
        byCheck.set(checkId, byState);
      }
      let checkRow = byState.get(state);
      if (!checkRow) {
        checkRow = {
          scorecard_id: scorecardId,
          owner_ref: owner,
          check_id: checkId,
          state,
          n: 0,
        };
        byState.set(state, checkRow);
      }
      checkRow.n += sign;
    }
  }

  async write(trx: Knex.Transaction): Promise<void> {
    const levels = [...this.levels.values()].filter(
      r => r.n !== 0 || r.score_tenths !== 0 || r.scored !== 0,
    );
    const checks: OwnerCheckRow[] = [];
    for (const byCheck of this.checks.values()) {
      for (const byState of byCheck.values()) {
        for (const checkRow of byState.values()) {
          if (checkRow.n !== 0) {
            checks.push(checkRow);
          }
        }
      }
    }
    this.levels.clear();
    this.checks.clear();
    await bulkWrite(trx, OWNER_LEVELS, OWNER_LEVEL_COLUMNS, levels, {
      keys: ['scorecard_id', 'owner_ref', 'level'],
      set: {
        n: `${OWNER_LEVELS}.n + excluded.n`,
        score_tenths: `${OWNER_LEVELS}.score_tenths + excluded.score_tenths`,
        scored: `${OWNER_LEVELS}.scored + excluded.scored`,
      },
    });
    await bulkWrite(trx, OWNER_CHECKS, OWNER_CHECK_COLUMNS, checks, {
      keys: ['scorecard_id', 'owner_ref', 'check_id', 'state'],
      set: { n: `${OWNER_CHECKS}.n + excluded.n` },
    });
  }

  /** Drops the aggregate rows that counted down to nothing. */
  async prune(trx: Knex.Transaction): Promise<void> {
    if (!this.subtracted) {
      return; // a first evaluation, say: nothing to look for
    }
    const scorecards = [...this.scorecards];
    for (const part of chunk(scorecards, variableBudget(trx))) {
      await trx(OWNER_LEVELS)
        .whereIn('scorecard_id', part)
        .andWhere('n', '<=', 0)
        .delete();
      await trx(OWNER_CHECKS)
        .whereIn('scorecard_id', part)
        .andWhere('n', '<=', 0)
        .delete();
    }
  }
}
