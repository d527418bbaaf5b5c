import {
  AuditorService,
  HttpAuthService,
  PermissionsService,
} from '@backstage/backend-plugin-api';
import {
  flywheelGoldenPathsReadPermission,
  flywheelRunCreatePermission,
} from '@flywheel/plugin-flywheel-common';
import { FlywheelApiRouter } from '../service/createRouter';
import { authorizeOrThrow } from '../service/authorize';
import { GoldenPathService } from './GoldenPathService';

/** HTTP ↔ GoldenPathService, nothing more. */
export function registerGoldenPathRoutes(
  router: FlywheelApiRouter,
  deps: {
    goldenPaths: GoldenPathService;
    httpAuth: HttpAuthService;
    permissions: PermissionsService;
    auditor: AuditorService;
  },
) {
  const { goldenPaths, httpAuth, permissions, auditor } = deps;

  const readerCredentials = async (
    req: Parameters<HttpAuthService['credentials']>[0],
  ) => {
    const credentials = await httpAuth.credentials(req, {
      allow: ['user', 'service'],
    });
    await authorizeOrThrow(
      permissions,
      flywheelGoldenPathsReadPermission,
      credentials,
    );
    return credentials;
  };

  router.get('/golden-paths', async (req, res) => {
    const credentials = await readerCredentials(req);
    res.json(await goldenPaths.listGoldenPaths(credentials));
  });

  router.get('/golden-paths/adoption', async (req, res) => {
    const credentials = await readerCredentials(req);
    res.json(await goldenPaths.groupAdoption(req.query.groupRef, credentials));
  });

  router.get('/golden-paths/provenance', async (req, res) => {
    const credentials = await readerCredentials(req);
    res.json(await goldenPaths.provenance(req.query.entityRef, credentials));
  });

  router.post('/golden-paths/runs', async (req, res) => {
    const auditorEvent = await auditor.createEvent({
      eventId: 'golden-path-run-record',
      severityLevel: 'low',
      request: req,
      meta: { taskId: req.body.taskId, templateRef: req.body.templateRef },
    });
    try {
      const credentials = await httpAuth.credentials(req, {
        allow: ['user', 'service'],
      });
      await authorizeOrThrow(
        permissions,
        flywheelRunCreatePermission,
        credentials,
      );
      const userRef =
        credentials.principal.type === 'user'
          ? credentials.principal.userEntityRef
          : undefined;
      await goldenPaths.recordRun(req.body, userRef);
      await auditorEvent.success();
      res.status(201).json({ taskId: req.body.taskId });
    } catch (error) {
      await auditorEvent.fail({ error: error as Error });
      throw error;
    }
  });
}
