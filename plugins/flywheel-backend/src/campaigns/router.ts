import { AuditorService, HttpAuthService } from '@backstage/backend-plugin-api';
import { routeHelpers } from '../http/callers';
import { FlywheelApiRouter } from '../http/createRouter';
import { CampaignService } from './CampaignService';

/** HTTP ↔ CampaignService: credentials and audit; the service decides. */
export function registerCampaignRoutes(
  router: FlywheelApiRouter,
  deps: {
    campaigns: CampaignService;
    httpAuth: HttpAuthService;
    auditor: AuditorService;
  },
) {
  const { campaigns } = deps;
  const { anyone, person, audited } = routeHelpers(deps);
  // Text the databases cannot store, or JSON too deep to walk: 400.

  router.get('/campaigns', async (req, res) => {
    res.json(
      await campaigns.list(await anyone(req), { state: req.query.state }),
    );
  });

  router.post('/campaigns', async (req, res) => {
    const body = req.body as { id?: unknown };
    const campaign = await audited(
      req,
      'campaign-create',
      { campaignId: String(body?.id ?? '') },
      async () => campaigns.create(req.body, await person(req)),
    );
    res.status(201).json(campaign);
  });

  // Before /campaigns/:campaignId, which would take 'memberships' as an id.
  router.get('/campaigns/memberships', async (req, res) => {
    res.json(
      await campaigns.memberships(
        { entityRef: req.query.entityRef, groupRef: req.query.groupRef },
        await anyone(req),
      ),
    );
  });

  router.get('/campaigns/:campaignId', async (req, res) => {
    res.json(await campaigns.get(req.params.campaignId, await anyone(req)));
  });

  router.post('/campaigns/:campaignId/close', async (req, res) => {
    const campaign = await audited(
      req,
      'campaign-close',
      { campaignId: req.params.campaignId },
      async () =>
        campaigns.close(req.params.campaignId, req.body, await person(req)),
    );
    res.json(campaign);
  });

  router.get('/campaigns/:campaignId/progress', async (req, res) => {
    res.json(
      await campaigns.progress(req.params.campaignId, await anyone(req)),
    );
  });

  router.get('/campaigns/:campaignId/teams', async (req, res) => {
    res.json(await campaigns.teams(req.params.campaignId, await anyone(req)));
  });

  router.get('/campaigns/:campaignId/items', async (req, res) => {
    res.json(
      await campaigns.items(req.params.campaignId, await anyone(req), {
        state: req.query.state,
        groupRef: req.query.groupRef,
        limit: req.query.limit,
        offset: req.query.offset,
      }),
    );
  });
}
