import { TestDatabases } from '@backstage/backend-test-utils';
import { connectDatabase } from '../../database/migrate';
import { DeploymentStore, NewDeployment } from './DeploymentStore';

jest.setTimeout(60_000);

const at = (iso: string) => new Date(iso);
const NOW = at('2026-12-06T12:00:00Z');
const SVC = 'component:default/checkout';
const OTHER = 'component:default/payments';

function deployment(
  id: string,
  finished: string,
  options: Partial<Omit<NewDeployment, 'commits'>> & {
    commits?: [string, string | undefined][];
  } = {},
): NewDeployment {
  const { commits, ...rest } = options;
  return {
    id,
    entityRef: SVC,
    environment: 'PRODUCTION',
    result: 'SUCCESS',
    startedAt: new Date(Date.parse(finished) - 60_000),
    finishedAt: at(finished),
    contentHash: `${id}:${finished}:${rest.result ?? 'SUCCESS'}`,
    ...rest,
    commits: (commits ?? []).map(([sha, authored]) => ({
      sha,
      repoUrl: 'https://github.com/acme/checkout',
      authoredAt: authored ? at(authored) : undefined,
    })),
  };
}

describe('DeploymentStore', () => {
  const databases = TestDatabases.create({ ids: ['SQLITE_3', 'POSTGRES_15'] });

  async function createStore(databaseId: Parameters<typeof databases.init>[0]) {
    const knex = await databases.init(databaseId);
    const db = await connectDatabase({ getClient: async () => knex });
    return { knex: db, store: new DeploymentStore(db) };
  }

  describe.each(databases.eachSupportedId())('%p', databaseId => {
    it('counts a retried deployment once and replaces a changed one', async () => {
      const { store, knex } = await createStore(databaseId);
      const first = [
        deployment('d1', '2026-11-02T10:00:00Z', {
          commits: [['aaa1111', undefined]],
        }),
        deployment('d2', '2026-11-03T10:00:00Z'),
      ];
      expect(await store.write(first, NOW)).toMatchObject({
        created: 2,
        updated: 0,
        unchanged: 0,
      });
      expect(await store.write(first, NOW)).toEqual({
        created: 0,
        updated: 0,
        unchanged: 2,
        firstDeployments: [],
      });
      const changed = deployment('d2', '2026-11-03T10:00:00Z', {
        result: 'FAILURE',
      });
      expect(await store.write([changed], NOW)).toMatchObject({
        created: 0,
        updated: 1,
        unchanged: 0,
      });
      const [{ count }] = await knex('metric_deployments').count({
        count: '*',
      });
      expect(Number(count)).toBe(2);
      const facts = await store.productionDeployments({
        from: at('2026-11-01T00:00:00Z'),
        to: at('2026-12-01T00:00:00Z'),
      });
      expect(facts.map(f => [f.finishedAt.toISOString(), f.success])).toEqual(
        expect.arrayContaining([
          ['2026-11-02T10:00:00.000Z', true],
          ['2026-11-03T10:00:00.000Z', false],
        ]),
      );
    });

    it('records each service’s first successful production deployment once, earlier backfills moving it', async () => {
      const { store } = await createStore(databaseId);
      const staging = deployment('s1', '2026-11-01T09:00:00Z', {
        environment: 'STAGING',
      });
      const failed = deployment('f1', '2026-11-01T10:00:00Z', {
        result: 'FAILURE',
      });
      expect(
        (await store.write([staging, failed], NOW)).firstDeployments,
      ).toEqual([]);
      const ok = deployment('p1', '2026-11-05T10:00:00Z');
      expect((await store.write([ok], NOW)).firstDeployments).toEqual([
        {
          entityRef: SVC,
          deploymentId: 'p1',
          deployedAt: at('2026-11-05T10:00:00Z'),
        },
      ]);
      // A later one is no first; an earlier backfill moves the date but is
      // no new first either (the service had one).
      const later = deployment('p2', '2026-11-06T10:00:00Z');
      const backfill = deployment('p0', '2026-11-04T10:00:00Z');
      expect(
        (await store.write([later, backfill], NOW)).firstDeployments,
      ).toEqual([]);
      expect(await store.firstDeployments([SVC, OTHER])).toEqual(
        new Map([[SVC, at('2026-11-04T10:00:00Z')]]),
      );
    });

    it('measures lead time from the first new commit of each deployment', async () => {
      const { store } = await createStore(databaseId);
      await store.write(
        [
          // ships a (authored 1 Nov 10:00) and b (2 Nov 10:00): 3 days from a
          deployment('d1', '2026-11-04T10:00:00Z', {
            commits: [
              ['aaaaaaa', '2026-11-01T10:00:00Z'],
              ['bbbbbbb', '2026-11-02T10:00:00Z'],
            ],
          }),
          // ships b again and c (5 Nov 10:00): b was shipped, so from c: 1 day
          deployment('d2', '2026-11-06T10:00:00Z', {
            commits: [
              ['bbbbbbb', '2026-11-02T10:00:00Z'],
              ['ccccccc', '2026-11-05T10:00:00Z'],
            ],
          }),
          // a redeploy of c: nothing new, no lead time
          deployment('d3', '2026-11-07T10:00:00Z', {
            commits: [['ccccccc', '2026-11-05T10:00:00Z']],
          }),
          // failed: d failed to ship, so d counts from d5 on
          deployment('d4', '2026-11-08T10:00:00Z', {
            result: 'FAILURE',
            commits: [['ddddddd', '2026-11-07T22:00:00Z']],
          }),
          deployment('d5', '2026-11-08T12:00:00Z', {
            commits: [['ddddddd', '2026-11-07T22:00:00Z']],
          }),
          // the same SHA in another service is another change
          deployment('o1', '2026-11-09T10:00:00Z', {
            entityRef: OTHER,
            commits: [['aaaaaaa', '2026-11-01T10:00:00Z']],
          }),
        ],
        NOW,
      );
      const times = await store.leadTimes({
        from: at('2026-11-01T00:00:00Z'),
        to: at('2026-12-01T00:00:00Z'),
      });
      expect(
        times
          .map(t => [t.entityRef, t.finishedAt.toISOString(), t.seconds / 3600])
          .sort(),
      ).toEqual(
        [
          [SVC, '2026-11-04T10:00:00.000Z', 72],
          [SVC, '2026-11-06T10:00:00.000Z', 24],
          [SVC, '2026-11-08T12:00:00.000Z', 14],
          [OTHER, '2026-11-09T10:00:00.000Z', 192],
        ].sort(),
      );
      // Scoped to one service and a window
      expect(
        (
          await store.leadTimes({
            entityRefs: [SVC],
            from: at('2026-11-05T00:00:00Z'),
            to: at('2026-11-09T00:00:00Z'),
          })
        ).map(t => t.seconds / 3600),
      ).toEqual(expect.arrayContaining([24, 14]));
    });

    it('pairs each failed production deployment with the next success', async () => {
      const { store } = await createStore(databaseId);
      await store.write(
        [
          deployment('f1', '2026-11-02T10:00:00Z', { result: 'FAILURE' }),
          deployment('f2', '2026-11-02T11:00:00Z', { result: 'FAILURE' }),
          deployment('ok', '2026-11-02T12:30:00Z'),
          deployment('f3', '2026-11-03T10:00:00Z', { result: 'FAILURE' }),
          deployment('x', '2026-11-02T12:00:00Z', {
            entityRef: OTHER,
          }),
        ],
        NOW,
      );
      const recoveries = await store.recoveries({
        from: at('2026-11-01T00:00:00Z'),
        to: at('2026-12-01T00:00:00Z'),
      });
      expect(
        recoveries
          .map(r => [r.failedAt.toISOString(), r.recoveredAt?.toISOString()])
          .sort(),
      ).toEqual([
        ['2026-11-02T10:00:00.000Z', '2026-11-02T12:30:00.000Z'],
        ['2026-11-02T11:00:00.000Z', '2026-11-02T12:30:00.000Z'],
        ['2026-11-03T10:00:00.000Z', undefined],
      ]);
      expect(await store.reportingServices()).toEqual(new Set([SVC, OTHER]));
    });
  });
});
