import { useCallback, useMemo } from 'react';
import { Link, Progress } from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import {
  MetricInterval,
  OutcomeFamily,
  OutcomeStatus,
} from '@flywheel/plugin-flywheel-common';
import { Flex, Select, Text } from '@backstage/ui';
import { useSearchParams } from 'react-router-dom';
import useAsyncRetry from 'react-use/esm/useAsyncRetry';
import { flywheelApiRef } from '../../api';
import { formatDate } from '../../shared/format';
import { LoadErrorAlert } from '../../shared/LoadErrorAlert';
import { INTERVAL_ADJECTIVES } from '../../shared/metricFormat';
import { Section } from '../../shared/Section';
import { OutcomeCard } from '../OutcomeCard';
import { MATURITY_DOCS_URL } from '../links';
import { refusedRead, useMaturityPermissions } from '../permissions';
import styles from './OutcomeDashboard.module.css';

/** The three families, in the dashboard's order. */
export const OUTCOME_FAMILIES: { id: OutcomeFamily; title: string }[] = [
  { id: 'satisfaction', title: 'Developer satisfaction' },
  { id: 'usage', title: 'Platform usage' },
  { id: 'valueStream', title: 'Value stream' },
];

const WINDOWS = [
  { id: '90d', label: 'Last 90 days' },
  { id: '26w', label: 'Last 26 weeks' },
  { id: '1y', label: 'Last year' },
];
const INTERVALS: { id: MetricInterval; label: string }[] = [
  { id: 'day', label: 'Day' },
  { id: 'week', label: 'Week' },
  { id: 'month', label: 'Month' },
];
const DEFAULT_WINDOW = '26w';
const DEFAULT_INTERVAL: MetricInterval = 'week';

/**
 * The window and interval, kept in the URL (`?window=&interval=`, defaults
 * left out) so a view can be shared and printed as seen.
 */
export function useOutcomeSpan(): [
  { window: string; interval: MetricInterval },
  (change: { window?: string; interval?: MetricInterval }) => void,
] {
  const [params, setParams] = useSearchParams();
  const span = useMemo(
    () => ({
      window:
        WINDOWS.find(w => w.id === params.get('window'))?.id ?? DEFAULT_WINDOW,
      interval:
        INTERVALS.find(i => i.id === params.get('interval'))?.id ??
        DEFAULT_INTERVAL,
    }),
    [params],
  );
  const update = useCallback(
    (change: { window?: string; interval?: MetricInterval }) => {
      const next = { ...span, ...change };
      const search = new URLSearchParams(params);
      search.delete('window');
      search.delete('interval');
      if (next.window !== DEFAULT_WINDOW) {
        search.set('window', next.window);
      }
      if (next.interval !== DEFAULT_INTERVAL) {
        search.set('interval', next.interval);
      }
      setParams(search, { replace: true });
    },
    [span, params, setParams],
  );
  return [span, update];
}

/**
 * The product dashboard's outcomes in three sections (developer
 * satisfaction, platform usage, value stream), one card per outcome with
 * its trend, latest value, change and target; "Edit target" for those
 * allowed to set targets. The window and interval are in the URL.
 */
export function OutcomeDashboard() {
  const flywheelApi = useApi(flywheelApiRef);
  const { canManageTargets } = useMaturityPermissions();
  const [span, setSpan] = useOutcomeSpan();
  const { value, loading, error, retry } = useAsyncRetry(
    () =>
      flywheelApi.getOutcomes({ window: span.window, interval: span.interval }),
    [flywheelApi, span.window, span.interval],
  );

  let body;
  if (!value && loading) {
    body = <Progress />;
  } else if (error) {
    body = (
      <LoadErrorAlert
        title="Could not load the outcomes"
        error={error}
        onRetry={retry}
        permission={refusedRead(error)}
      />
    );
  } else if (!value || value.items.length === 0) {
    body = (
      <Text as="p" color="secondary">
        No outcomes are configured for the product dashboard. See{' '}
        <Link to={MATURITY_DOCS_URL}>docs/maturity.md</Link> to choose them and
        their targets.
      </Text>
    );
  } else {
    const byFamily = new Map<OutcomeFamily, OutcomeStatus[]>();
    for (const outcome of value.items) {
      byFamily.set(outcome.family, [
        ...(byFamily.get(outcome.family) ?? []),
        outcome,
      ]);
    }
    body = (
      <Flex direction="column" gap="4">
        <Text variant="body-small" color="secondary">
          From {formatDate(value.from)} to {formatDate(value.to)},{' '}
          {INTERVAL_ADJECTIVES[value.interval]}.
        </Text>
        {OUTCOME_FAMILIES.map(family => {
          const outcomes = byFamily.get(family.id) ?? [];
          return (
            <Section key={family.id} title={family.title}>
              {outcomes.length === 0 ? (
                <Text as="p" variant="body-small" color="secondary">
                  No outcome of this kind is configured.
                </Text>
              ) : (
                <div className={styles.cards}>
                  {outcomes.map(outcome => (
                    <OutcomeCard
                      key={outcome.key}
                      outcome={outcome}
                      interval={value.interval}
                      canEditTarget={canManageTargets}
                      onTargetChanged={retry}
                    />
                  ))}
                </div>
              )}
            </Section>
          );
        })}
      </Flex>
    );
  }

  return (
    <Flex direction="column" gap="3">
      <section aria-label="Outcome span" className={styles.filters}>
        <Select
          label="Window"
          options={WINDOWS}
          value={span.window}
          onChange={key => setSpan({ window: String(key) })}
        />
        <Select
          label="Interval"
          description="The width of one point"
          options={INTERVALS}
          value={span.interval}
          onChange={key => setSpan({ interval: String(key) as MetricInterval })}
        />
      </section>
      {body}
    </Flex>
  );
}
