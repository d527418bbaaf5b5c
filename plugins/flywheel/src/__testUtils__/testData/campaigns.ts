// Campaigns: a running scorecard-check campaign with automation (TechDocs
// everywhere), a scheduled level campaign and a closed golden-path one; the
// running one's burn-up, teams, to-do items and memberships.
import {
  Campaign,
  CampaignItem,
  CampaignItemsResponse,
  CampaignMembershipsResponse,
  CampaignProgressResponse,
  CampaignsResponse,
  CampaignTeamsResponse,
} from '@flywheel/plugin-flywheel-common';

export const techdocsCampaign: Campaign = {
  id: 'techdocs-everywhere',
  title: 'TechDocs everywhere',
  description: 'Every service publishes its documentation in Backstage.',
  howTo:
    '## Steps\n\n1. Add the annotation `backstage.io/techdocs-ref: dir:.`\n2. Write a `docs/index.md`.',
  ownerRef: 'group:default/platform',
  cohort: { kinds: ['Component'], types: ['service'] },
  goal: {
    type: 'check',
    scorecardId: 'golden-path-adoption',
    checkId: 'has-techdocs',
  },
  automation: {
    templateRef: 'template:default/add-techdocs',
    entityParameter: 'component',
    parameters: { branch: 'add-techdocs' },
  },
  startsAt: '2026-10-01',
  deadline: '2026-12-31',
  source: 'api',
  state: 'running',
  goalText: 'Golden path adoption: the check "Has TechDocs" passes',
  createdAt: '2026-09-28T09:00:00.000Z',
  createdBy: 'user:default/ada',
  baseline: { at: '2026-10-01T00:00:00.000Z', cohort: 20, met: 4, exempt: 0 },
  progress: { cohort: 20, met: 12, open: 6, exempt: 2, percent: 66.7 },
};

export const readinessCampaign: Campaign = {
  id: 'ready-for-production',
  title: 'Ready for production',
  description: 'Every service in production reaches Silver.',
  ownerRef: 'group:default/platform',
  cohort: { tags: ['production'] },
  goal: { type: 'level', scorecardId: 'production-readiness', level: 'silver' },
  startsAt: '2027-01-15',
  deadline: '2027-03-31',
  source: 'config',
  state: 'scheduled',
  goalText: 'Production readiness: level Silver or higher',
  createdAt: '2026-11-01T09:00:00.000Z',
  progress: { cohort: 8, met: 0, open: 8, exempt: 0, percent: 0 },
};

export const typescriptPathCampaign: Campaign = {
  id: 'typescript-path-1-2',
  title: 'TypeScript services on 1.2',
  description: 'Services from the TypeScript path move to its version 1.2.',
  ownerRef: 'group:default/platform',
  cohort: { owners: ['group:default/commerce'] },
  goal: {
    type: 'goldenPath',
    templateRef: 'template:default/typescript-service',
    minVersion: '1.2.0',
  },
  startsAt: '2026-08-01',
  deadline: '2026-11-30',
  source: 'api',
  state: 'closed',
  goalText: 'On the golden path typescript-service at version 1.2.0 or later',
  createdAt: '2026-07-20T09:00:00.000Z',
  createdBy: 'user:default/ada',
  closedAt: '2026-11-20T10:00:00.000Z',
  closedBy: 'user:default/grace',
  closeNote: 'Superseded by the 2.0 migration.',
  progress: { cohort: 5, met: 3, open: 2, exempt: 0, percent: 60 },
};

export const campaignsResponse: CampaignsResponse = {
  // The backend's order: soonest deadline first.
  items: [typescriptPathCampaign, techdocsCampaign, readinessCampaign],
};

