// A fake Backstage backend for App.test.tsx, answered over HTTP by msw: the
// guest sign-in, the catalog and the Flywheel backend (`/api/flywheel`), with
// responses shaped like the real ones (see plugins/flywheel's test data).
import { Entity, stringifyEntityRef } from '@backstage/catalog-model';
import {
  CampaignMembershipsResponse,
  Campaign,
  EntityProvenanceResponse,
  EntityResultsResponse,
  GoldenPathsResponse,
  GroupAdoptionResponse,
  GroupRollupResponse,
  MaturityCapabilitiesResponse,
  MaturityHistoryResponse,
  MetricDefinition,
  MetricSeriesResponse,
  OutcomesResponse,
  ScorecardHistoryResponse,
  ScorecardInfo,
  ScorecardsResponse,
  SurveyPrompt,
} from '@flywheel/plugin-flywheel-common';
import type { ScorecardEntitiesPage } from '@flywheel/plugin-flywheel';
import { http, HttpResponse } from 'msw';

export const BACKEND = 'http://localhost:7007';
const CATALOG = `${BACKEND}/api/catalog`;
export const FLYWHEEL = `${BACKEND}/api/flywheel`;

// --- Sign-in ----------------------------------------------------------------

function base64Url(value: object) {
  return window
    .btoa(JSON.stringify(value))
    .replace(/=+$/, '')
    .replace(/\+/g, '-')
    .replace(/\//g, '_');
}

/** The guest's Backstage token: a JWT valid for an hour (not signed). */
export const GUEST_TOKEN = [
  base64Url({ alg: 'none', typ: 'vnd.backstage.user' }),
  base64Url({
    sub: 'user:development/guest',
    ent: ['user:development/guest', 'group:default/commerce'],
    exp: Math.floor(Date.now() / 1000) + 3600,
  }),
  'unsigned',
].join('.');

const guestSession = {
  profile: { displayName: 'Guest' },
  backstageIdentity: {
    token: GUEST_TOKEN,
    identity: {
      type: 'user',
      userEntityRef: 'user:development/guest',
      ownershipEntityRefs: ['user:development/guest', 'group:default/commerce'],
    },
  },
};

// --- Catalog ------------------------------------------------------------------

function group(name: string, title: string, parent?: string): Entity {
  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Group',
    metadata: { name, namespace: 'default', title, uid: `uid-${name}` },
    spec: {
      type: 'team',
      children: [],
      ...(parent ? { parent } : {}),
    },
    relations: parent
      ? [{ type: 'childOf', targetRef: `group:default/${parent}` }]
      : [],
  };
}

export const checkoutApi: Entity = {
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Component',
  metadata: {
    name: 'checkout-api',
    namespace: 'default',
    title: 'Checkout API',
    description: 'Takes the money.',
    uid: 'uid-checkout-api',
    annotations: {
      'backstage.io/source-template': 'template:default/typescript-service',
    },
  },
  spec: { type: 'service', lifecycle: 'production', owner: 'checkout' },
  relations: [{ type: 'ownedBy', targetRef: 'group:default/checkout' }],
};

export const commerce: Entity = {
  ...group('commerce', 'Commerce', 'acme'),
  spec: {
    type: 'team',
    parent: 'acme',
    children: ['checkout', 'payments-core'],
  },
  relations: [
    { type: 'childOf', targetRef: 'group:default/acme' },
    { type: 'parentOf', targetRef: 'group:default/checkout' },
    { type: 'parentOf', targetRef: 'group:default/payments-core' },
  ],
};

const typescriptTemplate: Entity = {
  apiVersion: 'scaffolder.backstage.io/v1beta3',
  kind: 'Template',
  metadata: {
    name: 'typescript-service',
    namespace: 'default',
    title: 'TypeScript HTTP service',
    uid: 'uid-typescript-service',
    labels: { 'flywheel.dev/golden-path': 'true' },
    annotations: { 'flywheel.dev/template-version': '1.2.0' },
  },
  spec: { type: 'service', owner: 'platform-devex', steps: [] },
};

