import { randomUUID } from 'crypto';
import { DatabaseService } from '@backstage/backend-plugin-api';
import {
  MaturityAttestation,
  MaturityCriterionDefinition,
  MaturityCriterionStatus,
  MaturityModelDefinition,
  MaturityTransition,
  MetricScope,
  criterionMetricsLink,
  describeCriterionValue,
  judgeCriterionValue,
} from '@flywheel/plugin-flywheel-common';
import { DateTime } from 'luxon';
import { createDemoSeedModule } from './demoSeedModule';

type Knex = Awaited<ReturnType<DatabaseService['getClient']>>;

const MODELS = 'maturity_models';
const TRANSITIONS = 'maturity_transitions';
const ATTESTATIONS = 'maturity_attestations';

/** The built-in stage model the demo history is written in. */
export const DEMO_MODEL = { id: 'platform-stages', version: 1 } as const;

/** The demo's capabilities (examples/catalog/platform.yaml). */
export const CAPABILITIES = {
  portal: 'component:default/developer-portal',
  templates: 'component:default/golden-path-templates',
  ci: 'resource:default/ci-pipelines',
  kubernetes: 'resource:default/kubernetes-platform',
  observability: 'resource:default/observability-stack',
  secrets: 'resource:default/secrets-management',
} as const;

/** Where each capability stands once seeded: the stage of its last transition. */
export const DEMO_STAGES: Record<string, string> = {
  [CAPABILITIES.portal]: 'adoption-scaling',
  [CAPABILITIES.ci]: 'adoption-scaling',
  [CAPABILITIES.templates]: 'production-readiness',
  [CAPABILITIES.kubernetes]: 'production-readiness',
  [CAPABILITIES.observability]: 'mvp',
  [CAPABILITIES.secrets]: 'mvp',
};

const user = (name: string) => `user:default/${name}`;
const WIKI = 'https://wiki.acme.example';

/** The registry's metrics the frozen criteria read, as they are listed. */
const METRICS: Record<string, MaturityCriterionStatus['metric']> = {
  nps: {
    id: 'surveys.platform-nps.nps',
    title: 'Platform NPS: NPS',
    unit: 'score',
    direction: 'higher',
  },
  csat: {
    id: 'surveys.golden-path-csat.csat',
    title: 'Golden path CSAT: CSAT',
    unit: 'percent',
    direction: 'higher',
  },
  frequency: {
    id: 'valueStream.deploymentFrequency',
    title: 'Deployment frequency',
    unit: 'perWeek',
    direction: 'higher',
  },
  timeToFirstDeploy: {
    id: 'valueStream.timeToFirstDeploy.median',
    title: 'Time to first deploy (median)',
    unit: 'seconds',
    direction: 'lower',
  },
};

/**
 * A metric criterion as it stood at a moment: the value (of the scope
 * shown first, for several) and its sample size. The values of the surveys
 * are those of the demo's survey waves (demoSurveys.ts) open then; the
 * deployment frequencies those of demoDeployments.ts.
 */
interface Measured {
  metric: keyof typeof METRICS;
  scopes: MetricScope[];
  value: number;
  sampleSize: number;
}

/** A manual criterion's attestation, or a waiver, to write. */
interface DemoAttestation {
  key: string;
  kind: MaturityAttestation['kind'];
  capabilityRef: string;
  stageId: string;
  criterionId: string;
  by: string;
  daysAgo: number;
  evidenceUrl?: string;
  note: string;
  /** Expires this many days after the seeding. */
  expiresInDays?: number;
}

/** How a criterion stood when a transition froze it. */
type Frozen =
  | { criterionId: string; attested: string }
  | { criterionId: string; notAttested: true }
  | { criterionId: string; measured: Measured }
  | { criterionId: string; noScope: string }
  | { criterionId: string; waived: string; underlying: Frozen };

