import { MonthlyCount } from '@flywheel/plugin-flywheel-common';
import { Text } from '@backstage/ui';
import {
  Bar,
  BarChart,
  CartesianGrid,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts';
import { formatMonth } from '../../shared/format';
import styles from './CreationsChart.module.css';

/**
 * Services created per month from one golden path. The chart is drawn for
 * sighted users; screen readers get the same numbers from the figure's label.
 */
export function CreationsChart(props: {
  pathTitle: string;
  creationsByMonth: MonthlyCount[];
}) {
  const { pathTitle, creationsByMonth } = props;
  const data = creationsByMonth.map(m => ({
    label: formatMonth(m.month),
    count: m.count,
  }));
  const total = creationsByMonth.reduce((sum, m) => sum + m.count, 0);
  const title = `Services created per month from ${pathTitle}`;
  const summary = `${title}, last ${creationsByMonth.length} months: ${data
    .map(d => `${d.label}: ${d.count}`)
    .join(', ')}`;

  return (
    <figure className={styles.figure}>
      <figcaption>
        <Text variant="body-small" color="secondary">
          Services created per month ({total} in the last{' '}
          {creationsByMonth.length} months)
        </Text>
      </figcaption>
      <div role="img" aria-label={summary} className={styles.chart}>
        <ResponsiveContainer
          width="100%"
          height={160}
          initialDimension={{ width: 480, height: 160 }}
        >
          <BarChart data={data} title={title} desc={summary}>
            <CartesianGrid strokeDasharray="3 3" vertical={false} />
            <XAxis dataKey="label" tick={{ fontSize: 11 }} interval={0} />
            <YAxis allowDecimals={false} width={28} tick={{ fontSize: 11 }} />
            <Tooltip />
            <Bar
              dataKey="count"
              name="Services created"
              fill="var(--bui-accent-bg, #1f5493)"
              radius={[3, 3, 0, 0]}
              isAnimationActive={false}
            />
          </BarChart>
        </ResponsiveContainer>
      </div>
    </figure>
  );
}
