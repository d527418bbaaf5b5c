import { mockCredentials } from '@backstage/backend-test-utils';
import { NotFoundError } from '@backstage/errors';
import {
  MaturityAttestation,
  MaturityStageDefinition,
  MetricDefinition,
} from '@flywheel/plugin-flywheel-common';
import type { ResolvedScope } from '../../interfaces/metricRegistry';
import { Capability } from '../capabilities/Capability';
import { criterionWindow, CriteriaEvaluator } from './CriteriaEvaluator';

const NOW = new Date('2026-12-06T12:00:00Z');
const capability: Capability = {
  entityRef: 'component:default/golden-path-templates',
  title: 'Golden path templates',
  owners: ['group:default/platform'],
  goldenPaths: ['template:default/ts-service', 'template:default/web-app'],
  teams: ['group:default/payments', 'group:default/search'],
};

const definition = (id: string, unit: MetricDefinition['unit']) =>
  ({ id, title: id, unit, direction: 'higher' } as MetricDefinition);

/** Values per scope ref (org: 'org'), the same for every bucket. */
function metrics(values: Record<string, [number | null, number]>) {
  const calls: string[] = [];
  return {
    calls,
    reader: {
      list: async () => [
        definition('surveys.platform-nps.nps', 'score'),
        definition('surveys.other.nps', 'score'),
        definition('valueStream.deploymentFrequency', 'perWeek'),
        definition('valueStream.timeToFirstDeploy.median', 'seconds'),
      ],
      values: async (
        metricId: string,
        scope: ResolvedScope,
        buckets: unknown[],
      ) => {
        calls.push(`${metricId}@${scope.ref ?? 'org'}`);
        if (metricId === 'goldenPaths.nope') {
          throw new NotFoundError(`No metric '${metricId}'`);
        }
        const [value, sampleSize] = values[scope.ref ?? 'org'] ?? [null, 0];
        return {
          definition: definition(metricId, 'perWeek'),
          values: buckets.map(() => ({ value, sampleSize })),
        };
      },
    },
  };
}

const stage = (criteria: MaturityStageDefinition['criteria']) => ({
  id: 'mvp',
  title: 'MVP',
  criteria,
});

const metricCriterion = {
  type: 'metric' as const,
  id: 'deploys',
  title: 'Deploys daily',
  required: true,
  metric: 'valueStream.deploymentFrequency',
  scope: 'teams',
  aggregation: 'min' as const,
  window: '4w',
  interval: 'week' as const,
  comparator: '>=' as const,
  threshold: 5,
  minSampleSize: 2,
};

const attestation = (
  over: Partial<MaturityAttestation>,
): MaturityAttestation => ({
  id: 'a1',
  kind: 'attestation',
  capabilityRef: capability.entityRef,
  modelId: 'platform-stages',
  stageId: 'mvp',
  criterionId: 'paths',
  by: 'user:default/ada',
  at: '2026-11-01T00:00:00.000Z',
  evidenceUrl: 'https://wiki.example/paths',
  note: 'Validated',
  ...over,
});

function evaluator(values: Record<string, [number | null, number]>) {
  const fake = metrics(values);
  return {
    calls: fake.calls,
    evaluator: new CriteriaEvaluator({
      metrics: fake.reader,
      credentials: mockCredentials.user('user:default/ada'),
      now: NOW,
    }),
  };
}

