import {
  ScorecardHistoryPoint,
  ScorecardInfo,
} from '@flywheel/plugin-flywheel-common';
import { Text } from '@backstage/ui';
import {
  Area,
  AreaChart,
  CartesianGrid,
  Legend,
  Line,
  LineChart,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts';
import { formatDay } from '../../shared/format';
import { formatScore, LEVEL_COLORS, levelEntries } from '../model';
import styles from './ScorecardTrendChart.module.css';
import { ChartDataTable } from '../../shared/ChartDataTable';

function scoreSummary(points: ScorecardHistoryPoint[]): string {
  const scored = points.filter(p => p.averageScore !== null);
  if (scored.length === 0) {
    return 'No average score recorded in this period.';
  }
  const first = scored[0];
  const last = scored[scored.length - 1];
  const values = scored.map(p => p.averageScore as number);
  return `Average score from ${formatScore(first.averageScore)} on ${formatDay(
    first.day,
    { withYear: true },
  )} to ${formatScore(last.averageScore)} on ${formatDay(last.day, {
    withYear: true,
  })}; lowest ${formatScore(Math.min(...values))}, highest ${formatScore(
    Math.max(...values),
  )}.`;
}

function levelSummary(
  scorecard: Pick<ScorecardInfo, 'levels'>,
  points: ScorecardHistoryPoint[],
): string {
  const describe = (p: ScorecardHistoryPoint) =>
    levelEntries(scorecard, p.levels)
      .map(l => `${l.title} ${l.count}`)
      .join(', ');
  const first = points[0];
  const last = points[points.length - 1];
  if (first === last) {
    return `Entities per level on ${formatDay(last.day, {
      withYear: true,
    })}: ${describe(last)}.`;
  }
  return `Entities per level on ${formatDay(first.day, {
    withYear: true,
  })}: ${describe(first)}; on ${formatDay(last.day, {
    withYear: true,
  })}: ${describe(last)}.`;
}

/**
 * A scorecard's trend over daily snapshots: the average score and how many
 * entities are at each level. Each chart has a text summary for screen
 * readers, and the numbers are in a table under "Show the data".
 */
export function ScorecardTrendChart(props: {
  scorecard: ScorecardInfo;
  points: ScorecardHistoryPoint[];
  /** Whose trend, e.g. "Commerce" or "the whole catalog". */
  subject: string;
}) {
  const { scorecard, points, subject } = props;

  if (points.length === 0) {
    return (
      <Text as="p" color="secondary">
        No history yet. Flywheel takes a snapshot of every scorecard once a day;
        the trend appears after the first one.
      </Text>
    );
  }

  if (points.length === 1) {
    const [only] = points;
    return (
      <Text as="p" variant="body-small">
        One snapshot so far, on {formatDay(only.day, { withYear: true })}:{' '}
        {only.entityCount} entities, average score{' '}
        {formatScore(only.averageScore)};{' '}
        {levelEntries(scorecard, only.levels)
          .map(l => `${l.title} ${l.count}`)
          .join(', ')}
        . Flywheel takes a snapshot once a day; the trend draws from the second.
      </Text>
    );
  }

  const entries = levelEntries(scorecard, {});
  const data = points.map(p => ({
    label: formatDay(p.day),
    averageScore: p.averageScore,
    ...Object.fromEntries(
      levelEntries(scorecard, p.levels).map(l => [l.id, l.count]),
    ),
  }));
  const days = `${points.length} day${points.length === 1 ? '' : 's'}`;
  const scoreText = `Average score of ${subject}, last ${days}. ${scoreSummary(
    points,
  )}`;
  const levelsText = `Entities per level in ${subject}, last ${days}. ${levelSummary(
    scorecard,
    points,
  )}`;

  return (
    <div className={styles.root}>
      <div className={styles.charts}>
        <figure className={styles.figure}>
          <figcaption>
            <Text variant="body-small" weight="bold">
              Average score
            </Text>
          </figcaption>
          <div role="img" aria-label={scoreText} className={styles.chart}>
            <ResponsiveContainer
              width="100%"
              height={180}
              initialDimension={{ width: 480, height: 180 }}
            >
              <LineChart data={data} desc={scoreText}>
                <CartesianGrid strokeDasharray="3 3" vertical={false} />
                <XAxis
                  dataKey="label"
                  tick={{ fontSize: 11 }}
                  minTickGap={16}
                />
                <YAxis
                  domain={[0, 100]}
                  unit="%"
                  width={40}
                  tick={{ fontSize: 11 }}
                />
                <Tooltip formatter={value => formatScore(Number(value))} />
                <Line
                  type="monotone"
                  dataKey="averageScore"
                  name="Average score"
                  stroke="var(--bui-accent-bg, #1f5493)"
                  strokeWidth={2}
                  dot={points.length < 15}
                  connectNulls
                  isAnimationActive={false}
                />
              </LineChart>
            </ResponsiveContainer>
          </div>
        </figure>
        <figure className={styles.figure}>
          <figcaption>
            <Text variant="body-small" weight="bold">
              Entities per level
            </Text>
          </figcaption>
          <div role="img" aria-label={levelsText} className={styles.chart}>
            <ResponsiveContainer
              width="100%"
              height={180}
              initialDimension={{ width: 480, height: 180 }}
            >
              <AreaChart data={data} desc={levelsText}>
                <CartesianGrid strokeDasharray="3 3" vertical={false} />
                <XAxis
                  dataKey="label"
                  tick={{ fontSize: 11 }}
                  minTickGap={16}
                />
                <YAxis
                  allowDecimals={false}
                  width={32}
                  tick={{ fontSize: 11 }}
                />
                <Tooltip />
                <Legend wrapperStyle={{ fontSize: 12 }} />
                {entries.map(l => (
                  <Area
                    key={l.id}
                    type="stepAfter"
                    dataKey={l.id}
                    name={l.title}
                    stackId="levels"
                    stroke={LEVEL_COLORS[l.tone]}
                    fill={LEVEL_COLORS[l.tone]}
                    fillOpacity={0.85}
                    isAnimationActive={false}
                  />
                ))}
              </AreaChart>
            </ResponsiveContainer>
          </div>
        </figure>
      </div>
      <ChartDataTable
        caption={`Daily snapshots of ${scorecard.title} for ${subject}`}
        columns={[
          'Day',
          'Entities',
          'Average score',
          ...entries.map(l => l.title),
        ]}
        rows={points.map(p => ({
          key: p.day,
          header: formatDay(p.day, { withYear: true }),
          cells: [
            p.entityCount,
            formatScore(p.averageScore),
            ...entries.map(l => p.levels[l.id] ?? 0),
          ],
        }))}
      />
    </div>
  );
}