export const catalogEntities: Entity[] = [
  checkoutApi,
  commerce,
  typescriptTemplate,
  group('acme', 'Acme'),
  group('checkout', 'Checkout', 'commerce'),
  group('payments-core', 'Payments core', 'commerce'),
  group('platform-devex', 'Platform DevEx', 'acme'),
];

function findEntity(ref: string): Entity | undefined {
  return catalogEntities.find(e => stringifyEntityRef(e) === ref);
}

// --- Flywheel: golden paths ---------------------------------------------------

const months = ['2026-05', '2026-06', '2026-07', '2026-08', '2026-09'];

export const goldenPaths: GoldenPathsResponse = {
  items: [
    {
      templateRef: 'template:default/typescript-service',
      name: 'typescript-service',
      title: 'TypeScript HTTP service',
      description: 'The recommended way to start a backend service at Acme.',
      owner: 'group:default/platform-devex',
      type: 'service',
      tags: ['typescript'],
      version: '1.2.0',
      changelog: '## 1.2.0\n- Added: health check.',
      servicesCreated: 6,
      adoptionPercent: 42.9,
      runs: { total: 14, succeeded: 13, failed: 1, successRate: 13 / 14 },
      medianCreationSeconds: 125,
      drifted: [],
      creationsByMonth: months.map((month, i) => ({ month, count: i % 2 })),
    },
  ],
  totals: { components: 14, fromGoldenPaths: 6, adoptionPercent: 42.9 },
};

export const checkoutProvenance: EntityProvenanceResponse = {
  entityRef: 'component:default/checkout-api',
  fromTemplate: true,
  templateRef: 'template:default/typescript-service',
  isGoldenPath: true,
  templateTitle: 'TypeScript HTTP service',
  templateVersion: '1.0.0',
  currentVersion: '1.2.0',
  drifted: true,
  createdAt: '2025-11-20T10:00:00Z',
};

export const commerceAdoption: GroupAdoptionResponse = {
  groupRef: 'group:default/commerce',
  groupRefs: [
    'group:default/commerce',
    'group:default/checkout',
    'group:default/payments-core',
  ],
  totalComponents: 3,
  fromGoldenPaths: 2,
  adoptionPercent: 66.7,
  paths: [
    {
      templateRef: 'template:default/typescript-service',
      title: 'TypeScript HTTP service',
      count: 2,
      percent: 66.7,
    },
  ],
  components: [],
};

// --- Flywheel: metrics --------------------------------------------------------

function valueStreamMetric(
  id: string,
  title: string,
  unit: MetricDefinition['unit'],
  direction: MetricDefinition['direction'],
): MetricDefinition {
  return {
    id,
    title,
    description: title,
    domain: 'valueStream',
    unit,
    direction,
    scopes: ['entity', 'group', 'goldenPath', 'org'],
    aggregation: 'median',
    comparable: true,
  };
}

const valueStreamMetrics: MetricDefinition[] = [
  valueStreamMetric(
    'valueStream.timeToFirstDeploy.median',
    'Time to first deploy (median)',
    'seconds',
    'lower',
  ),
  valueStreamMetric(
    'valueStream.leadTime.median',
    'Lead time for changes (median)',
    'seconds',
    'lower',
  ),
  valueStreamMetric(
    'valueStream.deploymentFrequency',
    'Deployment frequency',
    'perWeek',
    'higher',
  ),
  valueStreamMetric(
    'valueStream.changeFailureRate',
    'Change failure rate',
    'percent',
    'lower',
  ),
];

const WEEKS = ['2026-06-22', '2026-06-29', '2026-07-06', '2026-07-13'];

function weekEnd(start: string) {
  const end = new Date(`${start}T00:00:00.000Z`);
  end.setUTCDate(end.getUTCDate() + 7);
  return end.toISOString();
}

function scopeOf(url: URL): MetricSeriesResponse['scope'] {
  const groupRef = url.searchParams.get('groupRef');
  if (groupRef) {
    return { kind: 'group', ref: groupRef };
  }
  const entityRef = url.searchParams.get('entityRef');
  if (entityRef) {
    return { kind: 'entity', ref: entityRef };
  }
  return { kind: 'org' };
}

