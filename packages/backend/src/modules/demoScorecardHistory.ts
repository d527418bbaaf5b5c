import { DatabaseService } from '@backstage/backend-plugin-api';
import { createDemoSeedModule } from './demoSeedModule';

type Knex = Awaited<ReturnType<DatabaseService['getClient']>>;

const SNAPSHOTS = 'scorecard_snapshots';
const RESULTS = 'scorecard_entity_results';
/** The key of a level distribution for entities without a level. */
const NO_LEVEL = 'none';
/** How far back the demo history goes: 12 weeks. */
export const DEMO_HISTORY_DAYS = 84;
/** How long today's snapshot must stay current before it is built on. */
const SETTLE_MS = 60_000;
const DAY_MS = 86_400_000;
/** Rows per insert: 9 columns, under SQLite's 999 bound values. */
const INSERT_ROWS = 100;

type SnapshotRow = {
  day: string;
  scope: string;
  scope_ref: string;
  scorecard_id: string;
  entity_count: number;
  avg_score: number | null;
  levels: string;
  pass_rate: number | null;
  written_at: Date;
};

/** What one seeding attempt did. */
export type DemoScorecardHistoryResult =
  | { status: 'waiting'; reason: string }
  | {
      status: 'done';
      /** The first day with real snapshots, which the history leads up to. */
      firstDay: string;
      series: number;
      daysInserted: number;
      rowsInserted: number;
    };

/** PostgreSQL hands back Dates, SQLite what was bound (epoch milliseconds). */
function toDate(value: unknown): Date {
  if (value instanceof Date) {
    return value;
  }
  if (typeof value === 'string' && /^\d+$/.test(value)) {
    return new Date(Number(value));
  }
  return new Date(value as string | number);
}

function numOrNull(value: unknown): number | null {
  return value === null || value === undefined ? null : Number(value);
}

function addDays(day: string, days: number): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) + days * DAY_MS)
    .toISOString()
    .slice(0, 10);
}

/** FNV-1a, then one mulberry32 step: a deterministic number in [0, 1). */
function unit(key: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < key.length; i++) {
    h = Math.imul(h ^ key.charCodeAt(i), 0x01000193);
  }
  let t = (h + 0x6d2b79f5) | 0;
  t = Math.imul(t ^ (t >>> 15), t | 1);
  t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
}

/** A deterministic wobble in [-1, 1]. */
function wobble(key: string): number {
  return unit(key) * 2 - 1;
}

const clamp = (value: number, min: number, max: number) =>
  Math.min(max, Math.max(min, value));
const round = (value: number, decimals: number) =>
  Math.round(value * 10 ** decimals) / 10 ** decimals;

/**
 * Level distributions of a past day: the same level ids as the real day,
 * `removed` entities fewer (taken from the largest level), then `demotions`
 * steps down the ladder, each from the highest level that has entities.
 */
function pastLevels(
  today: [level: string, count: number][],
  removed: number,
  demotions: number,
): Record<string, number> {
  const counts = today.map(([, n]) => n);
  for (let r = 0; r < removed; r++) {
    let largest = counts.length - 1;
    for (let i = counts.length - 1; i >= 0; i--) {
      if (counts[i] > counts[largest]) {
        largest = i;
      }
    }
    if (counts[largest] <= 0) {
      break;
    }
    counts[largest]--;
  }
  for (let d = 0; d < demotions; d++) {
    let top = counts.length - 1;
    while (top > 0 && counts[top] === 0) {
      top--;
    }
    if (top === 0) {
      break;
    }
    counts[top]--;
    counts[top - 1]++;
  }
  return Object.fromEntries(today.map(([level], i) => [level, counts[i]]));
}

/**
 * The past of one series (entity, group or scorecard scope), `days` days
 * back from the real first day: fewer entities, fewer of them at the higher
 * levels, a lower average score and pass rate, with a small deterministic
 * wobble. `ranks` orders the level ids.
 */
