// Realistic responses of the Flywheel backend and helpers, shared by tests.
import { ResponseError } from '@backstage/errors';
import { entityRouteRef } from '@backstage/plugin-catalog-react';
import { within } from '@testing-library/react';
import {
  CheckStateCounts,
  EntityProvenanceResponse,
  EntityResultsResponse,
  GoldenPathsResponse,
  GroupAdoptionResponse,
  GroupRollupResponse,
  LeaderboardResponse,
  ScorecardExemption,
  ScorecardHistoryResponse,
  ScorecardInfo,
  ScorecardsResponse,
} from '@flywheel/plugin-flywheel-common';
import { FlywheelApi, ScorecardEntitiesPage } from '../api';

const months = [
  '2025-08',
  '2025-09',
  '2025-10',
  '2025-11',
  '2025-12',
  '2026-01',
  '2026-02',
  '2026-03',
  '2026-04',
  '2026-05',
  '2026-06',
  '2026-07',
];

export const goldenPathsResponse: GoldenPathsResponse = {
  items: [
    {
      templateRef: 'template:default/typescript-service',
      name: 'typescript-service',
      title: 'TypeScript HTTP service',
      description: 'The recommended way to start a backend service at Acme.',
      owner: 'group:default/platform-devex',
      type: 'service',
      tags: ['typescript', 'service', 'recommended'],
      version: '1.2.0',
      changelog:
        '## 1.2.0 (2026-07-13)\n- Added: Dockerfile `HEALTHCHECK`.\n\n## 1.1.0 (2026-03-09)\n- Added: TechDocs.',
      servicesCreated: 6,
      adoptionPercent: 42.9,
      runs: { total: 14, succeeded: 13, failed: 1, successRate: 13 / 14 },
      medianCreationSeconds: 125,
      drifted: [
        {
          entityRef: 'component:default/checkout-api',
          title: 'Checkout API',
          owner: 'group:default/payments',
          templateRef: 'template:default/typescript-service',
          templateVersion: '1.0.0',
          createdAt: '2025-11-20T10:00:00Z',
          drifted: true,
        },
      ],
      creationsByMonth: months.map((month, i) => ({
        month,
        count: [0, 0, 0, 1, 0, 1, 0, 2, 0, 1, 0, 1][i],
      })),
    },
    {
      templateRef: 'template:default/react-webapp',
      name: 'react-webapp',
      title: 'React web app',
      description: 'A single-page web app with the Acme design system.',
      owner: 'group:default/platform-devex',
      type: 'website',
      tags: ['react'],
      version: '2.0.0',
      servicesCreated: 2,
      adoptionPercent: 14.3,
      runs: { total: 0, succeeded: 0, failed: 0, successRate: null },
      medianCreationSeconds: null,
      drifted: [],
      creationsByMonth: months.map(month => ({ month, count: 0 })),
    },
  ],
  totals: { components: 14, fromGoldenPaths: 8, adoptionPercent: 57.1 },
};

export const emptyGoldenPathsResponse: GoldenPathsResponse = {
  items: [],
  totals: { components: 14, fromGoldenPaths: 0, adoptionPercent: 0 },
};

export const paymentsAdoption: GroupAdoptionResponse = {
  groupRef: 'group:default/payments',
  groupRefs: ['group:default/payments', 'group:default/payments-core'],
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
    {
      templateRef: 'template:default/react-webapp',
      title: 'React web app',
      count: 0,
      percent: 0,
    },
  ],
  components: [
    {
      entityRef: 'component:default/checkout-api',
      title: 'Checkout API',
      owner: 'group:default/payments',
      templateRef: 'template:default/typescript-service',
      templateVersion: '1.0.0',
      drifted: true,
    },
    {
      entityRef: 'component:default/legacy-billing',
      title: 'Legacy billing',
      owner: 'group:default/payments-core',
      drifted: false,
    },
    {
      entityRef: 'component:default/payments-gateway',
      title: 'Payments gateway',
      owner: 'group:default/payments-core',
      templateRef: 'template:default/typescript-service',
      templateVersion: '1.2.0',
      drifted: false,
    },
  ],
};