describe('CriteriaEvaluator', () => {
  it('meets a team criterion when one team meets it, and says which', async () => {
    const { evaluator: e } = evaluator({
      'group:default/payments': [3, 4],
      'group:default/search': [6, 4],
    });
    const [status] = await e.evaluate(
      capability,
      'platform-stages',
      stage([metricCriterion]),
      [],
    );
    expect(status).toMatchObject({
      status: 'met',
      value: 6,
      sampleSize: 4,
      scope: [
        { kind: 'group', ref: 'group:default/payments' },
        { kind: 'group', ref: 'group:default/search' },
      ],
      reason:
        '6 per week for group:default/search (lowest week of 4w, 4 samples) meets >= 5 per week',
      link: '/flywheel/metrics?metric=valueStream.deploymentFrequency&window=4w&groupRef=group%3Adefault%2Fsearch',
    });
  });

  it('is unknown below the minimum sample, and every golden path must meet an all-paths criterion', async () => {
    const { evaluator: e } = evaluator({
      'group:default/payments': [9, 1],
      'template:default/ts-service': [2 * 86_400, 10],
      'template:default/web-app': [9 * 86_400, 10],
    });
    const [teams, paths] = await e.evaluate(
      capability,
      'platform-stages',
      stage([
        metricCriterion,
        {
          ...metricCriterion,
          id: 'ttfd',
          metric: 'valueStream.timeToFirstDeploy.median',
          scope: 'goldenPaths',
          aggregation: 'window',
          comparator: '<',
          threshold: 7 * 86_400,
        },
      ]),
      [],
    );
    expect(teams.status).toBe('unknown');
    expect(paths).toMatchObject({
      status: 'unmet',
      value: 9 * 86_400,
      link: expect.stringContaining('goldenPath=template%3Adefault%2Fweb-app'),
    });
  });

  it('explains what is missing: no metric, no golden paths named, an unreadable metric', async () => {
    const { evaluator: e } = evaluator({});
    const bare = { ...capability, goldenPaths: [], teams: [] };
    const statuses = await e.evaluate(
      bare,
      'platform-stages',
      stage([
        { ...metricCriterion, id: 'a', metric: 'surveys.*.csat', scope: 'org' },
        { ...metricCriterion, id: 'b', scope: 'goldenPaths' },
        { ...metricCriterion, id: 'c', scope: 'teams' },
        {
          ...metricCriterion,
          id: 'd',
          metric: 'goldenPaths.nope',
          scope: 'org',
        },
      ]),
      [],
    );
    expect(statuses.map(s => [s.status, s.reason])).toEqual([
      [
        'unknown',
        "No metric matches 'surveys.*.csat' yet (GET /metrics lists them)",
      ],
      [
        'unknown',
        expect.stringMatching(/flywheel.dev\/golden-paths annotation/),
      ],
      ['unknown', expect.stringMatching(/flywheel.dev\/teams annotation/)],
      ['unknown', "No metric 'goldenPaths.nope'"],
    ]);
  });

  it('resolves a pattern to the first matching metric and reads each scope once per evaluator', async () => {
    const { evaluator: e, calls } = evaluator({ org: [31, 40] });
    const criterion = {
      ...metricCriterion,
      metric: 'surveys.*.nps',
      scope: 'org',
      aggregation: 'window' as const,
      comparator: '>=' as const,
      threshold: -100,
    };
    await e.evaluate(capability, 'platform-stages', stage([criterion]), []);
    const [status] = await e.evaluate(
      { ...capability, entityRef: 'component:default/other' },
      'platform-stages',
      stage([criterion]),
      [],
    );
    expect(status.metric?.id).toBe('surveys.platform-nps.nps');
    expect(status.status).toBe('met');
    expect(calls).toEqual(['surveys.platform-nps.nps@org']);
  });

  it('meets a manual criterion with a live attestation; expiry by date or by rule unmeets it', async () => {
    const { evaluator: e } = evaluator({});
    const manual = {
      type: 'manual' as const,
      id: 'paths',
      title: 'Paths defined',
      required: true,
    };
    const evaluate = (
      criterion: MaturityStageDefinition['criteria'][number],
      attestations: MaturityAttestation[],
    ) =>
      e
        .evaluate(
          capability,
          'platform-stages',
          stage([criterion]),
          attestations,
        )
        .then(([s]) => s);

    expect(await evaluate(manual, [])).toMatchObject({
      status: 'unmet',
      reason: 'Not attested yet',
    });
    expect(await evaluate(manual, [attestation({})])).toMatchObject({
      status: 'met',
      reason: 'Attested by user:default/ada on 2026-11-01',
      link: 'https://wiki.example/paths',
    });
    // Another stage's or model's attestation does not count.
    expect(
      (await evaluate(manual, [attestation({ stageId: 'prp' })])).status,
    ).toBe('unmet');
    expect(
      await evaluate(manual, [
        attestation({ expiresAt: '2026-12-01T00:00:00.000Z' }),
      ]),
    ).toMatchObject({
      status: 'unmet',
      reason: expect.stringMatching(/expired on 2026-12-01; attest it again/),
    });
    expect(
      await evaluate({ ...manual, expiresAfterDays: 30 }, [attestation({})]),
    ).toMatchObject({
      status: 'unmet',
      attestation: { expiresAt: '2026-12-01T00:00:00.000Z' },
    });
  });

  it('lets a live waiver win over any status, and an expired one not', async () => {
    const { evaluator: e } = evaluator({
      'group:default/payments': [1, 4],
      'group:default/search': [2, 4],
    });
    const waiver = attestation({
      id: 'w1',
      kind: 'waiver',
      criterionId: 'deploys',
      note: 'No team deploys infrastructure daily',
      evidenceUrl: undefined,
    });
    const [waived] = await e.evaluate(
      capability,
      'platform-stages',
      stage([metricCriterion]),
      [waiver],
    );
    expect(waived).toMatchObject({
      status: 'waived',
      reason:
        'Waived by user:default/ada: No team deploys infrastructure daily',
      value: 1,
      waiver: { id: 'w1' },
    });
    const [expired] = await e.evaluate(
      capability,
      'platform-stages',
      stage([metricCriterion]),
      [{ ...waiver, expiresAt: '2026-12-01T00:00:00.000Z' }],
    );
    expect(expired.status).toBe('unmet');
  });
});

describe('criterionWindow', () => {
  // A Sunday evening: the current ISO week began on Monday 30 November.
  const sunday = new Date('2026-12-06T20:00:00Z');

  it('gives per-interval aggregations whole intervals only, ending where the current one starts', () => {
    const window = criterionWindow(metricCriterion, sunday);
    expect(window.buckets.map(b => b.start.toISOString().slice(0, 10))).toEqual(
      ['2026-11-02', '2026-11-09', '2026-11-16', '2026-11-23'],
    );
    expect(window.to.toISOString()).toBe('2026-11-30T00:00:00.000Z');
    const months = criterionWindow(
      {
        ...metricCriterion,
        aggregation: 'latest',
        window: '6m',
        interval: 'month',
      },
      sunday,
    );
    expect(months.buckets.map(b => b.start.toISOString().slice(0, 7))).toEqual([
      '2026-06',
      '2026-07',
      '2026-08',
      '2026-09',
      '2026-10',
      '2026-11',
    ]);
  });

  it('keeps the window up to now for the whole-window value', () => {
    const window = criterionWindow(
      { ...metricCriterion, aggregation: 'window' },
      sunday,
    );
    expect(window.to).toEqual(sunday);
    expect(window.from.toISOString()).toBe('2026-11-08T20:00:00.000Z');
  });

  it('refuses a window shorter than one whole interval', () => {
    expect(() =>
      criterionWindow({ ...metricCriterion, window: '3d' }, sunday),
    ).toThrow(/holds no whole week/);
  });
});