export const techdocsProgress: CampaignProgressResponse = {
  campaignId: techdocsCampaign.id,
  days: [
    { day: '2026-11-17', cohort: 20, met: 6, exempt: 2 },
    { day: '2026-11-18', cohort: 20, met: 7, exempt: 2 },
    { day: '2026-11-19', cohort: 20, met: 8, exempt: 2 },
    { day: '2026-11-20', cohort: 20, met: 9, exempt: 2 },
    { day: '2026-11-21', cohort: 20, met: 10, exempt: 2 },
    { day: '2026-11-22', cohort: 20, met: 11, exempt: 2 },
    { day: '2026-11-23', cohort: 20, met: 12, exempt: 2 },
  ],
  ideal: [
    { day: '2026-10-01', met: 4 },
    { day: '2026-12-31', met: 18 },
  ],
  projection: {
    pacePerWeek: 7,
    basisDays: 7,
    date: '2026-11-30',
    earliest: '2026-11-29',
    latest: '2026-12-02',
    confidence: 'high',
    onTrack: true,
    summary:
      'At 7 a week, the 6 entities left are done by 2026-11-30 (likely between 2026-11-29 and 2026-12-02): before the deadline.',
  },
};

export const WITHHELD =
  'This cohort includes entities you may not see in the catalog. Daily counts are totals over all of them and cannot be recomputed without them, so the burn-up is withheld.';

export const withheldProgress: CampaignProgressResponse = {
  campaignId: techdocsCampaign.id,
  days: [],
  ideal: [],
  withheld: WITHHELD,
};

function counts(cohort: number, met: number, exempt: number) {
  const target = cohort - exempt;
  return {
    cohort,
    met,
    open: cohort - met - exempt,
    exempt,
    percent: target > 0 ? Math.round((1000 * met) / target) / 10 : null,
  };
}

export const techdocsTeams: CampaignTeamsResponse = {
  campaignId: techdocsCampaign.id,
  teams: [
    {
      groupRef: 'group:default/acme',
      ...counts(18, 11, 2),
      own: counts(0, 0, 0),
    },
    {
      groupRef: 'group:default/checkout',
      parentRef: 'group:default/commerce',
      ...counts(6, 4, 0),
      own: counts(6, 4, 0),
    },
    {
      groupRef: 'group:default/commerce',
      parentRef: 'group:default/acme',
      ...counts(12, 7, 1),
      own: counts(2, 1, 0),
    },
    {
      groupRef: 'group:default/data',
      parentRef: 'group:default/acme',
      ...counts(6, 4, 1),
      own: counts(6, 4, 1),
    },
    {
      groupRef: 'group:default/payments-core',
      parentRef: 'group:default/commerce',
      ...counts(4, 2, 1),
      own: counts(4, 2, 1),
    },
  ],
  unowned: counts(2, 1, 0),
};

export const checkoutItem: CampaignItem = {
  entityRef: 'component:default/checkout-api',
  title: 'Checkout API',
  ownerRef: 'group:default/checkout',
  state: 'open',
  reason: 'The annotation backstage.io/techdocs-ref is missing',
};

export const billingItem: CampaignItem = {
  entityRef: 'component:default/legacy-billing',
  ownerRef: 'group:default/payments-core',
  state: 'open',
  reason: 'The annotation backstage.io/techdocs-ref is missing',
};

export const searchItem: CampaignItem = {
  entityRef: 'component:default/search-api',
  title: 'Search API',
  ownerRef: 'group:default/data',
  state: 'met',
  reason: 'The annotation backstage.io/techdocs-ref is set',
  metAt: '2026-11-20T08:00:00.000Z',
};

export const techdocsItems: CampaignItemsResponse = {
  campaignId: techdocsCampaign.id,
  items: [checkoutItem, billingItem],
  totalCount: 2,
};

export const checkoutMemberships: CampaignMembershipsResponse = {
  items: [
    { campaign: techdocsCampaign, item: checkoutItem },
    {
      campaign: readinessCampaign,
      item: {
        ...checkoutItem,
        state: 'met',
        reason: 'Level Silver reached',
        metAt: '2026-11-02T08:00:00.000Z',
      },
    },
  ],
};

export const commerceMemberships: CampaignMembershipsResponse = {
  items: [
    { campaign: techdocsCampaign, team: counts(12, 7, 1) },
    { campaign: readinessCampaign, team: counts(3, 0, 0) },
  ],
};
