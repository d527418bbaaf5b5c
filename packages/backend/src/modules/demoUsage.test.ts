import { resolvePackagePath } from '@backstage/backend-plugin-api';
import {
  mockCredentials,
  mockServices,
  startTestBackend,
  TestDatabases,
} from '@backstage/backend-test-utils';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import flywheelPlugin from '@flywheel/plugin-flywheel-backend';
import request from 'supertest';
import {
  DEMO_USAGE_DAYS,
  DEMO_USAGE_MARKER,
  demoPeople,
  demoUsage,
  demoUsageEntities,
  flywheelModuleDemoUsage,
  seedDemoUsage,
} from './demoUsage';
import { exampleCatalog } from './__testUtils__/exampleCatalog';

jest.setTimeout(120_000);

const DAY_MS = 86_400_000;
const NOW = new Date('2026-12-07T15:30:00.000Z');
const GUEST = 'user:default/guest';
const migrations = resolvePackagePath(
  '@flywheel/plugin-flywheel-backend',
  'migrations',
);

const catalog = exampleCatalog();
const people = demoPeople(catalog.filter(e => e.kind === 'User'));
const entities = demoUsageEntities(catalog);

describe('demo usage', () => {
  const { events, days } = demoUsage(people, entities, NOW);
  const today = Math.floor(NOW.getTime() / DAY_MS);
  const firstDay = today - DEMO_USAGE_DAYS + 1;

  it('is the same every time, within the six months and never after now', () => {
    expect(people).toHaveLength(57);
    expect(entities.templates).toEqual([
      'template:default/adopt-golden-path',
      'template:default/react-webapp',
      'template:default/typescript-service',
    ]);
    expect(demoUsage(people, entities, NOW)).toEqual({ events, days });
    expect(events.length).toBeGreaterThan(10_000);
    const wrong = events.filter(
      e =>
        e.occurred_at.getTime() > NOW.getTime() ||
        e.day !== Math.floor(e.occurred_at.getTime() / DAY_MS) ||
        e.day < firstDay ||
        e.attributes !== DEMO_USAGE_MARKER,
    );
    expect(wrong).toEqual([]);
    // One row per person and day with events, and only those.
    const keys = days.map(d => `${d.user_ref}@${d.day}`);
    expect(new Set(keys).size).toBe(keys.length);
    expect(new Set(events.map(e => `${e.user_ref}@${e.day}`))).toEqual(
      new Set(keys),
    );
  });

  it('is busy on weekdays, grows, and some people use it far more than others', () => {
    const perDay = new Map<number, Set<string>>();
    for (const d of days) {
      perDay.set(d.day, (perDay.get(d.day) ?? new Set()).add(d.user_ref));
    }
    const mean = (list: number[]) =>
      list.reduce((a, b) => a + b, 0) / Math.max(1, list.length);
    const active = (from: number, to: number, weekend: boolean) =>
      mean(
        Array.from({ length: to - from }, (_, i) => from + i)
          .filter(
            day =>
              [0, 6].includes(new Date(day * DAY_MS).getUTCDay()) === weekend,
          )
          .map(day => perDay.get(day)?.size ?? 0),
      );
    // Daily active people on weekdays vs weekends, over the half year.
    expect(active(firstDay, today, false)).toBeGreaterThan(
      5 * active(firstDay, today, true),
    );
    // The first four weeks vs the last four.
    const early = active(firstDay, firstDay + 28, false);
    const late = active(today - 28, today, false);
    expect(late).toBeGreaterThan(1.5 * early);
    const monthly = (from: number) =>
      new Set(
        days
          .filter(d => d.day >= from && d.day < from + 30)
          .map(d => d.user_ref),
      ).size;
    expect(monthly(today - 30)).toBeGreaterThan(monthly(firstDay) + 10);
    expect(monthly(today - 30)).toBeGreaterThanOrEqual(45);

    const perPerson = new Map<string, number>();
    for (const e of events) {
      perPerson.set(e.user_ref, (perPerson.get(e.user_ref) ?? 0) + 1);
    }
    const counts = [...perPerson.values()].sort((a, b) => a - b);
    expect(counts[counts.length - 1]).toBeGreaterThan(
      4 * counts[Math.floor(counts.length / 2)],
    );
    // The guest is a regular from the start.
    expect(perPerson.get(GUEST)).toBeGreaterThan(
      counts[Math.floor(counts.length / 2)],
    );
    expect(days.some(d => d.user_ref === GUEST && d.day < firstDay + 7)).toBe(
      true,
    );
  });

  it('spreads over the plugins and routes of the app, with entity pages', () => {
    const plugins = new Set(events.map(e => e.plugin_id));
    expect([...plugins].sort()).toEqual([
      'catalog',
      'flywheel',
      'home',
      'notifications',
      'scaffolder',
      'search',
      'techdocs',
    ]);
    expect(new Set(events.map(e => e.route_ref)).size).toBeGreaterThanOrEqual(
      9,
    );
    expect(new Set(events.map(e => e.action))).toEqual(
      new Set(['navigate', 'click', 'search', 'create']),
    );
    // Search terms stay in the browser.
    expect(
      events.filter(e => e.action === 'search').every(e => e.subject === ''),
    ).toBe(true);
    const page = events.find(e => e.route_ref === 'catalog:entity')!;
    expect(entities.components).toContain(page.entity_ref);
    expect(page.subject).toBe(
      `/catalog/default/component/${page.entity_ref!.split('/')[1]}`,
    );
  });
});

