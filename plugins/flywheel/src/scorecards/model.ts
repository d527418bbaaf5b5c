import {
  CheckResult,
  CheckState,
  EntityScorecardResult,
  LevelDistribution,
  ScorecardCheckInfo,
  ScorecardInfo,
  ScorecardLevel,
  ScorecardRollup,
  flywheelScorecardsReadPermission,
} from '@flywheel/plugin-flywheel-common';
import { formatPercent } from '../shared/format';

/** What every scorecard read needs, to name it when it is refused. */
export const SCORECARDS_READ = {
  doing: 'see scorecard results',
  permission: flywheelScorecardsReadPermission.name,
};

/** What each check state is called on screen. */
export const STATE_LABELS: Record<CheckState, string> = {
  pass: 'Pass',
  warn: 'Warning',
  fail: 'Fail',
  'not-applicable': 'Not applicable',
  unknown: 'Unknown',
  exempt: 'Exempt',
};

/** States a developer can ask to be exempted from. */
export function isExemptable(state: CheckState): boolean {
  return state === 'fail' || state === 'warn' || state === 'unknown';
}

/** The key of "no level reached" in a level distribution. */
export const NO_LEVEL = 'none';

/** A level's title, or "No level" when none was reached. */
export function levelTitle(
  scorecard: Pick<ScorecardInfo, 'levels'>,
  levelId: string | undefined | null,
): string {
  if (!levelId || levelId === NO_LEVEL) {
    return 'No level';
  }
  return scorecard.levels.find(l => l.id === levelId)?.title ?? levelId;
}

/**
 * The colour of a level: metals for the usual Bronze/Silver/Gold ids,
 * otherwise shades by position in the ladder. Always shown with the level's
 * name, never alone.
 */
export function levelTone(
  scorecard: Pick<ScorecardInfo, 'levels'>,
  levelId: string | undefined | null,
): string {
  if (!levelId || levelId === NO_LEVEL) {
    return 'none';
  }
  const id = levelId.toLowerCase();
  if (id === 'bronze' || id === 'silver' || id === 'gold') {
    return id;
  }
  const index = scorecard.levels.findIndex(l => l.id === levelId);
  return `step${Math.min(Math.max(index, 0), 4) + 1}`;
}

/** Level distribution entries, "No level" first, then lowest to highest. */
export function levelEntries(
  scorecard: Pick<ScorecardInfo, 'levels'>,
  levels: LevelDistribution,
): { id: string; title: string; tone: string; count: number }[] {
  const ids = [NO_LEVEL, ...scorecard.levels.map(l => l.id)];
  // Levels the scorecard no longer has (renamed in config) still count.
  for (const id of Object.keys(levels)) {
    if (!ids.includes(id)) {
      ids.push(id);
    }
  }
  return ids.map(id => ({
    id,
    title: levelTitle(scorecard, id),
    tone: levelTone(scorecard, id),
    count: levels[id] ?? 0,
  }));
}

/** "No level: 1, Bronze: 2, Silver: 0, Gold: 3" */
export function describeLevels(
  scorecard: Pick<ScorecardInfo, 'levels'>,
  levels: LevelDistribution,
): string {
  return levelEntries(scorecard, levels)
    .map(l => `${l.title}: ${l.count}`)
    .join(', ');
}

/** A check's result together with its definition. */
export interface CheckWithResult {
  check: ScorecardCheckInfo;
  result?: CheckResult;
}

/**
 * The level after the one reached (the first when none is), and the checks
 * that keep the entity from it: failing or unknown checks at that level or
 * below. No `next` when the top level is reached.
 */
export function nextLevelGap(
  scorecard: ScorecardInfo,
  result: Pick<EntityScorecardResult, 'level' | 'checks'>,
): { next?: ScorecardLevel; blocking: CheckWithResult[] } {
  const reachedIndex = result.level
    ? scorecard.levels.findIndex(l => l.id === result.level)
    : -1;
  const next = scorecard.levels[reachedIndex + 1];
  if (!next) {
    return { blocking: [] };
  }
  const upTo = new Set(
    scorecard.levels.slice(0, reachedIndex + 2).map(l => l.id),
  );
  const byId = new Map(result.checks.map(c => [c.checkId, c]));
  const blocking = scorecard.checks
    .filter(check => upTo.has(check.level))
    .map(check => ({ check, result: byId.get(check.id) }))
    .filter(
      ({ result: r }) => r && (r.state === 'fail' || r.state === 'unknown'),
    );
  return { next, blocking };
}

/** A pass rate's colour band for heat maps and bars; the % is always shown too. */
export function passRateTone(
  rate: number | null | undefined,
): 'good' | 'fair' | 'poor' | 'none' {
  if (rate === null || rate === undefined) {
    return 'none';
  }
  if (rate >= 0.8) {
    return 'good';
  }
  if (rate >= 0.5) {
    return 'fair';
  }
  return 'poor';
}

/** Rollup checks joined with their definitions, lowest pass rate first. */
export function checksWorstFirst(
  scorecard: ScorecardInfo,
  checks: ScorecardRollup['checks'],
): (ScorecardRollup['checks'][number] & { check: ScorecardCheckInfo })[] {
  const order = new Map(scorecard.checks.map((c, i) => [c.id, i]));
  return checks
    .flatMap(c => {
      const check = scorecard.checks.find(d => d.id === c.checkId);
      return check ? [{ ...c, check }] : [];
    })
    .sort((a, b) => {
      if (a.passRate !== b.passRate) {
        if (a.passRate === null) return 1;
        if (b.passRate === null) return -1;
        return a.passRate - b.passRate;
      }
      return (order.get(a.checkId) ?? 0) - (order.get(b.checkId) ?? 0);
    });
}

/** A score (0–100) for display, or "—" when no check counts. */
export function formatScore(score: number | null | undefined): string {
  if (score === null || score === undefined) {
    return '—';
  }
  return formatPercent(score);
}

/** Chart colours of the level tones (the same as levels.module.css). */
export const LEVEL_COLORS: Record<string, string> = {
  none: '#c4c4c4',
  bronze: '#b0764a',
  silver: '#8f99a3',
  gold: '#c99a12',
  step1: '#9db8d9',
  step2: '#5b8cc4',
  step3: '#2f64a3',
  step4: '#1f4a80',
  step5: '#12305a',
};
