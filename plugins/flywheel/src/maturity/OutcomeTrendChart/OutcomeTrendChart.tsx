import {
  MetricDefinition,
  MetricInterval,
  MetricPoint,
} from '@flywheel/plugin-flywheel-common';
import {
  Line,
  LineChart,
  ReferenceLine,
  ResponsiveContainer,
  XAxis,
  YAxis,
} from 'recharts';
import {
  axisFormatter,
  formatMetricValue,
  formatPointStart,
  POINT_COLUMN_TITLES,
  trendChartData,
  trendSummary,
} from '../../shared/metricFormat';
import styles from './OutcomeTrendChart.module.css';

const LINE_COLOR = 'var(--bui-accent-bg, #1f5493)';
const TARGET_COLOR = 'var(--bui-fg-secondary, #666)';

/**
 * An outcome's trend in a small chart: one point per interval, a gap where
 * an interval has no data, the target as a dashed line. Its text
 * alternative says the trend and the target, and the numbers are in a table
 * under "Show the data".
 */
export function OutcomeTrendChart(props: {
  title: string;
  metric: Pick<MetricDefinition, 'unit'>;
  points: MetricPoint[];
  interval: MetricInterval;
  target?: number;
}) {
  const { title, metric, points, interval, target } = props;
  if (points.length === 0) {
    return null;
  }
  const values = points.flatMap(p => (p.value === null ? [] : [p.value]));
  const tick = axisFormatter(metric.unit, [
    ...values,
    ...(target === undefined ? [] : [target]),
  ]);
  const summary = `Trend of ${title}: ${trendSummary(
    metric,
    points,
    interval,
  )}${
    target === undefined
      ? ''
      : ` Target ${formatMetricValue(target, metric.unit)}.`
  }`;
  const data = trendChartData(points, interval);

  return (
    <div className={styles.root}>
      <div role="img" aria-label={summary} className={styles.chart}>
        <ResponsiveContainer
          width="100%"
          height={96}
          initialDimension={{ width: 280, height: 96 }}
        >
          <LineChart
            data={data}
            margin={{ top: 6, right: 8, bottom: 0, left: 0 }}
          >
            <XAxis dataKey="label" hide />
            <YAxis
              width={44}
              tick={{ fontSize: 10 }}
              tickFormatter={(v: number) => tick(v)}
              domain={['auto', 'auto']}
              allowDecimals={metric.unit !== 'count'}
            />
            {target !== undefined && (
              <ReferenceLine
                y={target}
                stroke={TARGET_COLOR}
                strokeDasharray="4 3"
                ifOverflow="extendDomain"
              />
            )}
            <Line
              type="monotone"
              dataKey="value"
              stroke={LINE_COLOR}
              strokeWidth={2}
              dot={(dotProps: {
                cx?: number;
                cy?: number;
                index?: number;
                payload?: { lone: boolean };
              }) =>
                dotProps.payload?.lone &&
                dotProps.cx !== undefined &&
                dotProps.cy !== undefined ? (
                  <circle
                    key={dotProps.index}
                    cx={dotProps.cx}
                    cy={dotProps.cy}
                    r={3}
                    fill={LINE_COLOR}
                  />
                ) : (
                  <g key={dotProps.index} />
                )
              }
              connectNulls={false}
              isAnimationActive={false}
            />
          </LineChart>
        </ResponsiveContainer>
      </div>
      <details className={styles.details}>
        <summary>Show the data</summary>
        <table className={styles.table}>
          <caption className={styles.caption}>{title}</caption>
          <thead>
            <tr>
              <th scope="col">{POINT_COLUMN_TITLES[interval]}</th>
              <th scope="col">Value</th>
            </tr>
          </thead>
          <tbody>
            {points.map(p => (
              <tr key={p.start}>
                <th scope="row">{formatPointStart(p.start, interval)}</th>
                <td>{formatMetricValue(p.value, metric.unit)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </details>
    </div>
  );
}
