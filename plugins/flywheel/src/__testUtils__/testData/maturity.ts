// Maturity: a three-stage model, three capabilities (one blocked in Beta,
// one Generally available, one Experimental with an unknown and a waived
// criterion), the detail of the blocked one, transitions with an override,
// and the product dashboard's outcomes (one without a metric yet).
import {
  MaturityAttestation,
  MaturityCapabilitiesResponse,
  MaturityCapability,
  MaturityCapabilityDetail,
  MaturityCriterionStatus,
  MaturityHistoryResponse,
  MaturityModelsResponse,
  MaturityTransition,
  MetricDefinition,
  OutcomesResponse,
  OutcomeStatus,
} from '@flywheel/plugin-flywheel-common';
import {
  activeUsersMetric,
  deploymentFrequencyMetric,
  leadTimeMetric,
  SERIES_WEEKS,
} from './metrics';

const DAY = 86_400;
const HOUR = 3_600;

export const maturityStages = [
  { id: 'experimental', title: 'Experimental' },
  { id: 'beta', title: 'Beta' },
  { id: 'ga', title: 'Generally available' },
];

const model = {
  id: 'platform-capability',
  version: 2,
  title: 'Platform capability',
};

export const CI_REF = 'component:default/ci-pipelines';
export const TEMPLATES_REF = 'component:default/golden-path-templates';
export const FLAGS_REF = 'component:default/feature-flags';

export const docsAttestation: MaturityAttestation = {
  id: 'att-1',
  kind: 'attestation',
  capabilityRef: CI_REF,
  modelId: model.id,
  stageId: 'beta',
  criterionId: 'techdocs',
  by: 'user:default/ada',
  at: '2026-11-02T10:00:00.000Z',
  evidenceUrl: 'https://docs.example.com/ci-pipelines',
  note: 'TechDocs published with the onboarding guide',
  expiresAt: '2027-05-01T00:00:00.000Z',
};

export const designWaiver: MaturityAttestation = {
  id: 'waiver-1',
  kind: 'waiver',
  capabilityRef: FLAGS_REF,
  modelId: model.id,
  stageId: 'experimental',
  criterionId: 'design-review',
  by: 'user:default/grace',
  at: '2026-11-10T10:00:00.000Z',
  note: 'A vendor product: the vendor did the design review',
};

const frequencyCriterion: MaturityCriterionStatus = {
  id: 'deploy-weekly',
  title: 'Every service deploys weekly',
  description: 'Services on the pipelines deploy to production every week.',
  type: 'metric',
  required: true,
  status: 'met',
  reason: 'Lowest weekly value 1.5 per week ≥ 1 per week',
  metric: {
    id: deploymentFrequencyMetric.id,
    title: deploymentFrequencyMetric.title,
    unit: deploymentFrequencyMetric.unit,
    direction: deploymentFrequencyMetric.direction,
  },
  scope: [{ kind: 'entity', ref: CI_REF }],
  value: 1.5,
  sampleSize: 40,
  minSampleSize: 10,
  comparator: '>=',
  threshold: 1,
  aggregation: 'min',
  from: '2026-08-25T00:00:00.000Z',
  to: '2026-11-23T00:00:00.000Z',
  link: '/flywheel/metrics?metric=valueStream.deploymentFrequency&entityRef=component%3Adefault%2Fci-pipelines&window=90d',
};

const leadTimeCriterion: MaturityCriterionStatus = {
  id: 'lead-time',
  title: 'Lead time under a day',
  type: 'metric',
  required: true,
  status: 'unmet',
  reason: 'Median over the window 1.5 d, needs ≤ 1 d',
  metric: {
    id: leadTimeMetric.id,
    title: leadTimeMetric.title,
    unit: leadTimeMetric.unit,
    direction: leadTimeMetric.direction,
  },
  scope: [{ kind: 'org' }],
  value: 1.5 * DAY,
  sampleSize: 25,
  minSampleSize: 10,
  comparator: '<=',
  threshold: DAY,
  aggregation: 'window',
  from: '2026-08-25T00:00:00.000Z',
  to: '2026-11-23T00:00:00.000Z',
  link: '/flywheel/metrics?metric=valueStream.leadTime.median&window=90d',
};

const runbookCriterion: MaturityCriterionStatus = {
  id: 'runbook',
  title: 'Runbook and on-call rota',
  description: 'A runbook linked from the catalog and a staffed on-call rota.',
  type: 'manual',
  required: true,
  status: 'unmet',
  reason: 'Not attested yet',
};

