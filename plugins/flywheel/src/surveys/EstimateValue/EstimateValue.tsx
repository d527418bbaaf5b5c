import { Estimate } from '@flywheel/plugin-flywheel-common';
import { Text } from '@backstage/ui';
import {
  formatEstimate,
  formatInterval,
  formatNps,
  formatWholePercent,
} from '../surveyFormat';
import styles from './EstimateValue.module.css';

const SCALES = {
  nps: { min: -100, max: 100 },
  csat: { min: 0, max: 100 },
};

/**
 * An NPS or CSAT as a big number with "±" half its 95% interval, the
 * interval in words, and a small bar placing the interval on the scale. A
 * census (everyone answered) is exact: no "±" and no interval.
 */
export function EstimateValue(props: {
  estimate: Estimate;
  kind: 'nps' | 'csat';
  /** What the number is, e.g. "NPS". */
  label: string;
  /** Everyone in the population answered. */
  census?: boolean;
}) {
  const { estimate, kind, label, census } = props;
  const { min, max } = SCALES[kind];
  const position = (v: number) =>
    `${((Math.min(max, Math.max(min, v)) - min) / (max - min)) * 100}%`;
  const format = kind === 'nps' ? formatNps : formatWholePercent;
  const interval = census
    ? 'none, everyone answered: the number is exact'
    : formatInterval(estimate, kind);

  return (
    <div className={styles.root}>
      <Text variant="body-small" color="secondary">
        {label}
      </Text>
      <Text as="p" variant="title-large" weight="bold" className={styles.value}>
        {census ? format(estimate.value) : formatEstimate(estimate, kind)}
      </Text>
      <Text variant="body-x-small" color="secondary">
        95% interval: {interval}
      </Text>
      <div
        className={styles.bar}
        role="img"
        aria-label={`${label} ${format(
          estimate.value,
        )}, 95% interval ${interval}, on a scale from ${format(
          min,
        )} to ${format(max)}`}
      >
        {kind === 'nps' && (
          <span className={styles.zero} style={{ left: position(0) }} />
        )}
        <span
          className={styles.interval}
          style={{
            left: position(estimate.low),
            width: `calc(${position(estimate.high)} - ${position(
              estimate.low,
            )})`,
          }}
        />
        <span
          className={styles.point}
          style={{ left: position(estimate.value) }}
        />
      </div>
      <div className={styles.scale} aria-hidden="true">
        <span>{format(min)}</span>
        <span>{format(max)}</span>
      </div>
    </div>
  );
}
