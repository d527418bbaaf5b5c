import { AuditorService, HttpAuthService } from '@backstage/backend-plugin-api';
import { routeHelpers } from '../http/callers';
import { FlywheelApiRouter } from '../http/createRouter';
import { sendCsv } from '../http/csv';
import { ScorecardService } from './ScorecardService';
import { ExemptionService } from './exemptions/ExemptionService';

/** HTTP ↔ ScorecardService and ExemptionService: credentials and audit; the services decide. */
export function registerScorecardRoutes(
  router: FlywheelApiRouter,
  deps: {
    scorecards: ScorecardService;
    exemptions: ExemptionService;
    httpAuth: HttpAuthService;
    auditor: AuditorService;
  },
) {
  const { scorecards, exemptions } = deps;
  const { anyone, person, audited } = routeHelpers(deps);
  // Text the databases cannot store, or JSON too deep to walk: 400.

  router.get('/scorecards', async (req, res) => {
    res.json(await scorecards.listScorecards(await anyone(req)));
  });

  router.get('/scorecards/results', async (req, res) => {
    const credentials = await anyone(req);
    res.json(await scorecards.entityResults(req.query.entityRef, credentials));
  });

  router.post('/scorecards/refresh', async (req, res) => {
    const results = await audited(
      req,
      'scorecard-refresh',
      { entityRef: req.body.entityRef },
      async () => {
        const credentials = await anyone(req);
        return scorecards.refresh(req.body.entityRef, credentials);
      },
    );
    res.json(results);
  });

  // Reads are limited to the entities the caller may see in the catalog.
  router.get('/scorecards/rollup', async (req, res) => {
    const credentials = await anyone(req);
    res.json(
      await scorecards.rollup(
        req.query.groupRef,
        req.query.scorecardId,
        credentials,
      ),
    );
  });

  router.get('/scorecards/leaderboard', async (req, res) => {
    const credentials = await anyone(req);
    res.json(await scorecards.leaderboard(req.query.scorecardId, credentials));
  });

  router.get('/scorecards/history', async (req, res) => {
    const credentials = await anyone(req);
    res.json(
      await scorecards.history(
        {
          scorecardId: req.query.scorecardId,
          scope: req.query.scope,
          ref: req.query.ref,
          days: req.query.days,
        },
        credentials,
      ),
    );
  });

  router.get('/scorecards/entities', async (req, res) => {
    const credentials = await anyone(req);
    const { scorecardId, groupRef, failingCheck, limit, offset, format } =
      req.query;
    if (format === 'csv') {
      const csv = await scorecards.exportCsv(
        { scorecardId, groupRef, failingCheck },
        credentials,
      );
      sendCsv(res, `${scorecardId}.csv`, csv);
      return;
    }
    res.json(
      await scorecards.entities(
        { scorecardId, groupRef, failingCheck, limit, offset },
        credentials,
      ),
    );
  });

  router.get('/scorecards/exemptions', async (req, res) => {
    const credentials = await anyone(req);
    res.json(await exemptions.listExemptions(req.query, credentials));
  });

  router.post('/scorecards/exemptions', async (req, res) => {
    const exemption = await audited(
      req,
      'scorecard-exemption-request',
      {
        entityRef: req.body.entityRef,
        scorecardId: req.body.scorecardId,
        checkId: req.body.checkId,
      },
      async () => {
        const credentials = await person(req);
        return exemptions.requestExemption(req.body, credentials);
      },
    );
    res.status(201).json(exemption);
  });

  router.post('/scorecards/exemptions/:id/decision', async (req, res) => {
    const exemption = await audited(
      req,
      'scorecard-exemption-decide',
      { id: req.params.id, decision: req.body.decision },
      async () => {
        // The service asks the policy about this exemption (owners only by
        // default, never the requester).
        const credentials = await person(req);
        return exemptions.decideExemption(req.params.id, req.body, credentials);
      },
    );
    res.json(exemption);
  });

  router.post('/scorecards/exemptions/:id/revoke', async (req, res) => {
    const exemption = await audited(
      req,
      'scorecard-exemption-revoke',
      { id: req.params.id },
      async () => {
        const credentials = await person(req);
        return exemptions.revokeExemption(
          req.params.id,
          req.body ?? {},
          credentials,
        );
      },
    );
    res.json(exemption);
  });
}
