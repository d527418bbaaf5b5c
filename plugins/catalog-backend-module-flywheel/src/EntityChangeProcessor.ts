import { Entity, stringifyEntityRef } from '@backstage/catalog-model';
import {
  CatalogProcessor,
  CatalogProcessorCache,
  CatalogProcessorEmit,
  LocationSpec,
} from '@backstage/plugin-catalog-node';
import { EventsService } from '@backstage/plugin-events-node';
import {
  FLYWHEEL_ENTITY_CHANGED_TOPIC,
  FlywheelEntityChangedEvent,
} from '@flywheel/plugin-flywheel-node';
import { createHash } from 'crypto';

const CACHE_KEY = 'flywheel-fingerprint';

/** What scorecards can see of an entity; the etag changes on every write. */
function fingerprint(entity: Entity): string {
  const {
    etag: _etag,
    uid: _uid,
    generation: _generation,
    ...metadata
  } = entity.metadata as Entity['metadata'] & { generation?: number };
  return createHash('sha1')
    .update(JSON.stringify([entity.kind, metadata, entity.spec ?? null]))
    .digest('base64');
}

/**
 * Watches entities as the catalog processes them and publishes an event when
 * one differs from its last processing. The fingerprint lives in the
 * processor cache, which the catalog keeps per entity in its database, so
 * restarts and replicas do not replay the whole catalog.
 */
export class EntityChangeProcessor implements CatalogProcessor {
  constructor(private readonly events: EventsService) {}

  getProcessorName(): string {
    return 'FlywheelEntityChangeProcessor';
  }

  async postProcessEntity(
    entity: Entity,
    _location: LocationSpec,
    _emit: CatalogProcessorEmit,
    cache: CatalogProcessorCache,
  ): Promise<Entity> {
    const current = fingerprint(entity);
    const previous = await cache.get<string>(CACHE_KEY);
    // The cache only keeps what each run sets.
    await cache.set(CACHE_KEY, current);
    if (previous !== current) {
      const payload: FlywheelEntityChangedEvent = {
        entityRef: stringifyEntityRef(entity),
      };
      await this.events.publish({
        topic: FLYWHEEL_ENTITY_CHANGED_TOPIC,
        eventPayload: payload,
      });
    }
    return entity;
  }
}