export const driftedProvenance: EntityProvenanceResponse = {
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

export const upToDateProvenance: EntityProvenanceResponse = {
  ...driftedProvenance,
  entityRef: 'component:default/payments-gateway',
  templateVersion: '1.2.0',
  drifted: false,
  createdAt: '2026-07-14T08:00:00Z',
};

export const handMadeProvenance: EntityProvenanceResponse = {
  entityRef: 'component:default/legacy-billing',
  fromTemplate: false,
  isGoldenPath: false,
  drifted: false,
};

// --- Scorecards -----------------------------------------------------------

const LEVELS = [
  { id: 'bronze', title: 'Bronze' },
  { id: 'silver', title: 'Silver' },
  { id: 'gold', title: 'Gold' },
];

export const goldenPathScorecard: ScorecardInfo = {
  id: 'golden-path-adoption',
  title: 'Golden path adoption',
  description:
    'How far services and websites are on the paved road: owned and placed in a system (Bronze), created from a golden path (Silver), and kept on its current version (Gold).',
  levels: LEVELS,
  source: 'default',
  checks: [
    {
      id: 'has-owner',
      title: 'Owned by a team',
      type: 'catalog.relation',
      level: 'bronze',
      category: 'Ownership',
      weight: 1,
      severity: 'error',
      howToFix:
        'Set `spec.owner` in catalog-info.yaml to the owning team, e.g. `owner: group:default/checkout` (a team, not a person).',
    },
    {
      id: 'in-system',
      title: 'Part of a system',
      type: 'catalog.relation',
      level: 'bronze',
      category: 'Ownership',
      weight: 1,
      severity: 'error',
      howToFix:
        'Add `spec.system` to catalog-info.yaml, e.g. `system: checkout`.',
    },
    {
      id: 'from-golden-path',
      title: 'Created from a golden path',
      type: 'goldenPath.created',
      level: 'silver',
      category: 'Golden path',
      weight: 2,
      severity: 'error',
      howToFix: 'Start new services from a golden path under Create (/create).',
    },
    {
      id: 'current-template-version',
      title: 'On the current golden-path version',
      type: 'goldenPath.currentVersion',
      level: 'gold',
      category: 'Golden path',
      weight: 1,
      severity: 'error',
      howToFix: 'https://docs.acme.example/golden-paths/upgrade',
    },
    {
      id: 'has-techdocs',
      title: 'Has TechDocs',
      type: 'catalog.annotation',
      level: 'gold',
      category: 'Documentation',
      weight: 1,
      severity: 'warn',
      howToFix:
        'Add the annotation `backstage.io/techdocs-ref: dir:.` to catalog-info.yaml.',
    },
  ],
};

export const readinessScorecard: ScorecardInfo = {
  id: 'production-readiness',
  title: 'Production readiness',
  description: 'What a service in production needs.',
  owner: 'group:default/sre',
  levels: LEVELS,
  source: 'config',
  checks: [
    {
      id: 'oncall-rotation',
      title: 'Has an on-call rotation',
      type: 'fact',
      level: 'bronze',
      weight: 2,
      severity: 'error',
      howToFix: 'https://wiki.acme.example/oncall/new-rotation',
    },
    {
      id: 'runbook',
      title: 'Has a runbook',
      type: 'fact',
      level: 'silver',
      weight: 1,
      severity: 'error',
    },
    {
      id: 'quiet-pager',
      title: 'At most 10 pages in 30 days',
      type: 'fact',
      level: 'gold',
      weight: 1,
      severity: 'warn',
      howToFix: 'Review noisy alerts in the on-call tool.',
    },
  ],
};

export const scorecardsResponse: ScorecardsResponse = {
  items: [goldenPathScorecard, readinessScorecard],
};

export function counts(partial: Partial<CheckStateCounts>): CheckStateCounts {
  return {
    pass: 0,
    warn: 0,
    fail: 0,
    'not-applicable': 0,
    unknown: 0,
    exempt: 0,
    ...partial,
  };
}

/** checkout-api: Silver on golden-path adoption (Gold blocked), no level on readiness. */
export const checkoutResults: EntityResultsResponse = {
  entityRef: 'component:default/checkout-api',
  results: [
    {
      scorecardId: 'golden-path-adoption',
      entityRef: 'component:default/checkout-api',
      ownerRef: 'group:default/checkout',
      level: 'silver',
      score: 66.7,
      counts: counts({ pass: 4, fail: 1, warn: 1 }),
      evaluatedAt: '2026-07-20T08:00:00Z',
      checks: [
        {
          checkId: 'has-owner',
          state: 'pass',
          reason: 'Owned by group:default/checkout',
        },
        {
          checkId: 'in-system',
          state: 'pass',
          reason: 'Part of system:default/checkout',
        },
        {
          checkId: 'from-golden-path',
          state: 'pass',
          reason: 'Created from template:default/typescript-service',
        },
        {
          checkId: 'current-template-version',
          state: 'fail',
          reason: 'Created from 1.0.0; the golden path is at 1.2.0',
          value: '1.0.0',
        },
        {
          checkId: 'has-techdocs',
          state: 'warn',
          reason: 'No annotation backstage.io/techdocs-ref',
        },
      ],
    },
    {
      scorecardId: 'production-readiness',
      entityRef: 'component:default/checkout-api',
      ownerRef: 'group:default/checkout',
      score: 0,
      counts: counts({ unknown: 1, exempt: 1, 'not-applicable': 1 }),
      evaluatedAt: '2026-07-20T08:00:00Z',
      checks: [
        {
          checkId: 'oncall-rotation',
          state: 'unknown',
          reason: 'The oncall provider has no fact rotation for this entity',
        },
        {
          checkId: 'runbook',
          state: 'exempt',
          reason: 'Exempt until Sep 1, 2026: the runbook lives in the SRE wiki',
        },
        {
          checkId: 'quiet-pager',
          state: 'not-applicable',
          reason: 'Not paged: no alerting configured',
        },
      ],
    },
  ],
};

/** checkout-api after a refresh: the upgrade landed, Gold reached. */
export const refreshedCheckoutResults: EntityResultsResponse = {
  ...checkoutResults,
  results: [
    {
      ...checkoutResults.results[0],
      level: 'gold',
      score: 85.7,
      counts: counts({ pass: 5, warn: 1 }),
      evaluatedAt: '2026-07-20T09:30:00Z',
      checks: checkoutResults.results[0].checks.map(c =>
        c.checkId === 'current-template-version'
          ? { ...c, state: 'pass', reason: 'On the current version 1.2.0' }
          : c,
      ),
    },
    checkoutResults.results[1],
  ],
};

export const pendingExemption: ScorecardExemption = {
  id: 'ex-1',
  entityRef: 'component:default/checkout-api',
  scorecardId: 'golden-path-adoption',
  checkId: 'current-template-version',
  justification: 'Upgrade is planned for the Q3 freeze window',
  requestedBy: 'user:default/priya.raman',
  requestedAt: '2026-07-19T10:00:00Z',
  expiresAt: '2026-10-17T10:00:00Z',
  status: 'pending',
  expired: false,
};

export const approvedExemption: ScorecardExemption = {
  id: 'ex-2',
  entityRef: 'component:default/checkout-api',
  scorecardId: 'production-readiness',
  checkId: 'runbook',
  justification: 'The runbook lives in the SRE wiki until the migration',
  requestedBy: 'user:default/priya.raman',
  requestedAt: '2026-06-01T10:00:00Z',
  expiresAt: '2026-09-01T00:00:00Z',
  status: 'approved',
  decidedBy: 'user:default/helena.kowalski',
  decidedAt: '2026-06-02T09:00:00Z',
  decisionNote: 'Fine until the wiki migration',
  expired: false,
};

export const rejectedExemption: ScorecardExemption = {
  ...pendingExemption,
  id: 'ex-3',
  checkId: 'has-techdocs',
  justification: 'Nobody reads docs for this service',
  requestedAt: '2026-05-01T10:00:00Z',
  status: 'rejected',
  decidedBy: 'user:default/helena.kowalski',
  decidedAt: '2026-05-02T10:00:00Z',
  decisionNote: 'Docs are required for on-call handover',
};

/** Commerce with its two sub-teams, checkout and payments-core. */
export const commerceRollup: GroupRollupResponse = {
  groupRef: 'group:default/commerce',
  rollups: [
    {
      scorecardId: 'golden-path-adoption',
      entityCount: 5,
      averageScore: 62.4,
      levels: { none: 1, bronze: 1, silver: 2, gold: 1 },
      checks: [
        {
          checkId: 'current-template-version',
          counts: counts({ pass: 1, fail: 3, 'not-applicable': 1 }),
          passRate: 0.25,
        },
        {
          checkId: 'from-golden-path',
          counts: counts({ pass: 3, fail: 1, exempt: 1 }),
          passRate: 0.75,
        },
        {
          checkId: 'has-owner',
          counts: counts({ pass: 5 }),
          passRate: 1,
        },
        {
          checkId: 'has-techdocs',
          counts: counts({ pass: 2, warn: 3 }),
          passRate: 0.4,
        },
        {
          checkId: 'in-system',
          counts: counts({ pass: 4, unknown: 1 }),
          passRate: 0.8,
        },
      ],
      subTeams: [
        {
          groupRef: 'group:default/checkout',
          entityCount: 3,
          averageScore: 71.3,
          levels: { bronze: 1, silver: 1, gold: 1 },
          checks: [
            { checkId: 'current-template-version', passRate: 1 / 3 },
            { checkId: 'from-golden-path', passRate: 1 },
            { checkId: 'has-owner', passRate: 1 },
            { checkId: 'has-techdocs', passRate: 2 / 3 },
            { checkId: 'in-system', passRate: 1 },
          ],
        },
        {
          groupRef: 'group:default/payments-core',
          entityCount: 2,
          averageScore: 49,
          levels: { none: 1, silver: 1 },
          checks: [
            { checkId: 'current-template-version', passRate: 0 },
            { checkId: 'from-golden-path', passRate: 0.5 },
            { checkId: 'has-owner', passRate: 1 },
            { checkId: 'has-techdocs', passRate: 0 },
            { checkId: 'in-system', passRate: 0.5 },
          ],
        },
      ],
    },
    {
      scorecardId: 'production-readiness',
      entityCount: 0,
      averageScore: null,
      levels: {},
      checks: [],
      subTeams: [],
    },
  ],
};

/** Every team of the org chart below, best average first. */
export const goldenPathLeaderboard: LeaderboardResponse = {
  scorecardId: 'golden-path-adoption',
  items: [
    {
      groupRef: 'group:default/platform',
      parentRef: 'group:default/engineering',
      depth: 2,
      entityCount: 4,
      averageScore: 90,
      levels: { silver: 1, gold: 3 },
    },
    {
      groupRef: 'group:default/checkout',
      parentRef: 'group:default/commerce',
      depth: 2,
      entityCount: 3,
      averageScore: 71.3,
      levels: { bronze: 1, silver: 1, gold: 1 },
    },
    {
      groupRef: 'group:default/engineering',
      parentRef: 'group:default/acme',
      depth: 1,
      entityCount: 7,
      averageScore: 68,
      levels: { none: 1, bronze: 1, silver: 2, gold: 3 },
    },
    {
      groupRef: 'group:default/acme',
      depth: 0,
      entityCount: 12,
      averageScore: 65.7,
      levels: { none: 2, bronze: 2, silver: 4, gold: 4 },
    },
    {
      groupRef: 'group:default/commerce',
      parentRef: 'group:default/acme',
      depth: 1,
      entityCount: 5,
      averageScore: 62.4,
      levels: { none: 1, bronze: 1, silver: 2, gold: 1 },
    },
    {
      groupRef: 'group:default/payments-core',
      parentRef: 'group:default/commerce',
      depth: 2,
      entityCount: 2,
      averageScore: 49,
      levels: { none: 1, silver: 1 },
    },
    {
      groupRef: 'group:default/data',
      parentRef: 'group:default/acme',
      depth: 1,
      entityCount: 0,
      averageScore: null,
      levels: {},
    },
  ],
};

/**
 * The whole catalog: acme, the only top-level group, and two entities
 * without a group owner (no level; they fail ownership and system).
 */
export const catalogRollup: GroupRollupResponse = {
  rollups: [
    {
      scorecardId: 'golden-path-adoption',
      entityCount: 14,
      averageScore: 59.2,
      levels: { none: 4, bronze: 2, silver: 4, gold: 4 },
      checks: [
        {
          checkId: 'current-template-version',
          counts: counts({ pass: 5, fail: 6, 'not-applicable': 3 }),
          passRate: 5 / 11,
        },
        {
          checkId: 'from-golden-path',
          counts: counts({ pass: 9, fail: 5 }),
          passRate: 9 / 14,
        },
        {
          checkId: 'has-owner',
          counts: counts({ pass: 12, fail: 2 }),
          passRate: 12 / 14,
        },
        {
          checkId: 'has-techdocs',
          counts: counts({ pass: 7, warn: 7 }),
          passRate: 0.5,
        },
        {
          checkId: 'in-system',
          counts: counts({ pass: 11, fail: 2, unknown: 1 }),
          passRate: 11 / 14,
        },
      ],
      subTeams: [
        {
          groupRef: 'group:default/acme',
          entityCount: 12,
          averageScore: 65.7,
          levels: { none: 2, bronze: 2, silver: 4, gold: 4 },
          checks: [
            { checkId: 'current-template-version', passRate: 5 / 11 },
            { checkId: 'from-golden-path', passRate: 0.75 },
            { checkId: 'has-owner', passRate: 1 },
            { checkId: 'has-techdocs', passRate: 0.5 },
            { checkId: 'in-system', passRate: 11 / 12 },
          ],
        },
      ],
    },
  ],
};

function group(
  name: string,
  title: string,
  parent?: string,
): {
  apiVersion: string;
  kind: string;
  metadata: { name: string; namespace: string; title: string };
  spec: { type: string; children: string[]; parent?: string };
  relations: { type: string; targetRef: string }[];
} {
  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Group',
    metadata: { name, namespace: 'default', title },
    spec: { type: 'team', children: [], ...(parent ? { parent } : {}) },
    relations: parent
      ? [{ type: 'childOf', targetRef: `group:default/${parent}` }]
      : [],
  };
}

