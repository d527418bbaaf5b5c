import { Entity } from '@backstage/catalog-model';
import {
  mockCredentials,
  mockServices,
  startTestBackend,
} from '@backstage/backend-test-utils';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import flywheelPlugin from '@flywheel/plugin-flywheel-backend';
import request from 'supertest';
import {
  CONTINUOUS_DEPLOYMENT,
  demoDeployments,
  demoServices,
  flywheelModuleDemoDeployments,
} from './demoDeployments';

jest.setTimeout(120_000);

const NOW = new Date();
const DAY_MS = 86_400_000;

/** Twelve golden-path and twelve hand-made services created in the last five months. */
function components(): Entity[] {
  return Array.from({ length: 24 }, (_, i) => ({
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Component',
    metadata: {
      name: `svc-${i}`,
      namespace: 'default',
      annotations: {
        'flywheel.dev/created-at': new Date(
          NOW.getTime() - (20 + i * 5) * DAY_MS,
        ).toISOString(),
        ...(i % 2 === 0
          ? {
              'flywheel.dev/template-ref':
                'template:default/typescript-service',
            }
          : {}),
      },
    },
    spec: {
      type: 'service',
      owner: 'group:default/team',
      lifecycle: 'production',
    },
    relations: [{ type: 'ownedBy', targetRef: 'group:default/team' }],
  }));
}

const template: Entity = {
  apiVersion: 'scaffolder.backstage.io/v1beta3',
  kind: 'Template',
  metadata: {
    name: 'typescript-service',
    namespace: 'default',
    labels: { 'flywheel.dev/golden-path': 'true' },
  },
  spec: { type: 'service', steps: [] },
};

describe('demo deployments', () => {
  it('are the same every time and never deploy before a service exists', () => {
    const services = demoServices(components());
    const a = demoDeployments(services, NOW);
    expect(demoDeployments(services, NOW)).toEqual(a);
    expect(a.firsts).toHaveLength(24);
    for (const first of a.firsts) {
      const service = services.find(s => s.entityRef === first.entity_ref)!;
      expect((first.deployed_at as Date).getTime()).toBeGreaterThan(
        service.createdAt!.getTime(),
      );
    }
  });

  it("deploy a pioneering team's golden-path services several times a day, every week", () => {
    // Wednesday noon: the 4 weeks before hold whole weeks only.
    const now = new Date('2026-12-09T12:00:00.000Z');
    const owned = (owner: string, i: number): Entity => ({
      apiVersion: 'backstage.io/v1alpha1',
      kind: 'Component',
      metadata: {
        name: `${owner.split('/')[1]}-svc-${i}`,
        namespace: 'default',
        annotations: {
          'flywheel.dev/created-at': '2026-01-10T10:00:00Z',
          ...(i < 3
            ? {
                'flywheel.dev/template-ref':
                  'template:default/typescript-service',
              }
            : {}),
        },
      },
      spec: { type: 'service', owner, lifecycle: 'production' },
      relations: [{ type: 'ownedBy', targetRef: owner }],
    });
    const services = demoServices([
      ...[0, 1, 2, 3].map(i => owned(CONTINUOUS_DEPLOYMENT.owner, i)),
      ...[0, 1, 2, 3].map(i => owned('group:default/growth', i)),
    ]);
    expect(services[0].owner).toBe('group:default/checkout');
    const { deployments } = demoDeployments(services, now);
    const perWeek = (ref: string, weeksAgo: number) => {
      const end = now.getTime() - weeksAgo * 7 * DAY_MS;
      return deployments.filter(
        d =>
          d.entity_ref === ref &&
          d.result === 'SUCCESS' &&
          (d.finished_at as Date).getTime() >= end - 7 * DAY_MS &&
          (d.finished_at as Date).getTime() < end,
      ).length;
    };
    for (const weeksAgo of [0, 1, 2, 3, 12, 16]) {
      // Golden-path services of the pioneering team: every few hours.
      for (const s of services.slice(0, 3)) {
        expect(perWeek(s.entityRef, weeksAgo)).toBeGreaterThanOrEqual(25);
      }
      // Its hand-made one and other teams' services: a few times a week.
      for (const s of services.slice(3)) {
        expect(perWeek(s.entityRef, weeksAgo)).toBeLessThan(10);
      }
    }
    // Before the move to continuous deployment, as any golden-path service.
    expect(perWeek(services[0].entityRef, 20)).toBeLessThan(10);
  });

  it('show golden-path services faster to first deploy, beyond chance, on the Metrics API', async () => {
    const scheduler = mockServices.scheduler.mock();
    const { server } = await startTestBackend({
      features: [
        flywheelPlugin,
        flywheelModuleDemoDeployments,
        scheduler.factory,
        catalogServiceMock.factory({ entities: [...components(), template] }),
        mockServices.rootConfig.factory({
          data: { flywheelExample: { demoDeployments: true } },
        }),
      ],
    });
    const task = scheduler.scheduleTask.mock.calls
      .map(([t]) => t)
      .find(t => t.id === 'flywheel-example-demo-deployments')!;
    const signal = new AbortController().signal;
    await task.fn(signal); // sees the catalog
    await task.fn(signal); // the catalog is stable: seeds

    // The running backend asks for the data version at most once a second.
    const compare = () =>
      request(server)
        .get(
          '/api/flywheel/metrics/valueStream.timeToFirstDeploy.median/comparison?window=26w',
        )
        .set('Authorization', mockCredentials.user.header());
    let res = await compare();
    for (let i = 0; i < 50 && res.body.goldenPath?.sampleSize === 0; i++) {
      await new Promise(resolve => setTimeout(resolve, 100));
      res = await compare();
    }
    expect(res.status).toBe(200);
    expect(res.body.goldenPath.sampleSize).toBe(12);
    expect(res.body.handMade.sampleSize).toBe(12);
    expect(res.body.goldenPath.value).toBeLessThan(res.body.handMade.value);
    expect(res.body.test).toMatchObject({
      name: 'Mann–Whitney U',
      significant: true,
    });
    expect(res.body.summary).toMatch(/^Golden-path services are better/);

    const frequency = await request(server)
      .get(
        '/api/flywheel/metrics/valueStream.deploymentFrequency/series?window=26w&interval=month',
      )
      .set('Authorization', mockCredentials.user.header());
    expect(frequency.body.total.value).toBeGreaterThan(0);
  });
});