const docsCriterion: MaturityCriterionStatus = {
  id: 'techdocs',
  title: 'TechDocs published',
  type: 'manual',
  required: false,
  status: 'met',
  reason: 'Attested by ada on Nov 2, 2026',
  attestation: docsAttestation,
  link: docsAttestation.evidenceUrl,
};

const ciCriteria = [
  frequencyCriterion,
  leadTimeCriterion,
  runbookCriterion,
  docsCriterion,
];

export const ciCapability: MaturityCapability = {
  entityRef: CI_REF,
  title: 'CI pipelines',
  description: 'Build, test and deploy pipelines for every service.',
  owners: ['group:default/platform-ci'],
  model,
  stages: maturityStages,
  stage: { id: 'beta', title: 'Beta', index: 1 },
  since: '2026-10-01T09:00:00.000Z',
  next: { id: 'ga', title: 'Generally available' },
  criteria: ciCriteria,
  progress: { met: 2, total: 4 },
  blockers: ['Lead time under a day', 'Runbook and on-call rota'],
};

export const templatesCapability: MaturityCapability = {
  entityRef: TEMPLATES_REF,
  title: 'Golden-path templates',
  owners: ['group:default/devex'],
  model,
  stages: maturityStages,
  stage: { id: 'ga', title: 'Generally available', index: 2 },
  since: '2026-09-15T12:00:00.000Z',
  criteria: [],
  progress: { met: 0, total: 0 },
  blockers: [],
};

const npsCriterion: MaturityCriterionStatus = {
  id: 'nps',
  title: 'Developer NPS at least 30',
  type: 'metric',
  required: true,
  status: 'unknown',
  reason: '3 answers, needs at least 10',
  metric: {
    id: 'surveys.platform-nps.nps',
    title: 'Platform NPS',
    unit: 'score',
    direction: 'higher',
  },
  scope: [{ kind: 'org' }],
  value: 45,
  sampleSize: 3,
  minSampleSize: 10,
  comparator: '>=',
  threshold: 30,
  aggregation: 'window',
  from: '2026-08-25T00:00:00.000Z',
  to: '2026-11-23T00:00:00.000Z',
};

const designCriterion: MaturityCriterionStatus = {
  id: 'design-review',
  title: 'Design review',
  type: 'manual',
  required: true,
  status: 'waived',
  reason: 'Waived by grace on Nov 10, 2026',
  waiver: designWaiver,
};

export const flagsCapability: MaturityCapability = {
  entityRef: FLAGS_REF,
  title: 'Feature flags',
  owners: ['group:default/devex', 'group:default/platform-ci'],
  model,
  stages: maturityStages,
  stage: { id: 'experimental', title: 'Experimental', index: 0 },
  next: { id: 'beta', title: 'Beta' },
  criteria: [npsCriterion, designCriterion],
  progress: { met: 1, total: 2 },
  blockers: ['Developer NPS at least 30'],
};

export const capabilitiesResponse: MaturityCapabilitiesResponse = {
  items: [ciCapability, templatesCapability, flagsCapability],
  stages: maturityStages,
};

export const ciDetail: MaturityCapabilityDetail = {
  ...ciCapability,
  stageDetails: [
    {
      id: 'experimental',
      title: 'Experimental',
      description: 'Tried by pioneering teams.',
      criteria: [
        {
          id: 'pioneers',
          title: 'Two pioneering teams',
          type: 'manual',
          required: true,
          status: 'met',
          reason: 'Attested by ada on Sep 20, 2026',
        },
      ],
    },
    {
      id: 'beta',
      title: 'Beta',
      description: 'Open to every team, with support.',
      criteria: ciCriteria,
    },
    { id: 'ga', title: 'Generally available', criteria: [] },
  ],
  allowed: { transition: true, attest: true },
  attestations: [docsAttestation],
};

export const ciPromotion: MaturityTransition = {
  id: 'tr-2',
  capabilityRef: CI_REF,
  modelId: model.id,
  modelVersion: 2,
  from: { id: 'experimental', title: 'Experimental' },
  to: { id: 'beta', title: 'Beta' },
  direction: 'promotion',
  rationale: 'Ready for every team',
  overrideReason: 'The pioneers signed off in person; the form follows',
  by: 'user:default/ada',
  at: '2026-10-01T09:00:00.000Z',
  criteria: [
    {
      id: 'pioneers',
      title: 'Two pioneering teams',
      type: 'manual',
      required: true,
      status: 'unmet',
      reason: 'Not attested yet',
    },
  ],
};

