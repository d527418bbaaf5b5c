import {
  BackstageCredentials,
  PermissionsService,
} from '@backstage/backend-plugin-api';
import { InputError } from '@backstage/errors';
import {
  compareProportions,
  flywheelMetricsReadPermission,
  mannWhitney,
  MetricComparisonResponse,
  MetricDefinition,
  MetricPoint,
  MetricSeriesResponse,
  MetricsResponse,
} from '@flywheel/plugin-flywheel-common';
import { parseFullRef, parseRefOfKind } from '../catalog/entityRefs';
import { toCsv } from '../http/csv';
import type {
  MetricSamples,
  ResolvedScope,
} from '../interfaces/metricRegistry';
import { authorizeOrThrow } from '../permissions/authorize';
import { MetricRegistry } from './MetricRegistry';
import { seriesWindow } from '../time/seriesWindow';

/** A series or comparison request as the API takes it. */
export interface MetricQuery {
  groupRef?: string;
  entityRef?: string;
  goldenPath?: string;
  window?: string;
  from?: string;
  to?: string;
  interval?: string;
}

/** Reads any metric of the registry as a series, a CSV or a comparison. */
export class MetricService {
  constructor(
    private readonly deps: {
      registry: MetricRegistry;
      permissions: PermissionsService;
      now?: () => Date;
    },
  ) {}

  async list(credentials: BackstageCredentials): Promise<MetricsResponse> {
    await this.authorize(credentials);
    return { items: await this.deps.registry.list() };
  }

  async series(
    metricId: string,
    query: MetricQuery,
    credentials: BackstageCredentials,
  ): Promise<MetricSeriesResponse> {
    await this.authorize(credentials);
    const { definition, provider } = await this.deps.registry.get(metricId);
    const scope = resolveScope(definition, query);
    const window = seriesWindow(query, this.now());
    const whole = { start: window.from, end: window.to };
    const values = await provider.values(
      metricId,
      scope,
      [...window.buckets, whole],
      credentials,
    );
    const point = (
      bucket: { start: Date; end: Date },
      i: number,
    ): MetricPoint => ({
      start: bucket.start.toISOString(),
      end: bucket.end.toISOString(),
      value: values[i].value,
      sampleSize: values[i].sampleSize,
    });
    return {
      metric: definition,
      scope,
      from: window.from.toISOString(),
      to: window.to.toISOString(),
      interval: window.interval,
      points: window.buckets.map(point),
      total: point(whole, window.buckets.length),
    };
  }

  async seriesCsv(
    metricId: string,
    query: MetricQuery,
    credentials: BackstageCredentials,
  ): Promise<{ filename: string; csv: string }> {
    const series = await this.series(metricId, query, credentials);
    return {
      filename: `${metricId}.csv`,
      csv: toCsv(
        ['start', 'end', 'value', 'unit', 'sampleSize'],
        series.points.map(p => [
          p.start,
          p.end,
          p.value === null ? '' : String(p.value),
          series.metric.unit,
          String(p.sampleSize),
        ]),
      ),
    };
  }

  /**
   * Golden-path services against hand-made ones over the window, with the
   * sample sizes and a test of whether the difference is more than chance.
   */
  async comparison(
    metricId: string,
    query: MetricQuery,
    credentials: BackstageCredentials,
  ): Promise<MetricComparisonResponse> {
    await this.authorize(credentials);
    const { definition, provider } = await this.deps.registry.get(metricId);
    if (!definition.comparable || !provider.split) {
      throw new InputError(
        `Metric '${metricId}' is not split into golden-path and hand-made services`,
      );
    }
    const scope = resolveScope(definition, query);
    const window = seriesWindow(query, this.now());
    const sides = await provider.split(
      metricId,
      scope,
      { start: window.from, end: window.to },
      credentials,
    );
    const goldenPath = summary(sides.goldenPath);
    const handMade = summary(sides.handMade);
    const test = significance(sides.goldenPath, sides.handMade);
    const difference =
      goldenPath.value === null || handMade.value === null
        ? null
        : Math.round((goldenPath.value - handMade.value) * 100) / 100;
    return {
      metric: definition,
      scope,
      from: window.from.toISOString(),
      to: window.to.toISOString(),
      goldenPath,
      handMade,
      difference,
      test,
      summary: sentence(definition, goldenPath, handMade, difference, test),
    };
  }

