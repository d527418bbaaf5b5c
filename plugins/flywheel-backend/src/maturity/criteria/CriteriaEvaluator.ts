import { BackstageCredentials } from '@backstage/backend-plugin-api';
import {
  criterionMetricsLink,
  describeCriterionValue,
  judgeCriterionValue,
  MaturityAttestation,
  MaturityCriterionStatus,
  MaturityStageDefinition,
  MetricCriterionDefinition,
  MetricDefinition,
  MetricScope,
  ManualCriterionDefinition,
} from '@flywheel/plugin-flywheel-common';
import type {
  MetricReader,
  MetricValue,
  ResolvedScope,
} from '../../interfaces/metricRegistry';
import { InputError } from '@backstage/errors';
import { DateTime } from 'luxon';
import { SeriesWindow, seriesWindow } from '../../time/seriesWindow';
import type { Capability } from '../capabilities/Capability';
import { combine, reduceValues } from './judgeMetric';
import { matchMetric } from '../metricPattern';

const DAY_MS = 86_400_000;

/** What a metric read gave for one scope. */
type ScopeReading =
  | { ok: true; definition: MetricDefinition; reduced: MetricValue }
  | { ok: false; reason: string };

/**
 * Evaluates a stage's exit criteria for a capability: metric criteria from
 * the registry under the caller's credentials (so nobody learns numbers
 * about entities hidden from them), manual ones from attestations; a live
 * waiver wins over both. One evaluator per request: metric reads and
 * pattern lookups are shared across the capabilities of a board.
 */
export class CriteriaEvaluator {
  private readonly reads = new Map<string, Promise<ScopeReading>>();
  private metricList?: Promise<MetricDefinition[]>;

  constructor(
    private readonly deps: {
      metrics: Pick<MetricReader, 'list' | 'values'>;
      credentials: BackstageCredentials;
      now: Date;
    },
  ) {}

  async evaluate(
    capability: Capability,
    modelId: string,
    stage: MaturityStageDefinition,
    attestations: MaturityAttestation[],
  ): Promise<MaturityCriterionStatus[]> {
    return Promise.all(
      stage.criteria.map(async criterion => {
        const mine = attestations.filter(
          a =>
            a.capabilityRef === capability.entityRef &&
            a.modelId === modelId &&
            a.stageId === stage.id &&
            a.criterionId === criterion.id,
        );
        const waiver = this.live(mine, 'waiver');
        const status =
          criterion.type === 'manual'
            ? this.manual(criterion, mine)
            : await this.metric(criterion, capability);
        if (waiver) {
          return {
            ...status,
            status: 'waived' as const,
            reason: `Waived by ${waiver.by}: ${waiver.note}`,
            waiver,
          };
        }
        return status;
      }),
    );
  }

  private manual(
    criterion: ManualCriterionDefinition,
    attestations: MaturityAttestation[],
  ): MaturityCriterionStatus {
    const base = {
      id: criterion.id,
      title: criterion.title,
      ...(criterion.description ? { description: criterion.description } : {}),
      type: 'manual' as const,
      required: criterion.required,
    };
    const latest = attestations.find(a => a.kind === 'attestation');
    if (!latest) {
      return { ...base, status: 'unmet', reason: 'Not attested yet' };
    }
    const expiresAt = this.expiry(latest, criterion.expiresAfterDays);
    const attestation = expiresAt
      ? { ...latest, expiresAt: expiresAt.toISOString() }
      : latest;
    if (expiresAt && expiresAt <= this.deps.now) {
      return {
        ...base,
        status: 'unmet',
        reason: `The attestation by ${latest.by} expired on ${expiresAt
          .toISOString()
          .slice(0, 10)}; attest it again`,
        attestation,
        ...(latest.evidenceUrl ? { link: latest.evidenceUrl } : {}),
      };
    }
    return {
      ...base,
      status: 'met',
      reason: `Attested by ${latest.by} on ${latest.at.slice(0, 10)}`,
      attestation,
      ...(latest.evidenceUrl ? { link: latest.evidenceUrl } : {}),
    };
  }