function pastSeries(
  real: SnapshotRow,
  ranks: Map<string, number>,
  days: number,
  writtenAt: Date,
): SnapshotRow[] {
  const key = `${real.scope}\u0000${real.scope_ref}\u0000${real.scorecard_id}`;
  // How much of today's value the series lacked 12 weeks ago.
  const gain = 0.2 + 0.3 * unit(`${key}|gain`);
  const passGain = gain * (0.8 + 0.4 * unit(`${key}|pass`));
  // How much of today's entity count arrived within the period.
  const growth = real.scope === 'entity' ? 0 : 0.15 * unit(`${key}|growth`);
  const rank = (level: string) =>
    level === NO_LEVEL ? -1 : ranks.get(level) ?? -0.5;
  const levels = (
    Object.entries(JSON.parse(real.levels)) as [string, unknown][]
  )
    .map(([level, n]): [string, number] => [level, Number(n) || 0])
    .sort(([a], [b]) => rank(a) - rank(b) || (a < b ? -1 : 1));
  const entityCount = levels.reduce((sum, [, n]) => sum + n, 0);
  // Level steps above the lowest level present, of which `gain` were climbed.
  const steps = levels.reduce((sum, [, n], i) => sum + n * i, 0);
  const maxDemotions = Math.round(gain * steps);

  const rows: SnapshotRow[] = [];
  for (let k = 1; k <= days; k++) {
    // Progress comes in weekly steps, with a little in between; 1 at `days`.
    const back = 0.6 * (Math.ceil((k * 12) / days) / 12) + 0.4 * (k / days);
    // The wobble fades in over the first days, so the series meets today's.
    const noise = Math.min(1, k / 7);
    const removed = Math.min(
      Math.round(entityCount * growth * (k / days)),
      Math.max(0, entityCount - 1),
    );
    const avgScore = numOrNull(real.avg_score);
    const passRate = numOrNull(real.pass_rate);
    rows.push({
      day: addDays(real.day, -k),
      scope: real.scope,
      scope_ref: real.scope_ref,
      scorecard_id: real.scorecard_id,
      entity_count: entityCount - removed,
      avg_score:
        avgScore === null
          ? null
          : round(
              clamp(
                avgScore * (1 - gain * back) +
                  1.5 * noise * wobble(`${key}|score|${k}`),
                0,
                100,
              ),
              1,
            ),
      levels: JSON.stringify(
        pastLevels(levels, removed, Math.round(maxDemotions * back)),
      ),
      pass_rate:
        passRate === null
          ? null
          : round(
              clamp(
                passRate * (1 - passGain * back) +
                  0.015 * noise * wobble(`${key}|passRate|${k}`),
                0,
                1,
              ),
              4,
            ),
      written_at: writtenAt,
    });
  }
  return rows;
}

/**
 * Example instance only: back-fills `days` days of snapshots before the
 * first real snapshot day, for every series that day has, trending from a
 * worse past to the real values. Only days without any rows are written,
 * and the rows carry the time they were written, after their day (a real
 * snapshot is written on its day): that is how a later run tells the real
 * first day from the back-filled ones, so running again inserts nothing.
 *
 * Waits (returns `waiting`) while the plugin's tables are missing, while
 * there is no real snapshot yet, and while today's snapshot does not yet
 * reflect the current results (the catalog is still being read on the first
 * start) or is less than a minute old.
 */
