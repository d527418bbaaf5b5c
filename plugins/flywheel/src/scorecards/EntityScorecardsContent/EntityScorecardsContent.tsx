import { useState } from 'react';
import { stringifyEntityRef } from '@backstage/catalog-model';
import { EmptyState, Progress } from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import { useEntity } from '@backstage/plugin-catalog-react';
import {
  EntityResultsResponse,
  ScorecardExemption,
} from '@flywheel/plugin-flywheel-common';
import {
  Alert,
  Button,
  Card,
  CardBody,
  CardHeader,
  Flex,
  Text,
} from '@backstage/ui';
import useAsyncRetry from 'react-use/esm/useAsyncRetry';
import { useSearchParams } from 'react-router-dom';
import { flywheelApiRef } from '../../api';
import { ExemptionList } from '../ExemptionList';
import { useScorecardPermissions } from '../hooks';
import { ScorecardResultCard } from '../ScorecardResultCard';
import styles from './EntityScorecardsContent.module.css';
import { LoadErrorAlert } from '../../shared/LoadErrorAlert';
import { useAction } from '../../shared/useAction';
import { SCORECARDS_READ } from '../model';

const DOCS_URL =
  'https://github.com/flywheel-dev/flywheel/blob/main/docs/scorecards.md';

/**
 * The Scorecards tab of a Component: every scorecard that applies, with the
 * level reached, the score, each check and how to fix it; a refresh, and
 * exemptions.
 */
export function EntityScorecardsContent() {
  const { entity } = useEntity();
  const entityRef = stringifyEntityRef(entity);
  const flywheelApi = useApi(flywheelApiRef);
  const permissions = useScorecardPermissions();
  const [searchParams] = useSearchParams();
  const focusScorecard = searchParams.get('scorecard');

  const [refreshed, setRefreshed] = useState<EntityResultsResponse>();
  const refreshing = useAction({
    doing: 'refresh scorecards',
    permission: 'flywheel.scorecards.refresh',
  });
  const [announcement, setAnnouncement] = useState('');

  const data = useAsyncRetry(async () => {
    const [scorecards, results] = await Promise.all([
      flywheelApi.getScorecards(),
      flywheelApi.getEntityScorecardResults(entityRef),
    ]);
    setRefreshed(undefined);
    return { scorecards: scorecards.items, results };
  }, [flywheelApi, entityRef]);

  const exemptions = useAsyncRetry(
    async () => (await flywheelApi.getScorecardExemptions({ entityRef })).items,
    [flywheelApi, entityRef],
  );

  const refresh = async () => {
    setAnnouncement('Re-evaluating the scorecards…');
    const refreshedNow = await refreshing.run(async () => {
      setRefreshed(await flywheelApi.refreshEntityScorecards(entityRef));
      setAnnouncement('Scorecards re-evaluated just now.');
    });
    if (!refreshedNow) {
      setAnnouncement('');
    }
  };

  const onExemptionRequested = (exemption: ScorecardExemption) => {
    setAnnouncement(
      'Exemption requested. It applies once someone allowed to decide exemptions approves it.',
    );
    exemptions.retry();
    return exemption;
  };

  const onExemptionChanged = () => {
    // A decision re-evaluates the entity on the server.
    exemptions.retry();
    data.retry();
  };

  if (data.loading && !data.value) {
    return <Progress />;
  }
  if (data.error) {
    return (
      <LoadErrorAlert
        title="Could not load the scorecards"
        error={data.error}
        onRetry={data.retry}
        permission={SCORECARDS_READ}
      />
    );
  }
  if (!data.value) {
    return null;
  }

  const { scorecards } = data.value;
  const results = (refreshed ?? data.value.results).results;
  const entityExemptions = exemptions.value ?? [];

  if (results.length === 0) {
    return (
      <EmptyState
        missing="info"
        title="No scorecard applies to this entity"
        description={
          scorecards.length === 0
            ? 'Flywheel has no scorecards configured.'
            : `Each scorecard applies to the entities its filter selects (by kind, type, lifecycle, owner or tags). None of ${scorecards
                .map(s => s.title)
                .join(', ')} selects this one.`
        }
        action={
          <Text as="p">
            Scorecards are defined in app-config under{' '}
            <code>flywheel.scorecards</code>; see{' '}
            <a href={DOCS_URL}>docs/scorecards.md</a>.
          </Text>
        }
      />
    );
  }

  const ordered = [...results].sort((a, b) => {
    if (a.scorecardId === focusScorecard) return -1;
    if (b.scorecardId === focusScorecard) return 1;
    return 0;
  });

  return (
    <Flex direction="column" gap="4">
      <Flex justify="between" align="center" gap="3" className={styles.toolbar}>
        <Flex direction="column" gap="1">
          <Text as="p" variant="body-small" color="secondary">
            {results.length === 1
              ? '1 scorecard applies'
              : `${results.length} scorecards apply`}{' '}
            to this entity. Results update on a schedule and when the entity
            changes.
          </Text>
          <div role="status">
            {announcement && (
              <Text variant="body-small" weight="bold">
                {announcement}
              </Text>
            )}
          </div>
        </Flex>
        {permissions.canRefresh && (
          <Button
            variant="secondary"
            size="small"
            onPress={refresh}
            isPending={refreshing.pending}
          >
            Refresh
          </Button>
        )}
      </Flex>
      {refreshing.error && (
        <Alert
          status="danger"
          icon
          title="Could not refresh"
          description={refreshing.error}
        />
      )}
      {ordered.map(result => {
        const scorecard = scorecards.find(s => s.id === result.scorecardId);
        if (!scorecard) {
          return null;
        }
        return (
          <ScorecardResultCard
            key={result.scorecardId}
            scorecard={scorecard}
            result={result}
            exemptions={entityExemptions.filter(
              e => e.scorecardId === result.scorecardId,
            )}
            // Until the entity's exemptions are known, a check's open
            // request cannot be told apart from none: offering another
            // would only earn a 409.
            canRequestExemption={
              permissions.canRequestExemption && exemptions.value !== undefined
            }
            onExemptionRequested={onExemptionRequested}
          />
        );
      })}
      <Card role="region" aria-label="Exemptions">
        <CardHeader>
          <Text as="h3" variant="title-x-small" weight="bold">
            Exemptions
          </Text>
        </CardHeader>
        <CardBody>
          {exemptions.error ? (
            <LoadErrorAlert
              title="Could not load the exemptions"
              error={exemptions.error}
              onRetry={exemptions.retry}
              permission={SCORECARDS_READ}
            />
          ) : (
            <ExemptionList
              exemptions={entityExemptions}
              scorecards={scorecards}
              onChanged={onExemptionChanged}
              aria-label="Exemptions of this entity"
              emptyText={
                exemptions.loading
                  ? 'Loading exemptions…'
                  : 'No exemptions have been requested for this entity.'
              }
            />
          )}
        </CardBody>
      </Card>
    </Flex>
  );
}