function series(metric: MetricDefinition, url: URL): MetricSeriesResponse {
  const from = `${WEEKS[0]}T00:00:00.000Z`;
  const to = weekEnd(WEEKS[WEEKS.length - 1]);
  return {
    metric,
    scope: scopeOf(url),
    from,
    to,
    interval: 'week',
    points: WEEKS.map((start, i) => ({
      start: `${start}T00:00:00.000Z`,
      end: weekEnd(start),
      value: 2 + i,
      sampleSize: 5,
    })),
    total: { start: from, end: to, value: 3, sampleSize: 20 },
  };
}

// --- Flywheel: campaigns ------------------------------------------------------

export const techdocsCampaign: Campaign = {
  id: 'techdocs-everywhere',
  title: 'TechDocs everywhere',
  description: 'Every service publishes its documentation in Backstage.',
  ownerRef: 'group:default/platform-devex',
  cohort: { kinds: ['Component'], types: ['service'] },
  goal: {
    type: 'check',
    scorecardId: 'golden-path-adoption',
    checkId: 'has-techdocs',
  },
  automation: {
    templateRef: 'template:default/add-techdocs',
    entityParameter: 'component',
  },
  startsAt: '2026-10-01',
  deadline: '2026-12-31',
  source: 'api',
  state: 'running',
  goalText: 'Golden path adoption: the check "Has TechDocs" passes',
  createdAt: '2026-09-28T09:00:00.000Z',
  progress: { cohort: 20, met: 12, open: 6, exempt: 2, percent: 66.7 },
};

export const checkoutMemberships: CampaignMembershipsResponse = {
  items: [
    {
      campaign: techdocsCampaign,
      item: {
        entityRef: 'component:default/checkout-api',
        title: 'Checkout API',
        ownerRef: 'group:default/checkout',
        state: 'open',
        reason: 'The annotation backstage.io/techdocs-ref is missing',
      },
    },
  ],
};

export const commerceMemberships: CampaignMembershipsResponse = {
  items: [
    {
      campaign: techdocsCampaign,
      team: { cohort: 12, met: 7, open: 4, exempt: 1, percent: 63.6 },
    },
  ],
};

// --- Flywheel: scorecards -----------------------------------------------------

const counts = (partial: Partial<Record<string, number>>) => ({
  pass: 0,
  warn: 0,
  fail: 0,
  'not-applicable': 0,
  unknown: 0,
  exempt: 0,
  ...partial,
});

export const goldenPathScorecard: ScorecardInfo = {
  id: 'golden-path-adoption',
  title: 'Golden path adoption',
  description: 'How far services are on the paved road.',
  levels: [
    { id: 'bronze', title: 'Bronze' },
    { id: 'silver', title: 'Silver' },
    { id: 'gold', title: 'Gold' },
  ],
  source: 'default',
  checks: [
    {
      id: 'has-owner',
      title: 'Owned by a team',
      type: 'catalog.relation',
      level: 'bronze',
      weight: 1,
      severity: 'error',
    },
    {
      id: 'current-template-version',
      title: 'On the current golden-path version',
      type: 'goldenPath.currentVersion',
      level: 'silver',
      weight: 1,
      severity: 'error',
      howToFix: 'Upgrade to the current version of the golden path.',
    },
  ],
};

const scorecards: ScorecardsResponse = { items: [goldenPathScorecard] };

export const checkoutResults: EntityResultsResponse = {
  entityRef: 'component:default/checkout-api',
  results: [
    {
      scorecardId: 'golden-path-adoption',
      entityRef: 'component:default/checkout-api',
      ownerRef: 'group:default/checkout',
      level: 'bronze',
      score: 50,
      counts: counts({ pass: 1, fail: 1 }),
      evaluatedAt: '2026-07-20T08:00:00Z',
      checks: [
        {
          checkId: 'has-owner',
          state: 'pass',
          reason: 'Owned by group:default/checkout',
        },
        {
          checkId: 'current-template-version',
          state: 'fail',
          reason: 'Created from 1.0.0; the golden path is at 1.2.0',
          value: '1.0.0',
        },
      ],
    },
  ],
};

