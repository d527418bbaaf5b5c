import { CampaignProgressResponse } from '@flywheel/plugin-flywheel-common';
import { Text } from '@backstage/ui';
import {
  CartesianGrid,
  Line,
  LineChart,
  ReferenceLine,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts';
import { formatDay } from '../../shared/format';
import styles from './BurnUpChart.module.css';
import { ChartDataTable } from '../../shared/ChartDataTable';

const MET_COLOR = 'var(--bui-accent-bg, #1f5493)';
const IDEAL_COLOR = 'var(--bui-fg-secondary, #666)';
const TARGET_COLOR = 'var(--bui-fg-positive, #2e7d32)';
const DEADLINE_COLOR = 'var(--bui-fg-negative, #b3261e)';
const DAY_MS = 86_400_000;

/** A `YYYY-MM-DD` day as a number of days, for a linear time axis. */
function dayNumber(day: string): number {
  return Date.parse(`${day.slice(0, 10)}T00:00:00Z`) / DAY_MS;
}

function dayOf(n: number): string {
  return new Date(Math.round(n) * DAY_MS).toISOString().slice(0, 10);
}

/** The ideal line's value on a day, between its points; undefined outside. */
export function idealOn(
  ideal: CampaignProgressResponse['ideal'],
  day: string,
): number | undefined {
  const x = dayNumber(day);
  for (let i = 1; i < ideal.length; i++) {
    const a = ideal[i - 1];
    const b = ideal[i];
    const [xa, xb] = [dayNumber(a.day), dayNumber(b.day)];
    if (x >= xa && x <= xb) {
      return xb === xa
        ? b.met
        : a.met + ((b.met - a.met) * (x - xa)) / (xb - xa);
    }
  }
  return undefined;
}

const withYear = (day: string) => formatDay(day, { withYear: true });

/** The chart's text alternative: where the campaign stands, against what. */
export function burnUpSummary(
  title: string,
  progress: CampaignProgressResponse,
  deadlineDay: string,
): string {
  const { days, ideal } = progress;
  const first = days[0];
  const last = days[days.length - 1];
  const target = last.cohort - last.exempt;
  const parts = [
    `Burn-up of ${title}: ${
      last.met
    } of ${target} entities meet the goal on ${withYear(last.day)}`,
  ];
  if (days.length > 1) {
    parts[0] += `, from ${first.met} on ${withYear(first.day)}`;
  }
  parts[0] += '.';
  const idealNow = idealOn(ideal, last.day);
  if (idealNow !== undefined) {
    parts.push(
      `On the ideal line ${Math.round(idealNow)} would meet it by then.`,
    );
  }
  parts.push(`Target ${target} by the deadline, ${withYear(deadlineDay)}.`);
  return parts.join(' ');
}

/**
 * A campaign's burn-up: the entities meeting the goal per day, the ideal
 * straight line from the start to every entity not exempt at the deadline,
 * the target as a horizontal line and the deadline as a vertical one. Its
 * text alternative says where the campaign stands against the ideal and the
 * target, and the daily counts are in a table under "Show the data".
 */
export function BurnUpChart(props: {
  title: string;
  progress: CampaignProgressResponse;
  /** The campaign's deadline (ISO date or instant). */
  deadline: string;
}) {
  const { title, progress } = props;
  const { days, ideal } = progress;
  if (days.length === 0) {
    return (
      <Text as="p" color="secondary">
        No daily counts yet: the first is recorded when the campaign starts.
      </Text>
    );
  }
  const deadlineDay = new Date(props.deadline).toISOString().slice(0, 10);
  const last = days[days.length - 1];
  const target = last.cohort - last.exempt;
  const met = days.map(d => ({ x: dayNumber(d.day), met: d.met }));
  const idealPoints = ideal.map(p => ({ x: dayNumber(p.day), ideal: p.met }));
  const xs = [...met, ...idealPoints].map(p => p.x);
  const deadlineX = dayNumber(deadlineDay);
  const domain = [Math.min(...xs), Math.max(...xs, deadlineX)];
  const summary = burnUpSummary(title, progress, deadlineDay);

  return (
    <div className={styles.root}>
      <div role="img" aria-label={summary} className={styles.chart}>
        <ResponsiveContainer
          width="100%"
          height={260}
          initialDimension={{ width: 640, height: 260 }}
        >
          <LineChart margin={{ top: 16, right: 24, bottom: 0, left: 0 }}>
            <CartesianGrid strokeDasharray="3 3" vertical={false} />
            <XAxis
              dataKey="x"
              type="number"
              domain={domain}
              tickFormatter={(x: number) => formatDay(dayOf(x))}
              tick={{ fontSize: 11 }}
              minTickGap={24}
              allowDuplicatedCategory={false}
            />
            <YAxis
              width={40}
              tick={{ fontSize: 11 }}
              domain={[0, Math.max(target, last.cohort, 1)]}
              allowDecimals={false}
            />
            <Tooltip
              labelFormatter={(x: number) => withYear(dayOf(x))}
              formatter={(value: number, name: string) => [
                Math.round(value * 10) / 10,
                name,
              ]}
            />
            <ReferenceLine
              y={target}
              stroke={TARGET_COLOR}
              strokeDasharray="2 3"
              ifOverflow="extendDomain"
            />
            <ReferenceLine
              x={deadlineX}
              stroke={DEADLINE_COLOR}
              strokeWidth={2}
              label={{
                value: 'Deadline',
                position: 'insideTopRight',
                fontSize: 11,
              }}
            />
            {idealPoints.length > 1 && (
              <Line
                data={idealPoints}
                dataKey="ideal"
                name="Ideal"
                stroke={IDEAL_COLOR}
                strokeDasharray="5 4"
                dot={false}
                activeDot={false}
                isAnimationActive={false}
              />
            )}
            <Line
              data={met}
              dataKey="met"
              name="Meeting the goal"
              stroke={MET_COLOR}
              strokeWidth={2}
              dot={met.length === 1}
              isAnimationActive={false}
            />
          </LineChart>
        </ResponsiveContainer>
      </div>
      <ul className={styles.legend} aria-label="Legend">
        <li>
          <span className={styles.metSwatch} aria-hidden="true" />
          <Text variant="body-small">Entities meeting the goal</Text>
        </li>
        {idealPoints.length > 1 && (
          <li>
            <span className={styles.idealSwatch} aria-hidden="true" />
            <Text variant="body-small">
              Ideal: a straight line to the deadline
            </Text>
          </li>
        )}
        <li>
          <span className={styles.targetSwatch} aria-hidden="true" />
          <Text variant="body-small">
            Target: {target} (cohort less exempt)
          </Text>
        </li>
        <li>
          <span className={styles.deadlineSwatch} aria-hidden="true" />
          <Text variant="body-small">Deadline: {withYear(deadlineDay)}</Text>
        </li>
      </ul>
      <ChartDataTable
        caption={`Daily counts of ${title}`}
        columns={['Day', 'Meeting the goal', 'Exempt', 'Cohort']}
        rows={days.map(d => ({
          key: d.day,
          header: withYear(d.day),
          cells: [d.met, d.exempt, d.cohort],
        }))}
      />
    </div>
  );
}