  private async authorize(credentials: BackstageCredentials) {
    await authorizeOrThrow(
      this.deps.permissions,
      flywheelMetricsReadPermission,
      credentials,
    );
  }

  private now() {
    return this.deps.now?.() ?? new Date();
  }
}

/** At most one of groupRef, entityRef, goldenPath; none is the organisation. */
export function resolveScope(
  definition: MetricDefinition,
  query: MetricQuery,
): ResolvedScope {
  const given = (['groupRef', 'entityRef', 'goldenPath'] as const).filter(
    k => query[k] !== undefined,
  );
  if (given.length > 1) {
    throw new InputError(
      `Give at most one of groupRef, entityRef and goldenPath, got ${given.join(
        ' and ',
      )}`,
    );
  }
  let scope: ResolvedScope = { kind: 'org' };
  if (query.groupRef !== undefined) {
    scope = {
      kind: 'group',
      ref: parseRefOfKind(query.groupRef, 'group', 'groupRef'),
    };
  } else if (query.entityRef !== undefined) {
    scope = { kind: 'entity', ref: parseFullRef(query.entityRef, 'entityRef') };
  } else if (query.goldenPath !== undefined) {
    scope = {
      kind: 'goldenPath',
      ref: parseRefOfKind(query.goldenPath, 'template', 'goldenPath'),
    };
  }
  if (!definition.scopes.includes(scope.kind)) {
    throw new InputError(
      `Metric '${definition.id}' exists for ${definition.scopes.join(
        ', ',
      )}, not for ${scope.kind}`,
    );
  }
  return scope;
}

function round4(value: number) {
  return Math.round(value * 10_000) / 10_000;
}

function summary(samples: MetricSamples) {
  return {
    value: samples.value,
    sampleSize: samples.kind === 'values' ? samples.values.length : samples.n,
  };
}

function significance(
  goldenPath: MetricSamples,
  handMade: MetricSamples,
): MetricComparisonResponse['test'] {
  if (goldenPath.kind === 'values' && handMade.kind === 'values') {
    const test = mannWhitney(goldenPath.values, handMade.values);
    return test
      ? {
          name: 'Mann–Whitney U',
          pValue: round4(test.pValue),
          significant: test.significant,
        }
      : null;
  }
  if (goldenPath.kind === 'share' && handMade.kind === 'share') {
    // Too few on a side and the normal approximation misleads.
    if (goldenPath.n < 5 || handMade.n < 5) {
      return null;
    }
    const test = compareProportions(
      handMade.successes,
      handMade.n,
      goldenPath.successes,
      goldenPath.n,
    );
    return test
      ? {
          name: 'two-proportion z',
          pValue: round4(test.pValue),
          significant: test.significant,
        }
      : null;
  }
  return null;
}

function sentence(
  definition: MetricDefinition,
  goldenPath: { value: number | null; sampleSize: number },
  handMade: { value: number | null; sampleSize: number },
  difference: number | null,
  test: MetricComparisonResponse['test'],
): string {
  const sizes = `${goldenPath.sampleSize} golden-path and ${handMade.sampleSize} hand-made samples`;
  if (difference === null) {
    return `Not enough data to compare (${sizes}).`;
  }
  if (!test) {
    return `Too few samples to tell whether the difference is real (${sizes}; at least 5 on each side).`;
  }
  if (!test.significant) {
    return `No difference beyond chance (p = ${test.pValue.toFixed(
      2,
    )}, ${sizes}).`;
  }
  let side = 'different';
  if (definition.direction !== 'neutral') {
    const lowerIsBetter = definition.direction === 'lower';
    side = difference < 0 === lowerIsBetter ? 'better' : 'worse';
  }
  return `Golden-path services are ${side}, beyond chance (p = ${
    test.pValue < 0.001 ? '< 0.001' : test.pValue.toFixed(3)
  }, ${sizes}).`;
}
