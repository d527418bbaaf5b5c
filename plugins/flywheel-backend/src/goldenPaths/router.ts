import {
  AuditorService,
  HttpAuthService,
  PermissionsService,
} from '@backstage/backend-plugin-api';
import {
  flywheelGoldenPathsReadPermission,
  flywheelRunCreatePermission,
} from '@flywheel/plugin-flywheel-common';
import { audited } from '../http/audited';
import { authorizeOrThrow } from '../http/authorize';
import { FlywheelApiRouter } from '../http/createRouter';
import { GoldenPathService } from './GoldenPathService';

/** HTTP ↔ GoldenPathService: credentials, permissions, audit, nothing more. */
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

  // The scaffolder action records the run on behalf of the user who ran the
  // template (or a backend with its own service credentials); the permission
  // is checked for that caller. Refused and failed attempts are audited too.
  router.post('/golden-paths/runs', async (req, res) => {
    await audited(
      auditor,
      req,
      'golden-path-run-record',
      {
        taskId: req.body.taskId,
        templateRef: req.body.templateRef,
        outcome: req.body.outcome,
      },
      async () => {
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
      },
    );
    res.status(201).json({ taskId: req.body.taskId });
  });
}
