import {
  mockCredentials,
  mockServices,
  TestDatabases,
} from '@backstage/backend-test-utils';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { DateTime } from 'luxon';
import { CatalogReader } from '../catalog/CatalogReader';
import { connectDatabase } from '../database/migrate';
import { testEntities } from '../__testUtils__/testCatalog';
import { GoldenPathMetrics } from './GoldenPathMetrics';
import { ScaffolderRunStore } from './ScaffolderRunStore';
import { testGoldenPathService } from '../__testUtils__/goldenPathService';

const d = (iso: string) => new Date(iso);
const credentials = mockCredentials.user();

describe('GoldenPathMetrics', () => {
  const databases = TestDatabases.create({ ids: ['SQLITE_3'] });

  async function create() {
    const knex = await databases.init('SQLITE_3');
    const db = await connectDatabase({ getClient: async () => knex });
    const runs = new ScaffolderRunStore(db);
    const catalog = new CatalogReader(
      catalogServiceMock({ entities: testEntities }),
    );
    const goldenPaths = testGoldenPathService({
      catalog,
      runs,
      permissions: mockServices.permissions(),
      now: () => DateTime.fromISO('2026-12-01T00:00:00Z', { zone: 'utc' }),
    });
    return {
      metrics: new GoldenPathMetrics({ goldenPaths, runs }),
      runs,
    };
  }

  it('adoption as of each interval end: components created later left out', async () => {
    const { metrics } = await create();
    // 8 components; from golden paths: checkout (2 Nov), ledger (15 Sep),
    // refunds (no time), pay-web (20 Oct), portal (2025). Others: old-batch,
    // handmade, infra-tool (no creation time: counted throughout).
    const values = await metrics.values(
      'goldenPaths.adoption',
      { kind: 'org' },
      [
        { start: d('2026-10-01T00:00:00Z'), end: d('2026-11-01T00:00:00Z') },
        { start: d('2026-11-01T00:00:00Z'), end: d('2026-12-01T00:00:00Z') },
      ],
      credentials,
    );
    // October's end: checkout not yet created → 4 of 7; November: 5 of 8
    expect(values).toEqual([
      { value: 57.1, sampleSize: 7 },
      { value: 62.5, sampleSize: 8 },
    ]);
    // payments' subtree: checkout, ledger, refunds, pay-web, old-batch, handmade
    const payments = await metrics.values(
      'goldenPaths.adoption',
      { kind: 'group', ref: 'group:default/payments' },
      [{ start: d('2026-11-01T00:00:00Z'), end: d('2026-12-01T00:00:00Z') }],
      credentials,
    );
    expect(payments).toEqual([{ value: 66.7, sampleSize: 6 }]);
  });

  it('creation time and runs of successful golden-path runs per interval', async () => {
    const { metrics, runs } = await create();
    const run = (
      taskId: string,
      template: string,
      minutes: number,
      completed: string,
      outcome = 'succeeded',
    ) =>
      runs.upsert({
        taskId,
        templateRef: `template:default/${template}`,
        ownerRef: 'group:default/payments-core',
        outcome: outcome as 'succeeded',
        startedAt: new Date(
          Date.parse(completed) - minutes * 60_000,
        ).toISOString(),
        completedAt: completed,
      });
    await run('a', 'ts-service', 2, '2026-11-03T10:00:00Z');
    await run('b', 'ts-service', 6, '2026-11-04T10:00:00Z');
    await run('c', 'web-app', 4, '2026-11-05T10:00:00Z');
    await run('d', 'ts-service', 1, '2026-11-06T10:00:00Z', 'failed');
    await run('e', 'legacy-template', 1, '2026-11-06T10:00:00Z'); // not a golden path
    const november = [
      { start: d('2026-11-01T00:00:00Z'), end: d('2026-12-01T00:00:00Z') },
    ];
    expect(
      await metrics.values(
        'goldenPaths.creationTime.median',
        { kind: 'org' },
        november,
        credentials,
      ),
    ).toEqual([{ value: 240, sampleSize: 3 }]);
    expect(
      await metrics.values(
        'goldenPaths.runs',
        { kind: 'goldenPath', ref: 'template:default/ts-service' },
        november,
        credentials,
      ),
    ).toEqual([{ value: 2, sampleSize: 2 }]);
    expect(
      await metrics.values(
        'goldenPaths.runs',
        { kind: 'group', ref: 'group:default/platform' },
        november,
        credentials,
      ),
    ).toEqual([{ value: 0, sampleSize: 0 }]);
  });
});
