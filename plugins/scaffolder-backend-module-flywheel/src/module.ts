import {
  coreServices,
  createBackendModule,
} from '@backstage/backend-plugin-api';
import { catalogServiceRef } from '@backstage/plugin-catalog-node';
import { scaffolderActionsExtensionPoint } from '@backstage/plugin-scaffolder-node';
import path from 'path';
import { createProvenanceStampAction } from './actions/provenanceStamp';
import { createPublishLocalAction } from './actions/publishLocal';
import { createRecordRunAction } from './actions/recordRun';
import { flywheelServiceRef } from '@flywheel/plugin-flywheel-node';
import { HttpFlywheelRunRecorder } from './FlywheelClient';

/**
 * Registers Flywheel's scaffolder actions: `flywheel:provenance:stamp`,
 * `flywheel:run:record` and `flywheel:publish:local`.
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
      },
      async init({
        scaffolderActions,
        auth,
        catalog,
        config,
        discovery,
        flywheel,
      }) {
        const directory = config.getOptionalString(
          'flywheel.scaffolder.localPublish.directory',
        );
        scaffolderActions.addActions(
          createProvenanceStampAction(),
          createRecordRunAction({
            recorder: new HttpFlywheelRunRecorder({
              discovery,
              auth,
              flywheel,
            }),
          }),
          createPublishLocalAction({
            directory: directory ? path.resolve(directory) : undefined,
            catalog,
          }),
        );
      },
    });
  },
});
