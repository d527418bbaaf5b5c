import { TestDatabases } from '@backstage/backend-test-utils';
import { connectDatabase } from '../../database/migrate';
import { WriteCountStore } from './WriteCountStore';

jest.setTimeout(60_000);

const MINUTE = 60_000;
const T0 = Date.parse('2026-12-07T10:00:00Z');

describe('WriteCountStore', () => {
  const databases = TestDatabases.create({ ids: ['SQLITE_3', 'POSTGRES_15'] });

  async function setUp(databaseId: Parameters<typeof databases.init>[0]) {
    const knex = await databases.init(databaseId);
    const db = await connectDatabase({ getClient: async () => knex });
    let now = T0 + 5_000;
    const clock = {
      set: (ms: number) => {
        now = ms;
      },
    };
    return {
      db,
      clock,
      store: () => new WriteCountStore(db, MINUTE, () => now),
    };
  }

  describe.each(databases.eachSupportedId())('%p', databaseId => {
    it('counts each caller per window, shared by every replica', async () => {
      const { store } = await setUp(databaseId);
      const [replicaA, replicaB] = [store(), store()];
      expect(await replicaA.increment('user:default/ada')).toEqual({
        totalHits: 1,
        resetTime: new Date(T0 + MINUTE),
      });
      expect((await replicaB.increment('user:default/ada')).totalHits).toBe(2);
      expect((await replicaA.increment('user:default/ada')).totalHits).toBe(3);
      expect((await replicaB.increment('user:default/bob')).totalHits).toBe(1);
      expect((await replicaA.get('user:default/ada'))?.totalHits).toBe(3);
      await replicaB.decrement('user:default/ada');
      expect((await replicaA.get('user:default/ada'))?.totalHits).toBe(2);
    });

    it('starts a new window each minute and deletes the old ones', async () => {
      const { store, clock, db } = await setUp(databaseId);
      const replica = store();
      await replica.increment('user:default/ada');
      await replica.increment('user:default/ada');
      clock.set(T0 + MINUTE + 1_000);
      expect(await replica.increment('user:default/ada')).toEqual({
        totalHits: 1,
        resetTime: new Date(T0 + 2 * MINUTE),
      });
      expect(
        await db('flywheel_write_counts').select('caller', 'window_start'),
      ).toEqual([
        { caller: 'user:default/ada', window_start: expect.anything() },
      ]);
      expect(
        Number((await db('flywheel_write_counts').first()).window_start),
      ).toBe(T0 + MINUTE);
    });

    it('counts concurrent writes exactly', async () => {
      const { store } = await setUp(databaseId);
      const [replicaA, replicaB] = [store(), store()];
      await Promise.all(
        Array.from({ length: 40 }, (_, i) =>
          (i % 2 ? replicaA : replicaB).increment('user:default/ada'),
        ),
      );
      expect((await replicaA.get('user:default/ada'))?.totalHits).toBe(40);
    });

    it('forgets a caller on reset', async () => {
      const { store } = await setUp(databaseId);
      const replica = store();
      await replica.increment('user:default/ada');
      await replica.resetKey('user:default/ada');
      expect(await replica.get('user:default/ada')).toBeUndefined();
    });
  });
});
