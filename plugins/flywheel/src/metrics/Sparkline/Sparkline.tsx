import {
  MetricDefinition,
  MetricInterval,
  MetricPoint,
} from '@flywheel/plugin-flywheel-common';
import { Line, LineChart, YAxis } from 'recharts';
import { trendSummary } from '../../shared/metricFormat';
import styles from './Sparkline.module.css';

const WIDTH = 120;
const HEIGHT = 32;

/**
 * A metric's trend in a line without axes, next to its headline number. Gaps
 * where an interval has no data; the trend in words for screen readers.
 */
export function Sparkline(props: {
  metric: Pick<MetricDefinition, 'title' | 'unit'>;
  points: MetricPoint[];
  interval: MetricInterval;
  /** Next to text that says the same (a tile): hidden from screen readers. */
  decorative?: boolean;
}) {
  const { metric, points, interval, decorative } = props;
  if (points.filter(p => p.value !== null).length < 2) {
    // A line needs two points; the headline number says the rest.
    return null;
  }
  const label = `Trend of ${metric.title}: ${trendSummary(
    metric,
    points,
    interval,
  )}`;
  return (
    <div
      className={styles.sparkline}
      {...(decorative
        ? { 'aria-hidden': true }
        : { role: 'img', 'aria-label': label })}
    >
      <LineChart
        width={WIDTH}
        height={HEIGHT}
        data={points.map(p => ({ value: p.value }))}
        margin={{ top: 3, right: 3, bottom: 3, left: 3 }}
      >
        <YAxis hide domain={['dataMin', 'dataMax']} />
        <Line
          type="monotone"
          dataKey="value"
          stroke="var(--bui-accent-bg, #1f5493)"
          strokeWidth={1.5}
          dot={false}
          connectNulls={false}
          isAnimationActive={false}
        />
      </LineChart>
    </div>
  );
}
