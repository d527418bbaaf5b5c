import { resolvePackagePath } from '@backstage/backend-plugin-api';
import { mockCredentials, TestDatabases } from '@backstage/backend-test-utils';
import { SurveyDefinition } from '@flywheel/plugin-flywheel-common';
import { Knex } from 'knex';
import { isSampled } from './waves/eligibility';
import { SurveyInviter, SurveyService } from './SurveyService';
import { SurveyStore } from './store/SurveyStore';
import { testSurveyService } from './__testUtils__/testService';
import { orgSource } from './__testUtils__/testOrg';

jest.setTimeout(120_000);

/**
 * A wave's audience is frozen when it opens: team views of past waves do
 * not shift with today's catalog, response rates divide by the people
 * invited (sampled, not throttled), and only they are invited.
 */

const migrations = resolvePackagePath(
  '@flywheel/plugin-flywheel-backend',
  'migrations',
);
const DAY = 86_400_000;
const START = new Date('2026-11-25T10:00:00Z');
const pm = mockCredentials.user('user:default/pm');
const g = (name: string) => `group:default/${name}`;
const user = (name: string) => `user:default/${name}`;

function survey(overrides: Partial<SurveyDefinition> = {}) {
  return {
    title: 'Platform NPS',
    anonymous: true,
    questions: [{ id: 'nps', type: 'nps', title: 'Recommend us?' }],
    audience: { type: 'everyone' },
    schedule: {
      opensAt: '2026-11-20T00:00:00Z',
      recurrence: 'none',
      waveDays: 60,
    },
    ...overrides,
  } as unknown as SurveyDefinition;
}

