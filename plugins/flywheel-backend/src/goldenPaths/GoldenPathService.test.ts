import {
  mockCredentials,
  mockServices,
  TestDatabases,
} from '@backstage/backend-test-utils';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { Entity } from '@backstage/catalog-model';
import { DateTime, Settings } from 'luxon';
import { CatalogReader } from '../catalog/CatalogReader';
import { connectDatabase } from '../database/migrate';
import { ScaffolderRunStore } from './ScaffolderRunStore';
import { testGoldenPathService } from '../__testUtils__/goldenPathService';
import { testEntities } from '../__testUtils__/testCatalog';

jest.setTimeout(60_000);

describe('GoldenPathService', () => {
  const databases = TestDatabases.create({ ids: ['SQLITE_3', 'POSTGRES_15'] });
  const credentials = mockCredentials.user();

  async function createService(
    databaseId: Parameters<typeof databases.init>[0],
  ) {
    const knex = await databases.init(databaseId);
    const db = await connectDatabase({ getClient: async () => knex });
    const runs = new ScaffolderRunStore(db);
    const service = testGoldenPathService({
      catalog: new CatalogReader(
        catalogServiceMock({ entities: testEntities }),
      ),
      runs,
      permissions: mockServices.permissions(),
      now: () => DateTime.fromISO('2026-11-25T12:00:00Z', { zone: 'utc' }),
    });
    return { service, runs };
  }

  describe.each(databases.eachSupportedId())('on %p', databaseId => {
    it('lists golden paths with adoption, drift, runs and trend', async () => {
      const { service, runs } = await createService(databaseId);
      await runs.upsert({
        taskId: 'a',
        templateRef: 'template:default/ts-service',
        outcome: 'succeeded',
        startedAt: '2026-11-02T10:00:00Z',
        completedAt: '2026-11-02T10:01:00Z',
      });
      await runs.upsert({
        taskId: 'b',
        templateRef: 'template:default/ts-service',
        outcome: 'succeeded',
        startedAt: '2026-11-03T10:00:00Z',
        completedAt: '2026-11-03T10:03:00Z',
      });
      await runs.upsert({
        taskId: 'c',
        templateRef: 'template:default/ts-service',
        outcome: 'failed',
        startedAt: '2026-11-04T10:00:00Z',
        completedAt: '2026-11-04T10:00:10Z',
      });

      const result = await service.listGoldenPaths(credentials);

      // 8 components; checkout, ledger, refunds (backfill) from ts-service,
      // pay-web and portal from web-app; old-batch's template is no golden path.
      expect(result.totals).toEqual({
        components: 8,
        fromGoldenPaths: 5,
        adoptionPercent: 62.5,
      });
      expect(result.items.map(i => i.templateRef)).toEqual([
        'template:default/ts-service',
        'template:default/web-app',
      ]);
      const [ts, web] = result.items;
      expect(ts).toMatchObject({
        name: 'ts-service',
        title: 'ts-service title',
        version: '1.2.0',
        owner: 'group:default/platform',
        servicesCreated: 3,
        adoptionPercent: 37.5,
        runs: { total: 3, succeeded: 2, failed: 1, successRate: 2 / 3 },
        // median of 60 s and 180 s; the failed run does not count
        medianCreationSeconds: 120,
      });
      expect(ts.drifted.map(d => [d.entityRef, d.templateVersion])).toEqual([
        ['component:default/ledger', '1.0.0'],
      ]);
      expect(ts.creationsByMonth).toHaveLength(12);
      expect(ts.creationsByMonth[0].month).toBe('2025-12');
      expect(ts.creationsByMonth.at(-1)).toEqual({
        month: '2026-11',
        count: 1,
      });
      expect(ts.creationsByMonth.find(m => m.month === '2026-09')?.count).toBe(
        1,
      );
      // portal was created before the trend window: counted, not charted
      expect(web.servicesCreated).toBe(2);
      expect(web.creationsByMonth.reduce((n, m) => n + m.count, 0)).toBe(1);
      expect(web.runs).toEqual({
        total: 0,
        succeeded: 0,
        failed: 0,
        successRate: null,
      });
      expect(web.medianCreationSeconds).toBeNull();
    });

    it('rolls adoption up over a team and its sub-teams', async () => {
      const { service } = await createService(databaseId);

      const payments = await service.groupAdoption(
        'group:default/payments',
        credentials,
      );
      expect(payments.groupRefs.sort()).toEqual([
        'group:default/payments',
        'group:default/payments-core',
      ]);
      // checkout, ledger, refunds, pay-web from paths; old-batch, handmade not
      expect(payments).toMatchObject({
        totalComponents: 6,
        fromGoldenPaths: 4,
        adoptionPercent: 66.7,
      });
      expect(payments.paths).toEqual([
        {
          templateRef: 'template:default/ts-service',
          title: 'ts-service title',
          count: 3,
          percent: 50,
        },
        {
          templateRef: 'template:default/web-app',
          title: 'web-app title',
          count: 1,
          percent: 16.7,
        },
      ]);
      expect(
        payments.components.find(
          c => c.entityRef === 'component:default/old-batch',
        ),
      ).toMatchObject({ templateRef: undefined, drifted: false });

      const core = await service.groupAdoption(
        'group:default/payments-core',
        credentials,
      );
      expect(core.totalComponents).toBe(3);
      expect(core.fromGoldenPaths).toBe(2);

      const all = await service.groupAdoption(
        'group:default/engineering',
        credentials,
      );
      expect(all.totalComponents).toBe(8);
    });

    it('rejects bad and unknown group refs', async () => {
      const { service } = await createService(databaseId);
      await expect(
        service.groupAdoption('component:default/checkout', credentials),
      ).rejects.toThrow(/groupRef must refer to a group/);
      await expect(service.groupAdoption(':', credentials)).rejects.toThrow(
        /groupRef must be an entity ref/,
      );
      await expect(
        service.groupAdoption('group:default/nobody', credentials),
      ).rejects.toMatchObject({ name: 'NotFoundError' });
    });

    it('tells an entity where it came from and whether it drifted', async () => {
      const { service } = await createService(databaseId);
      expect(
        await service.provenance('component:default/ledger', credentials),
      ).toEqual({
        entityRef: 'component:default/ledger',
        fromTemplate: true,
        templateRef: 'template:default/ts-service',
        isGoldenPath: true,
        templateTitle: 'ts-service title',
        templateVersion: '1.0.0',
        currentVersion: '1.2.0',
        drifted: true,
        createdAt: '2026-09-15T08:00:00Z',
      });
      expect(
        await service.provenance('component:default/old-batch', credentials),
      ).toMatchObject({
        fromTemplate: true,
        isGoldenPath: false,
        drifted: false,
      });
      expect(
        await service.provenance('component:default/handmade', credentials),
      ).toEqual({
        entityRef: 'component:default/handmade',
        fromTemplate: false,
        isGoldenPath: false,
        drifted: false,
      });
      await expect(
        service.provenance('component:default/missing', credentials),
      ).rejects.toMatchObject({ name: 'NotFoundError' });
    });

    it('records runs and validates their refs and times', async () => {
      const { service, runs } = await createService(databaseId);
      await service.recordRun(
        {
          taskId: 't1',
          templateRef: 'template:default/ts-service',
          entityRef: 'component:default/new-svc',
          ownerRef: 'payments',
          outcome: 'succeeded',
        },
        mockCredentials.user('user:default/ada'),
      );
      expect(await runs.list()).toEqual([
        expect.objectContaining({
          taskId: 't1',
          ownerRef: 'group:default/payments',
          userRef: 'user:default/ada',
        }),
      ]);
      await expect(
        service.recordRun(
          {
            taskId: 't2',
            templateRef: 'component:default/x',
            outcome: 'failed',
          },
          mockCredentials.service(),
        ),
      ).rejects.toThrow(/templateRef must refer to a template/);
      await expect(
        service.recordRun(
          {
            taskId: 't3',
            templateRef: 'template:default/ts-service',
            startedAt: '2026-11-02T10:00:00Z',
            completedAt: '2026-11-02T09:00:00Z',
            outcome: 'succeeded',
          },
          mockCredentials.service(),
        ),
      ).rejects.toThrow(/completedAt .* is before startedAt/);
      expect((await runs.list()).map(r => r.taskId)).toEqual(['t1']);
    });

    it('refuses times that are no date-time, rather than moving or losing them', async () => {
      const { service, runs } = await createService(databaseId);
      const run = (startedAt: string) =>
        service.recordRun(
          {
            taskId: `t-${startedAt}`,
            templateRef: 'template:default/ts-service',
            startedAt,
            outcome: 'failed',
          },
          mockCredentials.service(),
        );
      // `new Date` reads 30 February as 2 March; luxon takes hour 24 and
      // an offset of a day; a leap second is no instant either reads.
      for (const startedAt of [
        '2026-02-30T00:00:00Z',
        '2026-12-01T24:00:00Z',
        '2026-12-01T10:00:00+24:00',
        '2026-12-31T23:59:60Z',
      ]) {
        await expect(run(startedAt)).rejects.toThrow(
          `startedAt must be an ISO 8601 date-time, got '${startedAt}'`,
        );
      }
      expect(await runs.list()).toEqual([]);
      await run('2026-12-01T10:00:00+23:59');
      expect((await runs.list())[0].startedAt).toEqual(
        new Date('2026-11-30T10:01:00Z'),
      );
    });

    it('refuses a caller the permission policy denies, reading and recording nothing', async () => {
      const { runs } = await createService(databaseId);
      const denied = testGoldenPathService({
        catalog: new CatalogReader(
          catalogServiceMock({ entities: testEntities }),
        ),
        runs,
        permissions: mockServices.permissions({ result: AuthorizeResult.DENY }),
      });
      const notAllowed = { name: 'NotAllowedError' };
      await expect(denied.listGoldenPaths(credentials)).rejects.toMatchObject(
        notAllowed,
      );
      await expect(
        denied.groupAdoption('group:default/payments', credentials),
      ).rejects.toMatchObject(notAllowed);
      await expect(
        denied.provenance('component:default/checkout', credentials),
      ).rejects.toMatchObject(notAllowed);
      await expect(
        denied.recordRun(
          {
            taskId: 'sneaky',
            templateRef: 'template:default/ts-service',
            outcome: 'succeeded',
          },
          credentials,
        ),
      ).rejects.toMatchObject(notAllowed);
      expect(await runs.list()).toEqual([]);
    });

    it('publishes per-entity provenance and metrics for other domains', async () => {
      const { service, runs } = await createService(databaseId);
      await runs.upsert({
        taskId: 'a',
        templateRef: 'template:default/ts-service',
        entityRef: 'component:default/checkout',
        outcome: 'succeeded',
        startedAt: '2026-11-02T09:55:00Z',
        completedAt: '2026-11-02T10:00:00Z',
      });
      const insights = await service.entityInsights(credentials);
      const entity = (name: string) =>
        testEntities.find(e => e.metadata.name === name)!;

      expect(insights.provenance(entity('ledger'))).toEqual({
        templateRef: 'template:default/ts-service',
        isGoldenPath: true,
        templateVersion: '1.0.0',
        currentVersion: '1.2.0',
        drifted: true,
      });
      expect(insights.provenance(entity('old-batch'))).toMatchObject({
        isGoldenPath: false,
        drifted: false,
      });
      expect(insights.provenance(entity('handmade'))).toBeUndefined();

      expect(
        insights.metric(
          entity('checkout'),
          'component:default/checkout',
          'goldenPath.creationTimeSeconds',
        ),
      ).toBe(300);
      expect(
        insights.metric(
          entity('ledger'),
          'component:default/ledger',
          'goldenPath.creationTimeSeconds',
        ),
      ).toBeUndefined();
      // Created 2026-09-15T08:00Z, "now" is 2026-11-25T12:00Z.
      expect(
        insights.metric(
          entity('ledger'),
          'component:default/ledger',
          'entity.ageDays',
        ),
      ).toBe(71);
      expect(
        insights.metric(
          entity('handmade'),
          'component:default/handmade',
          'entity.ageDays',
        ),
      ).toBeUndefined();
    });
  });

  describe('entity.ageDays', () => {
    const DAY = 86_400_000;
    const original = Settings.defaultZone;
    afterEach(() => {
      Settings.defaultZone = original;
    });

    const createdAt = (value: string): Entity => ({
      apiVersion: 'backstage.io/v1alpha1',
      kind: 'Component',
      metadata: {
        name: 'x',
        namespace: 'default',
        annotations: {
          'flywheel.dev/template-ref': 'template:default/ts-service',
          'flywheel.dev/created-at': value,
        },
      },
      spec: { type: 'service' },
    });

    async function ages(now: DateTime, values: string[]) {
      const service = testGoldenPathService({
        catalog: new CatalogReader(catalogServiceMock({ entities: [] })),
        runs: { list: async () => [] } as unknown as ScaffolderRunStore,
        permissions: mockServices.permissions(),
        now: () => now,
      });
      const insights = await service.entityInsights(credentials);
      return values.map(value =>
        insights.metric(
          createdAt(value),
          'component:default/x',
          'entity.ageDays',
        ),
      );
    }

    /** What the metric computed with luxon alone, parsing every time. */
    function luxonAges(now: DateTime, values: string[]) {
      return values.map(value => {
        const parsed = DateTime.fromISO(value);
        return parsed.isValid
          ? Math.floor(now.diff(parsed, 'days').days)
          : undefined;
      });
    }

    /** Instants a whole number of days (± an hour or a millisecond) before or after `now`. */
    function aroundWholeDays(now: DateTime): string[] {
      const values: string[] = [];
      for (const days of [-400, -2, -1, 0, 1, 2, 30, 31, 60, 150, 365, 1000]) {
        for (const delta of [-3_600_000, -1, 0, 1, 3_600_000]) {
          const instant = DateTime.fromMillis(
            now.toMillis() - days * DAY + delta,
            { zone: 'utc' },
          );
          values.push(instant.toISO()!);
          values.push(instant.setZone('UTC+5:30').toISO()!);
          values.push(instant.setZone('UTC-8').toISO({ includeOffset: true })!);
          values.push(
            instant.toISO({ suppressMilliseconds: true, includeOffset: true })!,
          );
        }
      }
      return values;
    }

    const unusual = [
      '2026-11-24T12:00Z', // no seconds
      '2026-11-24T12:00:00.1Z', // tenths
      '2026-11-24T12:00:00.9999Z', // more digits than milliseconds
      '2026-11-24T12:00:00,5Z', // decimal comma
      '2026-11-24', // no time: local midnight for luxon
      '2026-11-24T12:00:00', // no offset: local time
      '2026-11-24T13:00:00+01', // offset without minutes
      '20261124T120000Z', // basic format
      '2026-11-24t12:00:00z',
      '2026-11-24T24:00:00Z', // luxon reads 24:00 as the next midnight
      '2024-02-29T12:00:00Z', // leap day
      '2026-02-29T12:00:00Z', // not a day
      '2026-13-01T00:00:00Z',
      '2026-11-24T12:60:00Z',
      '0099-06-01T00:00:00Z',
      '2026-11-24T12:00:00+24:00',
      'yesterday',
    ];

    const nows = [
      DateTime.fromISO('2026-11-25T12:00:00Z', { zone: 'utc' }),
      // Daylight saving time ends on 25 October 2026 in Europe, on
      // 1 November in the United States.
      DateTime.fromISO('2026-10-25T01:30:00Z', { zone: 'utc' }),
      DateTime.fromISO('2026-11-01T06:30:00Z', { zone: 'utc' }),
      DateTime.fromISO('2026-03-29T00:30:00Z', { zone: 'utc' }),
    ];

    it.each(['system', 'utc', 'UTC+3', 'Europe/Berlin', 'America/New_York'])(
      'gives the whole days luxon gives, in the %s zone',
      async zone => {
        Settings.defaultZone = zone;
        for (const utcNow of nows) {
          for (const now of [utcNow, utcNow.setZone(zone)]) {
            const values = [...aroundWholeDays(now), ...unusual];
            expect(await ages(now, values)).toEqual(luxonAges(now, values));
          }
        }
      },
    );

    it('counts whole days: one millisecond short of a day is 0', async () => {
      const now = DateTime.fromISO('2026-11-25T12:00:00Z', { zone: 'utc' });
      expect(
        await ages(now, [
          '2026-11-24T12:00:00.001Z',
          '2026-11-24T12:00:00.000Z',
          '2026-11-24T13:30:00+01:30',
          '2026-11-25T12:00:00.001Z',
          '2026-11-26T12:00:00.000Z',
          'not a date',
        ]),
      ).toEqual([0, 1, 1, -1, -1, undefined]);
    });
  });
});
