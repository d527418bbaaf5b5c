import { AuditorService, HttpAuthService } from '@backstage/backend-plugin-api';
import { routeHelpers } from '../http/callers';
import { FlywheelApiRouter } from '../http/createRouter';
import { sendCsv } from '../http/csv';
import { MaturityService } from './MaturityService';
import { OutcomeService } from './outcomes/OutcomeService';

/** HTTP ↔ MaturityService and OutcomeService: credentials and audit; the services decide. */
export function registerMaturityRoutes(
  router: FlywheelApiRouter,
  deps: {
    maturity: MaturityService;
    outcomes: OutcomeService;
    httpAuth: HttpAuthService;
    auditor: AuditorService;
  },
) {
  const { maturity, outcomes } = deps;
  const { anyone, person, audited } = routeHelpers(deps);
  // Text the databases cannot store, or JSON too deep to walk: 400.
  const capabilityOf = (params: {
    kind: string;
    namespace: string;
    name: string;
  }) => ({ kind: params.kind, namespace: params.namespace, name: params.name });
  const refOf = (params: { kind: string; namespace: string; name: string }) =>
    `${params.kind}:${params.namespace}/${params.name}`;

  router.get('/maturity/capabilities', async (req, res) => {
    res.json(await maturity.capabilities(await anyone(req)));
  });

  router.get(
    '/maturity/capabilities/:kind/:namespace/:name',
    async (req, res) => {
      res.json(
        await maturity.capability(capabilityOf(req.params), await anyone(req)),
      );
    },
  );

  router.get(
    '/maturity/capabilities/:kind/:namespace/:name/history',
    async (req, res) => {
      const credentials = await anyone(req);
      if (req.query.format === 'csv') {
        const { filename, csv } = await maturity.historyCsv(
          capabilityOf(req.params),
          credentials,
        );
        sendCsv(res, filename, csv);
        return;
      }
      res.json(await maturity.history(capabilityOf(req.params), credentials));
    },
  );

  router.post(
    '/maturity/capabilities/:kind/:namespace/:name/transitions',
    async (req, res) => {
      const body = req.body as { toStage?: unknown; overrideReason?: unknown };
      const transition = await audited(
        req,
        'maturity-transition',
        {
          capabilityRef: refOf(req.params),
          toStage: String(body?.toStage ?? ''),
          override: Boolean(body?.overrideReason),
        },
        async () =>
          maturity.transition(
            capabilityOf(req.params),
            req.body,
            await person(req),
          ),
      );
      res.status(201).json(transition);
    },
  );

  // Attestations and waivers: the same route shape, each its audit event.
  for (const [path, eventId, record] of [
    ['attestations', 'maturity-attest', maturity.attest.bind(maturity)],
    ['waivers', 'maturity-waive', maturity.waive.bind(maturity)],
  ] as const) {
    router.post(
      `/maturity/capabilities/:kind/:namespace/:name/${path}`,
      async (req, res) => {
        const body = req.body as { criterionId?: unknown };
        const created = await audited(
          req,
          eventId,
          {
            capabilityRef: refOf(req.params),
            criterionId: String(body?.criterionId ?? ''),
          },
          async () =>
            record(capabilityOf(req.params), req.body, await person(req)),
        );
        res.status(201).json(created);
      },
    );
  }

  router.get('/maturity/history', async (req, res) => {
    const credentials = await anyone(req);
    if (req.query.format === 'csv') {
      const { filename, csv } = await maturity.historyCsv(
        undefined,
        credentials,
      );
      sendCsv(res, filename, csv);
      return;
    }
    res.json(await maturity.history(undefined, credentials));
  });

  router.get('/maturity/models', async (req, res) => {
    res.json(await maturity.models(await anyone(req)));
  });

  router.get('/maturity/outcomes', async (req, res) => {
    res.json(await outcomes.outcomes(req.query, await anyone(req)));
  });

  router.put('/maturity/outcomes/targets/:key', async (req, res) => {
    const target = await audited(
      req,
      'maturity-target-set',
      { key: req.params.key },
      async () =>
        outcomes.setTarget(req.params.key, req.body, await person(req)),
    );
    res.json(target);
  });

  router.delete('/maturity/outcomes/targets/:key', async (req, res) => {
    await audited(
      req,
      'maturity-target-delete',
      { key: req.params.key },
      async () => outcomes.deleteTarget(req.params.key, await person(req)),
    );
    res.status(204).end();
  });
}
