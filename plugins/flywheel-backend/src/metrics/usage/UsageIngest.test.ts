import { mockCredentials, TestDatabases } from '@backstage/backend-test-utils';
import { connectDatabase } from '../../database/migrate';
import { UsageStore } from './store/UsageStore';
import { UsageIngest } from './UsageIngest';

jest.setTimeout(60_000);

const NOW = new Date('2026-12-06T12:00:00Z');
const MALLORY = mockCredentials.user('user:default/Mallory');
const VICTIM = 'user:default/ada';

const view = (extra: object = {}, context: object = {}) => ({
  action: 'navigate',
  subject: '/catalog',
  context: { pluginId: 'catalog', ...context },
  timestamp: '2026-12-06T11:59:30Z',
  ...extra,
});

describe('UsageIngest', () => {
  const databases = TestDatabases.create({ ids: ['SQLITE_3', 'POSTGRES_15'] });

  async function setUp(databaseId: Parameters<typeof databases.init>[0]) {
    const knex = await databases.init(databaseId);
    const db = await connectDatabase({ getClient: async () => knex });
    const ingest = new UsageIngest({
      store: new UsageStore(db),
      now: () => NOW,
    });
    const stored = async () =>
      (await db('usage_events').select('user_ref', 'attributes')).map(r => ({
        user: r.user_ref,
        attributes: r.attributes && JSON.parse(r.attributes),
      }));
    return { ingest, stored };
  }

  describe.each(databases.eachSupportedId())('%p', databaseId => {
    it('records events for the sender, whoever the payload names', async () => {
      const { ingest, stored } = await setUp(databaseId);
      // Mallory tries to pass her events off as Ada's, every way the
      // payload allows: refused, and nothing of the batch is stored.
      for (const body of [
        { events: [view()], userRef: VICTIM },
        { events: [view()], user: { userEntityRef: VICTIM } },
        { events: [view(), view({ userEntityRef: VICTIM })] },
        { events: [view({}, { userRef: VICTIM })] },
        { events: [view({}, { user: VICTIM })] },
      ]) {
        await expect(ingest.record(body, MALLORY)).rejects.toThrow(
          /not accepted; events are recorded for the signed-in user who sends them/,
        );
      }
      expect(await stored()).toEqual([]);

      // Where the payload may say anything (attributes), it is data, not
      // identity: the events are Mallory's.
      expect(
        await ingest.record(
          { events: [view({ attributes: { userRef: VICTIM } })] },
          MALLORY,
        ),
      ).toEqual({ received: 1 });
      expect(await stored()).toEqual([
        { user: 'user:default/mallory', attributes: { userRef: VICTIM } },
      ]);
    });

    it('takes events only from a person', async () => {
      const { ingest, stored } = await setUp(databaseId);
      await expect(
        ingest.record({ events: [view()] }, mockCredentials.service()),
      ).rejects.toThrow(
        'Usage events are recorded for a signed-in user; send them with a user token',
      );
      expect(await stored()).toEqual([]);
    });
  });
});
