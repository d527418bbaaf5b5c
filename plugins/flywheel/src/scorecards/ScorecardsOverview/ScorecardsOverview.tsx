import { useState } from 'react';
import {
  EmptyState,
  Progress,
  ResponseErrorPanel,
} from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import { ScorecardInfo } from '@flywheel/plugin-flywheel-common';
import { Card, CardBody, CardHeader, Flex, Text } from '@backstage/ui';
import { useSearchParams } from 'react-router-dom';
import useAsync from 'react-use/esm/useAsync';
import useAsyncRetry from 'react-use/esm/useAsyncRetry';
import { flywheelApiRef } from '../../api';
import { serverMessage } from '../../shared/errors';
import { ExemptionList } from '../ExemptionList';
import { useGroupTitles } from '../../shared/groupTitles';
import { ScorecardDetail } from '../ScorecardDetail';
import { ScorecardList } from '../ScorecardList';
import { LoadErrorAlert } from '../../shared/LoadErrorAlert';
import { SCORECARDS_READ } from '../model';

const DOCS_URL =
  'https://github.com/flywheel-dev/flywheel/blob/main/docs/scorecards.md';

/**
 * The pending exemptions the user may decide, across teams (by default
 * those of entities their teams own, not their own requests). Shown only
 * when there is one, or while loading fails.
 */
function ExemptionQueue(props: {
  scorecards: ScorecardInfo[];
  onDecided: () => void;
}) {
  const flywheelApi = useApi(flywheelApiRef);
  const { value, loading, error, retry } = useAsyncRetry(
    () => flywheelApi.getScorecardExemptions({ status: 'pending' }),
    [flywheelApi],
  );
  const mine = (value?.items ?? []).filter(e => e.canDecide);
  if ((loading && !value) || (!error && mine.length === 0)) {
    return null;
  }
  let content;
  if (error) {
    content = (
      <LoadErrorAlert
        title="Could not load the exemptions"
        error={error}
        onRetry={retry}
        permission={SCORECARDS_READ}
      />
    );
  } else {
    content = (
      <ExemptionList
        exemptions={mine}
        scorecards={props.scorecards}
        showEntity
        onChanged={() => {
          retry();
          props.onDecided();
        }}
        aria-label="Exemptions waiting for your decision, all teams"
        emptyText="No exemption waits for a decision."
      />
    );
  }
  return (
    <Card role="region" aria-label="Exemptions waiting for your decision">
      <CardHeader>
        <Text as="h2" variant="title-small" weight="bold">
          Exemptions waiting for your decision
          {value ? ` (${mine.length})` : ''}
        </Text>
      </CardHeader>
      <CardBody>{content}</CardBody>
    </Card>
  );
}

/**
 * The Scorecards view of the Flywheel page: every scorecard, and for the
 * chosen one its pass rates across the catalog, the leaderboard of teams and
 * the trend; deciders also get the queue of exemptions to decide.
 */
export function ScorecardsOverview() {
  const flywheelApi = useApi(flywheelApiRef);
  const [searchParams] = useSearchParams();
  const titles = useGroupTitles();
  // A decision re-evaluates the entity: the detail's figures load again.
  const [decisions, setDecisions] = useState(0);
  const { value, loading, error } = useAsync(
    () => flywheelApi.getScorecards(),
    [flywheelApi],
  );

  if (loading) {
    return <Progress />;
  }
  if (error) {
    return (
      <ResponseErrorPanel
        title={`Could not load scorecards: ${serverMessage(error)}`}
        error={error}
      />
    );
  }
  const scorecards = value?.items ?? [];
  if (scorecards.length === 0) {
    return (
      <EmptyState
        missing="data"
        title="No scorecards yet"
        description="Scorecards are defined as code under flywheel.scorecards in app-config; the built-in Golden path adoption scorecard is on unless scorecardsDefault is false."
        action={
          <Text as="p">
            See <a href={DOCS_URL}>docs/scorecards.md</a> for how to write one.
          </Text>
        }
      />
    );
  }

  const requested = searchParams.get('scorecard');
  const selected = scorecards.find(s => s.id === requested) ?? scorecards[0];

  return (
    <Flex direction="column" gap="6">
      <section aria-labelledby="flywheel-scorecards-heading">
        <Flex direction="column" gap="3">
          <Text
            as="h2"
            id="flywheel-scorecards-heading"
            variant="title-small"
            weight="bold"
          >
            Scorecards ({scorecards.length})
          </Text>
          <ScorecardList scorecards={scorecards} selectedId={selected.id} />
        </Flex>
      </section>
      <ScorecardDetail
        key={selected.id}
        scorecard={selected}
        titles={titles.value}
        version={decisions}
      />
      <ExemptionQueue
        scorecards={scorecards}
        onDecided={() => setDecisions(n => n + 1)}
      />
    </Flex>
  );
}
