import { resolvePackagePath } from '@backstage/backend-plugin-api';
import { TestDatabases } from '@backstage/backend-test-utils';
import {
  DEMO_CSAT_SURVEY_ID,
  DEMO_CSAT_WAVES,
  DEMO_SURVEY_ID,
  DEMO_WAVES,
  seedDemoCsatSurvey,
  seedDemoSurveys,
} from './demoSurveys';

jest.setTimeout(120_000);

const migrations = resolvePackagePath(
  '@flywheel/plugin-flywheel-backend',
  'migrations',
);
const NOW = new Date('2026-11-25T09:00:00.000Z');

const respondents = Array.from({ length: 40 }, (_, i) => ({
  userRef: `user:default/person-${i}`,
  groupRef: `group:default/team-${i % 4}`,
}));

describe('seedDemoSurveys', () => {
  const databases = TestDatabases.create({ ids: ['SQLITE_3', 'POSTGRES_15'] });

  it.each(databases.eachSupportedId())(
    'waits for the tables, seeds past waves once, on %p',
    async databaseId => {
      const knex = await databases.init(databaseId);
      expect(await seedDemoSurveys(knex, respondents, NOW)).toEqual({
        status: 'waiting',
        responses: 0,
      });
      await knex.migrate.latest({ directory: migrations });

      const result = await seedDemoSurveys(knex, respondents, NOW);
      expect(result.status).toBe('done');
      const waves = await knex('survey_waves')
        .where({ survey_id: DEMO_SURVEY_ID })
        .orderBy('number');
      expect(waves.map(w => w.number)).toEqual([1, 2, 3, 4, 5]);
      // Every wave closed before today, so a new survey can prompt at once.
      for (const wave of waves) {
        expect(new Date(wave.closes_at).getTime()).toBeLessThan(NOW.getTime());
      }
      const responses = await knex('survey_responses');
      expect(responses).toHaveLength(result.responses);
      // About three in four answer each wave.
      expect(result.responses).toBeGreaterThan(DEMO_WAVES * 40 * 0.6);
      expect(result.responses).toBeLessThan(DEMO_WAVES * 40 * 0.95);
      // Anonymous: no identity and no time with the answers, and marked to
      // be shuffled out of arrival order.
      expect(responses.every(r => r.user_ref === null)).toBe(true);
      expect(responses.every(r => r.submitted_on === null)).toBe(true);
      expect(responses.every(r => Boolean(r.pending_mix))).toBe(true);
      // Each wave's audience is frozen as Flywheel freezes it when a wave
      // opens: ten own members per team.
      const audiences = await knex('survey_wave_audiences').where({
        wave_id: waves[0].id,
      });
      expect(
        audiences.map(a => [a.group_ref, a.audience, a.invited]).sort(),
      ).toEqual([0, 1, 2, 3].map(i => [`group:default/team-${i}`, 10, 10]));
      expect(waves[0]).toMatchObject({ audience_size: 40, invited_size: 40 });
      const participation = await knex('survey_participation');
      expect(participation).toHaveLength(result.responses);

      // NPS rises from the first wave to the last.
      const nps = async (waveId: string) => {
        const rows = await knex('survey_answers').where({
          wave_id: waveId,
          question_id: 'nps',
        });
        const promoters = rows.filter(r => r.value_num >= 9).length;
        const detractors = rows.filter(r => r.value_num <= 6).length;
        return (100 * (promoters - detractors)) / rows.length;
      };
      expect(await nps(waves[4].id)).toBeGreaterThan(await nps(waves[0].id));

      expect(await seedDemoSurveys(knex, respondents, NOW)).toEqual({
        status: 'exists',
        responses: 0,
      });
      expect(await knex('survey_responses')).toHaveLength(result.responses);
    },
  );

  it.each(databases.eachSupportedId())(
    'seeds past waves of the golden-path CSAT once, on %p',
    async databaseId => {
      const knex = await databases.init(databaseId);
      const people = Array.from({ length: 56 }, (_, i) => ({
        userRef: `user:default/person-${i}`,
        groupRef: `group:default/team-${i % 7}`,
      }));
      expect(await seedDemoCsatSurvey(knex, people, NOW)).toEqual({
        status: 'waiting',
        responses: 0,
      });
      await knex.migrate.latest({ directory: migrations });

      const result = await seedDemoCsatSurvey(knex, people, NOW);
      expect(result).toEqual({
        status: 'done',
        responses: DEMO_CSAT_WAVES.reduce((n, w) => n + w.responses, 0),
      });
      const survey = await knex('survey_definitions')
        .where({ id: DEMO_CSAT_SURVEY_ID })
        .first();
      // The ready-made template, as a PM starts it: asked after a
      // golden-path run, identified, monthly waves.
      const definition = JSON.parse(survey.definition);
      expect(definition).toMatchObject({
        template: 'golden-path-csat',
        anonymous: false,
        schedule: { recurrence: 'monthly', waveDays: 28 },
        triggers: [{ type: 'event', event: 'scaffolder.run.completed' }],
      });
      const waves = await knex('survey_waves')
        .where({ survey_id: DEMO_CSAT_SURVEY_ID })
        .orderBy('number');
      expect(waves.map(w => w.number)).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
      for (const wave of waves) {
        expect(new Date(wave.closes_at).getTime()).toBeLessThan(NOW.getTime());
      }
      // The next monthly wave has opened: a golden-path run prompts at once.
      const next = new Date(waves[7].opens_at);
      next.setUTCMonth(next.getUTCMonth() + 1);
      expect(next.getTime()).toBeLessThanOrEqual(NOW.getTime());

      // At least 10 answers a wave, CSAT from the 60s to nearly 80 %, the
      // last wave at or above 75 %.
      const csat = [];
      for (const wave of waves) {
        const rows = await knex('survey_answers').where({
          wave_id: wave.id,
          question_id: 'csat',
        });
        expect(rows.length).toBeGreaterThanOrEqual(10);
        expect(rows.length).toBeLessThanOrEqual(wave.invited_size);
        csat.push(
          Math.round(
            (1000 * rows.filter(r => r.value_num >= 4).length) / rows.length,
          ) / 10,
        );
      }
      expect(csat).toEqual([66.7, 64.3, 69.2, 68.8, 73.3, 70.6, 78.6, 78.9]);

      // Identified: who answered and on which day; nothing to shuffle.
      const responses = await knex('survey_responses').where({
        survey_id: DEMO_CSAT_SURVEY_ID,
      });
      expect(responses.every(r => r.user_ref !== null)).toBe(true);
      expect(responses.every(r => r.submitted_on !== null)).toBe(true);
      expect(responses.some(r => Boolean(r.pending_mix))).toBe(false);
      expect(
        await knex('survey_participation').where({
          survey_id: DEMO_CSAT_SURVEY_ID,
        }),
      ).toHaveLength(result.responses);
      expect(
        (
          await knex('survey_comments').where({
            survey_id: DEMO_CSAT_SURVEY_ID,
          })
        ).length,
      ).toBeGreaterThan(0);

      expect(await seedDemoCsatSurvey(knex, people, NOW)).toEqual({
        status: 'exists',
        responses: 0,
      });
    },
  );
});
