import { SurveyTrendPoint } from '@flywheel/plugin-flywheel-common';
import { Text } from '@backstage/ui';
import {
  Area,
  CartesianGrid,
  ComposedChart,
  Line,
  ResponsiveContainer,
  Tooltip,
  TooltipProps,
  XAxis,
  YAxis,
} from 'recharts';
import { formatDate, formatRate } from '../../shared/format';
import {
  formatEstimate,
  formatInterval,
  formatNps,
  formatWholePercent,
} from '../surveyFormat';
import styles from './SurveyTrendChart.module.css';
import { ChartDataTable } from '../../shared/ChartDataTable';

const LINE_COLOR = '#1f5493';
const SIGNIFICANT_COLOR = '#d35400';
export const SIGNIFICANT_TEXT = 'significant change at 95%';

type Metric = 'nps' | 'csat';

interface Datum {
  label: string;
  point: SurveyTrendPoint;
  value?: number;
  range?: [number, number];
  significant: boolean;
}

function formatDelta(delta: number, metric: Metric): string {
  const rounded = Math.round(delta * 10) / 10;
  const sign = rounded > 0 ? '+' : '';
  const text = `${sign}${rounded}`.replace('-', '−');
  return metric === 'csat' ? `${text} points` : text;
}

function changeText(point: SurveyTrendPoint, metric: Metric): string {
  if (!point.change) {
    return '—';
  }
  const delta = formatDelta(point.change.delta, metric);
  return point.change.significant
    ? `${delta}, ${SIGNIFICANT_TEXT}`
    : `${delta}, not significant`;
}

function TrendTooltip(
  props: TooltipProps<number, string> & { metric: Metric },
) {
  const datum = props.payload?.[0]?.payload as Datum | undefined;
  if (!props.active || !datum) {
    return null;
  }
  const estimate = datum.point[props.metric];
  return (
    <div className={styles.tooltip}>
      <strong>
        Wave {datum.point.number} ({formatDate(datum.point.opensAt)})
      </strong>
      <div>
        {estimate
          ? `${props.metric === 'nps' ? 'NPS' : 'CSAT'} ${formatEstimate(
              estimate,
              props.metric,
            )}`
          : 'Hidden or no answers'}
      </div>
      <div>{datum.point.responses} responses</div>
      {datum.point.change && (
        <div className={datum.significant ? styles.significant : undefined}>
          Change {changeText(datum.point, props.metric)}
        </div>
      )}
    </div>
  );
}

function Dot(props: { cx?: number; cy?: number; payload?: Datum }) {
  const { cx, cy, payload } = props;
  if (cx === undefined || cy === undefined || payload?.value === undefined) {
    return null;
  }
  return payload.significant ? (
    <g>
      <circle
        cx={cx}
        cy={cy}
        r={8}
        fill="none"
        stroke={SIGNIFICANT_COLOR}
        strokeWidth={2}
      />
      <circle cx={cx} cy={cy} r={4} fill={SIGNIFICANT_COLOR} />
    </g>
  ) : (
    <circle cx={cx} cy={cy} r={3} fill={LINE_COLOR} />
  );
}

/**
 * The headline number across waves: NPS (or CSAT when the survey has no NPS
 * question) as a line, its 95% interval as a band, and the waves whose
 * change from the one before is significant at 95% marked. The chart has a
 * text summary, and the numbers are in a table under "Show the data".
 */
export function SurveyTrendChart(props: { trend: SurveyTrendPoint[] }) {
  const { trend } = props;
  const metric: Metric = trend.some(p => p.nps) ? 'nps' : 'csat';
  const name = metric === 'nps' ? 'NPS' : 'CSAT';
  const format = metric === 'nps' ? formatNps : formatWholePercent;

  if (trend.length === 0) {
    return (
      <Text as="p" color="secondary">
        No waves with results yet.
      </Text>
    );
  }
  if (trend.length === 1 || !trend.some(p => p.nps || p.csat)) {
    return (
      <Text as="p" variant="body-small" color="secondary">
        One wave so far; the trend appears from the second wave on.
      </Text>
    );
  }

  const data: Datum[] = trend.map(point => {
    const estimate = point[metric];
    return {
      label: `Wave ${point.number}`,
      point,
      value: estimate?.value,
      range: estimate ? [estimate.low, estimate.high] : undefined,
      significant: !!point.change?.significant,
    };
  });
  const summary = `${name} across ${trend.length} waves: ${data
    .map(
      d =>
        `wave ${d.point.number} ${
          d.value === undefined ? 'hidden' : format(d.value)
        }${d.significant ? ` (${SIGNIFICANT_TEXT})` : ''}`,
    )
    .join(', ')}.`;

  return (
    <div className={styles.root}>
      <div role="img" aria-label={summary} className={styles.chart}>
        <ResponsiveContainer
          width="100%"
          height={220}
          initialDimension={{ width: 560, height: 220 }}
        >
          <ComposedChart data={data} desc={summary}>
            <CartesianGrid strokeDasharray="3 3" vertical={false} />
            <XAxis dataKey="label" tick={{ fontSize: 11 }} />
            <YAxis
              domain={metric === 'nps' ? [-100, 100] : [0, 100]}
              unit={metric === 'csat' ? '%' : undefined}
              width={40}
              tick={{ fontSize: 11 }}
            />
            <Tooltip content={<TrendTooltip metric={metric} />} />
            <Area
              dataKey="range"
              name="95% interval"
              stroke="none"
              fill={LINE_COLOR}
              fillOpacity={0.15}
              isAnimationActive={false}
              connectNulls
            />
            <Line
              dataKey="value"
              name={name}
              stroke={LINE_COLOR}
              strokeWidth={2}
              dot={<Dot />}
              activeDot={false}
              connectNulls
              isAnimationActive={false}
            />
          </ComposedChart>
        </ResponsiveContainer>
      </div>
      <ul className={styles.legend} aria-label="Legend">
        <li>
          <span className={styles.lineSwatch} aria-hidden="true" />
          <Text variant="body-small">{name}</Text>
        </li>
        <li>
          <span className={styles.bandSwatch} aria-hidden="true" />
          <Text variant="body-small">95% interval</Text>
        </li>
        <li>
          <span className={styles.significantSwatch} aria-hidden="true" />
          <Text variant="body-small">
            Wave with a {SIGNIFICANT_TEXT} from the wave before
          </Text>
        </li>
      </ul>
      <ChartDataTable
        caption="Results per wave"
        columns={[
          'Wave',
          'Opened',
          'Responses',
          'Response rate',
          'NPS (95% interval)',
          'CSAT (95% interval)',
          `Change of ${name}`,
        ]}
        rows={trend.map(p => ({
          key: p.waveId,
          header: `Wave ${p.number}`,
          cells: [
            formatDate(p.opensAt),
            p.responses,
            formatRate(p.responseRate),
            p.nps
              ? `${formatNps(p.nps.value)} (${formatInterval(p.nps, 'nps')})`
              : '—',
            p.csat
              ? `${formatWholePercent(p.csat.value)} (${formatInterval(
                  p.csat,
                  'csat',
                )})`
              : '—',
            changeText(p, metric),
          ],
        }))}
      />
    </div>
  );
}