export async function seedDemoScorecardHistory(
  db: Knex,
  options: { now?: Date; days?: number } = {},
): Promise<DemoScorecardHistoryResult> {
  const now = options.now ?? new Date();
  const days = options.days ?? DEMO_HISTORY_DAYS;
  if (!(await db.schema.hasTable(SNAPSHOTS))) {
    return { status: 'waiting', reason: `no table ${SNAPSHOTS} yet` };
  }

  const perDay = (await db(SNAPSHOTS)
    .select('day')
    .min({ written_at: 'written_at' })
    .groupBy('day')
    .orderBy('day')) as { day: string; written_at: unknown }[];
  const real = perDay.find(
    row => toDate(row.written_at).toISOString().slice(0, 10) <= row.day,
  );
  if (!real) {
    return { status: 'waiting', reason: 'no snapshot written yet' };
  }
  const firstDay = real.day;

  if (firstDay === now.toISOString().slice(0, 10)) {
    const writtenAt = toDate(real.written_at).getTime();
    const [{ changed }] = (await db(RESULTS).max({
      changed: 'evaluated_at',
    })) as { changed: unknown }[];
    if (
      (changed !== null && toDate(changed).getTime() > writtenAt) ||
      now.getTime() - writtenAt < SETTLE_MS
    ) {
      return {
        status: 'waiting',
        reason: "today's snapshot is not settled yet",
      };
    }
  }

  const from = addDays(firstDay, -days);
  const existing = new Set(
    (
      (await db(SNAPSHOTS)
        .distinct('day')
        .where('day', '>=', from)
        .andWhere('day', '<', firstDay)) as { day: string }[]
    ).map(row => row.day),
  );
  const anchors = (await db(SNAPSHOTS).where('day', firstDay)) as SnapshotRow[];
  const levelRanks = (await db(RESULTS)
    .select('scorecard_id', 'level')
    .max({ rank: 'level_rank' })
    .whereNotNull('level')
    .groupBy('scorecard_id', 'level')) as {
    scorecard_id: string;
    level: string;
    rank: unknown;
  }[];
  const ranks = new Map<string, Map<string, number>>();
  for (const row of levelRanks) {
    if (!ranks.has(row.scorecard_id)) {
      ranks.set(row.scorecard_id, new Map());
    }
    ranks.get(row.scorecard_id)!.set(row.level, Number(row.rank));
  }

  const rows = anchors
    .flatMap(anchor =>
      pastSeries(
        anchor,
        ranks.get(anchor.scorecard_id) ?? new Map(),
        days,
        now,
      ),
    )
    .filter(row => !existing.has(row.day));
  await db.transaction(async trx => {
    for (let i = 0; i < rows.length; i += INSERT_ROWS) {
      await trx(SNAPSHOTS)
        .insert(rows.slice(i, i + INSERT_ROWS))
        .onConflict(['day', 'scope', 'scope_ref', 'scorecard_id'])
        .ignore();
    }
  });
  return {
    status: 'done',
    firstDay,
    series: anchors.length,
    daysInserted: new Set(rows.map(row => row.day)).size,
    rowsInserted: rows.length,
  };
}

/**
 * Example instance only (`flywheelExample.demoScorecardHistory: true`): gives
 * the demo's scorecards twelve weeks of history before the first real
 * snapshot, so the trend charts of the Group page's "Team scorecard" and of
 * `GET /api/flywheel/scorecards/history` show a trend from the first start.
 * Tries shortly after start and every minute until Flywheel's first
 * scheduled evaluation has written today's snapshots, then stops.
 */
export const flywheelModuleDemoScorecardHistory = createDemoSeedModule({
  moduleId: 'example-demo-scorecard-history',
  flag: 'demoScorecardHistory',
  label: 'Demo scorecard history',
  every: { minutes: 1 },
  everyText: 'a minute',
  initialDelay: { seconds: 30 },
  timeout: { minutes: 5 },
  seeder:
    () =>
    async ({ knex }) => {
      const result = await seedDemoScorecardHistory(knex);
      if (result.status === 'waiting') {
        return result;
      }
      return {
        status: 'done',
        message:
          result.rowsInserted === 0
            ? `already there before ${result.firstDay}`
            : `wrote ${result.rowsInserted} snapshots on ${result.daysInserted} days before ${result.firstDay} for ${result.series} series`,
      };
    },
});
