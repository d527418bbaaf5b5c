import {
  mockCredentials,
  mockServices,
  startTestBackend,
} from '@backstage/backend-test-utils';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import flywheelPlugin from '@flywheel/plugin-flywheel-backend';
import { Campaign } from '@flywheel/plugin-flywheel-common';
import request from 'supertest';
import { flywheelModuleDemoCampaigns, rampDays } from './demoCampaigns';
import { exampleCatalog } from './__testUtils__/exampleCatalog';
import { DateTime } from 'luxon';

jest.setTimeout(120_000);

const GUEST = 'user:default/guest';

describe('demo campaigns', () => {
  it('ramps in steps from the start to the met count of today', () => {
    const rows = rampDays({
      from: DateTime.fromISO('2026-10-26', { zone: 'utc' }),
      until: DateTime.fromISO('2026-12-07', { zone: 'utc' }),
      cohort: 27,
      startMet: 3,
      endMet: 8,
    });
    expect(rows).toHaveLength(42);
    expect(rows[0]).toEqual({
      day: '2026-10-26',
      cohort: 27,
      met: 3,
      exempt: 0,
    });
    expect(rows[41].day).toBe('2026-12-06');
    expect(rows.every((r, i) => i === 0 || r.met >= rows[i - 1].met)).toBe(
      true,
    );
    expect(rows[41].met).toBeLessThanOrEqual(8);
  });

  it('shows a running campaign whose burn-up joins the live count, and a finished one, on the example catalog', async () => {
    const scheduler = mockServices.scheduler.mock();
    const backend = await startTestBackend({
      features: [
        flywheelPlugin,
        flywheelModuleDemoCampaigns,
        scheduler.factory,
        catalogServiceMock.factory({ entities: exampleCatalog() }),
        mockServices.rootConfig.factory({
          data: { flywheelExample: { demoCampaigns: true } },
        }),
      ],
    });
    const tasks = scheduler.scheduleTask.mock.calls.map(([t]) => t);
    const run = async (id: string) => {
      const task = tasks.find(t => t.id === id)!;
      await task.fn(new AbortController().signal);
    };
    await run('flywheel-example-demo-campaigns');
    await run('flywheel-campaigns-refresh');
    // Seeding again changes nothing.
    await run('flywheel-example-demo-campaigns');

    const get = (path: string) =>
      request(backend.server)
        .get(`/api/flywheel/campaigns${path}`)
        .set('Authorization', mockCredentials.user.header(GUEST));
    const list = await get('');
    expect(list.status).toBe(200);
    const byId = new Map<string, Campaign>(
      list.body.items.map((c: Campaign) => [c.id, c]),
    );
    const running = byId.get('typescript-path-1-2')!;
    // 24 services in examples/catalog; 8 on typescript-service 1.2.0.
    expect(running).toMatchObject({
      state: 'running',
      automation: { templateRef: 'template:default/adopt-golden-path' },
      progress: { cohort: 24, met: 8, exempt: 0 },
    });
    const progress = await get('/typescript-path-1-2/progress');
    const days = progress.body.days;
    expect(days).toHaveLength(43); // six weeks of history and today
    expect(days[0].met).toBe(3);
    expect(days[days.length - 1]).toMatchObject({ cohort: 24, met: 8 });
    expect(progress.body.projection.summary).toMatch(/entities left/);

    const finished = byId.get('checkout-on-the-path')!;
    expect(finished).toMatchObject({
      state: 'closed',
      closedBy: 'user:default/marcus.oyelaran',
      progress: { cohort: 5, met: 5, percent: 100 },
    });
    expect(finished.completedAt).toBeDefined();
    const items = await get('/checkout-on-the-path/items?state=met');
    expect(items.body.items.map((i: any) => i.reason)).toContain(
      'On the golden path typescript-service',
    );

    // The guest's team has one service in it, on the path already.
    const teams = await get('/typescript-path-1-2/teams');
    expect(
      teams.body.teams.find(
        (t: any) => t.groupRef === 'group:default/platform-devex',
      ),
    ).toMatchObject({ cohort: 1, met: 1 });
    await backend.stop();
  });
});
