import { resolvePackagePath } from '@backstage/backend-plugin-api';
import { TestDatabases } from '@backstage/backend-test-utils';
import { SurveyStore } from './SurveyStore';

jest.setTimeout(120_000);

const migrations = resolvePackagePath(
  '@flywheel/plugin-flywheel-backend',
  'migrations',
);
const T0 = new Date('2026-11-20T00:00:00.000Z');
const T1 = new Date('2026-11-21T00:00:00.000Z');

describe('WaveAudienceStore', () => {
  const databases = TestDatabases.create({ ids: ['SQLITE_3', 'POSTGRES_15'] });

  it.each(databases.eachSupportedId())(
    'freezes a wave audience once, even when replicas race, on %p',
    async databaseId => {
      const knex = await databases.init(databaseId);
      await knex.migrate.latest({ directory: migrations });
      const store = new SurveyStore(knex);
      await store.createSurvey({
        id: 's',
        source: 'api',
        definition: {} as any,
        now: T0,
      });
      const wave = await store.ensureWave({
        surveyId: 's',
        number: 1,
        opensAt: T0,
        closesAt: T1,
        questions: [],
      });
      const first = new Map([
        ['group:default/a', { audience: 6, invited: 3 }],
        [null, { audience: 2, invited: 1 }],
      ]);
      const second = new Map([
        ['group:default/a', { audience: 9, invited: 9 }],
      ]);
      const frozen = await Promise.all([
        store.audiences.freeze(wave.id, first, T0),
        store.audiences.freeze(wave.id, second, T1),
      ]);
      expect(frozen.filter(Boolean)).toHaveLength(1);
      const winner = frozen[0] ? first : second;

      expect((await store.audiences.audiences([wave.id])).get(wave.id)).toEqual(
        winner,
      );
      const stored = await store.getWave(wave.id);
      const sum = (key: 'audience' | 'invited') =>
        [...winner.values()].reduce((n, c) => n + c[key], 0);
      expect(stored).toMatchObject({
        audienceSize: sum('audience'),
        invitedSize: sum('invited'),
        audienceFrozenAt: frozen[0] ? T0 : T1,
      });
      // Frozen is frozen.
      expect(await store.audiences.freeze(wave.id, second, T1)).toBe(false);
      expect(await store.audiences.audiences(['other'])).toEqual(new Map());
    },
  );
});
