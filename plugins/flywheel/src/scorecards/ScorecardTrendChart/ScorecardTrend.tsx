import { Progress } from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import { ScorecardInfo } from '@flywheel/plugin-flywheel-common';
import { Alert } from '@backstage/ui';
import useAsync from 'react-use/esm/useAsync';
import { flywheelApiRef } from '../../api';
import { serverMessage } from '../../shared/errors';
import { ScorecardTrendChart } from './ScorecardTrendChart';

/** Days of history the trend charts show. */
export const TREND_DAYS = 90;

/**
 * Loads a scorecard's daily history for a team (its subtree) or the whole
 * catalog and charts it.
 */
export function ScorecardTrend(props: {
  scorecard: ScorecardInfo;
  /** A group ref for a team's trend; absent for the whole catalog. */
  groupRef?: string;
  /** What the chart is about, in its summary: a team name or the catalog. */
  subject: string;
}) {
  const { scorecard, groupRef, subject } = props;
  const flywheelApi = useApi(flywheelApiRef);
  const { value, loading, error } = useAsync(
    () =>
      flywheelApi.getScorecardHistory({
        scorecardId: scorecard.id,
        ...(groupRef
          ? { scope: 'group' as const, ref: groupRef }
          : { scope: 'scorecard' as const }),
        days: TREND_DAYS,
      }),
    [flywheelApi, scorecard.id, groupRef],
  );
  if (loading) {
    return <Progress />;
  }
  if (error) {
    return (
      <Alert
        status="danger"
        icon
        title="Could not load the trend"
        description={serverMessage(error)}
      />
    );
  }
  if (value?.withheld) {
    // The scope holds entities the user may not see in the catalog; stored
    // snapshots are totals that would include them.
    return (
      <Alert
        status="info"
        icon
        title="Trend not shown"
        description={value.withheld}
      />
    );
  }
  return (
    <ScorecardTrendChart
      scorecard={scorecard}
      points={value?.points ?? []}
      subject={subject}
    />
  );
}
