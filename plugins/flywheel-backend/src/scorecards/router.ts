import {
  AuditorService,
  HttpAuthService,
  PermissionsService,
} from '@backstage/backend-plugin-api';
import {
  flywheelExemptionDecidePermission,
  flywheelExemptionRequestPermission,
  flywheelScorecardsReadPermission,
  flywheelScorecardsRefreshPermission,
} from '@flywheel/plugin-flywheel-common';
import { BasicPermission } from '@backstage/plugin-permission-common';
import { JsonObject } from '@backstage/types';
import { audited as auditWrite } from '../service/audited';
import { authorizeOrThrow } from '../service/authorize';
import { FlywheelApiRouter } from '../service/createRouter';
import { ScorecardService } from './ScorecardService';

/** HTTP ↔ ScorecardService: credentials, permissions, audit, nothing more. */
export function registerScorecardRoutes(
  router: FlywheelApiRouter,
  deps: {
    scorecards: ScorecardService;
    httpAuth: HttpAuthService;
    permissions: PermissionsService;
    auditor: AuditorService;
  },
) {
  const { scorecards, httpAuth, permissions, auditor } = deps;

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
    const credentials = await authorized(
      req,
      flywheelScorecardsRefreshPermission,
    );
    res.json(await scorecards.refresh(req.body.entityRef, credentials));
  });

  router.get('/scorecards/rollup', async (req, res) => {
    await authorized(req, flywheelScorecardsReadPermission);
    res.json(
      await scorecards.rollup(req.query.groupRef, req.query.scorecardId),
    );
  });

  router.get('/scorecards/leaderboard', async (req, res) => {
    await authorized(req, flywheelScorecardsReadPermission);
    res.json(await scorecards.leaderboard(req.query.scorecardId));
  });

  router.get('/scorecards/history', async (req, res) => {
    await authorized(req, flywheelScorecardsReadPermission);
    res.json(
      await scorecards.history({
        scorecardId: req.query.scorecardId,
        scope: req.query.scope,
        ref: req.query.ref,
        days: req.query.days,
      }),
    );
  });

  router.get('/scorecards/entities', async (req, res) => {
    await authorized(req, flywheelScorecardsReadPermission);
    const { scorecardId, groupRef, failingCheck, limit, offset, format } =
      req.query;
    if (format === 'csv') {
      const csv = await scorecards.exportCsv({
        scorecardId,
        groupRef,
        failingCheck,
      });
      // The typed router only knows JSON bodies; CSV goes out untyped.
      (res as unknown as import('express').Response)
        .status(200)
        .type('text/csv')
        .attachment(`${scorecardId}.csv`)
        .send(csv);
      return;
    }
    res.json(
      await scorecards.entities({
        scorecardId,
        groupRef,
        failingCheck,
        limit,
        offset,
      }),
    );
  });

  router.get('/scorecards/exemptions', async (req, res) => {
    await authorized(req, flywheelScorecardsReadPermission);
    res.json(await scorecards.listExemptions(req.query));
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
        return scorecards.requestExemption(
          req.body,
          credentials.principal.userEntityRef,
          credentials,
        );
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
        const credentials = await authorizedUser(
          req,
          flywheelExemptionDecidePermission,
        );
        return scorecards.decideExemption(
          req.params.id,
          req.body,
          credentials.principal.userEntityRef,
        );
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
        const credentials = await authorizedUser(
          req,
          flywheelExemptionDecidePermission,
        );
        return scorecards.revokeExemption(
          req.params.id,
          req.body ?? {},
          credentials.principal.userEntityRef,
        );
      },
    );
    res.json(exemption);
  });
}
