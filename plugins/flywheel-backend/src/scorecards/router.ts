import {
  AuditorService,
  HttpAuthService,
  PermissionsService,
} from '@backstage/backend-plugin-api';
import {
  flywheelExemptionRequestPermission,
  flywheelScorecardsReadPermission,
  flywheelScorecardsRefreshPermission,
} from '@flywheel/plugin-flywheel-common';
import { BasicPermission } from '@backstage/plugin-permission-common';
import { JsonObject } from '@backstage/types';
import { audited as auditWrite } from '../http/audited';
import { authorizeOrThrow } from '../http/authorize';
import { FlywheelApiRouter } from '../http/createRouter';
import { sendCsv } from '../http/csv';
import { ScorecardService } from './ScorecardService';
import { ExemptionService } from './exemptions/ExemptionService';

/** HTTP ↔ ScorecardService: credentials, permissions, audit, nothing more. */
export function registerScorecardRoutes(
  router: FlywheelApiRouter,
  deps: {
    scorecards: ScorecardService;
    exemptions: ExemptionService;
    httpAuth: HttpAuthService;
    permissions: PermissionsService;
    auditor: AuditorService;
  },
) {
  const { scorecards, exemptions, httpAuth, permissions, auditor } = deps;

  type Request = Parameters<HttpAuthService['credentials']>[0];

  const authorized = async (req: Request, permission: BasicPermission) => {
    const credentials = await httpAuth.credentials(req, {
      allow: ['user', 'service'],
    });
    await authorizeOrThrow(permissions, permission, credentials);
    return credentials;
  };

  /** Writes that record who did them need a person. */
  const authorizedUser = async (req: Request, permission: BasicPermission) => {
    const credentials = await httpAuth.credentials(req, { allow: ['user'] });
    await authorizeOrThrow(permissions, permission, credentials);
    return credentials;
  };

  const audited = <T>(
    req: Request,
    eventId: string,
    meta: JsonObject,
    fn: () => Promise<T>,
  ) => auditWrite(auditor, req, eventId, meta, fn);

  router.get('/scorecards', async (req, res) => {
    await authorized(req, flywheelScorecardsReadPermission);
    res.json(scorecards.listScorecards());
  });

  router.get('/scorecards/results', async (req, res) => {
    const credentials = await authorized(req, flywheelScorecardsReadPermission);
    res.json(await scorecards.entityResults(req.query.entityRef, credentials));
  });

  router.post('/scorecards/refresh', async (req, res) => {
    const results = await audited(
      req,
      'scorecard-refresh',
      { entityRef: req.body.entityRef },
      async () => {
        const credentials = await authorized(
          req,
          flywheelScorecardsRefreshPermission,
        );
        return scorecards.refresh(req.body.entityRef, credentials);
      },
    );
    res.json(results);
  });

  // Reads are limited to the entities the caller may see in the catalog.
  router.get('/scorecards/rollup', async (req, res) => {
    const credentials = await authorized(req, flywheelScorecardsReadPermission);
    res.json(
      await scorecards.rollup(
        req.query.groupRef,
        req.query.scorecardId,
        credentials,
      ),
    );
  });

  router.get('/scorecards/leaderboard', async (req, res) => {
    const credentials = await authorized(req, flywheelScorecardsReadPermission);
    res.json(await scorecards.leaderboard(req.query.scorecardId, credentials));
  });

  router.get('/scorecards/history', async (req, res) => {
    const credentials = await authorized(req, flywheelScorecardsReadPermission);
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
    const credentials = await authorized(req, flywheelScorecardsReadPermission);
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
    const credentials = await authorized(req, flywheelScorecardsReadPermission);
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
        const credentials = await authorizedUser(
          req,
          flywheelExemptionRequestPermission,
        );
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
        const credentials = await httpAuth.credentials(req, {
          allow: ['user'],
        });
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
        const credentials = await httpAuth.credentials(req, {
          allow: ['user'],
        });
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
