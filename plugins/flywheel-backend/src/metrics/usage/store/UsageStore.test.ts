import { TestDatabases } from '@backstage/backend-test-utils';
import { connectDatabase } from '../../../database/migrate';
import { UsagePersonalData } from '../UsagePersonalData';
import { BreakdownQuery, NewUsageEvent, UsageStore } from './UsageStore';
import { dayOf } from './usageRows';

jest.setTimeout(60_000);

const at = (iso: string) => new Date(iso);
const ADA = 'user:default/ada';
const BOB = 'user:default/bob';
const CHECKOUT = 'component:default/checkout';

const event = (
  occurredAt: string,
  extra: Partial<NewUsageEvent> = {},
): NewUsageEvent => ({
  action: 'navigate',
  subject: '/catalog',
  pluginId: 'catalog',
  routeRef: 'catalog:index',
  occurredAt: at(occurredAt),
  ...extra,
});

const sorted = (rows: { userRef: string; day: number }[]) =>
  [...rows].sort((a, b) => a.day - b.day || a.userRef.localeCompare(b.userRef));

describe('UsageStore', () => {
  const databases = TestDatabases.create({ ids: ['SQLITE_3', 'POSTGRES_15'] });

  async function createStore(databaseId: Parameters<typeof databases.init>[0]) {
    const knex = await databases.init(databaseId);
    const db = await connectDatabase({ getClient: async () => knex });
    return { knex: db, store: new UsageStore(db) };
  }

  describe.each(databases.eachSupportedId())('%p', databaseId => {
    it('stores a batch with its sender and marks each day active once', async () => {
      const { store, knex } = await createStore(databaseId);
      await store.record(
        ADA,
        [
          event('2026-12-01T10:00:00Z', {
            attributes: { to: '/catalog', count: 2, ok: true },
            value: 3.5,
            entityRef: CHECKOUT,
          }),
          event('2026-12-01T11:00:00Z'),
          event('2026-12-02T09:00:00Z'),
        ],
        at('2026-12-02T09:00:05Z'),
      );
      // The same day again adds events, not days.
      await store.record(
        ADA,
        [event('2026-12-02T10:00:00Z')],
        at('2026-12-02T10:00:01Z'),
      );
      const rows = await knex('usage_events').orderBy('id');
      expect(rows).toHaveLength(4);
      expect(rows[0]).toMatchObject({
        user_ref: ADA,
        action: 'navigate',
        plugin_id: 'catalog',
        route_ref: 'catalog:index',
        entity_ref: CHECKOUT,
        value: 3.5,
        day: dayOf(at('2026-12-01T00:00:00Z')),
      });
      expect(JSON.parse(rows[0].attributes)).toEqual({
        to: '/catalog',
        count: 2,
        ok: true,
      });
      expect(rows[1].attributes).toBeNull();
      const days = await knex('usage_user_days').orderBy('day');
      expect(days.map(d => [d.user_ref, Number(d.day)])).toEqual([
        [ADA, dayOf(at('2026-12-01T00:00:00Z'))],
        [ADA, dayOf(at('2026-12-02T00:00:00Z'))],
      ]);
    });

    it('keeps each time to the millisecond, nulls as nulls, and concurrent batches of one person apart', async () => {
      const { store, knex } = await createStore(databaseId);
      const batch = (hour: number) =>
        Array.from({ length: 500 }, (_, i) =>
          event(
            new Date(
              Date.parse(`2026-12-01T${String(hour).padStart(2, '0')}:00:00Z`) +
                i * 60_001 +
                7,
            ).toISOString(),
            i % 2 ? { routeRef: undefined, value: i / 4 } : {},
          ),
        );
      // 500 events a batch (the most a post carries), crossing midnight.
      await Promise.all(
        [8, 20, 22].map(hour =>
          store.record(ADA, batch(hour), at('2026-12-02T09:00:00Z')),
        ),
      );
      const rows = await knex('usage_events')
        .where('route_ref', null)
        .orderBy('occurred_at')
        .select('occurred_at', 'value', 'received_at');
      expect(rows).toHaveLength(750);
      const ms = (t: unknown) =>
        new Date(t as string | number | Date).getTime();
      expect(ms(rows[0].occurred_at)).toBe(
        Date.parse('2026-12-01T08:00:00Z') + 60_001 + 7,
      );
      expect(rows[0].value).toBe(0.25);
      expect(ms(rows[0].received_at)).toBe(Date.parse('2026-12-02T09:00:00Z'));
      const [{ n }] = await knex('usage_events').count({ n: '*' });
      expect(Number(n)).toBe(1500);
      const days = await knex('usage_user_days').orderBy('day');
      expect(days.map(d => Number(d.day))).toEqual([
        dayOf(at('2026-12-01T00:00:00Z')),
        dayOf(at('2026-12-02T00:00:00Z')),
      ]);
    });

    it('stores nothing of a batch the database refuses', async () => {
      const { store, knex } = await createStore(databaseId);
      // Only PostgreSQL checks the columns' lengths; SQLite stores it all.
      const refused = databaseId === 'POSTGRES_15';
      const write = store.record(
        ADA,
        [
          event('2026-12-01T08:00:00Z'),
          event('2026-12-01T09:00:00Z', { action: 'x'.repeat(101) }),
        ],
        at('2026-12-01T09:00:00Z'),
      );
      expect(
        await write.then(
          () => 'stored',
          () => 'refused',
        ),
      ).toBe(refused ? 'refused' : 'stored');
      const [{ n }] = await knex('usage_events').count({ n: '*' });
      expect(Number(n)).toBe(refused ? 0 : 2);
      const [{ d }] = await knex('usage_user_days').count({ d: '*' });
      expect(Number(d)).toBe(refused ? 0 : 1);
    });

    it('reads whole days from the day table and partial days from the events', async () => {
      const { store, knex } = await createStore(databaseId);
      await store.record(
        ADA,
        [event('2026-12-01T08:00:00Z'), event('2026-12-03T20:00:00Z')],
        at('2026-12-03T20:00:00Z'),
      );
      await store.record(
        BOB,
        [event('2026-12-01T18:00:00Z'), event('2026-12-02T12:00:00Z')],
        at('2026-12-02T12:00:00Z'),
      );
      const d1 = dayOf(at('2026-12-01T00:00:00Z'));
      // 1 Dec 12:00 to 3 Dec 12:00: Ada's 1 Dec at 08:00 is before the
      // window, her 3 Dec at 20:00 after it.
      expect(
        sorted(
          await store.activity({
            from: at('2026-12-01T12:00:00Z'),
            to: at('2026-12-03T12:00:00Z'),
          }),
        ),
      ).toEqual([
        { userRef: BOB, day: d1 },
        { userRef: BOB, day: d1 + 1 },
      ]);
      // Inside one day.
      expect(
        await store.activity({
          from: at('2026-12-01T07:00:00Z'),
          to: at('2026-12-01T09:00:00Z'),
        }),
      ).toEqual([{ userRef: ADA, day: d1 }]);
      // Whole days only: the day table alone answers (events gone).
      await knex('usage_events').delete();
      expect(
        sorted(
          await store.activity({
            from: at('2026-12-01T00:00:00Z'),
            to: at('2026-12-04T00:00:00Z'),
          }),
        ),
      ).toEqual([
        { userRef: ADA, day: d1 },
        { userRef: BOB, day: d1 },
        { userRef: BOB, day: d1 + 1 },
        { userRef: ADA, day: d1 + 2 },
      ]);
      expect(
        await store.activity({
          from: at('2026-12-04T00:00:00Z'),
          to: at('2026-12-04T00:00:00Z'),
        }),
      ).toEqual([]);
    });

    it('reads the events on some entities only', async () => {
      const { store } = await createStore(databaseId);
      await store.record(
        ADA,
        [
          event('2026-12-01T08:00:00Z', { entityRef: CHECKOUT }),
          event('2026-12-01T09:00:00Z', {
            entityRef: 'component:default/ledger',
          }),
        ],
        at('2026-12-01T09:00:00Z'),
      );
      await store.record(
        BOB,
        [event('2026-12-01T10:00:00Z')],
        at('2026-12-01T10:00:00Z'),
      );
      const window = {
        from: at('2026-12-01T00:00:00Z'),
        to: at('2026-12-02T00:00:00Z'),
      };
      expect(
        await store.activity({ ...window, entityRefs: [CHECKOUT] }),
      ).toEqual([{ userRef: ADA, day: dayOf(window.from) }]);
      expect(await store.activity({ ...window, entityRefs: [] })).toEqual([]);
      expect(
        (await store.entityActivity(window.from, window.to)).sort((a, b) =>
          a.entityRef.localeCompare(b.entityRef),
        ),
      ).toEqual([
        { entityRef: CHECKOUT, userRef: ADA, day: dayOf(window.from) },
        {
          entityRef: 'component:default/ledger',
          userRef: ADA,
          day: dayOf(window.from),
        },
      ]);
    });

    it('knows each active person’s first day and who came earlier that day', async () => {
      const { store } = await createStore(databaseId);
      await store.record(
        ADA,
        [event('2026-11-20T08:00:00Z'), event('2026-12-01T08:00:00Z')],
        at('2026-12-01T08:00:00Z'),
      );
      await store.record(
        BOB,
        [event('2026-12-01T18:00:00Z')],
        at('2026-12-01T18:00:00Z'),
      );
      await store.record(
        'user:default/cy',
        [event('2026-10-01T18:00:00Z')],
        at('2026-10-01T18:00:00Z'),
      );
      const d = (iso: string) => dayOf(at(iso));
      const firstDays = await store.firstDays(
        d('2026-12-01T00:00:00Z'),
        d('2026-12-02T00:00:00Z'),
      );
      expect(firstDays).toEqual(
        new Map([
          [ADA, d('2026-11-20T00:00:00Z')],
          [BOB, d('2026-12-01T00:00:00Z')],
        ]),
      );
      expect(
        await store.activeEarlierThatDay(at('2026-12-01T12:00:00Z')),
      ).toEqual(new Set([ADA]));
      expect(
        await store.activeEarlierThatDay(at('2026-12-01T00:00:00Z')),
      ).toEqual(new Set());
    });

    it('breaks usage down by plugin and by route', async () => {
      const { store } = await createStore(databaseId);
      await store.record(
        ADA,
        [
          event('2026-12-01T08:00:00Z'),
          event('2026-12-01T08:01:00Z'),
          event('2026-12-01T08:02:00Z', {
            pluginId: 'scaffolder',
            routeRef: undefined,
          }),
        ],
        at('2026-12-01T09:00:00Z'),
      );
      await store.record(
        BOB,
        [
          event('2026-12-01T10:00:00Z', { routeRef: 'catalog:entity' }),
          event('2026-11-01T10:00:00Z', { pluginId: 'techdocs' }),
        ],
        at('2026-12-01T10:00:00Z'),
      );
      const window = {
        from: at('2026-11-15T00:00:00Z'),
        to: at('2026-12-15T00:00:00Z'),
      };
      expect(
        await store.breakdown({ ...window, by: 'plugin', limit: 10 }),
      ).toEqual({
        rows: [
          { pluginId: 'catalog', routeRef: null, events: 3, users: 2 },
          { pluginId: 'scaffolder', routeRef: null, events: 1, users: 1 },
        ],
        truncated: false,
        events: 4,
        users: 2,
      });
      expect(
        await store.breakdown({ ...window, by: 'route', limit: 2 }),
      ).toEqual({
        rows: [
          {
            pluginId: 'catalog',
            routeRef: 'catalog:index',
            events: 2,
            users: 1,
          },
          {
            pluginId: 'catalog',
            routeRef: 'catalog:entity',
            events: 1,
            users: 1,
          },
        ],
        truncated: true,
        events: 4,
        users: 2,
      });
    });

    it('reads the breakdown from rollups that agree with the events after ingest, retention and erasure', async () => {
      const { store, knex } = await createStore(databaseId);
      const HOUR = 3_600_000;
      const start = at('2026-12-01T00:00:00Z').getTime();
      const routes: [string, string | undefined][] = [
        ['catalog', 'catalog:index'],
        ['catalog', 'catalog:entity'],
        ['catalog', undefined],
        ['search', 'search:root'],
        ['techdocs', undefined],
      ];
      // Ten people, a batch a day each over six days, in a fixed pattern.
      for (let p = 0; p < 10; p++) {
        for (let d = 0; d < 6; d++) {
          if ((p + d) % 3 === 0) {
            continue;
          }
          const events = Array.from(
            { length: 1 + ((p * 7 + d) % 5) },
            (_, i) => {
              const [pluginId, routeRef] =
                routes[(p + d * 2 + i) % routes.length];
              return event(
                new Date(
                  start + d * 24 * HOUR + ((p * 5 + i * 7) % 24) * HOUR,
                ).toISOString(),
                { pluginId, routeRef },
              );
            },
          );
          await store.record(
            `user:default/p${p}`,
            events,
            at('2026-12-07T00:00:00Z'),
          );
        }
      }
      const paths = store as unknown as {
        breakdownFromEvents(q: BreakdownQuery): Promise<unknown>;
        breakdownFromRollups(q: BreakdownQuery): Promise<unknown>;
      };
      // The last events are at 23:00 on 6 December: windows that end
      // later come from the rollups, the others from the events.
      const afterAll = [
        ['2026-11-30T00:00:00Z', '2026-12-07T00:00:00Z'],
        ['2026-12-02T13:00:00Z', '2026-12-07T00:00:00Z'],
        ['2026-11-30T12:00:00Z', '2026-12-06T23:30:00Z'],
        ['2026-12-06T02:00:00Z', '2026-12-06T23:30:00Z'],
      ];
      const windows = [
        ...afterAll,
        ['2026-12-01T05:00:00Z', '2026-12-06T22:00:00Z'],
        ['2026-12-03T01:00:00Z', '2026-12-03T20:00:00Z'],
        ['2026-12-02T01:00:00Z', '2026-12-03T20:00:00Z'],
      ];
      const queries = (list: string[][]) =>
        list.flatMap(([from, to]) =>
          (['plugin', 'route'] as const).flatMap(by =>
            [2, 100].map(limit => ({ from: at(from), to: at(to), by, limit })),
          ),
        );
      const check = async () => {
        for (const query of queries(afterAll)) {
          expect(await paths.breakdownFromRollups(query)).toEqual(
            await paths.breakdownFromEvents(query),
          );
        }
        for (const query of queries(windows)) {
          expect(await store.breakdown(query)).toEqual(
            await paths.breakdownFromEvents(query),
          );
        }
      };
      await check();
      expect(
        (
          await store.breakdown({
            from: at('2026-11-01T00:00:00Z'),
            to: at('2026-12-08T00:00:00Z'),
            by: 'route',
            limit: 100,
          })
        ).users,
      ).toBe(10);
      // A window that ends before someone's last use: the events tell.
      expect(
        await paths.breakdownFromRollups({
          from: at('2026-12-01T00:00:00Z'),
          to: at('2026-12-03T07:00:00Z'),
          by: 'plugin',
          limit: 100,
        }),
      ).toBeUndefined();

      await knex.transaction(trx =>
        new UsagePersonalData().erase(
          trx,
          'user:default/p4',
          'user:flywheel-erased/p4',
        ),
      );
      expect(
        await knex('usage_route_users').where('user_ref', 'user:default/p4'),
      ).toEqual([]);
      await check();

      await store.deleteBefore(at('2026-12-02T09:30:00Z'));
      await check();
    });

    it('deletes what is older than the cutoff, in batches', async () => {
      const { store, knex } = await createStore(databaseId);
      const old = Array.from({ length: 10_050 }, (_, i) =>
        event(
          new Date(Date.parse('2025-01-01T00:00:00Z') + i * 1000).toISOString(),
        ),
      );
      await store.record(ADA, old, at('2025-01-02T00:00:00Z'));
      await store.record(
        ADA,
        [event('2026-12-01T08:00:00Z')],
        at('2026-12-01T08:00:00Z'),
      );
      expect(await store.deleteBefore(at('2026-01-01T00:00:00Z'))).toEqual({
        events: 10_050,
        days: 1,
      });
      const [{ n }] = await knex('usage_events').count({ n: '*' });
      expect(Number(n)).toBe(1);
      expect(await store.deleteBefore(at('2026-01-01T00:00:00Z'))).toEqual({
        events: 0,
        days: 0,
      });
    });
  });
});
