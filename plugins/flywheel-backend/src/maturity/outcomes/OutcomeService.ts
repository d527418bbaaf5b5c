import {
  BackstageCredentials,
  PermissionsService,
} from '@backstage/backend-plugin-api';
import { InputError, NotAllowedError, NotFoundError } from '@backstage/errors';
import {
  flywheelMaturityReadPermission,
  flywheelOutcomeTargetsManagePermission,
  MetricDefinition,
  OutcomesResponse,
  OutcomeStatus,
  OutcomeTarget,
} from '@flywheel/plugin-flywheel-common';
import type { MetricReader } from '../../interfaces/metricRegistry';
import { authorizeOrThrow } from '../../permissions/authorize';
import { userRefOf } from '../../permissions/principals';
import { seriesWindow } from '../../time/seriesWindow';
import type { MaturityStore } from '../store/MaturityStore';
import { matchMetric } from '../metricPattern';
import type { OutcomeConfig } from './outcomeConfig';

/**
 * The product dashboard's outcomes: each configured metric over the
 * organisation with its trend, the change since the previous interval and
 * its target (set in the UI, else in config). Values follow the caller's
 * visibility, as every metric read does.
 */
export class OutcomeService {
  constructor(
    private readonly deps: {
      outcomes: OutcomeConfig[];
      metrics: Pick<MetricReader, 'list' | 'values'>;
      store: Pick<MaturityStore, 'listTargets' | 'setTarget' | 'deleteTarget'>;
      permissions: PermissionsService;
      now?: () => Date;
    },
  ) {}

  async outcomes(
    query: { window?: string; interval?: string },
    credentials: BackstageCredentials,
  ): Promise<OutcomesResponse> {
    await authorizeOrThrow(
      this.deps.permissions,
      flywheelMaturityReadPermission,
      credentials,
    );
    const window = seriesWindow(
      { window: query.window ?? '26w', interval: query.interval ?? 'week' },
      this.now(),
    );
    const [definitions, targets] = await Promise.all([
      this.deps.metrics.list(),
      this.deps.store.listTargets(),
    ]);
    const items = await Promise.all(
      this.deps.outcomes.map(async (outcome): Promise<OutcomeStatus> => {
        const metric = matchMetric(outcome.metric, definitions);
        const target = targetOf(targets.get(outcome.metric), outcome);
        const base = {
          family: outcome.family,
          key: outcome.metric,
          title: outcome.title ?? metric?.title ?? outcome.metric,
          target,
        };
        const empty = {
          ...base,
          points: [],
          current: null,
          previous: null,
          change: null,
          onTarget: null,
        };
        if (!metric) {
          return {
            ...empty,
            metric: null,
            hint: outcome.hint ?? `No metric matches '${outcome.metric}' yet`,
          };
        }
        let values;
        try {
          ({ values } = await this.deps.metrics.values(
            metric.id,
            { kind: 'org' },
            window.buckets,
            credentials,
          ));
        } catch (e) {
          return { ...empty, metric, hint: (e as Error).message };
        }
        const points = window.buckets.map((b, i) => ({
          start: b.start.toISOString(),
          end: b.end.toISOString(),
          value: values[i].value,
          sampleSize: values[i].sampleSize,
        }));
        const known = points.filter(p => p.value !== null);
        const current = known.at(-1)?.value ?? null;
        const previous = known.at(-2)?.value ?? null;
        return {
          ...base,
          metric,
          points,
          current,
          previous,
          change:
            current !== null && previous !== null
              ? Math.round((current - previous) * 100) / 100
              : null,
          onTarget: onTarget(metric, current, target),
          ...(known.length === 0 ? { hint: 'No data in this window yet' } : {}),
        };
      }),
    );
    return {
      from: window.from.toISOString(),
      to: window.to.toISOString(),
      interval: window.interval,
      items,
    };
  }

  async setTarget(
    key: string,
    body: unknown,
    credentials: BackstageCredentials,
  ): Promise<OutcomeTarget> {
    await this.authorizeManage(credentials);
    this.outcome(key);
    const value = (body as { value?: unknown } | null)?.value;
    if (
      typeof value !== 'number' ||
      !Number.isFinite(value) ||
      Math.abs(value) > 1e12
    ) {
      throw new InputError('value must be a finite number');
    }
    const keys = Object.keys(body as object);
    if (keys.some(k => k !== 'value')) {
      throw new InputError(
        `unknown field(s) ${keys.filter(k => k !== 'value').join(', ')}`,
      );
    }
    const setBy = userRefOf(credentials)!;
    const now = this.now();
    await this.deps.store.setTarget(key, value, setBy, now);
    return { value, source: 'ui', setBy, setAt: now.toISOString() };
  }

  async deleteTarget(
    key: string,
    credentials: BackstageCredentials,
  ): Promise<void> {
    await this.authorizeManage(credentials);
    this.outcome(key);
    await this.deps.store.deleteTarget(key);
  }

  private outcome(key: string): OutcomeConfig {
    const outcome = this.deps.outcomes.find(o => o.metric === key);
    if (!outcome) {
      throw new NotFoundError(
        `No outcome '${key}' on the dashboard; configured: ${this.deps.outcomes
          .map(o => o.metric)
          .join(', ')}`,
      );
    }
    return outcome;
  }

  private async authorizeManage(credentials: BackstageCredentials) {
    await authorizeOrThrow(
      this.deps.permissions,
      flywheelOutcomeTargetsManagePermission,
      credentials,
    );
    if (!userRefOf(credentials)) {
      throw new NotAllowedError('Targets are set by people');
    }
  }

  private now() {
    return this.deps.now?.() ?? new Date();
  }
}

/** The target set in the UI wins over the one in config. */
function targetOf(
  stored: { value: number; setBy: string; setAt: string } | undefined,
  outcome: OutcomeConfig,
): OutcomeTarget | null {
  if (stored) {
    return { ...stored, source: 'ui' };
  }
  return outcome.target === undefined
    ? null
    : { value: outcome.target, source: 'config' };
}

function onTarget(
  metric: MetricDefinition,
  current: number | null,
  target: OutcomeTarget | null,
): boolean | null {
  if (current === null || !target || metric.direction === 'neutral') {
    return null;
  }
  return metric.direction === 'higher'
    ? current >= target.value
    : current <= target.value;
}
