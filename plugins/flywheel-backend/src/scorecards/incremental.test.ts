import { createServiceFactory } from '@backstage/backend-plugin-api';
import {
  mockCredentials,
  mockServices,
  startTestBackend,
} from '@backstage/backend-test-utils';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { eventsServiceRef } from '@backstage/plugin-events-node';
import { FLYWHEEL_ENTITY_CHANGED_TOPIC } from '@flywheel/plugin-flywheel-node';
import request from 'supertest';
import { testEntities } from '../__testUtils__/testCatalog';
import { flywheelPlugin } from '../plugin';

jest.setTimeout(60_000);

describe('incremental scorecard evaluation', () => {
  it('re-evaluates exactly the entities the catalog reports as changed', async () => {
    // One bus for all plugins, as the real events service has; the test
    // publishes what the catalog module would.
    const events = mockServices.events();
    const { server } = await startTestBackend({
      features: [
        flywheelPlugin,
        createServiceFactory({
          service: eventsServiceRef,
          deps: {},
          factory: () => events,
        }),
        catalogServiceMock.factory({ entities: testEntities }),
        mockServices.rootConfig.factory({
          data: {
            flywheel: {
              scorecardEvaluation: {
                // Keep the full run out of the way: only the change counts.
                schedule: {
                  frequency: { hours: 24 },
                  timeout: { minutes: 1 },
                  initialDelay: { hours: 1 },
                },
                changeDelaySeconds: 0,
              },
            },
          },
        }),
      ],
    });
    const count = async () => {
      const res = await request(server)
        .get('/api/flywheel/scorecards/entities')
        .query({ scorecardId: 'golden-path-adoption' })
        .set('Authorization', mockCredentials.user.header());
      expect(res.status).toBe(200);
      return res.body.totalCount as number;
    };
    expect(await count()).toBe(0);

    await events.publish({
      topic: FLYWHEEL_ENTITY_CHANGED_TOPIC,
      eventPayload: { entityRef: 'component:default/checkout' },
    });
    let total = 0;
    for (let i = 0; i < 50 && total === 0; i++) {
      await new Promise(resolve => setTimeout(resolve, 100));
      total = await count();
    }
    expect(total).toBe(1);
    const res = await request(server)
      .get('/api/flywheel/scorecards/entities')
      .query({ scorecardId: 'golden-path-adoption' })
      .set('Authorization', mockCredentials.user.header());
    expect(res.body.items[0].entityRef).toBe('component:default/checkout');

    // A changed group refreshes the group tree, so team rollups see it.
    const rollup = async () =>
      (
        await request(server)
          .get('/api/flywheel/scorecards/rollup')
          .query({
            groupRef: 'group:default/engineering',
            scorecardId: 'golden-path-adoption',
          })
          .set('Authorization', mockCredentials.user.header())
      ).body.rollups[0].entityCount;
    expect(await rollup()).toBe(0);
    await events.publish({
      topic: FLYWHEEL_ENTITY_CHANGED_TOPIC,
      eventPayload: { entityRef: 'group:default/payments' },
    });
    let inTree = 0;
    for (let i = 0; i < 50 && inTree === 0; i++) {
      await new Promise(resolve => setTimeout(resolve, 100));
      inTree = await rollup();
    }
    expect(inTree).toBe(1);
  });
});