interface DemoTransition {
  capabilityRef: string;
  daysAgo: number;
  from: string | null;
  to: string;
  by: string;
  rationale: string;
  overrideReason?: string;
  /** The exit criteria of the stage left, in the model's order. */
  criteria: Frozen[];
}

const ATTESTATIONS_SEEDED: DemoAttestation[] = [
  {
    key: 'portal-golden-paths',
    kind: 'attestation',
    capabilityRef: CAPABILITIES.portal,
    stageId: 'mvp',
    criterionId: 'golden-paths-defined',
    by: user('aiko.tanaka'),
    daysAgo: 258,
    evidenceUrl: `${WIKI}/platform/golden-paths/validation-checkout`,
    note: 'Checkout built cart-service and checkout-web from the TypeScript service and React web app golden paths; the review notes and the fixes we made.',
  },
  {
    key: 'portal-environments',
    kind: 'attestation',
    capabilityRef: CAPABILITIES.portal,
    stageId: 'production-readiness',
    criterionId: 'every-environment',
    by: user('samuel.adeyemi'),
    daysAgo: 200,
    evidenceUrl: `${WIKI}/platform/portal/environments`,
    note: 'Portal instances for development, staging and production; the templates publish to all three.',
  },
  {
    key: 'portal-cohort',
    kind: 'attestation',
    capabilityRef: CAPABILITIES.portal,
    stageId: 'adoption-scaling',
    criterionId: 'cohort-automated',
    by: user('noah.bergstrom'),
    daysAgo: 18,
    evidenceUrl: `${WIKI}/platform/portal/bulk-onboarding`,
    note: "Storefront's web apps were registered in one go by the catalog bulk-import automation; the runbook and the import log.",
  },
  {
    key: 'ci-golden-paths',
    kind: 'attestation',
    capabilityRef: CAPABILITIES.ci,
    stageId: 'mvp',
    criterionId: 'golden-paths-defined',
    by: user('dmitri.volkov'),
    daysAgo: 236,
    evidenceUrl: `${WIKI}/platform/ci/reusable-workflows-review`,
    note: 'Build, test and deploy workflows reviewed with checkout and growth; both golden-path templates call them.',
  },
  {
    key: 'ci-environments',
    kind: 'attestation',
    capabilityRef: CAPABILITIES.ci,
    stageId: 'production-readiness',
    criterionId: 'every-environment',
    by: user('grace.nwosu'),
    daysAgo: 98,
    evidenceUrl: `${WIKI}/platform/ci/environments`,
    note: 'Deploy workflows for development, staging and production, with the staging gate; staging came last.',
  },
  {
    key: 'ci-waiver',
    kind: 'waiver',
    capabilityRef: CAPABILITIES.ci,
    stageId: 'production-readiness',
    criterionId: 'time-to-first-deploy',
    by: user('dmitri.volkov'),
    daysAgo: 52,
    note: 'CI pipelines has no golden path of its own: every service builds with it, from a golden path or not. Time to first deploy is tracked on golden-path-templates.',
  },
  {
    key: 'kubernetes-golden-paths',
    kind: 'attestation',
    capabilityRef: CAPABILITIES.kubernetes,
    stageId: 'mvp',
    criterionId: 'golden-paths-defined',
    by: user('kenji.watanabe'),
    daysAgo: 225,
    evidenceUrl: `${WIKI}/platform/kubernetes/namespace-golden-path`,
    note: 'Namespace, quota and ingress set-up reviewed with payments-core on their first service.',
  },
  {
    key: 'kubernetes-environments',
    kind: 'attestation',
    capabilityRef: CAPABILITIES.kubernetes,
    stageId: 'production-readiness',
    criterionId: 'every-environment',
    by: user('olivia.brennan'),
    daysAgo: 40,
    evidenceUrl: `${WIKI}/platform/kubernetes/environments`,
    note: 'Development, staging and production clusters with the same namespaces, quotas and network policies.',
  },
  {
    key: 'templates-golden-paths',
    kind: 'attestation',
    capabilityRef: CAPABILITIES.templates,
    stageId: 'mvp',
    criterionId: 'golden-paths-defined',
    by: user('lucia.fernandez'),
    daysAgo: 160,
    evidenceUrl: `${WIKI}/platform/golden-paths/react-webapp-pilot`,
    note: 'React web app 1.0 piloted with storefront-web; the TypeScript service golden path was validated with checkout before.',
  },
  {
    key: 'templates-waiver',
    kind: 'waiver',
    capabilityRef: CAPABILITIES.templates,
    stageId: 'production-readiness',
    criterionId: 'time-to-first-deploy',
    by: user('aiko.tanaka'),
    daysAgo: 12,
    note: 'Too few services were created from the golden paths in the last 12 weeks to measure (5 per template needed); over six months they reached production in about a day and a half (Metrics page). We look again when this waiver expires.',
    expiresInDays: 80,
  },
  {
    key: 'observability-golden-paths',
    kind: 'attestation',
    capabilityRef: CAPABILITIES.observability,
    stageId: 'mvp',
    criterionId: 'golden-paths-defined',
    by: user('grace.nwosu'),
    daysAgo: 250,
    evidenceUrl: `${WIKI}/platform/observability/default-dashboards`,
    note: 'Default dashboards, alerts and log queries per service, validated with identity-access.',
  },
  {
    key: 'observability-golden-paths-again',
    kind: 'attestation',
    capabilityRef: CAPABILITIES.observability,
    stageId: 'mvp',
    criterionId: 'golden-paths-defined',
    by: user('grace.nwosu'),
    daysAgo: 20,
    evidenceUrl: `${WIKI}/platform/observability/tempo-dashboards`,
    note: 'The dashboards golden path redone for Tempo and the new metric names, validated with identity-access again.',
  },
];

