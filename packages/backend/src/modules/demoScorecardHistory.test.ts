import {
  createBackendPlugin,
  resolvePackagePath,
  SchedulerServiceTaskInvocationDefinition,
} from '@backstage/backend-plugin-api';
import {
  mockServices,
  startTestBackend,
  TestDatabases,
} from '@backstage/backend-test-utils';
import {
  DEMO_HISTORY_DAYS,
  flywheelModuleDemoScorecardHistory,
  seedDemoScorecardHistory,
} from './demoScorecardHistory';

jest.setTimeout(120_000);

type Knex = Awaited<ReturnType<TestDatabases['init']>>;

const migrations = resolvePackagePath(
  '@flywheel/plugin-flywheel-backend',
  'migrations',
);

const TODAY = '2026-11-25';
const WRITTEN = new Date(`${TODAY}T08:00:00.000Z`);
const NOW = new Date(`${TODAY}T09:00:00.000Z`);
const LADDER = ['bronze', 'silver', 'gold'];

/** Today's snapshots as Flywheel's evaluation writes them, one per scope. */
const TODAY_ROWS = [
  {
    scope: 'entity',
    scope_ref: 'component:default/checkout-api',
    scorecard_id: 'golden-path-adoption',
    entity_count: 1,
    avg_score: 83.3,
    levels: { silver: 1 },
    pass_rate: 0.8,
  },
  {
    scope: 'entity',
    scope_ref: 'component:default/legacy-batch',
    scorecard_id: 'golden-path-adoption',
    entity_count: 1,
    avg_score: null,
    levels: { none: 1 },
    pass_rate: null,
  },
  {
    scope: 'group',
    scope_ref: 'group:default/commerce',
    scorecard_id: 'golden-path-adoption',
    entity_count: 10,
    avg_score: 72.5,
    levels: { none: 1, bronze: 2, silver: 3, gold: 4 },
    pass_rate: 0.81,
  },
  {
    scope: 'group',
    scope_ref: 'group:default/sre',
    scorecard_id: 'production-readiness',
    entity_count: 3,
    avg_score: 100,
    levels: { gold: 3 },
    pass_rate: 1,
  },
  {
    scope: 'scorecard',
    scope_ref: '',
    scorecard_id: 'golden-path-adoption',
    entity_count: 14,
    avg_score: 61.2,
    levels: { none: 3, bronze: 4, silver: 3, gold: 4 },
    pass_rate: 0.7,
  },
];

function addDays(day: string, days: number): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) + days * 86_400_000)
    .toISOString()
    .slice(0, 10);
}

async function writeToday(knex: Knex, writtenAt = WRITTEN) {
  await knex('scorecard_snapshots').insert(
    TODAY_ROWS.map(row => ({
      ...row,
      day: writtenAt.toISOString().slice(0, 10),
      levels: JSON.stringify(row.levels),
      written_at: writtenAt,
    })),
  );
}

/** Entity results, for the order of the levels (and when they last changed). */
async function writeResults(knex: Knex, evaluatedAt = WRITTEN) {
  await knex('scorecard_entity_results').insert(
    LADDER.map((level, rank) => ({
      entity_ref: `component:default/${level}-example`,
      scorecard_id: 'golden-path-adoption',
      owner_ref: 'group:default/commerce',
      level,
      level_rank: rank,
      score: 50,
      count_pass: 1,
      count_warn: 0,
      count_fail: 1,
      count_not_applicable: 0,
      count_unknown: 0,
      count_exempt: 0,
      input_hash: null,
      evaluated_at: evaluatedAt,
      changed_at: evaluatedAt,
    })),
  );
}

type Row = {
  day: string;
  scope: string;
  scope_ref: string;
  scorecard_id: string;
  entity_count: number;
  avg_score: number | null;
  levels: Record<string, number>;
  pass_rate: number | null;
  written_at: number;
};

async function readRows(knex: Knex): Promise<Row[]> {
  const rows = await knex('scorecard_snapshots').orderBy([
    'scope',
    'scope_ref',
    'scorecard_id',
    'day',
  ]);
  return rows.map(row => ({
    day: row.day,
    scope: row.scope,
    scope_ref: row.scope_ref,
    scorecard_id: row.scorecard_id,
    entity_count: Number(row.entity_count),
    avg_score: row.avg_score === null ? null : Number(row.avg_score),
    levels: JSON.parse(row.levels),
    pass_rate: row.pass_rate === null ? null : Number(row.pass_rate),
    written_at: new Date(
      row.written_at instanceof Date ? row.written_at : Number(row.written_at),
    ).getTime(),
  }));
}