  private async metric(
    criterion: MetricCriterionDefinition,
    capability: Capability,
  ): Promise<MaturityCriterionStatus> {
    const base: MaturityCriterionStatus = {
      id: criterion.id,
      title: criterion.title,
      ...(criterion.description ? { description: criterion.description } : {}),
      type: 'metric',
      required: criterion.required,
      status: 'unknown',
      reason: '',
      comparator: criterion.comparator,
      threshold: criterion.threshold,
      minSampleSize: criterion.minSampleSize,
      aggregation: criterion.aggregation,
    };
    const metricId = await this.resolveMetric(criterion.metric);
    if (!metricId) {
      return {
        ...base,
        reason: `No metric matches '${criterion.metric}' yet (GET /metrics lists them)`,
      };
    }
    const { scopes, match, missing } = scopesOf(criterion.scope, capability);
    if (scopes.length === 0) {
      return { ...base, reason: missing ?? 'No scope to measure' };
    }
    let window;
    try {
      window = criterionWindow(criterion, this.deps.now);
    } catch (e) {
      return { ...base, reason: (e as Error).message };
    }
    const readings = await Promise.all(
      scopes.map(scope => this.read(metricId, scope, criterion, window)),
    );
    const states = readings.map(r =>
      r.ok ? judgeCriterionValue(r.reduced, criterion) : ('unknown' as const),
    );
    const { status, representative } = combine(states, match);
    const reading = readings[representative];
    const scope = scopes[representative];
    const shown: MaturityCriterionStatus = {
      ...base,
      status,
      scope: scopes.map(publicScope),
      from: window.from.toISOString(),
      to: window.to.toISOString(),
      link: criterionMetricsLink(
        metricId,
        publicScope(scope),
        criterion.window,
      ),
    };
    if (!reading.ok) {
      return { ...shown, reason: reading.reason };
    }
    const { definition, reduced } = reading;
    return {
      ...shown,
      metric: {
        id: definition.id,
        title: definition.title,
        unit: definition.unit,
        direction: definition.direction,
      },
      value: reduced.value,
      sampleSize: reduced.sampleSize,
      reason: describeCriterionValue({
        status,
        value: reduced.value,
        sampleSize: reduced.sampleSize,
        unit: definition.unit,
        criterion,
        scopeName: scopes.length > 1 ? scopeName(scope) : undefined,
      }),
    };
  }

  private async read(
    metricId: string,
    scope: ResolvedScope,
    criterion: MetricCriterionDefinition,
    window: SeriesWindow,
  ): Promise<ScopeReading> {
    const key = JSON.stringify([
      metricId,
      scope.kind,
      scope.ref,
      criterion.window,
      criterion.interval,
      criterion.aggregation,
    ]);
    let reading = this.reads.get(key);
    if (!reading) {
      const whole = { start: window.from, end: window.to };
      reading = this.deps.metrics
        .values(
          metricId,
          scope,
          [...window.buckets, whole],
          this.deps.credentials,
        )
        .then(
          ({ definition, values }): ScopeReading => ({
            ok: true,
            definition,
            reduced: reduceValues(
              values.slice(0, -1),
              values[values.length - 1],
              criterion.aggregation,
              criterion.minSampleSize,
            ),
          }),
          (e: Error): ScopeReading => ({ ok: false, reason: e.message }),
        );
      this.reads.set(key, reading);
    }
    return reading;
  }

  /** `surveys.*.nps`: the first registered metric that matches. */
  private async resolveMetric(pattern: string): Promise<string | undefined> {
    if (!pattern.includes('*')) {
      return pattern;
    }
    this.metricList ??= this.deps.metrics.list();
    return matchMetric(pattern, await this.metricList)?.id;
  }

