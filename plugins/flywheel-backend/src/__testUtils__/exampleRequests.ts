import { Entity } from '@backstage/catalog-model';

/**
 * One request the spec accepts for each of its operations, so suites that
 * cover every route (audit, permissions, hostile input) reach the code
 * behind validation. `{surveyId}` and `{exemptionId}` are left for the
 * suite to fill with a survey and an exemption it created: their routes
 * look them up before they ask for a permission, as a capability's do
 * (`exampleCapability`, for the suite's catalog).
 */
export type ExampleRequest = {
  /** The path under `/api/flywheel`, with a query string if the route needs one. */
  path: string;
  body?: object;
  /** Backends only: called with service credentials. */
  service?: true;
};

export const exampleSurvey = {
  title: 'Pulse',
  anonymous: true,
  questions: [{ id: 'nps', type: 'nps', title: 'Recommend us?' }],
  audience: { type: 'everyone' },
  schedule: { opensAt: '2026-11-20T00:00:00Z', recurrence: 'none' },
  triggers: [{ type: 'wave-open' }],
  samplingPercent: 100,
};

/** A platform capability (a Resource tagged `capability`) owned by the platform team. */
export const exampleCapability: Entity = {
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Resource',
  metadata: {
    name: 'ci-pipelines',
    namespace: 'default',
    tags: ['capability'],
  },
  spec: { type: 'ci-platform', owner: 'group:default/platform' },
  relations: [{ type: 'ownedBy', targetRef: 'group:default/platform' }],
};

const capability = '/maturity/capabilities/resource/default/ci-pipelines';