const ORG: MetricScope[] = [{ kind: 'org' }];
const group = (name: string): MetricScope => ({
  kind: 'group',
  ref: `group:default/${name}`,
});
const goldenPath = (name: string): MetricScope => ({
  kind: 'goldenPath',
  ref: `template:default/${name}`,
});

/**
 * NPS and CSAT of the demo survey waves (demoSurveys.ts) that were the
 * latest at the time: the NPS waves open 30 days ago and every three months
 * before, the CSAT waves 35 days ago and every month before.
 */
const NPS_WAVE_2: Measured = {
  metric: 'nps',
  scopes: ORG,
  value: 6.1,
  sampleSize: 49,
};
const NPS_WAVE_3: Measured = { ...NPS_WAVE_2, value: 26.8, sampleSize: 41 };
const CSAT_WAVE_4: Measured = {
  metric: 'csat',
  scopes: ORG,
  value: 68.8,
  sampleSize: 16,
};
const CSAT_WAVE_6: Measured = { ...CSAT_WAVE_4, value: 70.6, sampleSize: 17 };
const CSAT_WAVE_7: Measured = { ...CSAT_WAVE_4, value: 78.6, sampleSize: 14 };

const NO_GOLDEN_PATHS =
  'The capability names no golden paths: list their template refs in its flywheel.dev/golden-paths annotation';

const initial = (
  capabilityRef: string,
  daysAgo: number,
  rationale: string,
): DemoTransition => ({
  capabilityRef,
  daysAgo,
  from: null,
  to: 'mvp',
  by: user('priya.raman'),
  rationale,
  criteria: [],
});

