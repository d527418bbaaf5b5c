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
import { ScaffolderTaskSync } from './goldenPaths/ScaffolderTaskSync';
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
        auth: coreServices.auth,
        discovery: coreServices.discovery,
        logger: coreServices.logger,
        scheduler: coreServices.scheduler,
        catalog: catalogServiceRef,
        database: coreServices.database,
        httpAuth: coreServices.httpAuth,
        httpRouter: coreServices.httpRouter,
        permissions: coreServices.permissions,
        permissionsRegistry: coreServices.permissionsRegistry,
      },
      async init({
        auditor,
        auth,
        discovery,
        logger,
        scheduler,
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

        const runStore = new ScaffolderRunStore(db);
        const goldenPaths = new GoldenPathService(catalogReader, runStore);
        const taskSync = ScaffolderTaskSync.fromDiscovery({
          runs: runStore,
          discovery,
          auth,
          logger,
        });
        // Runs once across replicas: failed runs never reach the record step.
        await scheduler.scheduleTask({
          id: 'flywheel-golden-paths-sync-scaffolder-tasks',
          frequency: { minutes: 5 },
          timeout: { minutes: 5 },
          initialDelay: { seconds: 30 },
          fn: async () => {
            const credentials = await auth.getOwnServiceCredentials();
            const refs = await goldenPaths.goldenPathRefs(credentials);
            await taskSync.sync(new Set(refs));
          },
        });

        const router = createFlywheelApiRouter();
        registerGoldenPathRoutes(router, {
          goldenPaths,
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
