import { MetricDefinition } from '@flywheel/plugin-flywheel-common';
import { Skeleton, Text } from '@backstage/ui';
import { MetricSeriesQuery } from '../../api';
import { isForbidden } from '../../shared/errors';
import { Sparkline } from '../Sparkline';
import { formatMetricValue, formatSamples } from '../../shared/metricFormat';
import { useMetricSeries } from '../useMetricSeries';
import styles from './MetricTile.module.css';
import statusText from '../../shared/statusText.module.css';

/**
 * One metric as a toggle button: its title, its value over the whole
 * window with the samples behind it, and a sparkline of the trend. Pressing
 * it shows the metric in full. A metric the registry does not publish for
 * the chosen scope is shown disabled, with why.
 */
export function MetricTile(props: {
  metric: MetricDefinition;
  query: MetricSeriesQuery;
  selected: boolean;
  /** Why the metric is not offered for the scope; absent when it is. */
  unavailable?: string;
  onSelect: () => void;
  /** The id of the region that shows the selected metric. */
  controls: string;
}) {
  const { metric, query, selected, unavailable, onSelect, controls } = props;
  const { value, loading, error } = useMetricSeries(metric.id, query, {
    skip: !!unavailable,
  });

  let body;
  if (unavailable) {
    body = (
      <Text variant="body-small" color="secondary">
        {unavailable}
      </Text>
    );
  } else if (loading) {
    body = <Skeleton width="6rem" height="1.5rem" />;
  } else if (error || !value) {
    // A refusal is explained in full when the metric is shown.
    body = (
      <Text variant="body-small">
        <span className={statusText.danger}>
          {error && isForbidden(error)
            ? 'Not available to you'
            : 'Could not load'}
        </span>
      </Text>
    );
  } else {
    const empty = value.total.sampleSize === 0;
    body = (
      <span className={styles.figures}>
        <span className={styles.numbers}>
          <Text
            variant="title-small"
            weight="bold"
            color={empty ? 'secondary' : 'primary'}
          >
            {formatMetricValue(empty ? null : value.total.value, metric.unit)}
          </Text>
          <Text variant="body-x-small" color="secondary">
            {formatSamples(value.total.sampleSize)}
          </Text>
        </span>
        <Sparkline
          metric={metric}
          points={value.points}
          interval={value.interval}
          decorative
        />
      </span>
    );
  }

  return (
    <button
      type="button"
      className={styles.tile}
      aria-pressed={selected}
      aria-controls={controls}
      disabled={!!unavailable}
      onClick={onSelect}
    >
      <Text variant="body-small" weight="bold">
        {metric.title}
      </Text>
      {body}
    </button>
  );
}
