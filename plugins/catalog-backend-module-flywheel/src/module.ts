import { createBackendModule } from '@backstage/backend-plugin-api';
import { catalogProcessingExtensionPoint } from '@backstage/plugin-catalog-node';
import { eventsServiceRef } from '@backstage/plugin-events-node';
import { EntityChangeProcessor } from './EntityChangeProcessor';

/**
 * Publishes `flywheel.catalog.entity-changed` when an entity changes, so the
 * Flywheel backend re-evaluates only that entity's scorecards.
 *
 * @public
 */
export const catalogModuleFlywheel = createBackendModule({
  pluginId: 'catalog',
  moduleId: 'flywheel',
  register(env) {
    env.registerInit({
      deps: {
        processing: catalogProcessingExtensionPoint,
        events: eventsServiceRef,
      },
      async init({ processing, events }) {
        processing.addProcessor(new EntityChangeProcessor(events));
      },
    });
  },
});
