import {
  Bar,
  BarChart,
  CartesianGrid,
  Cell,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts';
import styles from './DistributionChart.module.css';

/** One bar: a score and how many gave it. */
export interface DistributionBar {
  label: string;
  count: number;
  color: string;
  /** The bar's category in the tooltip, e.g. "Promoter". */
  category?: string;
}

/**
 * Answers per score as a bar chart, each bar colored by its category. The
 * counts are in the label for screen readers.
 */
export function DistributionChart(props: {
  bars: DistributionBar[];
  /** What the chart is of, e.g. "Answers per score, 0 to 10". */
  label: string;
  height?: number;
}) {
  const { bars, label } = props;
  const height = props.height ?? 160;
  const text = `${label}: ${bars
    .map(b => `${b.label}: ${b.count}`)
    .join(', ')}`;
  return (
    <div
      role="img"
      aria-label={text}
      className={styles.chart}
      style={{ height }}
    >
      <ResponsiveContainer
        width="100%"
        height={height}
        initialDimension={{ width: 360, height }}
      >
        <BarChart data={bars} desc={text}>
          <CartesianGrid strokeDasharray="3 3" vertical={false} />
          <XAxis dataKey="label" tick={{ fontSize: 11 }} interval={0} />
          <YAxis allowDecimals={false} width={32} tick={{ fontSize: 11 }} />
          <Tooltip
            formatter={(value, _name, item) => [
              String(value),
              (item.payload as DistributionBar).category ?? 'Answers',
            ]}
          />
          <Bar dataKey="count" name="Answers" isAnimationActive={false}>
            {bars.map(b => (
              <Cell key={b.label} fill={b.color} />
            ))}
          </Bar>
        </BarChart>
      </ResponsiveContainer>
    </div>
  );
}
