import { AuditorService, HttpAuthService } from '@backstage/backend-plugin-api';
import { routeHelpers } from '../http/callers';
import { FlywheelApiRouter } from '../http/createRouter';
import { sendCsv } from '../http/csv';
import { DeploymentIngest } from './deployments/DeploymentIngest';
import { MetricService } from './MetricService';
import { UsageBreakdownService } from './usage/UsageBreakdownService';
import { UsageIngest } from './usage/UsageIngest';

/** HTTP ↔ MetricService and DeploymentIngest: credentials and audit; the services decide. */
export function registerMetricRoutes(
  router: FlywheelApiRouter,
  deps: {
    metrics: MetricService;
    deployments: DeploymentIngest;
    usage: UsageIngest;
    usageBreakdown: UsageBreakdownService;
    httpAuth: HttpAuthService;
    auditor: AuditorService;
  },
) {
  const { metrics, deployments, usage, usageBreakdown } = deps;
  const { anyone, backend, person, audited } = routeHelpers(deps);
  // Text the databases cannot store, or JSON too deep to walk: 400.

  router.get('/metrics', async (req, res) => {
    res.json(await metrics.list(await anyone(req)));
  });

  router.get('/metrics/:metricId/series', async (req, res) => {
    const credentials = await anyone(req);
    const { format, ...query } = req.query;
    if (format === 'csv') {
      const { filename, csv } = await metrics.seriesCsv(
        req.params.metricId,
        query,
        credentials,
      );
      sendCsv(res, filename, csv);
      return;
    }
    res.json(await metrics.series(req.params.metricId, query, credentials));
  });

  router.get('/metrics/:metricId/comparison', async (req, res) => {
    res.json(
      await metrics.comparison(
        req.params.metricId,
        req.query,
        await anyone(req),
      ),
    );
  });

  // CI/CD with an external-access token; a person's token is refused.
  router.post('/deployments', async (req, res) => {
    const body = req.body as { deployments?: unknown[]; id?: string };
    const result = await audited(
      req,
      'metric-deployment-ingest',
      {
        deployments: Array.isArray(body.deployments)
          ? body.deployments.length
          : 1,
        ...(body.id ? { id: body.id } : {}),
      },
      async () => deployments.ingest(req.body, await backend(req)),
    );
    res.json(result);
  });

  // The app's analytics module, for the signed-in user; not audited: every
  // page view of every person would flood the audit log (docs/security.md).
  router.post('/usage/events', async (req, res) => {
    res.status(202).json(await usage.record(req.body, await person(req)));
  });

  router.get('/usage/breakdown', async (req, res) => {
    res.json(await usageBreakdown.breakdown(req.query, await anyone(req)));
  });
}
