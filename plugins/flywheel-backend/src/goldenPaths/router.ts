import { AuditorService, HttpAuthService } from '@backstage/backend-plugin-api';
import { routeHelpers } from '../http/callers';
import { FlywheelApiRouter } from '../http/createRouter';
import { GoldenPathService } from './GoldenPathService';

/** HTTP ↔ GoldenPathService: credentials and audit; the service decides. */
export function registerGoldenPathRoutes(
  router: FlywheelApiRouter,
  deps: {
    goldenPaths: GoldenPathService;
    httpAuth: HttpAuthService;
    auditor: AuditorService;
  },
) {
  const { goldenPaths } = deps;
  const { anyone, audited } = routeHelpers(deps);
  // Text the databases cannot store, or JSON too deep to walk: 400.

  router.get('/golden-paths', async (req, res) => {
    const credentials = await anyone(req);
    res.json(await goldenPaths.listGoldenPaths(credentials));
  });

  router.get('/golden-paths/adoption', async (req, res) => {
    const credentials = await anyone(req);
    res.json(await goldenPaths.groupAdoption(req.query.groupRef, credentials));
  });

  router.get('/golden-paths/provenance', async (req, res) => {
    const credentials = await anyone(req);
    res.json(await goldenPaths.provenance(req.query.entityRef, credentials));
  });

  // The scaffolder action records the run on behalf of the user who ran the
  // template (or a backend with its own service credentials); the service
  // checks the permission for that caller. Refused and failed attempts are
  // audited too.
  router.post('/golden-paths/runs', async (req, res) => {
    await audited(
      req,
      'golden-path-run-record',
      {
        taskId: req.body.taskId,
        templateRef: req.body.templateRef,
        outcome: req.body.outcome,
      },
      async () => goldenPaths.recordRun(req.body, await anyone(req)),
    );
    res.status(201).json({ taskId: req.body.taskId });
  });
}
