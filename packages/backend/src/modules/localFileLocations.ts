import { createBackendModule } from '@backstage/backend-plugin-api';
import { catalogLocationsExtensionPoint } from '@backstage/plugin-catalog-node';

/**
 * The catalog only accepts `url` locations from its API by default. The
 * example instance publishes scaffolded services to a local directory (no
 * network), so it also accepts `file` locations. Not for production.
 */
export const catalogModuleLocalFileLocations = createBackendModule({
  pluginId: 'catalog',
  moduleId: 'local-file-locations',
  register(env) {
    env.registerInit({
      deps: { locations: catalogLocationsExtensionPoint },
      async init({ locations }) {
        locations.setAllowedLocationTypes(['url', 'file']);
      },
    });
  },
});