export const EXAMPLE_REQUESTS: Record<string, ExampleRequest> = {
  'GET /health': { path: '/health' },
  'GET /golden-paths': { path: '/golden-paths' },
  'GET /golden-paths/adoption': {
    path: '/golden-paths/adoption?groupRef=group:default/payments',
  },
  'GET /golden-paths/provenance': {
    path: '/golden-paths/provenance?entityRef=component:default/checkout',
  },
  'POST /golden-paths/runs': {
    path: '/golden-paths/runs',
    body: {
      taskId: 't1',
      templateRef: 'template:default/ts-service',
      outcome: 'failed',
    },
  },
  'GET /scorecards': { path: '/scorecards' },
  'GET /scorecards/results': {
    path: '/scorecards/results?entityRef=component:default/checkout',
  },
  'POST /scorecards/refresh': {
    path: '/scorecards/refresh',
    body: { entityRef: 'component:default/checkout' },
  },
  'GET /scorecards/rollup': { path: '/scorecards/rollup' },
  'GET /scorecards/leaderboard': {
    path: '/scorecards/leaderboard?scorecardId=golden-path-adoption',
  },
  'GET /scorecards/history': {
    path: '/scorecards/history?scorecardId=golden-path-adoption&scope=scorecard',
  },
  'GET /scorecards/entities': {
    path: '/scorecards/entities?scorecardId=golden-path-adoption',
  },
  'GET /scorecards/exemptions': { path: '/scorecards/exemptions' },
  'POST /scorecards/exemptions': {
    path: '/scorecards/exemptions',
    body: {
      entityRef: 'component:default/checkout',
      scorecardId: 'golden-path-adoption',
      checkId: 'has-techdocs',
      justification: 'A good reason to skip it.',
      // Exemptions expire within a year.
      expiresAt: new Date(Date.now() + 30 * 86_400_000).toISOString(),
    },
  },
  'POST /scorecards/exemptions/{id}/decision': {
    path: '/scorecards/exemptions/{exemptionId}/decision',
    body: { decision: 'approved' },
  },
  'POST /scorecards/exemptions/{id}/revoke': {
    path: '/scorecards/exemptions/{exemptionId}/revoke',
    body: {},
  },
  'GET /surveys': { path: '/surveys' },
  'POST /surveys': { path: '/surveys', body: exampleSurvey },
  'GET /surveys/prompts': { path: '/surveys/prompts' },
  'POST /surveys/triggers': {
    path: '/surveys/triggers',
    body: { event: 'scaffolder.run.completed', userRef: 'user:default/ada' },
    service: true,
  },
  'GET /surveys/{surveyId}': { path: '/surveys/{surveyId}' },
  'PUT /surveys/{surveyId}': {
    path: '/surveys/{surveyId}',
    body: exampleSurvey,
  },
  'POST /surveys/{surveyId}/archive': { path: '/surveys/{surveyId}/archive' },
  'GET /surveys/{surveyId}/waves': { path: '/surveys/{surveyId}/waves' },
  'GET /surveys/{surveyId}/form': { path: '/surveys/{surveyId}/form' },
  'GET /surveys/{surveyId}/preview': { path: '/surveys/{surveyId}/preview' },
  'POST /surveys/{surveyId}/responses': {
    path: '/surveys/{surveyId}/responses',
    body: { waveId: 'w1', answers: [{ questionId: 'nps', value: 9 }] },
  },
  'POST /surveys/{surveyId}/prompt-actions': {
    path: '/surveys/{surveyId}/prompt-actions',
    body: { waveId: 'w1', action: 'dismiss' },
  },
  'GET /surveys/{surveyId}/results': { path: '/surveys/{surveyId}/results' },
  'GET /surveys/{surveyId}/comments': { path: '/surveys/{surveyId}/comments' },
  'PATCH /surveys/{surveyId}/comments/{commentId}': {
    path: '/surveys/{surveyId}/comments/c1',
    body: { resolved: true },
  },
  'GET /metrics': { path: '/metrics' },
  'GET /metrics/{metricId}/series': {
    path: '/metrics/goldenPaths.adoption/series',
  },
  'GET /metrics/{metricId}/comparison': {
    path: '/metrics/goldenPaths.adoption/comparison',
  },
  'POST /deployments': {
    path: '/deployments',
    body: {
      id: 'deploy-1',
      entityRef: 'component:default/checkout',
      startedDate: '2026-12-01T10:00:00Z',
      finishedDate: '2026-12-01T10:05:00Z',
    },
    service: true,
  },
  'POST /usage/events': {
    path: '/usage/events',
    body: {
      events: [
        {
          action: 'navigate',
          subject: '/catalog',
          context: { pluginId: 'catalog' },
          timestamp: '2026-12-01T10:00:00Z',
        },
      ],
    },
  },
  'GET /usage/breakdown': { path: '/usage/breakdown' },
  'GET /maturity/capabilities': { path: '/maturity/capabilities' },
  'GET /maturity/capabilities/{kind}/{namespace}/{name}': { path: capability },
  'GET /maturity/capabilities/{kind}/{namespace}/{name}/history': {
    path: `${capability}/history`,
  },
  'POST /maturity/capabilities/{kind}/{namespace}/{name}/transitions': {
    path: `${capability}/transitions`,
    body: { toStage: 'production-readiness', rationale: 'Ready' },
  },
  'POST /maturity/capabilities/{kind}/{namespace}/{name}/attestations': {
    path: `${capability}/attestations`,
    body: {
      stageId: 'mvp',
      criterionId: 'golden-paths-defined',
      evidenceUrl: 'https://wiki.example/paths',
      note: 'Validated',
    },
  },
  'POST /maturity/capabilities/{kind}/{namespace}/{name}/waivers': {
    path: `${capability}/waivers`,
    body: { stageId: 'mvp', criterionId: 'baseline-nps', reason: 'None' },
  },
  'GET /maturity/history': { path: '/maturity/history' },
  'GET /maturity/models': { path: '/maturity/models' },
  'GET /maturity/outcomes': { path: '/maturity/outcomes' },
  'PUT /maturity/outcomes/targets/{key}': {
    path: '/maturity/outcomes/targets/goldenPaths.adoption',
    body: { value: 60 },
  },
  'DELETE /maturity/outcomes/targets/{key}': {
    path: '/maturity/outcomes/targets/goldenPaths.adoption',
  },
  'POST /privacy/erasures': {
    path: '/privacy/erasures',
    body: { userRef: 'user:default/nobody' },
    service: true,
  },
  'GET /campaigns': { path: '/campaigns' },
  'POST /campaigns': {
    path: '/campaigns',
    body: {
      id: 'ts-path',
      title: 'Services onto the TS path',
      description: 'Every service on ts-service.',
      ownerRef: 'group:default/platform',
      cohort: { types: ['service'] },
      goal: { type: 'goldenPath', templateRef: 'template:default/ts-service' },
      startsAt: '2026-01-01',
      deadline: '2099-01-01',
    },
  },
  'GET /campaigns/memberships': {
    path: '/campaigns/memberships?entityRef=component:default/checkout',
  },
  'GET /campaigns/{campaignId}': { path: '/campaigns/ts-path' },
  'POST /campaigns/{campaignId}/close': {
    path: '/campaigns/ts-path/close',
    body: { note: 'Done' },
  },
  'GET /campaigns/{campaignId}/progress': {
    path: '/campaigns/ts-path/progress',
  },
  'GET /campaigns/{campaignId}/teams': { path: '/campaigns/ts-path/teams' },
  'GET /campaigns/{campaignId}/items': { path: '/campaigns/ts-path/items' },
};