/** The org chart behind the leaderboard. */
export const orgGroups = [
  group('acme', 'Acme'),
  group('engineering', 'Engineering', 'acme'),
  group('commerce', 'Commerce', 'acme'),
  group('data', 'Data', 'acme'),
  group('platform', 'Platform', 'engineering'),
  group('checkout', 'Checkout', 'commerce'),
  group('payments-core', 'Payments core', 'commerce'),
];

export const groupHistory: ScorecardHistoryResponse = {
  scorecardId: 'golden-path-adoption',
  scope: 'group',
  ref: 'group:default/commerce',
  points: [
    {
      day: '2026-07-18',
      entityCount: 5,
      averageScore: 55,
      passRate: 0.6,
      levels: { none: 2, bronze: 1, silver: 2 },
    },
    {
      day: '2026-07-19',
      entityCount: 5,
      averageScore: 58.2,
      passRate: 0.62,
      levels: { none: 1, bronze: 2, silver: 2 },
    },
    {
      day: '2026-07-20',
      entityCount: 5,
      averageScore: 62.4,
      passRate: 0.66,
      levels: { none: 1, bronze: 1, silver: 2, gold: 1 },
    },
  ],
};

export const entityHistory: ScorecardHistoryResponse = {
  scorecardId: 'golden-path-adoption',
  scope: 'entity',
  ref: 'component:default/checkout-api',
  points: [
    {
      day: '2026-07-18',
      entityCount: 1,
      averageScore: 50,
      passRate: 0.5,
      levels: { bronze: 1 },
    },
    {
      day: '2026-07-19',
      entityCount: 1,
      averageScore: 66.7,
      passRate: 0.67,
      levels: { silver: 1 },
    },
  ],
};

