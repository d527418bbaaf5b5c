import {
  MetricDefinition,
  MetricSeriesResponse,
} from '@flywheel/plugin-flywheel-common';
import { Text } from '@backstage/ui';
import {
  CartesianGrid,
  Line,
  LineChart,
  ResponsiveContainer,
  Tooltip,
  TooltipProps,
  XAxis,
  YAxis,
} from 'recharts';
import {
  axisFormatter,
  formatMetricValue,
  formatPointHeading,
  formatPointStart,
  formatSamples,
  INTERVAL_ADJECTIVES,
  NO_DATA,
  POINT_COLUMN_TITLES,
  trendChartData,
  TrendDatum,
  trendSummary,
} from '../../shared/metricFormat';
import styles from './MetricTrendChart.module.css';

const LINE_COLOR = 'var(--bui-accent-bg, #1f5493)';
/** Up to this many points every point gets a dot; beyond, only lone ones. */
const DOTS_UP_TO = 30;

function PointTooltip(
  props: TooltipProps<number, string> & {
    metric: MetricDefinition;
    series: MetricSeriesResponse;
  },
) {
  const datum = props.payload?.[0]?.payload as TrendDatum | undefined;
  if (!props.active || !datum) {
    return null;
  }
  const { metric, series } = props;
  return (
    <div className={styles.tooltip}>
      <strong>{formatPointHeading(datum.point.start, series.interval)}</strong>
      <div>{formatMetricValue(datum.value, metric.unit)}</div>
      <div>{formatSamples(datum.point.sampleSize)}</div>
    </div>
  );
}

function Dot(props: {
  cx?: number;
  cy?: number;
  payload?: TrendDatum;
  many: boolean;
}) {
  const { cx, cy, payload, many } = props;
  if (
    cx === undefined ||
    cy === undefined ||
    payload?.value === null ||
    payload?.value === undefined ||
    (many && !payload.lone)
  ) {
    return null;
  }
  return <circle cx={cx} cy={cy} r={3} fill={LINE_COLOR} />;
}

/**
 * A metric over a window, one point per interval, with the value axis and
 * tooltip in the metric's unit. An interval without samples is a gap in the
 * line and "no data" in the table, never a zero. The chart has a text
 * summary, and the numbers are in a table under "Show the data".
 */
export function MetricTrendChart(props: {
  series: MetricSeriesResponse;
  /** Whose numbers, e.g. "Commerce" or "the whole organisation". */
  subject: string;
}) {
  const { series, subject } = props;
  const { metric, points, interval } = series;

  if (points.length === 0) {
    return (
      <Text as="p" color="secondary">
        The window holds no {interval}s.
      </Text>
    );
  }

  const data: TrendDatum[] = trendChartData(points, interval);
  const values = points.flatMap(p => (p.value === null ? [] : [p.value]));
  const tick = axisFormatter(metric.unit, values);
  const many = points.length > DOTS_UP_TO;
  const summary = `${metric.title} for ${subject}, ${
    INTERVAL_ADJECTIVES[interval]
  } from ${formatPointStart(points[0].start, interval)}. ${trendSummary(
    metric,
    points,
    interval,
  )}`;

  return (
    <div className={styles.root}>
      <figure className={styles.figure}>
        <div role="img" aria-label={summary} className={styles.chart}>
          <ResponsiveContainer
            width="100%"
            height={220}
            initialDimension={{ width: 640, height: 220 }}
          >
            <LineChart
              data={data}
              desc={summary}
              margin={{ top: 8, right: 16, bottom: 0, left: 0 }}
            >
              <CartesianGrid strokeDasharray="3 3" vertical={false} />
              <XAxis dataKey="label" tick={{ fontSize: 11 }} minTickGap={16} />
              <YAxis
                tickFormatter={(v: number) => tick(v)}
                width={56}
                tick={{ fontSize: 11 }}
                domain={metric.unit === 'percent' ? [0, 100] : [0, 'auto']}
                allowDecimals={metric.unit !== 'count'}
              />
              <Tooltip
                content={<PointTooltip metric={metric} series={series} />}
              />
              <Line
                type="monotone"
                dataKey="value"
                name={metric.title}
                stroke={LINE_COLOR}
                strokeWidth={2}
                dot={<Dot many={many} />}
                activeDot={{ r: 4 }}
                connectNulls={false}
                isAnimationActive={false}
              />
            </LineChart>
          </ResponsiveContainer>
        </div>
      </figure>
      <details className={styles.details}>
        <summary>
          <Text variant="body-small">Show the data</Text>
        </summary>
        <div
          className={styles.tableScroll}
          role="region"
          aria-label={`${metric.title} data for ${subject}`}
          // A scrollable region must take focus so keyboard users can scroll it.
          // eslint-disable-next-line jsx-a11y/no-noninteractive-tabindex
          tabIndex={0}
        >
          <table className={styles.table}>
            <caption className={styles.caption}>
              {metric.title} for {subject}, {INTERVAL_ADJECTIVES[interval]}
            </caption>
            <thead>
              <tr>
                <th scope="col">{POINT_COLUMN_TITLES[interval]}</th>
                <th scope="col">Value</th>
                <th scope="col">Samples</th>
              </tr>
            </thead>
            <tbody>
              {points.map(p => (
                <tr key={p.start}>
                  <th scope="row">{formatPointStart(p.start, interval)}</th>
                  <td className={p.value === null ? styles.noData : undefined}>
                    {formatMetricValue(p.value, metric.unit)}
                  </td>
                  <td>{p.sampleSize}</td>
                </tr>
              ))}
            </tbody>
            <tfoot>
              <tr>
                <th scope="row">Whole window</th>
                <td>{formatMetricValue(series.total.value, metric.unit)}</td>
                <td>{series.total.sampleSize}</td>
              </tr>
            </tfoot>
          </table>
        </div>
      </details>
      {values.length === 0 && (
        <Text as="p" variant="body-small" color="secondary">
          Every {interval} in the window has {NO_DATA}.
        </Text>
      )}
    </div>
  );
}