describe('demo scorecard history', () => {
  const databases = TestDatabases.create({ ids: ['SQLITE_3', 'POSTGRES_15'] });

  async function migrated(databaseId: Parameters<typeof databases.init>[0]) {
    const knex = await databases.init(databaseId);
    await knex.migrate.latest({ directory: migrations });
    return knex;
  }

  describe.each(databases.eachSupportedId())('%p', databaseId => {
    it('waits for the table, for a snapshot and for it to settle', async () => {
      const knex = await databases.init(databaseId);
      expect(await seedDemoScorecardHistory(knex, { now: NOW })).toEqual({
        status: 'waiting',
        reason: 'no table scorecard_snapshots yet',
      });

      await knex.migrate.latest({ directory: migrations });
      expect(await seedDemoScorecardHistory(knex, { now: NOW })).toEqual({
        status: 'waiting',
        reason: 'no snapshot written yet',
      });

      // Results changed after today's snapshot: the next evaluation rewrites it.
      await writeToday(knex);
      await writeResults(knex, new Date(WRITTEN.getTime() + 5_000));
      expect(await seedDemoScorecardHistory(knex, { now: NOW })).toMatchObject({
        status: 'waiting',
      });
      await knex('scorecard_entity_results').update({
        evaluated_at: new Date(WRITTEN.getTime() - 5_000),
      });
      // Written less than a minute ago.
      expect(
        await seedDemoScorecardHistory(knex, {
          now: new Date(WRITTEN.getTime() + 30_000),
        }),
      ).toMatchObject({ status: 'waiting' });
      const [{ n }] = await knex('scorecard_snapshots').count({ n: '*' });
      expect(Number(n)).toBe(TODAY_ROWS.length);

      expect(await seedDemoScorecardHistory(knex, { now: NOW })).toMatchObject({
        status: 'done',
      });
    });

    it('writes 12 weeks of a worse past before the first day, once', async () => {
      const knex = await migrated(databaseId);
      await writeResults(knex);
      await writeToday(knex);
      const before = await readRows(knex);

      const result = await seedDemoScorecardHistory(knex, { now: NOW });
      expect(result).toEqual({
        status: 'done',
        firstDay: TODAY,
        series: TODAY_ROWS.length,
        daysInserted: DEMO_HISTORY_DAYS,
        rowsInserted: DEMO_HISTORY_DAYS * TODAY_ROWS.length,
      });

      const rows = await readRows(knex);
      expect(rows).toHaveLength((DEMO_HISTORY_DAYS + 1) * TODAY_ROWS.length);
      // Today's rows are untouched.
      expect(rows.filter(row => row.day === TODAY)).toEqual(before);

      const days = Array.from({ length: DEMO_HISTORY_DAYS + 1 }, (_, i) =>
        addDays(TODAY, i - DEMO_HISTORY_DAYS),
      );
      const seriesOf = (today: (typeof TODAY_ROWS)[number]) =>
        rows.filter(
          row =>
            row.scope === today.scope &&
            row.scope_ref === today.scope_ref &&
            row.scorecard_id === today.scorecard_id,
        );
      for (const today of TODAY_ROWS) {
        const series = seriesOf(today);
        // 84 earlier days, in a row, then today's real values.
        expect(series.map(row => row.day)).toEqual(days);
        expect(series[series.length - 1]).toMatchObject({
          ...today,
          day: TODAY,
        });

        const past = series.slice(0, -1);
        expect(new Set(past.map(row => row.written_at))).toEqual(
          new Set([NOW.getTime()]),
        );
        for (const row of past) {
          expect(row.entity_count).toBeGreaterThanOrEqual(1);
          expect(row.entity_count).toBeLessThanOrEqual(today.entity_count);
          // The level ids of today's row, adding up to the entity count.
          expect(Object.keys(row.levels)).toEqual(Object.keys(today.levels));
          const counts = Object.values(row.levels);
          expect(counts.every(n => Number.isInteger(n) && n >= 0)).toBe(true);
          expect(counts.reduce((a, b) => a + b, 0)).toBe(row.entity_count);
        }
        // Null where today's is null (nothing counts), else in range.
        expect(past.map(row => row.avg_score === null)).toEqual(
          past.map(() => today.avg_score === null),
        );
        expect(past.map(row => row.pass_rate === null)).toEqual(
          past.map(() => today.pass_rate === null),
        );
        expect(
          past.filter(
            row =>
              row.avg_score !== null &&
              !(row.avg_score >= 0 && row.avg_score <= 100),
          ),
        ).toEqual([]);
        expect(
          past.filter(
            row =>
              row.pass_rate !== null &&
              !(row.pass_rate >= 0 && row.pass_rate <= 1),
          ),
        ).toEqual([]);
      }

      // A worse past that leads up to today's values.
      for (const today of TODAY_ROWS.filter(row => row.avg_score !== null)) {
        const series = seriesOf(today);
        const score = today.avg_score!;
        expect(series[0].avg_score!).toBeLessThan(score * 0.85);
        expect(
          Math.abs(series[series.length - 2].avg_score! - score),
        ).toBeLessThanOrEqual(score * 0.1);
      }
      for (const today of TODAY_ROWS.filter(row => row.pass_rate !== null)) {
        expect(seriesOf(today)[0].pass_rate!).toBeLessThan(today.pass_rate!);
      }

      // Fewer entities, and fewer of them at the top, 12 weeks ago.
      const commerce = rows.filter(
        row => row.scope_ref === 'group:default/commerce',
      );
      expect(commerce[0].levels.gold).toBeLessThan(4);
      expect(
        commerce[0].levels.none + commerce[0].levels.bronze,
      ).toBeGreaterThan(3);

      // Again, also on a later day with a new real snapshot: nothing to do.
      const again = await seedDemoScorecardHistory(knex, { now: NOW });
      expect(again).toMatchObject({ status: 'done', rowsInserted: 0 });
      const tomorrow = new Date(WRITTEN.getTime() + 86_400_000);
      await writeToday(knex, tomorrow);
      expect(
        await seedDemoScorecardHistory(knex, {
          now: new Date(tomorrow.getTime() + 3_600_000),
        }),
      ).toMatchObject({ status: 'done', firstDay: TODAY, rowsInserted: 0 });
      expect((await readRows(knex)).filter(row => row.day <= TODAY)).toEqual(
        rows,
      );
    });

    it('fills only the days that have no rows, with the same values', async () => {
      const knex = await migrated(databaseId);
      await writeResults(knex);
      await writeToday(knex);
      await seedDemoScorecardHistory(knex, { now: NOW });
      const seeded = await readRows(knex);

      // Another database where a few days before are already there.
      const other = await migrated(databaseId);
      await writeResults(other);
      await writeToday(other);
      const kept = {
        day: addDays(TODAY, -3),
        scope: 'scorecard',
        scope_ref: '',
        scorecard_id: 'golden-path-adoption',
        entity_count: 2,
        avg_score: 1,
        levels: JSON.stringify({ none: 2 }),
        pass_rate: 0.5,
        written_at: NOW,
      };
      await other('scorecard_snapshots').insert(kept);
      const result = await seedDemoScorecardHistory(other, { now: NOW });
      expect(result).toMatchObject({
        status: 'done',
        daysInserted: DEMO_HISTORY_DAYS - 1,
      });
      const rows = await readRows(other);
      expect(rows.filter(row => row.day === kept.day)).toEqual([
        { ...kept, levels: { none: 2 }, written_at: NOW.getTime() },
      ]);
      // Deterministic: the same history as on the first database.
      expect(rows.filter(row => row.day !== kept.day)).toEqual(
        seeded.filter(row => row.day !== kept.day),
      );
    });

    it('runs as a task when enabled, and stops once done', async () => {
      const knex = await migrated(databaseId);
      await writeResults(knex);
      await writeToday(
        knex,
        new Date(Date.now() - 10 * 60_000), // settled
      );
      const tasks: SchedulerServiceTaskInvocationDefinition[] = [];
      const scheduler = mockServices.scheduler.mock({
        scheduleTask: async task => {
          tasks.push(task);
        },
      });
      const flywheel = createBackendPlugin({
        pluginId: 'flywheel',
        register(env) {
          env.registerInit({ deps: {}, async init() {} });
        },
      });
      const backend = await startTestBackend({
        features: [
          flywheel,
          flywheelModuleDemoScorecardHistory,
          mockServices.database.factory({ knex }),
          scheduler.factory,
          mockServices.rootConfig.factory({
            data: { flywheelExample: { demoScorecardHistory: true } },
          }),
        ],
      });
      expect(tasks).toHaveLength(1);
      expect(tasks[0].signal?.aborted).toBe(false);
      await tasks[0].fn(new AbortController().signal);
      expect(tasks[0].signal?.aborted).toBe(true);
      const [{ n }] = await knex('scorecard_snapshots').count({ n: '*' });
      expect(Number(n)).toBe((DEMO_HISTORY_DAYS + 1) * TODAY_ROWS.length);
      await backend.stop();

      const disabled = await startTestBackend({
        features: [
          flywheel,
          flywheelModuleDemoScorecardHistory,
          mockServices.database.factory({ knex }),
          scheduler.factory,
          mockServices.rootConfig.factory({ data: {} }),
        ],
      });
      expect(tasks).toHaveLength(1);
      await disabled.stop();
    });
  });
});
