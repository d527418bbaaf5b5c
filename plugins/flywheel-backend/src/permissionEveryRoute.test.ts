import { mockServices } from '@backstage/backend-test-utils';
import {
  AuthorizeResult,
  PermissionEvaluator,
} from '@backstage/plugin-permission-common';
import { EXAMPLE_REQUESTS } from './__testUtils__/exampleRequests';
import {
  EveryRouteBackend,
  startEveryRouteBackend,
} from './__testUtils__/everyRouteBackend';
import { specOperations } from './__testUtils__/specOperations';

jest.setTimeout(60_000);

/**
 * Every route of the OpenAPI spec names the permission that guards it, or
 * says why it needs none; a new route fails this suite until it does. A
 * caller denied that one permission (and allowed everything else) gets a
 * 403 naming it; allowed, the same request passes the gate.
 */
type Guard =
  /** Any of these allows the route; denied all, the caller gets 403. */
  { permissions: string[] } | { none: string };

const VISIBLE_BY_AUDIENCE =
  'Every signed-in person may see the surveys whose audience includes them, to answer them; ' +
  'the service filters by audience, and results stay behind their own permissions.';

const GUARDS: Record<string, Guard> = {
  'GET /health': {
    none: 'Public by design: a load balancer asks it, with no credentials.',
  },
  'GET /golden-paths': { permissions: ['flywheel.golden-paths.read'] },
  'GET /golden-paths/adoption': { permissions: ['flywheel.golden-paths.read'] },
  'GET /golden-paths/provenance': {
    permissions: ['flywheel.golden-paths.read'],
  },
  'POST /golden-paths/runs': {
    permissions: ['flywheel.golden-paths.run.create'],
  },
  'GET /scorecards': { permissions: ['flywheel.scorecards.read'] },
  'GET /scorecards/results': { permissions: ['flywheel.scorecards.read'] },
  'POST /scorecards/refresh': { permissions: ['flywheel.scorecards.refresh'] },
  'GET /scorecards/rollup': { permissions: ['flywheel.scorecards.read'] },
  'GET /scorecards/leaderboard': { permissions: ['flywheel.scorecards.read'] },
  'GET /scorecards/history': { permissions: ['flywheel.scorecards.read'] },
  'GET /scorecards/entities': { permissions: ['flywheel.scorecards.read'] },
  'GET /scorecards/exemptions': { permissions: ['flywheel.scorecards.read'] },
  'POST /scorecards/exemptions': {
    permissions: ['flywheel.scorecards.exemption.request'],
  },
  'POST /scorecards/exemptions/{id}/decision': {
    permissions: ['flywheel.scorecards.exemption.decide'],
  },
  'POST /scorecards/exemptions/{id}/revoke': {
    permissions: ['flywheel.scorecards.exemption.decide'],
  },
  'GET /surveys': { none: VISIBLE_BY_AUDIENCE },
  'POST /surveys': { permissions: ['flywheel.surveys.manage'] },
  'GET /surveys/prompts': {
    none: 'Each person asks for their own prompts: the surveys due to them, from their own credentials.',
  },
  'POST /surveys/triggers': {
    none: 'Backends only (service credentials): a trigger names an event, and the survey config decides who is asked.',
  },
  'GET /surveys/{surveyId}': { none: VISIBLE_BY_AUDIENCE },
  'PUT /surveys/{surveyId}': { permissions: ['flywheel.surveys.manage'] },
  'POST /surveys/{surveyId}/archive': {
    permissions: ['flywheel.surveys.manage'],
  },
  'GET /surveys/{surveyId}/waves': { none: VISIBLE_BY_AUDIENCE },
  'GET /surveys/{surveyId}/form': { none: VISIBLE_BY_AUDIENCE },
  'GET /surveys/{surveyId}/preview': {
    permissions: ['flywheel.surveys.manage'],
  },
  'POST /surveys/{surveyId}/responses': {
    none: 'Answering is open to the survey’s audience, checked by the service against the catalog, not by a permission.',
  },
  'POST /surveys/{surveyId}/prompt-actions': {
    none: 'A person dismisses or snoozes their own prompt; it changes nothing of anyone else’s.',
  },
  'GET /surveys/{surveyId}/results': {
    permissions: [
      'flywheel.surveys.results.read',
      'flywheel.surveys.results.read-own-team',
    ],
  },
  'GET /surveys/{surveyId}/comments': {
    permissions: ['flywheel.surveys.comments.read'],
  },
  'PATCH /surveys/{surveyId}/comments/{commentId}': {
    permissions: ['flywheel.surveys.manage'],
  },
  'GET /metrics': { permissions: ['flywheel.metrics.read'] },
  'GET /metrics/{metricId}/series': { permissions: ['flywheel.metrics.read'] },
  'GET /metrics/{metricId}/comparison': {
    permissions: ['flywheel.metrics.read'],
  },
  'POST /deployments': { permissions: ['flywheel.metrics.deployment.create'] },
  'POST /usage/events': {
    none: 'Every person’s app reports their own usage; events are stored under the sender taken from the credentials.',
  },
  'GET /usage/breakdown': { permissions: ['flywheel.metrics.read'] },
  'GET /maturity/capabilities': { permissions: ['flywheel.maturity.read'] },
  'GET /maturity/capabilities/{kind}/{namespace}/{name}': {
    permissions: ['flywheel.maturity.read'],
  },
  'GET /maturity/capabilities/{kind}/{namespace}/{name}/history': {
    permissions: ['flywheel.maturity.read'],
  },
  'POST /maturity/capabilities/{kind}/{namespace}/{name}/transitions': {
    permissions: ['flywheel.maturity.transition'],
  },
  'POST /maturity/capabilities/{kind}/{namespace}/{name}/attestations': {
    permissions: ['flywheel.maturity.attest'],
  },
  'POST /maturity/capabilities/{kind}/{namespace}/{name}/waivers': {
    permissions: ['flywheel.maturity.attest'],
  },
  'GET /maturity/history': { permissions: ['flywheel.maturity.read'] },
  'GET /maturity/models': { permissions: ['flywheel.maturity.read'] },
  'GET /maturity/outcomes': { permissions: ['flywheel.maturity.read'] },
  'PUT /maturity/outcomes/targets/{key}': {
    permissions: ['flywheel.maturity.targets.manage'],
  },
  'DELETE /maturity/outcomes/targets/{key}': {
    permissions: ['flywheel.maturity.targets.manage'],
  },
  'POST /privacy/erasures': { permissions: ['flywheel.privacy.erase'] },
  'GET /campaigns': { permissions: ['flywheel.campaigns.read'] },
  'POST /campaigns': { permissions: ['flywheel.campaigns.manage'] },
  'GET /campaigns/memberships': { permissions: ['flywheel.campaigns.read'] },
  'GET /campaigns/{campaignId}': { permissions: ['flywheel.campaigns.read'] },
  'POST /campaigns/{campaignId}/close': {
    permissions: ['flywheel.campaigns.manage'],
  },
  'GET /campaigns/{campaignId}/progress': {
    permissions: ['flywheel.campaigns.read'],
  },
  'GET /campaigns/{campaignId}/teams': {
    permissions: ['flywheel.campaigns.read'],
  },
  'GET /campaigns/{campaignId}/items': {
    permissions: ['flywheel.campaigns.read'],
  },
};

