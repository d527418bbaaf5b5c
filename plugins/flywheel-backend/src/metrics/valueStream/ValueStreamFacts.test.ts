import { TestDatabases } from '@backstage/backend-test-utils';
import { connectDatabase } from '../../database/migrate';
import { DeploymentStore, NewDeployment } from '../store/DeploymentStore';
import { ValueStreamFacts } from './ValueStreamFacts';

jest.setTimeout(60_000);

const NOW = new Date('2026-12-06T12:00:00Z');

function deployment(
  id: string,
  service: string,
  finished: string,
  result = 'SUCCESS',
): NewDeployment {
  const finishedAt = new Date(finished);
  return {
    id,
    entityRef: `component:default/${service}`,
    environment: 'PRODUCTION',
    result,
    startedAt: new Date(finishedAt.getTime() - 60_000),
    finishedAt,
    contentHash: `${id}:${finished}:${result}`,
    commits: [
      {
        sha: `${id}aaaa`,
        repoUrl: `https://github.com/acme/${service}`,
        authoredAt: new Date(finishedAt.getTime() - 3_600_000),
      },
    ],
  };
}

/** The facts as plain values, lists in their (time) order. */
const plain = (facts: Awaited<ReturnType<ValueStreamFacts['data']>>) => ({
  deployments: facts.deployments.map(
    d => `${d.entityRef} ${d.finishedAt.toISOString()} ${d.success}`,
  ),
  leadTimes: facts.leadTimes.map(
    t => `${t.entityRef} ${t.finishedAt.toISOString()} ${t.seconds}`,
  ),
  recoveries: facts.recoveries.map(
    r =>
      `${
        r.entityRef
      } ${r.failedAt.toISOString()} ${r.recoveredAt?.toISOString()}`,
  ),
  firstDeployments: [...facts.firstDeployments]
    .map(([ref, at]) => `${ref} ${at.toISOString()}`)
    .sort(),
  reporting: [...facts.reporting].sort(),
});

describe('ValueStreamFacts', () => {
  const databases = TestDatabases.create({ ids: ['SQLITE_3', 'POSTGRES_15'] });

  async function setup(databaseId: Parameters<typeof databases.init>[0]) {
    const knex = await databases.init(databaseId);
    const db = await connectDatabase({ getClient: async () => knex });
    let now = 0;
    const store = new DeploymentStore(db);
    const facts = new ValueStreamFacts({
      store,
      checkIntervalMs: 1000,
      mergeIntervalMs: 10_000,
      partialLimit: 2,
      now: () => now,
    });
    return {
      db,
      store,
      facts,
      advance: (ms: number) => {
        now += ms;
      },
      /** What a replica starting now would read. */
      fresh: async () =>
        plain(
          await new ValueStreamFacts({ store: new DeploymentStore(db) }).data(),
        ),
    };
  }

  describe.each(databases.eachSupportedId())('%p', databaseId => {
    it('keeps each list sorted by time and answers from memory until something changes', async () => {
      const { store, facts } = await setup(databaseId);
      await store.write(
        [
          deployment('b2', 'billing', '2026-11-20T10:00:00Z'),
          deployment('a1', 'alpha', '2026-11-02T10:00:00Z', 'FAILURE'),
          deployment('a2', 'alpha', '2026-11-03T10:00:00Z'),
          deployment('b1', 'billing', '2026-11-01T10:00:00Z'),
        ],
        NOW,
      );
      const first = await facts.data();
      expect(plain(first).deployments).toEqual([
        'component:default/billing 2026-11-01T10:00:00.000Z true',
        'component:default/alpha 2026-11-02T10:00:00.000Z false',
        'component:default/alpha 2026-11-03T10:00:00.000Z true',
        'component:default/billing 2026-11-20T10:00:00.000Z true',
      ]);
      expect(plain(first).recoveries).toEqual([
        'component:default/alpha 2026-11-02T10:00:00.000Z 2026-11-03T10:00:00.000Z',
      ]);
      // Nothing changed: the very same lists, so derived data stays valid.
      expect(await facts.data()).toBe(first);
    });

    it("merges this replica's write at once, the same as reading everything", async () => {
      const { store, facts, fresh } = await setup(databaseId);
      await store.write(
        [
          deployment('a1', 'alpha', '2026-11-02T10:00:00Z', 'FAILURE'),
          deployment('b1', 'billing', '2026-11-05T10:00:00Z'),
        ],
        NOW,
      );
      const before = await facts.data();
      // An earlier first deployment of alpha, and its recovery.
      await store.write(
        [
          deployment('a0', 'alpha', '2026-11-01T09:00:00Z'),
          deployment('a3', 'alpha', '2026-11-06T10:00:00Z'),
        ],
        NOW,
      );
      const after = await facts.data();
      expect(after).not.toBe(before);
      expect(plain(after)).toEqual(await fresh());
      expect(plain(after).firstDeployments).toContain(
        'component:default/alpha 2026-11-01T09:00:00.000Z',
      );
      // The old lists are untouched.
      expect(before.deployments).toHaveLength(2);
    });

    it("sees another replica's write after the check interval", async () => {
      const { db, facts, advance, fresh } = await setup(databaseId);
      const before = await facts.data();
      expect(before.deployments).toEqual([]);
      await new DeploymentStore(db).write(
        [deployment('c1', 'checkout', '2026-11-04T10:00:00Z')],
        NOW,
      );
      advance(500);
      expect(await facts.data()).toBe(before);
      advance(600);
      const after = await facts.data();
      expect(plain(after)).toEqual(await fresh());
      expect(after.deployments).toHaveLength(1);
    });

    it('takes a stream of writes in batches: the first at once, the next after the merge interval', async () => {
      const { db, store, facts, advance, fresh } = await setup(databaseId);
      const other = new DeploymentStore(db);
      await facts.data();
      await store.write(
        [deployment('a1', 'alpha', '2026-11-01T10:00:00Z')],
        NOW,
      );
      const first = await facts.data();
      expect(first.deployments).toHaveLength(1);
      // Ours and another replica's, within the merge interval: not yet.
      advance(2_000);
      await store.write(
        [deployment('a2', 'alpha', '2026-11-02T10:00:00Z')],
        NOW,
      );
      await other.write(
        [deployment('b1', 'billing', '2026-11-03T10:00:00Z')],
        NOW,
      );
      expect(await facts.data()).toBe(first);
      advance(7_000);
      expect(await facts.data()).toBe(first);
      // Ten seconds after the last merge: both at once.
      advance(1_000);
      const second = await facts.data();
      expect(second.deployments).toHaveLength(3);
      expect(plain(second)).toEqual(await fresh());
    });

    it('after a backfill of many services, serves the last facts while reading everything again', async () => {
      const { db, facts, advance, fresh } = await setup(databaseId);
      const other = new DeploymentStore(db);
      await other.write(
        [deployment('a1', 'alpha', '2026-11-01T10:00:00Z')],
        NOW,
      );
      const before = await facts.data();
      await other.write(
        ['beta', 'gamma', 'delta'].map((s, i) =>
          deployment(`${s}-1`, s, `2026-11-0${i + 2}T10:00:00Z`),
        ),
        NOW,
      );
      advance(2000);
      // Three services changed, more than the partial limit of two.
      expect(await facts.data()).toBe(before);
      let after = before;
      for (let i = 0; i < 100 && after === before; i++) {
        await new Promise(resolve => setTimeout(resolve, 20));
        after = await facts.data();
      }
      expect(plain(after)).toEqual(await fresh());
      expect(after.deployments).toHaveLength(4);
    });
  });
});