const TRANSITIONS_SEEDED: DemoTransition[] = [
  initial(
    CAPABILITIES.portal,
    270,
    'On the board from the start: the portal is live with the catalog and the TypeScript service golden path, used by the platform teams and checkout.',
  ),
  {
    capabilityRef: CAPABILITIES.portal,
    daysAgo: 244,
    from: 'mvp',
    to: 'production-readiness',
    by: user('priya.raman'),
    rationale:
      'Golden paths validated with checkout, and the last NPS wave gives us the baseline.',
    criteria: [
      { criterionId: 'golden-paths-defined', attested: 'portal-golden-paths' },
      { criterionId: 'baseline-nps', measured: NPS_WAVE_2 },
    ],
  },
  {
    capabilityRef: CAPABILITIES.portal,
    daysAgo: 140,
    from: 'production-readiness',
    to: 'adoption-scaling',
    by: user('priya.raman'),
    rationale:
      'Every team uses the portal every week; next is onboarding whole cohorts of services through it.',
    overrideReason:
      "The unmet criteria measure the golden paths rather than the portal: too few new services yet to measure time to first deploy, and checkout's move to daily deploys comes with ci-pipelines next month. We review CSAT every month with the golden-path-templates team.",
    criteria: [
      {
        criterionId: 'pioneer-deploys-daily',
        measured: {
          metric: 'frequency',
          scopes: [group('checkout'), group('storefront-web')],
          value: 1.5,
          sampleSize: 7,
        },
      },
      { criterionId: 'every-environment', attested: 'portal-environments' },
      { criterionId: 'csat', measured: CSAT_WAVE_4 },
      {
        criterionId: 'time-to-first-deploy',
        measured: {
          metric: 'timeToFirstDeploy',
          scopes: [
            goldenPath('typescript-service'),
            goldenPath('react-webapp'),
          ],
          value: 1.2 * 86_400,
          sampleSize: 3,
        },
      },
    ],
  },
  initial(
    CAPABILITIES.ci,
    270,
    'Shared runners and reusable workflows: most services build with them, few deploy with them yet.',
  ),
  {
    capabilityRef: CAPABILITIES.ci,
    daysAgo: 228,
    from: 'mvp',
    to: 'production-readiness',
    by: user('dmitri.volkov'),
    rationale:
      'Reusable workflows validated with checkout and growth; NPS baseline in place.',
    criteria: [
      { criterionId: 'golden-paths-defined', attested: 'ci-golden-paths' },
      { criterionId: 'baseline-nps', measured: NPS_WAVE_2 },
    ],
  },
  {
    capabilityRef: CAPABILITIES.ci,
    daysAgo: 44,
    from: 'production-readiness',
    to: 'adoption-scaling',
    by: user('priya.raman'),
    rationale:
      'Checkout has shipped every merge through the pipelines, several times a day, for almost three months, and the last CSAT wave is above 75 %. Next: moving the other teams onto deploy-on-merge.',
    criteria: [
      {
        criterionId: 'pioneer-deploys-daily',
        measured: {
          metric: 'frequency',
          scopes: [group('checkout')],
          value: 39,
          sampleSize: 7,
        },
      },
      { criterionId: 'every-environment', attested: 'ci-environments' },
      { criterionId: 'csat', measured: CSAT_WAVE_7 },
      {
        criterionId: 'time-to-first-deploy',
        waived: 'ci-waiver',
        underlying: {
          criterionId: 'time-to-first-deploy',
          noScope: NO_GOLDEN_PATHS,
        },
      },
    ],
  },
  initial(
    CAPABILITIES.kubernetes,
    270,
    'Multi-tenant clusters in production; namespaces are still set up by hand on request.',
  ),
  {
    capabilityRef: CAPABILITIES.kubernetes,
    daysAgo: 180,
    from: 'mvp',
    to: 'production-readiness',
    by: user('dmitri.volkov'),
    rationale:
      'Namespace, quota and ingress set-up validated with payments-core; NPS baseline from the last wave.',
    criteria: [
      {
        criterionId: 'golden-paths-defined',
        attested: 'kubernetes-golden-paths',
      },
      { criterionId: 'baseline-nps', measured: NPS_WAVE_3 },
    ],
  },
  initial(
    CAPABILITIES.templates,
    270,
    'The TypeScript service golden path is out; the React web app one is being written.',
  ),
  {
    capabilityRef: CAPABILITIES.templates,
    daysAgo: 150,
    from: 'mvp',
    to: 'production-readiness',
    by: user('aiko.tanaka'),
    rationale:
      'Both golden paths validated with their first teams (checkout, storefront-web); NPS baseline from the last wave.',
    criteria: [
      {
        criterionId: 'golden-paths-defined',
        attested: 'templates-golden-paths',
      },
      { criterionId: 'baseline-nps', measured: NPS_WAVE_3 },
    ],
  },
  initial(
    CAPABILITIES.observability,
    270,
    'Prometheus, Loki and Grafana for every team; dashboards are hand-made per service.',
  ),
  {
    capabilityRef: CAPABILITIES.observability,
    daysAgo: 220,
    from: 'mvp',
    to: 'production-readiness',
    by: user('dmitri.volkov'),
    rationale:
      'Default dashboards and alerts validated with identity-access; NPS baseline in place.',
    criteria: [
      {
        criterionId: 'golden-paths-defined',
        attested: 'observability-golden-paths',
      },
      { criterionId: 'baseline-nps', measured: NPS_WAVE_2 },
    ],
  },
  {
    capabilityRef: CAPABILITIES.observability,
    daysAgo: 75,
    from: 'production-readiness',
    to: 'mvp',
    by: user('dmitri.volkov'),
    rationale:
      'Since the move to Tempo, traces are missing in staging and the default dashboards break on the new metric names. Back to MVP until the dashboards golden path works again everywhere.',
    criteria: [
      {
        criterionId: 'pioneer-deploys-daily',
        measured: {
          metric: 'frequency',
          scopes: [group('identity-access')],
          value: 1,
          sampleSize: 6,
        },
      },
      { criterionId: 'every-environment', notAttested: true },
      { criterionId: 'csat', measured: CSAT_WAVE_6 },
      { criterionId: 'time-to-first-deploy', noScope: NO_GOLDEN_PATHS },
    ],
  },
  initial(
    CAPABILITIES.secrets,
    55,
    'Vault-backed secrets join the board, piloted with payments-core; no golden path yet.',
  ),
];