export const ciInitial: MaturityTransition = {
  id: 'tr-1',
  capabilityRef: CI_REF,
  modelId: model.id,
  modelVersion: 1,
  from: null,
  to: { id: 'experimental', title: 'Experimental' },
  direction: 'initial',
  rationale: 'New capability',
  by: 'user:default/ada',
  at: '2026-06-01T09:00:00.000Z',
  criteria: [],
};

export const templatesDemotion: MaturityTransition = {
  id: 'tr-3',
  capabilityRef: TEMPLATES_REF,
  modelId: model.id,
  modelVersion: 2,
  from: { id: 'ga', title: 'Generally available' },
  to: { id: 'beta', title: 'Beta' },
  direction: 'demotion',
  rationale: 'The Java template lost its maintainer',
  by: 'user:default/grace',
  at: '2026-11-20T15:30:00.000Z',
  criteria: [],
};

export const ciHistory: MaturityHistoryResponse = {
  items: [ciPromotion, ciInitial],
};

export const maturityHistory: MaturityHistoryResponse = {
  items: [templatesDemotion, ciPromotion, ciInitial],
};

export const maturityModels: MaturityModelsResponse = {
  items: [
    {
      ...model,
      stages: [
        { id: 'experimental', title: 'Experimental', criteria: [] },
        { id: 'beta', title: 'Beta', criteria: [] },
        { id: 'ga', title: 'Generally available', criteria: [] },
      ],
    },
  ],
};

function weekEnd(start: string) {
  const end = new Date(`${start}T00:00:00.000Z`);
  end.setUTCDate(end.getUTCDate() + 7);
  return end.toISOString();
}

function weekly(values: (number | null)[]) {
  return SERIES_WEEKS.map((start, i) => ({
    start: `${start}T00:00:00.000Z`,
    end: weekEnd(start),
    value: values[i],
    sampleSize: values[i] === null ? 0 : 10,
  }));
}

export const npsMetric: MetricDefinition = {
  id: 'surveys.platform-nps.nps',
  title: 'Platform NPS',
  description: 'Net promoter score of the platform survey.',
  domain: 'surveys',
  unit: 'score',
  direction: 'higher',
  scopes: ['org', 'group'],
  aggregation: 'latest',
  comparable: false,
};

export const npsOutcome: OutcomeStatus = {
  family: 'satisfaction',
  key: 'surveys.*.nps',
  title: 'Developer NPS',
  metric: npsMetric,
  points: weekly([20, null, 25, 32]),
  current: 32,
  previous: 25,
  change: 7,
  target: { value: 30, source: 'config' },
  onTarget: true,
};

export const csatOutcome: OutcomeStatus = {
  family: 'satisfaction',
  key: 'surveys.*.csat',
  title: 'Developer CSAT',
  metric: null,
  hint: 'No CSAT survey has results yet: run one from the Surveys tab.',
  points: [],
  current: null,
  previous: null,
  change: null,
  target: null,
  onTarget: null,
};

export const activeUsersOutcome: OutcomeStatus = {
  family: 'usage',
  key: 'usage.activeUsers.weekly',
  title: 'Weekly active users',
  metric: activeUsersMetric,
  points: weekly([140, 135, 130, 120]),
  current: 120,
  previous: 130,
  change: -10,
  target: {
    value: 150,
    source: 'ui',
    setBy: 'user:default/pm',
    setAt: '2026-11-01T08:00:00.000Z',
  },
  onTarget: false,
};

export const leadTimeOutcome: OutcomeStatus = {
  family: 'valueStream',
  key: 'valueStream.leadTime.median',
  title: 'Lead time for changes',
  metric: leadTimeMetric,
  points: weekly([4 * HOUR, 3 * HOUR, null, 2 * HOUR]),
  current: 2 * HOUR,
  previous: 3 * HOUR,
  change: -HOUR,
  target: null,
  onTarget: null,
};

export const outcomesResponse: OutcomesResponse = {
  from: `${SERIES_WEEKS[0]}T00:00:00.000Z`,
  to: weekEnd(SERIES_WEEKS[SERIES_WEEKS.length - 1]),
  interval: 'week',
  items: [npsOutcome, csatOutcome, activeUsersOutcome, leadTimeOutcome],
};
