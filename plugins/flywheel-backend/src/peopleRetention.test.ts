import { mockServices, TestDatabases } from '@backstage/backend-test-utils';
import { Knex } from 'knex';
import { GoldenPathPersonalData } from './goldenPaths/GoldenPathPersonalData';
import { connectDatabase } from './database/migrate';
import { MaturityPersonalData } from './maturity/store/MaturityPersonalData';
import { PersonalDataService } from './privacy/PersonalDataService';
import { readRetentionSettings } from './privacy/retentionConfig';
import { SurveyPersonalData } from './surveys/store/SurveyPersonalData';
import { ConfigReader } from '@backstage/config';

jest.setTimeout(60_000);

const NOW = new Date('2026-12-07T12:00:00Z');
const daysAgo = (days: number) => new Date(NOW.getTime() - days * 86_400_000);
const ADA = 'user:default/ada';

/** Two of everything: one past the retention period, one within it. */
async function seed(db: Knex) {
  await db('survey_definitions').insert({
    id: 'pulse',
    source: 'api',
    definition: '{}',
    status: 'active',
    created_by: ADA,
    created_at: daysAgo(900),
    updated_at: daysAgo(900),
  });
  for (const [id, closedDaysAgo] of [
    ['old-wave', 400],
    ['recent-wave', 10],
  ] as const) {
    await db('survey_waves').insert({
      id,
      survey_id: 'pulse',
      number: id === 'old-wave' ? 1 : 2,
      opens_at: daysAgo(closedDaysAgo + 14),
      closes_at: daysAgo(closedDaysAgo),
      questions: '[]',
    });
    await db('survey_participation').insert({
      wave_id: id,
      survey_id: 'pulse',
      user_ref: ADA,
      responded_at: daysAgo(closedDaysAgo + 1),
      asked_nps: true,
    });
    await db('survey_responses').insert({
      id: `${id}-response`,
      survey_id: 'pulse',
      wave_id: id,
      user_ref: ADA,
      group_ref: 'group:default/platform',
      answers: '[]',
      submitted_on: daysAgo(closedDaysAgo + 1)
        .toISOString()
        .slice(0, 10),
    });
    await db('survey_prompt_states').insert({
      user_ref: 'user:default/bob',
      wave_id: id,
      state: 'dismissed',
    });
  }
  await db('survey_trigger_events').insert([
    { user_ref: ADA, event: 'old', fired_at: daysAgo(400) },
    { user_ref: ADA, event: 'recent', fired_at: daysAgo(3) },
  ]);
  await db('flywheel_scaffolder_runs').insert(
    [
      ['old-finished', daysAgo(401), daysAgo(400)],
      ['old-unfinished', daysAgo(400), null],
      ['recent', daysAgo(2), daysAgo(2)],
    ].map(([taskId, started, completed]) => ({
      task_id: taskId,
      template_ref: 'template:default/ts-service',
      user_ref: ADA,
      started_at: started,
      completed_at: completed,
      outcome: completed ? 'succeeded' : 'failed',
    })),
  );
  await db('maturity_attestations').insert(
    [
      ['old', 1100],
      ['recent', 30],
    ].map(([id, age]) => ({
      id,
      kind: 'attestation',
      capability_ref: 'resource:default/ci',
      model_id: 'm',
      stage_id: 's',
      criterion_id: 'c',
      actor_ref: ADA,
      note: 'Checked',
      created_at: daysAgo(age as number),
    })),
  );
}

describe('people retention (flywheel.retention)', () => {
  const databases = TestDatabases.create({ ids: ['SQLITE_3', 'POSTGRES_15'] });

  it.each(databases.eachSupportedId())(
    'deletes or detaches the people on records past their period, and nothing newer (%p)',
    async databaseId => {
      const knex = await databases.init(databaseId);
      const db = await connectDatabase({ getClient: async () => knex });
      await seed(db);
      const retention = readRetentionSettings(new ConfigReader({}));
      const service = new PersonalDataService({
        db,
        holders: [
          new SurveyPersonalData(db, retention.surveyParticipationDays),
          new GoldenPathPersonalData(db, retention.goldenPathRunDays),
          new MaturityPersonalData(db, retention.attestationDays),
        ],
        permissions: mockServices.permissions(),
        logger: mockServices.logger.mock(),
        now: () => NOW,
      });

      expect(await service.purge()).toEqual({
        survey_participation: 1,
        survey_prompt_states: 1,
        survey_responses: 1,
        survey_trigger_events: 1,
        flywheel_scaffolder_runs: 2,
        maturity_attestations: 1,
      });

      const people = async (table: string, key: string, column: string) =>
        Object.fromEntries(
          (await db(table).select(key, column).orderBy(key)).map(row => [
            row[key],
            row[column],
          ]),
        );
      expect(
        await people('survey_participation', 'wave_id', 'user_ref'),
      ).toEqual({ 'recent-wave': ADA });
      expect(await people('survey_prompt_states', 'wave_id', 'state')).toEqual({
        'recent-wave': 'dismissed',
      });
      // The answers stay, each under a pseudonym of its own.
      expect(await people('survey_responses', 'id', 'user_ref')).toEqual({
        'old-wave-response': 'user:flywheel-erased/old-wave-response',
        'recent-wave-response': ADA,
      });
      expect(
        await people('survey_trigger_events', 'event', 'user_ref'),
      ).toEqual({ recent: ADA });
      expect(
        await people('flywheel_scaffolder_runs', 'task_id', 'user_ref'),
      ).toEqual({
        'old-finished': 'user:flywheel-erased/old-finished',
        'old-unfinished': 'user:flywheel-erased/old-unfinished',
        recent: ADA,
      });
      expect(await people('maturity_attestations', 'id', 'actor_ref')).toEqual({
        old: 'user:flywheel-erased/old',
        recent: ADA,
      });
      // Who wrote the survey is a record kept until an erasure.
      expect(await people('survey_definitions', 'id', 'created_by')).toEqual({
        pulse: ADA,
      });

      // A second run finds nothing more to do.
      expect(await service.purge()).toEqual({});
    },
  );

  it('stops the backend on a period outside its range, naming the setting', () => {
    expect(() =>
      readRetentionSettings(
        new ConfigReader({
          flywheel: { retention: { surveyParticipationDays: 30 } },
        }),
      ),
    ).toThrow(
      'flywheel.retention.surveyParticipationDays must be a whole number of days from 90 to 3660 (surveys space NPS questions 90 days apart by default), got 30',
    );
    expect(() =>
      readRetentionSettings(
        new ConfigReader({ flywheel: { retention: { attestationDays: 1.5 } } }),
      ),
    ).toThrow(/flywheel\.retention\.attestationDays must be a whole number/);
  });
});