/**
 * The demo's maturity history as rows of Flywheel's tables, in the shapes
 * its store writes (MaturityStore): the criteria each transition froze are
 * worded as Flywheel words them, from the registered model's definitions.
 */
export function demoMaturityRows(
  model: MaturityModelDefinition,
  now: Date,
): {
  transitions: Record<string, unknown>[];
  attestations: Record<string, unknown>[];
} {
  const today = DateTime.fromJSDate(now, { zone: 'utc' }).startOf('day');
  // Working hours, a little different each day.
  const at = (daysAgo: number) =>
    today
      .minus({ days: daysAgo })
      .plus({ hours: 9 + (daysAgo % 7), minutes: (daysAgo * 17) % 60 })
      .toJSDate();
  const stageOf = (id: string) => {
    const stage = model.stages.find(s => s.id === id);
    if (!stage) {
      throw new Error(`${model.id} v${model.version} has no stage '${id}'`);
    }
    return stage;
  };
  const criterionOf = (
    stageId: string,
    criterionId: string,
  ): MaturityCriterionDefinition => {
    const criterion = stageOf(stageId).criteria.find(c => c.id === criterionId);
    if (!criterion) {
      throw new Error(
        `${model.id} v${model.version} has no criterion '${criterionId}' in '${stageId}'`,
      );
    }
    return criterion;
  };

  const attestations = new Map<string, MaturityAttestation>();
  for (const a of ATTESTATIONS_SEEDED) {
    criterionOf(a.stageId, a.criterionId);
    attestations.set(a.key, {
      id: randomUUID(),
      kind: a.kind,
      capabilityRef: a.capabilityRef,
      modelId: model.id,
      stageId: a.stageId,
      criterionId: a.criterionId,
      by: a.by,
      at: at(a.daysAgo).toISOString(),
      ...(a.evidenceUrl ? { evidenceUrl: a.evidenceUrl } : {}),
      note: a.note,
      ...(a.expiresInDays
        ? {
            expiresAt: today
              .plus({ days: a.expiresInDays })
              .toJSDate()
              .toISOString(),
          }
        : {}),
    });
  }

  const freeze = (
    stageId: string,
    frozen: Frozen,
    when: Date,
  ): MaturityCriterionStatus => {
    const c = criterionOf(stageId, frozen.criterionId);
    const base = {
      id: c.id,
      title: c.title,
      ...(c.description ? { description: c.description } : {}),
      type: c.type,
      required: c.required,
    };
    if ('waived' in frozen) {
      const waiver = attestations.get(frozen.waived)!;
      return {
        ...freeze(stageId, frozen.underlying, when),
        status: 'waived',
        reason: `Waived by ${waiver.by}: ${waiver.note}`,
        waiver,
      };
    }
    if (c.type === 'manual') {
      if ('attested' in frozen) {
        const attestation = attestations.get(frozen.attested)!;
        const expiresAt = c.expiresAfterDays
          ? new Date(
              Date.parse(attestation.at) + c.expiresAfterDays * 86_400_000,
            ).toISOString()
          : undefined;
        return {
          ...base,
          status: 'met',
          reason: `Attested by ${attestation.by} on ${attestation.at.slice(
            0,
            10,
          )}`,
          attestation: expiresAt ? { ...attestation, expiresAt } : attestation,
          ...(attestation.evidenceUrl ? { link: attestation.evidenceUrl } : {}),
        };
      }
      return { ...base, status: 'unmet', reason: 'Not attested yet' };
    }
    const metricBase: MaturityCriterionStatus = {
      ...base,
      status: 'unknown',
      reason: '',
      comparator: c.comparator,
      threshold: c.threshold,
      minSampleSize: c.minSampleSize,
      aggregation: c.aggregation,
    };
    if ('noScope' in frozen) {
      return { ...metricBase, reason: frozen.noScope };
    }
    if (!('measured' in frozen)) {
      throw new Error(`'${c.id}' is measured, not attested`);
    }
    const m = frozen.measured;
    const metric = METRICS[m.metric]!;
    const status = judgeCriterionValue(m, c);
    const [amount, unit] = [Number(c.window.slice(0, -1)), c.window.slice(-1)];
    const from = DateTime.fromJSDate(when, { zone: 'utc' }).minus({
      [{ d: 'days', w: 'weeks', m: 'months', y: 'years' }[unit]!]: amount,
    });
    return {
      ...metricBase,
      status,
      scope: m.scopes,
      from: from.toJSDate().toISOString(),
      to: when.toISOString(),
      link: criterionMetricsLink(metric.id, m.scopes[0], c.window),
      metric,
      value: m.value,
      sampleSize: m.sampleSize,
      // Worded as Flywheel words a live criterion.
      reason: describeCriterionValue({
        status,
        value: m.value,
        sampleSize: m.sampleSize,
        unit: metric.unit,
        criterion: c,
        scopeName: m.scopes.length > 1 ? m.scopes[0].ref : undefined,
      }),
    };
  };

  const seq = new Map<string, number>();
  const transitions = [...TRANSITIONS_SEEDED]
    .sort((a, b) => b.daysAgo - a.daysAgo)
    .map(t => {
      const when = at(t.daysAgo);
      const number = (seq.get(t.capabilityRef) ?? 0) + 1;
      seq.set(t.capabilityRef, number);
      const from = t.from ? stageOf(t.from) : null;
      const to = stageOf(t.to);
      let direction: MaturityTransition['direction'] = 'initial';
      if (from) {
        direction =
          model.stages.indexOf(to) > model.stages.indexOf(from)
            ? 'promotion'
            : 'demotion';
      }
      return {
        id: randomUUID(),
        capability_ref: t.capabilityRef,
        seq: number,
        model_id: model.id,
        model_version: model.version,
        from_stage: from?.id ?? null,
        from_title: from?.title ?? null,
        to_stage: to.id,
        to_title: to.title,
        direction,
        rationale: t.rationale,
        override_reason: t.overrideReason ?? null,
        actor_ref: t.by,
        created_at: when,
        criteria: JSON.stringify(
          from ? t.criteria.map(c => freeze(from.id, c, when)) : [],
        ),
      };
    });

  return {
    transitions,
    attestations: [...attestations.values()].map(a => ({
      id: a.id,
      kind: a.kind,
      capability_ref: a.capabilityRef,
      model_id: a.modelId,
      stage_id: a.stageId,
      criterion_id: a.criterionId,
      actor_ref: a.by,
      evidence_url: a.evidenceUrl ?? null,
      note: a.note,
      created_at: new Date(a.at),
      expires_at: a.expiresAt ? new Date(a.expiresAt) : null,
    })),
  };
}

