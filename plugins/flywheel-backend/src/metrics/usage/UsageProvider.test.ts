import { Entity } from '@backstage/catalog-model';
import { UsageProvider } from './UsageProvider';
import { UsageScopes } from './UsageScopes';
import { UsageStore } from './store/UsageStore';
import { dayOf } from './store/usageRows';

const NOW = new Date('2026-12-06T12:00:00Z');
const entity = {} as Entity;

describe('UsageProvider', () => {
  it('offers scorecard checks each entity’s active users and stickiness over 30 days', async () => {
    const today = dayOf(NOW);
    const entityActivity = jest.fn(async () => [
      { entityRef: 'component:default/docs', userRef: 'ada', day: today },
      { entityRef: 'component:default/docs', userRef: 'ada', day: today - 1 },
      { entityRef: 'component:default/docs', userRef: 'bob', day: today },
    ]);
    const provider = new UsageProvider({
      store: { entityActivity } as unknown as UsageStore,
      scopes: {} as UsageScopes,
      now: () => NOW,
    });
    const values = await provider.entityValues();
    expect(entityActivity).toHaveBeenCalledWith(
      new Date('2026-11-06T12:00:00Z'),
      NOW,
    );
    expect(
      values.value(entity, 'Component:default/Docs', 'usage.activeUsers'),
    ).toBe(2);
    // 3 person-days over the 31 days the 30 touch, of 2 people: 4.8%
    expect(
      values.value(entity, 'component:default/docs', 'usage.stickiness'),
    ).toBe(4.8);
    // Nobody used it: zero people; its stickiness is unknown.
    expect(
      values.value(entity, 'component:default/other', 'usage.activeUsers'),
    ).toBe(0);
    expect(
      values.value(entity, 'component:default/other', 'usage.stickiness'),
    ).toBeUndefined();
    expect(
      values.value(entity, 'component:default/docs', 'usage.newUsers'),
    ).toBeUndefined();
  });
});