  private live(
    attestations: MaturityAttestation[],
    kind: MaturityAttestation['kind'],
  ): MaturityAttestation | undefined {
    const latest = attestations.find(a => a.kind === kind);
    if (!latest) {
      return undefined;
    }
    const expiresAt = this.expiry(latest);
    return expiresAt && expiresAt <= this.deps.now ? undefined : latest;
  }

  private expiry(
    attestation: MaturityAttestation,
    expiresAfterDays?: number,
  ): Date | undefined {
    const explicit = attestation.expiresAt
      ? new Date(attestation.expiresAt)
      : undefined;
    const byRule = expiresAfterDays
      ? new Date(Date.parse(attestation.at) + expiresAfterDays * DAY_MS)
      : undefined;
    if (explicit && byRule) {
      return explicit < byRule ? explicit : byRule;
    }
    return explicit ?? byRule;
  }
}

/**
 * The criterion's window. Per-interval aggregations see whole intervals
 * only, the last one ending where the current one starts: a partial week
 * (a Sunday night, a wave just opened) would judge a rate on a few hours.
 */
export function criterionWindow(
  criterion: MetricCriterionDefinition,
  now: Date,
): SeriesWindow {
  if (criterion.aggregation === 'window') {
    return seriesWindow(
      { window: criterion.window, interval: criterion.interval },
      now,
    );
  }
  const unit = criterion.interval;
  const to = DateTime.fromJSDate(now, { zone: 'utc' }).startOf(unit);
  const window = seriesWindow(
    { window: criterion.window, interval: unit, to: to.toISO()! },
    now,
  );
  const buckets = window.buckets.filter(b => {
    const start = DateTime.fromJSDate(b.start, { zone: 'utc' });
    return (
      start.equals(start.startOf(unit)) &&
      b.end.getTime() === start.plus({ [`${unit}s`]: 1 }).toMillis()
    );
  });
  if (buckets.length === 0) {
    throw new InputError(
      `The window ${criterion.window} holds no whole ${unit}: choose a longer window or a shorter interval`,
    );
  }
  return {
    ...window,
    from: buckets[0].start,
    to: buckets[buckets.length - 1].end,
    buckets,
  };
}

/** The scopes a criterion is measured over for this capability. */
export function scopesOf(
  spec: string,
  capability: Capability,
): { scopes: ResolvedScope[]; match: 'all' | 'any'; missing?: string } {
  if (spec === 'org') {
    return { scopes: [{ kind: 'org' }], match: 'all' };
  }
  if (spec === 'capability') {
    return {
      scopes: [{ kind: 'entity', ref: capability.entityRef }],
      match: 'all',
    };
  }
  if (spec === 'goldenPaths') {
    return {
      scopes: capability.goldenPaths.map(ref => ({
        kind: 'goldenPath' as const,
        ref,
      })),
      match: 'all',
      missing:
        'The capability names no golden paths: list their template refs in its flywheel.dev/golden-paths annotation, or waive the criterion if it does not apply',
    };
  }
  if (spec === 'teams') {
    return {
      scopes: capability.teams.map(ref => ({ kind: 'group' as const, ref })),
      match: 'any',
      missing:
        'The capability names no pioneering or adopting teams: list their group refs in its flywheel.dev/teams annotation, or waive the criterion if it does not apply',
    };
  }
  const [kind] = spec.split(':');
  return {
    scopes: [
      {
        kind:
          kind.toLocaleLowerCase('en-US') === 'template'
            ? 'goldenPath'
            : 'group',
        ref: spec.toLocaleLowerCase('en-US'),
      },
    ],
    match: 'all',
  };
}

function publicScope(scope: ResolvedScope): MetricScope {
  return scope.ref
    ? { kind: scope.kind, ref: scope.ref }
    : { kind: scope.kind };
}

function scopeName(scope: ResolvedScope): string {
  return scope.ref ?? 'the organisation';
}
