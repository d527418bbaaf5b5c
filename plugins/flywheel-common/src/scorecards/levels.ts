import {
  CheckState,
  CheckStateCounts,
  CHECK_STATES,
  ScorecardLevel,
} from './types';

/** What level and score math needs of a check and its result. @public */
export interface LevelInput {
  level: string;
  weight: number;
  state: CheckState;
}

const CLEARS_LEVEL: ReadonlySet<CheckState> = new Set([
  'pass',
  'warn',
  'exempt',
  'not-applicable',
]);
const SCORED: ReadonlySet<CheckState> = new Set([
  'pass',
  'warn',
  'fail',
  'unknown',
]);

/**
 * The highest level an entity reaches: every check at that level and below
 * passes, warns, is exempt or does not apply. Undefined when the first level
 * is not reached. A level without checks is reached when the ones below are.
 *
 * @public
 */
export function levelReached(
  levels: readonly ScorecardLevel[],
  results: readonly LevelInput[],
): string | undefined {
  let reached: string | undefined;
  for (const level of levels) {
    const blocked = results.some(
      r => r.level === level.id && !CLEARS_LEVEL.has(r.state),
    );
    if (blocked) {
      break;
    }
    reached = level.id;
  }
  return reached;
}

/**
 * The weighted share of checks that pass, 0–100 rounded to one decimal.
 * Exempt and not-applicable checks are left out; warnings, failures and
 * unknowns count against. Null when no check counts.
 *
 * @public
 */
export function scorePercent(results: readonly LevelInput[]): number | null {
  let total = 0;
  let passed = 0;
  for (const r of results) {
    if (!SCORED.has(r.state)) {
      continue;
    }
    total += r.weight;
    if (r.state === 'pass') {
      passed += r.weight;
    }
  }
  if (total === 0) {
    return null;
  }
  return Math.round((passed / total) * 1000) / 10;
}

/** Counts results per state, every state present. @public */
export function countStates(
  results: readonly { state: CheckState }[],
): CheckStateCounts {
  const counts = Object.fromEntries(
    CHECK_STATES.map(s => [s, 0]),
  ) as CheckStateCounts;
  for (const r of results) {
    counts[r.state] += 1;
  }
  return counts;
}
