// Scorecards: definitions, one entity's results, exemptions.
import {
  CheckStateCounts,
  EntityResultsResponse,
  ScorecardExemption,
  ScorecardInfo,
  ScorecardsResponse,
} from '@flywheel/plugin-flywheel-common';

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