const routes = specOperations().map(operation => operation.route);

describe('the permission on every route of the spec', () => {
  let send: EveryRouteBackend['send'];
  /** Permission names the policy denies; it allows every other. */
  let denied = new Set<string>();

  const policy = async (
    requests: { permission: { name: string } }[],
  ): Promise<{ result: AuthorizeResult.ALLOW | AuthorizeResult.DENY }[]> =>
    requests.map(({ permission }) => ({
      result: denied.has(permission.name)
        ? AuthorizeResult.DENY
        : AuthorizeResult.ALLOW,
    }));

  beforeAll(async () => {
    const permissions = mockServices.permissions.mock({
      authorize: policy as PermissionEvaluator['authorize'],
      authorizeConditional:
        policy as PermissionEvaluator['authorizeConditional'],
    });
    ({ send } = await startEveryRouteBackend([permissions.factory]));
  });

  it('names a guard for every route, and a request for each', () => {
    expect(Object.keys(GUARDS).sort()).toEqual([...routes].sort());
    expect(Object.keys(EXAMPLE_REQUESTS).sort()).toEqual([...routes].sort());
    // A reason, not a word.
    expect(
      Object.entries(GUARDS).filter(
        ([, guard]) => 'none' in guard && guard.none.length < 60,
      ),
    ).toEqual([]);
  });

  const guarded = Object.entries(GUARDS).flatMap(([route, guard]) =>
    'permissions' in guard ? [[route, guard.permissions] as const] : [],
  );

  // Refusals first: they change nothing, so the writes below find what
  // the requests expect.
  it.each(guarded)(
    '%s answers 403 to a caller denied %j',
    async (route, permissions) => {
      denied = new Set(permissions);
      const res = await send(route);
      expect(res.status).toBe(403);
      expect(res.body.error?.name).toBe('NotAllowedError');
      expect(
        permissions.some(name => res.body.error?.message.includes(name)),
      ).toBe(true);
    },
  );

  it.each(Object.entries(GUARDS).filter(([, guard]) => 'none' in guard))(
    '%s needs no permission',
    async route => {
      const allNames = Object.values(GUARDS).flatMap(guard =>
        'permissions' in guard ? guard.permissions : [],
      );
      denied = new Set(allNames);
      const res = await send(route);
      expect([401, 403]).not.toContain(res.status);
      expect(res.status).toBeLessThan(500);
    },
  );

  it.each(guarded)('%s lets a caller allowed %j through', async route => {
    denied = new Set();
    const res = await send(route);
    expect([401, 403]).not.toContain(res.status);
    expect(res.status).toBeLessThan(500);
  });
});