/** What one seeding attempt did. */
export type DemoMaturityResult =
  | { status: 'waiting'; reason: string }
  | { status: 'exists'; reason: string }
  | { status: 'done'; transitions: number; attestations: number };

/**
 * Example instance only: nine months of maturity history of the demo's six
 * capabilities in the built-in model, written as Flywheel's maturity store
 * writes it (a module of the example backend cannot act as the platform
 * people who moved and attested them). Once: nothing is written when any
 * transition or attestation exists. Waits until Flywheel has created its
 * tables and registered the built-in model.
 */
export async function seedDemoMaturity(
  db: Knex,
  now: Date,
): Promise<DemoMaturityResult> {
  if (!(await db.schema.hasTable(ATTESTATIONS))) {
    return { status: 'waiting', reason: 'Flywheel has not migrated yet' };
  }
  const modelRow = await db(MODELS)
    .where({ model_id: DEMO_MODEL.id, version: DEMO_MODEL.version })
    .first('definition');
  if (!modelRow) {
    return {
      status: 'waiting',
      reason: `stage model '${DEMO_MODEL.id}' v${DEMO_MODEL.version} not registered yet`,
    };
  }
  let rows;
  try {
    rows = demoMaturityRows(JSON.parse(modelRow.definition), now);
  } catch (e) {
    // A configured model of the same id and version, with other stages.
    return {
      status: 'exists',
      reason: `not the built-in model: ${(e as Error).message}`,
    };
  }
  return db.transaction(async trx => {
    const existing =
      (await trx(TRANSITIONS).first('capability_ref')) ??
      (await trx(ATTESTATIONS).first('capability_ref'));
    if (existing) {
      return {
        status: 'exists',
        reason: `the instance has maturity history (${existing.capability_ref})`,
      };
    }
    await trx.batchInsert(TRANSITIONS, rows.transitions, 50);
    await trx.batchInsert(ATTESTATIONS, rows.attestations, 50);
    return {
      status: 'done',
      transitions: rows.transitions.length,
      attestations: rows.attestations.length,
    };
  });
}

/**
 * Example only (`flywheelExample.demoMaturity: true`): seeds the maturity
 * history of the demo's capabilities once Flywheel has created its tables
 * and registered the built-in stage model.
 */
export const flywheelModuleDemoMaturity = createDemoSeedModule({
  moduleId: 'example-demo-maturity',
  flag: 'demoMaturity',
  label: 'Demo maturity',
  initialDelay: { seconds: 10 },
  timeout: { minutes: 1 },
  seeder:
    () =>
    async ({ knex }) => {
      const result = await seedDemoMaturity(knex, new Date());
      if (result.status === 'waiting') {
        return result;
      }
      return {
        status: 'done',
        message:
          result.status === 'done'
            ? `wrote ${result.transitions} stage transitions and ${result.attestations} attestations and waivers of ${DEMO_MODEL.id} v${DEMO_MODEL.version}`
            : `nothing to do (${result.reason})`,
      };
    },
});
