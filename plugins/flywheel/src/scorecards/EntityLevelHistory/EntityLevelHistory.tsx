import { useApi } from '@backstage/core-plugin-api';
import {
  ScorecardHistoryPoint,
  ScorecardInfo,
} from '@flywheel/plugin-flywheel-common';
import { Text } from '@backstage/ui';
import useAsync from 'react-use/esm/useAsync';
import { Line, LineChart, ResponsiveContainer, Tooltip, YAxis } from 'recharts';
import { flywheelApiRef } from '../../api';
import { serverMessage } from '../../shared/errors';
import { formatDay } from '../../shared/format';
import { formatScore, levelTitle, NO_LEVEL } from '../model';
import styles from './EntityLevelHistory.module.css';

const HISTORY_DAYS = 90;

/** The level an entity had on a day (its snapshot counts itself once). */
function levelOf(point: ScorecardHistoryPoint): string {
  return Object.entries(point.levels).find(([, n]) => n > 0)?.[0] ?? NO_LEVEL;
}

/** When the level changed: the first day and each day it moved. */
export function levelChanges(
  scorecard: Pick<ScorecardInfo, 'levels'>,
  points: ScorecardHistoryPoint[],
): { day: string; level: string; title: string }[] {
  const changes: { day: string; level: string; title: string }[] = [];
  for (const point of points) {
    const level = levelOf(point);
    if (changes[changes.length - 1]?.level !== level) {
      changes.push({
        day: point.day,
        level,
        title: levelTitle(scorecard, level),
      });
    }
  }
  return changes;
}

/**
 * One entity's score over the last 90 days as a sparkline, with the level
 * changes in words. Renders nothing until there is history.
 */
export function EntityLevelHistory(props: {
  scorecard: ScorecardInfo;
  entityRef: string;
  /**
   * The level now (null: none). Snapshots are daily, so a change since the
   * last one is added at the end.
   */
  currentLevel?: string | null;
  /** Changes when the entity is re-evaluated, to reload the history. */
  version?: string;
}) {
  const { scorecard, entityRef, currentLevel, version } = props;
  const flywheelApi = useApi(flywheelApiRef);
  const { value, error } = useAsync(
    () =>
      flywheelApi.getScorecardHistory({
        scorecardId: scorecard.id,
        scope: 'entity',
        ref: entityRef,
        days: HISTORY_DAYS,
      }),
    [flywheelApi, scorecard.id, entityRef, version],
  );

  if (error) {
    return (
      <Text as="p" variant="body-small" color="secondary">
        Could not load the level history: {serverMessage(error)}
      </Text>
    );
  }
  const points = value?.points ?? [];
  if (points.length === 0) {
    return null;
  }

  const changes = levelChanges(scorecard, points);
  const now = currentLevel ?? NO_LEVEL;
  const changedSince =
    currentLevel !== undefined && changes[changes.length - 1].level !== now
      ? ` → ${levelTitle(scorecard, now)} (now)`
      : '';
  const changesText = changes
    .map((c, i) =>
      i === 0
        ? `${c.title} on ${formatDay(c.day, { withYear: true })}`
        : `${c.title} from ${formatDay(c.day, { withYear: true })}`,
    )
    .join(', then ');
  const first = points[0];
  const last = points[points.length - 1];
  const summary = `Score from ${formatScore(first.averageScore)} on ${formatDay(
    first.day,
    { withYear: true },
  )} to ${formatScore(last.averageScore)} on ${formatDay(last.day, {
    withYear: true,
  })}. Level: ${changesText}.`;
  const data = points.map(p => ({
    label: formatDay(p.day),
    score: p.averageScore,
    level: levelTitle(scorecard, levelOf(p)),
  }));

  return (
    <figure className={styles.figure}>
      <figcaption>
        <Text variant="body-small" weight="bold">
          History
        </Text>{' '}
        <Text variant="body-small" color="secondary">
          {changes.length === 1
            ? `${changes[0].title} since ${formatDay(changes[0].day)}`
            : changes.map(c => `${c.title} (${formatDay(c.day)})`).join(' → ')}
          {changedSince}
        </Text>
      </figcaption>
      {points.length > 1 && (
        <div
          role="img"
          aria-label={`Score history of the last ${HISTORY_DAYS} days. ${summary}`}
          className={styles.chart}
        >
          <ResponsiveContainer
            width="100%"
            height={48}
            initialDimension={{ width: 320, height: 48 }}
          >
            <LineChart
              data={data}
              margin={{ top: 4, right: 4, bottom: 4, left: 4 }}
            >
              <YAxis hide domain={[0, 100]} />
              <Tooltip
                formatter={(v, _name, item) =>
                  `${formatScore(Number(v))} · ${item.payload.level}`
                }
                labelFormatter={(_label, payload) =>
                  payload?.[0]?.payload.label
                }
              />
              <Line
                type="stepAfter"
                dataKey="score"
                name="Score"
                stroke="var(--bui-accent-bg, #1f5493)"
                strokeWidth={2}
                dot={false}
                connectNulls
                isAnimationActive={false}
              />
            </LineChart>
          </ResponsiveContainer>
        </div>
      )}
    </figure>
  );
}