export const commerceRollup: GroupRollupResponse = {
  groupRef: 'group:default/commerce',
  rollups: [
    {
      scorecardId: 'golden-path-adoption',
      entityCount: 5,
      averageScore: 62.4,
      levels: { none: 1, bronze: 2, silver: 2 },
      checks: [
        {
          checkId: 'current-template-version',
          counts: counts({ pass: 1, fail: 4 }),
          passRate: 0.2,
        },
        {
          checkId: 'has-owner',
          counts: counts({ pass: 5 }),
          passRate: 1,
        },
      ],
      subTeams: [
        {
          groupRef: 'group:default/checkout',
          entityCount: 3,
          averageScore: 66.7,
          levels: { bronze: 1, silver: 2 },
          checks: [
            { checkId: 'current-template-version', passRate: 1 / 3 },
            { checkId: 'has-owner', passRate: 1 },
          ],
        },
        {
          groupRef: 'group:default/payments-core',
          entityCount: 2,
          averageScore: 50,
          levels: { none: 1, bronze: 1 },
          checks: [
            { checkId: 'current-template-version', passRate: 0 },
            { checkId: 'has-owner', passRate: 1 },
          ],
        },
      ],
    },
  ],
};

const commerceEntities: ScorecardEntitiesPage = {
  totalCount: 1,
  items: [
    {
      scorecardId: 'golden-path-adoption',
      entityRef: 'component:default/checkout-api',
      ownerRef: 'group:default/checkout',
      level: 'bronze',
      score: 50,
      counts: counts({ pass: 1, fail: 1 }),
      evaluatedAt: '2026-07-20T08:00:00Z',
    },
  ],
};

function history(url: URL): ScorecardHistoryResponse {
  return {
    scorecardId: url.searchParams.get('scorecardId') ?? 'golden-path-adoption',
    scope: url.searchParams.get('groupRef') ? 'group' : 'entity',
    points: [],
  };
}

// --- Flywheel: the product dashboard (Overview tab) ---------------------------

const capabilities: MaturityCapabilitiesResponse = {
  items: [],
  stages: [
    { id: 'experimental', title: 'Experimental' },
    { id: 'beta', title: 'Beta' },
    { id: 'ga', title: 'Generally available' },
  ],
};

export const outcomes: OutcomesResponse = {
  from: `${WEEKS[0]}T00:00:00.000Z`,
  to: weekEnd(WEEKS[WEEKS.length - 1]),
  interval: 'week',
  items: [
    {
      family: 'satisfaction',
      key: 'surveys.*.nps',
      title: 'Developer NPS',
      metric: {
        id: 'surveys.platform-nps.nps',
        title: 'Platform NPS',
        description: 'Net promoter score of the platform survey.',
        domain: 'surveys',
        unit: 'score',
        direction: 'higher',
        scopes: ['org', 'group'],
        aggregation: 'latest',
        comparable: false,
      },
      points: WEEKS.map((start, i) => ({
        start: `${start}T00:00:00.000Z`,
        end: weekEnd(start),
        value: [20, null, 25, 32][i],
        sampleSize: i === 1 ? 0 : 10,
      })),
      current: 32,
      previous: 25,
      change: 7,
      target: { value: 30, source: 'config' },
      onTarget: true,
    },
  ],
};

const maturityHistory: MaturityHistoryResponse = { items: [] };

// --- Flywheel: surveys --------------------------------------------------------

/** An open survey wave the guest is due to answer. */
export const npsPrompt: SurveyPrompt = {
  surveyId: 'dx-nps',
  waveId: 'wave-3',
  title: 'Developer experience',
  anonymous: false,
  closesAt: new Date(Date.now() + 7 * 24 * 3600 * 1000).toISOString(),
  questions: [
    {
      id: 'recommend',
      type: 'nps',
      title: 'How likely are you to recommend Backstage to a colleague?',
    },
  ],
};

// --- Handlers -------------------------------------------------------------------

/** What the test changes per case. */
export interface BackendOptions {
  /** The surveys `GET /surveys/prompts` offers (none by default). */
  surveyPrompts?: SurveyPrompt[];
}

function byQuery<T>(
  param: string,
  answers: Record<string, T>,
): Parameters<typeof http.get>[1] {
  return ({ request }) => {
    const ref = new URL(request.url).searchParams.get(param) ?? '';
    return ref in answers
      ? HttpResponse.json(answers[ref] as object)
      : HttpResponse.json(
          { error: { name: 'NotFoundError', message: `No ${ref}` } },
          { status: 404 },
        );
  };
}

