// Scorecard rollups: teams, the leaderboard and its org chart, history,
// the entities behind a rollup.
import {
  GroupRollupResponse,
  LeaderboardResponse,
  ScorecardHistoryResponse,
} from '@flywheel/plugin-flywheel-common';
import { ScorecardEntitiesPage } from '../../api';
import { counts } from './scorecards';

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
