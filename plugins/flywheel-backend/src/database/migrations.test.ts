import { resolvePackagePath } from '@backstage/backend-plugin-api';
import { TestDatabases } from '@backstage/backend-test-utils';
import { Knex } from 'knex';
import { ScorecardStore } from '../scorecards/store/ScorecardStore';

jest.setTimeout(120_000);

const directory = resolvePackagePath(
  '@flywheel/plugin-flywheel-backend',
  'migrations',
);
const AT = new Date('2026-11-20T10:00:00.000Z');

/** Survey 's' with wave 'w1', as the surveys migration stores them. */
async function insertSurveyWave(knex: Knex, wave: object = {}) {
  await knex('survey_definitions').insert({
    id: 's',
    source: 'api',
    definition: '{}',
    status: 'active',
    created_at: AT,
    updated_at: AT,
  });
  await knex('survey_waves').insert({
    id: 'w1',
    survey_id: 's',
    number: 1,
    opens_at: AT,
    closes_at: AT,
    questions: '[]',
    ...wave,
  });
}

describe('migrations', () => {
  const databases = TestDatabases.create({ ids: ['SQLITE_3', 'POSTGRES_15'] });

  it.each(databases.eachSupportedId())(
    'packs check rows of existing results and counts them per owner on %p',
    async databaseId => {
      const knex = await databases.init(databaseId);
      await knex.migrate.up({
        directory,
        name: '20261125120000_golden_path_runs.js',
      });
      await knex.migrate.up({
        directory,
        name: '20261125150000_scorecards.js',
      });
      const result = (
        entityRef: string,
        level: string | null,
        score: number,
      ) => ({
        entity_ref: entityRef,
        scorecard_id: 'sc',
        owner_ref: 'group:default/team',
        level,
        level_rank: level ? 0 : -1,
        score,
        count_pass: 1,
        count_warn: 0,
        count_fail: 1,
        count_not_applicable: 0,
        count_unknown: 0,
        count_exempt: 0,
        input_hash: 'h',
        evaluated_at: AT,
        changed_at: AT,
      });
      await knex('scorecard_entity_results').insert([
        result('component:default/a', 'bronze', 50),
        result('component:default/b', null, 0),
      ]);
      const check = (entityRef: string, checkId: string, state: string) => ({
        entity_ref: entityRef,
        scorecard_id: 'sc',
        check_id: checkId,
        owner_ref: 'group:default/team',
        state,
        reason: `${checkId} ${state}`,
        value: checkId === 'x' ? '3' : null,
        evaluated_at: AT,
        changed_at: AT,
      });
      await knex('scorecard_check_results').insert([
        check('component:default/a', 'x', 'pass'),
        check('component:default/a', 'y', 'fail'),
        check('component:default/b', 'x', 'fail'),
        check('component:default/b', 'y', 'pass'),
      ]);

      await knex.migrate.latest({ directory });

      const store = new ScorecardStore(knex);
      await store.replaceGroupAncestry([
        {
          ancestorRef: 'group:default/team',
          descendantRef: 'group:default/team',
          depth: 0,
        },
      ]);
      const [a] = await store.getEntityResults('component:default/a');
      expect(a.checks).toEqual([
        { checkId: 'x', state: 'pass', reason: 'x pass', value: 3 },
        { checkId: 'y', state: 'fail', reason: 'y fail' },
      ]);
      const rollup = await store.rollup('group:default/team', 'sc');
      expect(rollup.entityCount).toBe(2);
      expect(rollup.averageScore).toBe(25);
      expect(rollup.levels).toEqual({ bronze: 1, none: 1 });
      expect(rollup.checks.map(c => [c.checkId, c.passRate])).toEqual([
        ['x', 0.5],
        ['y', 0.5],
      ]);
      expect(await knex.schema.hasTable('scorecard_check_results')).toBe(false);

      // And back down: the check rows return.
      // Newer migrations first, then the one under test.
      while (
        (await knex.migrate.currentVersion({ directory })) > '20261125180000'
      ) {
        await knex.migrate.down({ directory });
      }
      expect(await knex.schema.hasTable('survey_responses')).toBe(false);
      await knex.migrate.down({ directory });
      expect(
        await knex('scorecard_check_results').orderBy([
          'entity_ref',
          'check_id',
        ]),
      ).toHaveLength(4);
    },
  );

  it.each(databases.eachSupportedId())(
    'keeps waves that opened before audiences were frozen, unfrozen, on %p',
    async databaseId => {
      const knex = await databases.init(databaseId);
      await knex.migrate.up({ directory, name: '20261125200000_surveys.js' });
      await knex.migrate.up({
        directory,
        name: '20261125120000_golden_path_runs.js',
      });
      await insertSurveyWave(knex, { audience_size: 40 });
      await knex.migrate.latest({ directory });
      expect(await knex('survey_waves').first()).toMatchObject({
        audience_size: 40,
        invited_size: null,
        audience_snapshot_at: null,
      });
      expect(await knex('survey_wave_audiences')).toEqual([]);

      await knex.migrate.down({
        directory,
        name: '20261206100000_survey_wave_audiences.js',
      });
      expect(await knex.schema.hasTable('survey_wave_audiences')).toBe(false);
      expect(await knex.schema.hasColumn('survey_waves', 'invited_size')).toBe(
        false,
      );
    },
  );

  it.each(databases.eachSupportedId())(
    'drops the day of existing anonymous answers and marks them to be shuffled, on %p',
    async databaseId => {
      const knex = await databases.init(databaseId);
      await knex.migrate.up({ directory, name: '20261125200000_surveys.js' });
      await insertSurveyWave(knex);
      const row = (id: string, userRef: string | null) => ({
        id,
        survey_id: 's',
        wave_id: 'w1',
        user_ref: userRef,
        group_ref: 'group:default/a',
        answers: '[]',
        submitted_on: '2026-11-20',
      });
      await knex('survey_responses').insert([
        row('anonymous', null),
        row('identified', 'user:default/ada'),
      ]);
      await knex('survey_comments').insert(
        ['anonymous', 'identified'].map(id => ({
          id: `c-${id}`,
          response_id: id,
          survey_id: 's',
          wave_id: 'w1',
          question_id: 'q',
          text: id,
          submitted_on: '2026-11-20',
          tags: '[]',
        })),
      );
      await knex.migrate.latest({ directory });

      const responses = await knex('survey_responses').orderBy('id');
      expect(
        responses.map(r => [r.id, r.submitted_on, Boolean(r.pending_mix)]),
      ).toEqual([
        ['anonymous', null, true],
        ['identified', '2026-11-20', false],
      ]);
      // Changing a column rebuilds the table on SQLite: no answer or
      // comment may go with the old one.
      const comments = await knex('survey_comments').orderBy('id');
      expect(comments.map(c => c.submitted_on)).toEqual([null, '2026-11-20']);

      await knex.migrate.down({
        directory,
        name: '20261206110000_anonymous_responses_unlinked.js',
      });
      expect(
        await knex.schema.hasColumn('survey_responses', 'pending_mix'),
      ).toBe(false);
      expect(
        (await knex('survey_responses').orderBy('id')).map(r => r.submitted_on),
      ).toEqual(['1970-01-01', '2026-11-20']);
      expect(await knex('survey_comments')).toHaveLength(2);
    },
  );
});
