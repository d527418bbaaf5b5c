import {
  coreServices,
  createBackendPlugin,
} from '@backstage/backend-plugin-api';
import { catalogServiceRef } from '@backstage/plugin-catalog-node';
import { flywheelPermissions } from '@flywheel/plugin-flywheel-common';
import { CatalogReader } from './catalog/CatalogReader';
import { connectDatabase } from './database/migrate';
import { GoldenPathService } from './goldenPaths/GoldenPathService';
import { registerGoldenPathRoutes } from './goldenPaths/router';
import { ScaffolderRunStore } from './goldenPaths/ScaffolderRunStore';
import { createFlywheelApiRouter } from './service/createRouter';

/**
 * The Flywheel backend plugin: REST API at /api/flywheel.
 *
 * @public
 */
export const flywheelPlugin = createBackendPlugin({
  pluginId: 'flywheel',
  register(env) {
    env.registerInit({
      deps: {
        auditor: coreServices.auditor,
        catalog: catalogServiceRef,
        database: coreServices.database,
        httpAuth: coreServices.httpAuth,
        httpRouter: coreServices.httpRouter,
        permissions: coreServices.permissions,
        permissionsRegistry: coreServices.permissionsRegistry,
      },
      async init({
        auditor,
        catalog,
        database,
        httpAuth,
        httpRouter,
        permissions,
        permissionsRegistry,
      }) {
        permissionsRegistry.addPermissions(flywheelPermissions);
        const db = await connectDatabase(database);
        const catalogReader = new CatalogReader(catalog);

        const router = createFlywheelApiRouter();
        registerGoldenPathRoutes(router, {
          goldenPaths: new GoldenPathService(
            catalogReader,
            new ScaffolderRunStore(db),
          ),
          httpAuth,
          permissions,
          auditor,
        });

        httpRouter.use(router);
        httpRouter.addAuthPolicy({ path: '/health', allow: 'unauthenticated' });
      },
    });
  },
});