describe('seedDemoUsage', () => {
  const databases = TestDatabases.create({ ids: ['SQLITE_3', 'POSTGRES_15'] });
  const startedAt = new Date(NOW.getTime() - 60_000);
  const count = async (knex: Awaited<ReturnType<typeof databases.init>>) => {
    const [{ n: e }] = await knex('usage_events').count({ n: '*' });
    const [{ n: d }] = await knex('usage_user_days').count({ n: '*' });
    return { events: Number(e), days: Number(d) };
  };
  /** An event as the ingest stores it, received at `receivedAt`. */
  const realEvent = (userRef: string, receivedAt: Date) => ({
    user_ref: userRef,
    occurred_at: receivedAt,
    day: Math.floor(receivedAt.getTime() / DAY_MS),
    action: 'navigate',
    subject: '/catalog',
    plugin_id: 'catalog',
    route_ref: 'catalog',
    extension: null,
    entity_ref: null,
    attributes: null,
    value: null,
    received_at: receivedAt,
  });

  it.each(databases.eachSupportedId())(
    'waits for the tables, seeds once, keeps what arrived since the start, on %p',
    async databaseId => {
      const knex = await databases.init(databaseId);
      expect(
        await seedDemoUsage(knex, people, entities, NOW, startedAt),
      ).toEqual({ status: 'waiting', events: 0, people: 0 });
      await knex.migrate.latest({ directory: migrations });

      // The guest's first clicks while the catalog loaded.
      const click = realEvent(GUEST, new Date(NOW.getTime() - 10_000));
      await knex('usage_events').insert(click);
      await knex('usage_user_days').insert({
        user_ref: GUEST,
        day: click.day,
      });

      const expected = demoUsage(people, entities, NOW);
      const result = await seedDemoUsage(
        knex,
        people,
        entities,
        NOW,
        startedAt,
      );
      expect(result).toEqual({
        status: 'done',
        events: expected.events.length,
        people: 57,
      });
      const seeded = await count(knex);
      expect(seeded.events).toBe(expected.events.length + 1);
      // The guest's today is one day, whether the demo has it or not.
      const guestToday = expected.days.some(
        d => d.user_ref === GUEST && d.day === click.day,
      );
      expect(seeded.days).toBe(expected.days.length + (guestToday ? 0 : 1));

      // Seeding again, now or after a restart, writes nothing.
      expect(
        await seedDemoUsage(knex, people, entities, NOW, startedAt),
      ).toEqual({ status: 'exists', events: 0, people: 0 });
      expect(
        await seedDemoUsage(
          knex,
          people,
          entities,
          new Date(NOW.getTime() + DAY_MS),
          new Date(NOW.getTime() + DAY_MS),
        ),
      ).toEqual({ status: 'exists', events: 0, people: 0 });
      expect(await count(knex)).toEqual(seeded);
    },
  );

  it.each(databases.eachSupportedId())(
    'writes nothing over usage recorded before the start, on %p',
    async databaseId => {
      const knex = await databases.init(databaseId);
      await knex.migrate.latest({ directory: migrations });
      await knex('usage_events').insert(
        realEvent('user:default/ada', new Date(NOW.getTime() - 3 * DAY_MS)),
      );
      expect(
        await seedDemoUsage(knex, people, entities, NOW, startedAt),
      ).toEqual({ status: 'used', events: 0, people: 0 });
      expect((await count(knex)).events).toBe(1);
    },
  );
});