describe('SurveyService audiences and invitations', () => {
  const databases = TestDatabases.create({ ids: ['SQLITE_3', 'POSTGRES_15'] });

  /** A service over `knex` and an org, as a backend started at `now` would be. */
  function serviceOver(
    knex: Knex,
    org: Parameters<typeof orgSource>[0],
    clock: { now: Date },
    inviter?: SurveyInviter,
  ) {
    return testSurveyService({
      store: new SurveyStore(knex),
      catalog: orgSource(org).source,
      inviter,
      now: () => clock.now,
    });
  }

  async function database(databaseId: Parameters<typeof databases.init>[0]) {
    const knex = await databases.init(databaseId);
    await knex.migrate.latest({ directory: migrations });
    return knex;
  }

  async function answerAll(
    service: SurveyService,
    surveyId: string,
    names: string[],
    score = 9,
  ) {
    const { currentWave } = await service.getSurvey(surveyId);
    for (const name of names) {
      await service.submit(surveyId, user(name), {
        waveId: currentWave!.id,
        answers: [{ questionId: 'nps', value: score }],
      });
    }
    return currentWave!;
  }

  const names = (team: string, from: number, to: number) =>
    Array.from({ length: to - from + 1 }, (_, i) => `${team}-${from + i}`);

  it.each(databases.eachSupportedId())(
    "keeps a wave's team audiences as they were when it opened, on %p",
    async databaseId => {
      const knex = await database(databaseId);
      const clock = { now: START };
      const before = serviceOver(
        knex,
        { groups: { eng: ['a', 'b'], a: [], b: [] }, members: { a: 6, b: 6 } },
        clock,
      );
      await before.createSurvey({ id: 'nps', ...survey() }, pm);
      await answerAll(before, 'nps', [
        ...names('a', 1, 6),
        ...names('b', 1, 6),
      ]);

      // Later: two people of a left, four joined b. A team view of this
      // wave must still divide by who was asked then.
      const after = serviceOver(
        knex,
        { groups: { eng: ['a', 'b'], a: [], b: [] }, members: { a: 4, b: 10 } },
        clock,
      );
      const results = await after.results('nps', {}, pm);
      const team = (name: string) =>
        results.teams.find(t => t.groupRef === g(name))!;
      // Six answers from a team of six when asked: a census, rate 100%,
      // not 150% of today's four.
      expect(team('a')).toMatchObject({
        audienceSize: 6,
        invitedSize: 6,
        responses: 6,
        responseRate: 1,
        census: true,
        nps: { value: 100, low: 100, high: 100 },
      });
      expect(team('b')).toMatchObject({ audienceSize: 6, responseRate: 1 });
      expect(results).toMatchObject({ audienceSize: 12, invitedSize: 12 });

      // Someone who joined b since answers too: 7 answers, 6 asked. The
      // rate stops at 100%, and nothing claims a census or an exact NPS.
      await answerAll(after, 'nps', ['b-7'], 0);
      // A backend started now: no cached view of the open wave.
      const later = await serviceOver(
        knex,
        { groups: { eng: ['a', 'b'], a: [], b: [] }, members: { a: 4, b: 10 } },
        clock,
      ).results('nps', { groupRef: g('b') }, pm);
      expect(later).toMatchObject({
        audienceSize: 6,
        responses: 7,
        responseRate: 1,
      });
      const nps = later.questions[0].nps!;
      expect(nps.census).toBe(false);
      expect(nps.finitePopulationCorrected).toBe(false);
      expect(nps.nps.low).toBeLessThan(nps.nps.high);
    },
  );

  it.each(databases.eachSupportedId())(
    'invites only the sampled people who are not throttled, and rates against them, on %p',
    async databaseId => {
      const knex = await database(databaseId);
      const clock = { now: START };
      const invite = jest.fn(async () => {});
      const org = { groups: { a: [] }, members: { a: 60 } };
      const service = serviceOver(knex, org, clock, { invite });

      // Ten people answered another survey ten days before: the 30-day
      // limit keeps them from being asked again.
      await service.createSurvey({ id: 'earlier', ...survey() }, pm);
      await answerAll(service, 'earlier', names('a', 1, 10));
      invite.mockClear();
      clock.now = new Date(START.getTime() + 10 * DAY);

      await service.createSurvey(
        {
          id: 'sampled',
          ...survey({
            samplingPercent: 50,
            schedule: {
              opensAt: clock.now.toISOString(),
              recurrence: 'none',
              waveDays: 60,
            } as SurveyDefinition['schedule'],
          }),
        },
        pm,
      );
      const { currentWave } = await service.getSurvey('sampled');
      const asked = names('a', 11, 60).filter(n =>
        isSampled(user(n), currentWave!.id, 50),
      );
      const expected = asked.map(user);
      // About 25 of the 50: a sample of fewer than 6 is vanishingly rare.
      expect(expected.length).toBeGreaterThanOrEqual(6);
      expect(invite).toHaveBeenCalledTimes(1);
      const [, , invited] = invite.mock.calls[0] as unknown as [
        unknown,
        unknown,
        string[],
      ];
      expect([...invited].sort()).toEqual([...expected].sort());
      expect(currentWave).toMatchObject({
        audienceSize: 60,
        invitedSize: expected.length,
      });

      await answerAll(service, 'sampled', asked.slice(0, 6));
      const results = await service.results('sampled', {}, pm);
      expect(results.invitedSize).toBe(expected.length);
      expect(results.responseRate).toBe(
        Math.round((1000 * 6) / expected.length) / 1000,
      );
    },
  );

  it.each(databases.eachSupportedId())(
    'does not invite on a retry those who answered, dismissed or snoozed since, on %p',
    async databaseId => {
      const knex = await database(databaseId);
      const clock = { now: START };
      const invite = jest
        .fn<Promise<void>, [unknown, unknown, string[]]>()
        .mockRejectedValueOnce(new Error('notifications are down'));
      const service = serviceOver(
        knex,
        { groups: { a: [] }, members: { a: 8 } },
        clock,
        { invite },
      );
      await service.createSurvey({ id: 'nps', ...survey() }, pm);
      expect(invite).toHaveBeenCalledTimes(1);
      const wave = await answerAll(service, 'nps', ['a-1']);
      await service.promptAction('nps', user('a-2'), {
        waveId: wave.id,
        action: 'dismiss',
      });
      await service.promptAction('nps', user('a-3'), {
        waveId: wave.id,
        action: 'snooze',
      });

      await service.syncWaves();
      expect(invite).toHaveBeenCalledTimes(2);
      expect(invite.mock.calls[1][2].sort()).toEqual(
        names('a', 4, 8).map(user),
      );
      // Invited once: a third sync sends nothing.
      await service.syncWaves();
      expect(invite).toHaveBeenCalledTimes(2);
    },
  );
});