export const emptyHistory = (
  scope: ScorecardHistoryResponse['scope'],
): ScorecardHistoryResponse => ({
  scorecardId: 'golden-path-adoption',
  scope,
  points: [],
});

export const commerceEntities: ScorecardEntitiesPage = {
  totalCount: 2,
  items: [
    {
      scorecardId: 'golden-path-adoption',
      entityRef: 'component:default/checkout-api',
      ownerRef: 'group:default/checkout',
      level: 'silver',
      score: 66.7,
      counts: counts({ pass: 4, fail: 1, warn: 1 }),
      evaluatedAt: '2026-07-20T08:00:00Z',
    },
    {
      scorecardId: 'golden-path-adoption',
      entityRef: 'component:default/legacy-billing',
      ownerRef: 'group:default/payments-core',
      score: 20,
      counts: counts({ pass: 1, fail: 3, unknown: 1 }),
      evaluatedAt: '2026-07-20T08:00:00Z',
    },
  ],
};

/** A FlywheelApi whose methods are jest mocks; pass overrides per test. */
export function mockFlywheelApi(
  overrides: Partial<FlywheelApi> = {},
): jest.Mocked<FlywheelApi> {
  return {
    getGoldenPaths: jest.fn().mockResolvedValue(goldenPathsResponse),
    getGroupAdoption: jest.fn().mockResolvedValue(paymentsAdoption),
    getEntityProvenance: jest.fn().mockResolvedValue(driftedProvenance),
    getScorecards: jest.fn().mockResolvedValue(scorecardsResponse),
    getEntityScorecardResults: jest.fn().mockResolvedValue(checkoutResults),
    refreshEntityScorecards: jest
      .fn()
      .mockResolvedValue(refreshedCheckoutResults),
    getScorecardRollup: jest
      .fn()
      .mockImplementation(async (groupRef?: string) =>
        groupRef === undefined ? catalogRollup : commerceRollup,
      ),
    getScorecardLeaderboard: jest.fn().mockResolvedValue(goldenPathLeaderboard),
    getScorecardHistory: jest
      .fn()
      .mockImplementation(async ({ scope }: { scope: string }) =>
        scope === 'entity' ? entityHistory : { ...groupHistory, scope },
      ),
    getScorecardEntities: jest.fn().mockResolvedValue(commerceEntities),
    exportScorecardEntitiesCsv: jest
      .fn()
      .mockResolvedValue(
        new Blob(['entityRef,owner\r\n'], { type: 'text/csv' }),
      ),
    getScorecardExemptions: jest
      .fn()
      .mockResolvedValue({ items: [pendingExemption, approvedExemption] }),
    requestScorecardExemption: jest.fn().mockResolvedValue(pendingExemption),
    decideScorecardExemption: jest.fn().mockResolvedValue({
      ...pendingExemption,
      status: 'approved',
    }),
    revokeScorecardExemption: jest.fn().mockResolvedValue({
      ...approvedExemption,
      status: 'revoked',
    }),
    ...overrides,
  } as jest.Mocked<FlywheelApi>;
}

/** Routes EntityRefLink needs to build catalog links. */
export const catalogRoutes = {
  '/catalog/:namespace/:kind/:name': entityRouteRef,
};

const STATUS_TEXT: Record<number, string> = {
  400: 'Bad Request',
  403: 'Forbidden',
  404: 'Not Found',
  409: 'Conflict',
};

/** The error FlywheelClient throws for a backend error response. */
export function responseError(
  status: number,
  name: string,
  message: string,
): Promise<ResponseError> {
  return ResponseError.fromResponse(
    new Response(
      JSON.stringify({
        error: { name, message },
        request: { method: 'GET', url: '/api/flywheel/golden-paths' },
        response: { statusCode: status },
      }),
      {
        status,
        statusText: STATUS_TEXT[status] ?? 'Internal Server Error',
        headers: { 'content-type': 'application/json' },
      },
    ),
  );
}

/** The value shown next to a label in a StatList, e.g. "42.9%". */
export function statValue(container: HTMLElement, label: string): string {
  const term = within(container).getByText(label).closest('dt');
  const value = term?.nextElementSibling?.firstElementChild?.textContent;
  if (value === undefined || value === null) {
    throw new Error(`No stat labelled '${label}'`);
  }
  return value;
}