export function backendHandlers(options: BackendOptions = {}) {
  return [
    // Guest sign-in through the auth backend, as the guest provider does.
    http.get(`${BACKEND}/api/auth/guest/refresh`, () =>
      HttpResponse.json(guestSession),
    ),

    // Catalog
    http.get(
      `${CATALOG}/entities/by-name/:kind/:namespace/:name`,
      ({ params }) => {
        const entity = findEntity(
          `${params.kind}:${params.namespace}/${params.name}`.toLowerCase(),
        );
        return entity
          ? HttpResponse.json(entity)
          : HttpResponse.json(
              { error: { name: 'NotFoundError', message: 'Not found' } },
              { status: 404 },
            );
      },
    ),
    http.post(`${CATALOG}/entities/by-refs`, async ({ request }) => {
      const { entityRefs } = (await request.json()) as { entityRefs: string[] };
      return HttpResponse.json({
        items: entityRefs.map(ref => findEntity(ref) ?? null),
      });
    }),
    http.get(`${CATALOG}/entities`, ({ request }) => {
      const filter = new URL(request.url).searchParams.get('filter') ?? '';
      const kind = /kind=([^,]+)/i.exec(filter)?.[1]?.toLowerCase();
      return HttpResponse.json(
        catalogEntities.filter(
          e => !kind || e.kind.toLocaleLowerCase('en-US') === kind,
        ),
      );
    }),

    // Flywheel
    http.get(`${FLYWHEEL}/golden-paths`, () => HttpResponse.json(goldenPaths)),
    http.get(
      `${FLYWHEEL}/golden-paths/provenance`,
      byQuery('entityRef', {
        'component:default/checkout-api': checkoutProvenance,
      }),
    ),
    http.get(
      `${FLYWHEEL}/golden-paths/adoption`,
      byQuery('groupRef', { 'group:default/commerce': commerceAdoption }),
    ),
    http.get(`${FLYWHEEL}/metrics/:metricId/series`, ({ params, request }) => {
      const metric = valueStreamMetrics.find(m => m.id === params.metricId);
      return metric
        ? HttpResponse.json(series(metric, new URL(request.url)))
        : HttpResponse.json(
            { error: { name: 'NotFoundError', message: 'No such metric' } },
            { status: 404 },
          );
    }),
    http.get(`${FLYWHEEL}/campaigns/memberships`, ({ request }) => {
      const params = new URL(request.url).searchParams;
      return HttpResponse.json(
        params.get('groupRef') === 'group:default/commerce'
          ? commerceMemberships
          : checkoutMemberships,
      );
    }),
    http.get(`${FLYWHEEL}/scorecards`, () => HttpResponse.json(scorecards)),
    http.get(
      `${FLYWHEEL}/scorecards/results`,
      byQuery('entityRef', {
        'component:default/checkout-api': checkoutResults,
      }),
    ),
    http.get(
      `${FLYWHEEL}/scorecards/rollup`,
      byQuery('groupRef', { 'group:default/commerce': commerceRollup }),
    ),
    http.get(`${FLYWHEEL}/scorecards/entities`, () =>
      HttpResponse.json(commerceEntities),
    ),
    http.get(`${FLYWHEEL}/scorecards/history`, ({ request }) =>
      HttpResponse.json(history(new URL(request.url))),
    ),
    http.get(`${FLYWHEEL}/scorecards/exemptions`, () =>
      HttpResponse.json({ items: [] }),
    ),
    http.get(`${FLYWHEEL}/maturity/capabilities`, () =>
      HttpResponse.json(capabilities),
    ),
    http.get(`${FLYWHEEL}/maturity/outcomes`, () =>
      HttpResponse.json(outcomes),
    ),
    http.get(`${FLYWHEEL}/maturity/history`, () =>
      HttpResponse.json(maturityHistory),
    ),
    http.get(`${FLYWHEEL}/surveys/prompts`, () =>
      HttpResponse.json({ items: options.surveyPrompts ?? [] }),
    ),
  ];
}
