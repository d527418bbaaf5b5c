import {
  coreServices,
  createBackendModule,
} from '@backstage/backend-plugin-api';
import { catalogServiceRef } from '@backstage/plugin-catalog-node';
import { scaffolderActionsExtensionPoint } from '@backstage/plugin-scaffolder-node';
import path from 'path';
import { createFetchLocalAction } from './actions/fetchLocal';
import { createProvenanceStampAction } from './actions/provenanceStamp';
import { createPublishLocalAction } from './actions/publishLocal';
import { createRecordRunAction } from './actions/recordRun';
import { flywheelServiceRef } from '@flywheel/plugin-flywheel-node';
import { HttpFlywheelRunRecorder } from './FlywheelClient';

/**
 * Registers Flywheel's scaffolder actions: `flywheel:provenance:stamp`,
 * `flywheel:run:record`, `flywheel:publish:local` and `flywheel:fetch:local`.
 *
 * @public
 */
export const scaffolderModuleFlywheel = createBackendModule({
  pluginId: 'scaffolder',
  moduleId: 'flywheel',
  register({ registerInit }) {
    registerInit({
      deps: {
        scaffolderActions: scaffolderActionsExtensionPoint,
        auth: coreServices.auth,
        catalog: catalogServiceRef,
        config: coreServices.rootConfig,
        discovery: coreServices.discovery,
        flywheel: flywheelServiceRef,
        permissions: coreServices.permissions,
      },
      async init({
        scaffolderActions,
        auth,
        catalog,
        config,
        discovery,
        flywheel,
        permissions,
      }) {
        const configured = config.getOptionalString(
          'flywheel.scaffolder.localPublish.directory',
        );
        const directory = configured ? path.resolve(configured) : undefined;
        scaffolderActions.addActions(
          createProvenanceStampAction({ catalog }),
          createRecordRunAction({
            recorder: new HttpFlywheelRunRecorder({
              discovery,
              auth,
              flywheel,
            }),
          }),
          createPublishLocalAction({ directory, catalog, permissions }),
          createFetchLocalAction({ directory, catalog }),
        );
      },
    });
  },
});
