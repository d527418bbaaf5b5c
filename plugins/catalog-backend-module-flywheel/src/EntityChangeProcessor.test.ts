import { Entity } from '@backstage/catalog-model';
import { CatalogProcessorCache } from '@backstage/plugin-catalog-node';
import { FLYWHEEL_ENTITY_CHANGED_TOPIC } from '@flywheel/plugin-flywheel-node';
import { EntityChangeProcessor } from './EntityChangeProcessor';

function memoryCache(): CatalogProcessorCache {
  const values = new Map<string, any>();
  return {
    get: async key => values.get(key),
    set: async (key, value) => {
      values.set(key, value);
    },
  } as CatalogProcessorCache;
}

const entity = (description: string, etag = 'a'): Entity => ({
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Component',
  metadata: { name: 'checkout', namespace: 'default', description, etag },
  spec: { type: 'service', owner: 'group:default/payments' },
});

describe('EntityChangeProcessor', () => {
  const location = {
    type: 'url',
    target: 'https://example.com/catalog-info.yaml',
  };

  it('publishes when an entity is new or changed, not when it is reprocessed unchanged', async () => {
    const events = { publish: jest.fn(async () => {}) } as any;
    const processor = new EntityChangeProcessor(events);
    const cache = memoryCache();

    await processor.postProcessEntity(
      entity('one'),
      location,
      jest.fn(),
      cache,
    );
    await processor.postProcessEntity(
      entity('one', 'another-etag'),
      location,
      jest.fn(),
      cache,
    );
    await processor.postProcessEntity(
      entity('two'),
      location,
      jest.fn(),
      cache,
    );

    expect(events.publish).toHaveBeenCalledTimes(2);
    expect(events.publish).toHaveBeenLastCalledWith({
      topic: FLYWHEEL_ENTITY_CHANGED_TOPIC,
      eventPayload: { entityRef: 'component:default/checkout' },
    });
  });

  it('returns the entity untouched', async () => {
    const processor = new EntityChangeProcessor({
      publish: async () => {},
    } as any);
    const input = entity('x');
    expect(
      await processor.postProcessEntity(
        input,
        location,
        jest.fn(),
        memoryCache(),
      ),
    ).toBe(input);
  });
});