describe('the demo usage on the Metrics API', () => {
  it('gives the org and its teams active users, stickiness and a breakdown', async () => {
    const scheduler = mockServices.scheduler.mock();
    const { server } = await startTestBackend({
      features: [
        flywheelPlugin,
        flywheelModuleDemoUsage,
        scheduler.factory,
        catalogServiceMock.factory({ entities: catalog }),
        mockServices.rootConfig.factory({
          data: { flywheelExample: { demoUsage: true } },
        }),
      ],
    });
    const task = scheduler.scheduleTask.mock.calls
      .map(([t]) => t)
      .find(t => t.id === 'flywheel-example-demo-usage')!;
    const signal = new AbortController().signal;
    await task.fn(signal); // sees the catalog
    await task.fn(signal); // the catalog is stable: seeds

    const get = (url: string) =>
      request(server)
        .get(`/api/flywheel${url}`)
        .set('Authorization', mockCredentials.user.header(GUEST));
    const series = async (metric: string, scope = '') => {
      const res = await get(
        `/metrics/${metric}/series?window=26w&interval=month${scope}`,
      );
      expect([res.status, res.body.error?.message]).toEqual([200, undefined]);
      return res.body as {
        total: { value: number | null };
        points: { value: number | null }[];
      };
    };

    const org = await series('usage.activeUsers');
    expect(org.total.value).toBeGreaterThanOrEqual(50);
    const monthly = org.points.map(p => p.value ?? 0);
    expect(monthly.every(v => v > 0)).toBe(true);
    // The active-user curve grows: the last full month over the first.
    expect(monthly[monthly.length - 2]).toBeGreaterThan(monthly[0]);

    // platform with its sub-teams platform-devex (the guest's) and platform-infra.
    const platform = await series(
      'usage.activeUsers',
      '&groupRef=group:default/platform',
    );
    expect(platform.total.value).toBeGreaterThan(5);
    expect(platform.total.value).toBeLessThanOrEqual(14);
    const checkout = await series(
      'usage.activeUsers',
      '&groupRef=group:default/checkout',
    );
    expect(checkout.total.value).toBeGreaterThan(0);

    // Over the half year everyone is new; over the last four weeks most
    // people came before.
    for (const [metric, window] of [
      ['usage.stickiness', '26w'],
      ['usage.activeUserShare', '26w'],
      ['usage.newUsers', '26w'],
      ['usage.returningUsers', '4w'],
    ]) {
      for (const scope of ['', '&groupRef=group:default/commerce']) {
        const res = await get(
          `/metrics/${metric}/series?window=${window}&interval=week${scope}`,
        );
        expect([metric, scope, res.body.total.value > 0]).toEqual([
          metric,
          scope,
          true,
        ]);
      }
    }
    // Whole weeks: a window ending now starts with a few hours of a day
    // four weeks ago, which on a quiet weekend evening has nobody.
    const monday = new Date();
    monday.setUTCHours(0, 0, 0, 0);
    monday.setUTCDate(monday.getUTCDate() - ((monday.getUTCDay() + 6) % 7));
    const weekly = await get(
      `/metrics/usage.activeUsers/series?window=4w&interval=week&to=${monday.toISOString()}`,
    );
    expect(weekly.body.points.length).toBeGreaterThanOrEqual(4);
    expect(
      weekly.body.points.every((p: { value: number }) => p.value > 0),
    ).toBe(true);

    const breakdown = await get('/usage/breakdown?by=plugin&window=30d');
    expect(breakdown.status).toBe(200);
    expect(
      breakdown.body.items.map((i: { pluginId: string }) => i.pluginId),
    ).toHaveLength(7);
    expect(breakdown.body.items[0]).toMatchObject({ pluginId: 'catalog' });
    const routes = await get('/usage/breakdown?by=route&window=30d');
    expect(routes.body.items.length).toBeGreaterThanOrEqual(9);

    // Starting again writes nothing more.
    await task.fn(signal);
    const again = await get('/usage/breakdown?by=plugin&window=30d');
    expect(again.body.total).toEqual(breakdown.body.total);
  });
});
