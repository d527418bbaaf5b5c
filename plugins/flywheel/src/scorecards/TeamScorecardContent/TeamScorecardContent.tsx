import { useRef, useState } from 'react';
import { stringifyEntityRef } from '@backstage/catalog-model';
import { EmptyState, Progress } from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import { useEntity } from '@backstage/plugin-catalog-react';
import {
  ScorecardInfo,
  ScorecardRollup,
} from '@flywheel/plugin-flywheel-common';
import { Button, Flex, Grid, Text } from '@backstage/ui';
import { useSearchParams } from 'react-router-dom';
import useAsyncRetry from 'react-use/esm/useAsyncRetry';
import { flywheelApiRef } from '../../api';
import { groupDisplayTitle } from '../../shared/groupTitles';
import { StatList } from '../../shared/StatList';
import { CheckHeatMap } from '../CheckHeatMap';
import { CheckPassRates } from '../CheckPassRates';
import { CsvExportButton } from '../CsvExportButton';
import { ExemptionList } from '../ExemptionList';
import { LevelDistributionBar } from '../LevelDistributionBar';
import { formatScore } from '../model';
import { ScorecardPicker } from '../ScorecardPicker';
import { Section } from '../../shared/Section';
import { ScorecardTrend, TREND_DAYS } from '../ScorecardTrendChart';
import { TeamEntitiesTable } from '../TeamEntitiesTable';
import styles from './TeamScorecardContent.module.css';
import { LoadErrorAlert } from '../../shared/LoadErrorAlert';
import { SCORECARDS_READ } from '../model';

function PendingExemptions(props: {
  groupRef: string;
  scorecards: ScorecardInfo[];
  onDecided: () => void;
}) {
  const flywheelApi = useApi(flywheelApiRef);
  const { value, loading, error, retry } = useAsyncRetry(
    () =>
      flywheelApi.getScorecardExemptions({
        groupRef: props.groupRef,
        status: 'pending',
      }),
    [flywheelApi, props.groupRef],
  );
  if (loading && !value) {
    return <Progress />;
  }
  if (error) {
    return (
      <LoadErrorAlert
        title="Could not load the exemptions"
        error={error}
        onRetry={retry}
        permission={SCORECARDS_READ}
      />
    );
  }
  return (
    <ExemptionList
      exemptions={value?.items ?? []}
      scorecards={props.scorecards}
      showEntity
      onChanged={() => {
        retry();
        props.onDecided();
      }}
      aria-label="Pending exemptions of the team"
      emptyText="No exemption of the team waits for a decision."
    />
  );
}

/** The entities section, where "Show the … not passing" takes the reader. */
const ENTITIES_ID = 'flywheel-team-entities';

function TeamRollup(props: {
  scorecard: ScorecardInfo;
  rollup: ScorecardRollup;
  groupRef: string;
  teamName: string;
  /** Changes when exemption decisions changed results: the table reloads. */
  decisions: number;
  /** The check whose non-passing entities the table shows, if any. */
  failingCheck?: ScorecardInfo['checks'][number];
  onFailingCheckChange: (checkId: string | undefined) => void;
}) {
  const { scorecard, rollup, groupRef, teamName, decisions, failingCheck } =
    props;
  const entitiesHeading = useRef<HTMLHeadingElement>(null);
  const showFailing = (checkId: string) => {
    props.onFailingCheckChange(checkId);
    // The list is further down the page: take the reader there, and the
    // focus with them, so the keyboard goes on from the list (its heading
    // names the check) instead of the button far above it.
    entitiesHeading.current?.focus({ preventScroll: true });
    document
      .getElementById(ENTITIES_ID)
      ?.scrollIntoView?.({ behavior: 'smooth', block: 'start' });
  };
  const subTeams = rollup.subTeams.length;

  if (rollup.entityCount === 0) {
    return (
      <EmptyState
        missing="data"
        title={`${scorecard.title} does not apply to anything ${teamName} owns`}
        description={`No entity owned by ${teamName}${
          subTeams > 0 ? ' or its sub-teams' : ''
        } is scored by this scorecard. Pick another scorecard above, or check the owners of the team's entities.`}
      />
    );
  }

  return (
    <Flex direction="column" gap="4">
      <Grid.Root
        columns={{ initial: '1', lg: '2' }}
        gap="4"
        className={styles.grid}
      >
        <Section title="Summary">
          <Flex direction="column" gap="4">
            <StatList
              aria-label="Team scorecard totals"
              stats={[
                {
                  label: 'Entities',
                  value: rollup.entityCount,
                  hint:
                    subTeams > 0
                      ? `including ${subTeams} sub-team${
                          subTeams === 1 ? '' : 's'
                        }`
                      : undefined,
                },
                {
                  label: 'Average score',
                  value: formatScore(rollup.averageScore),
                },
              ]}
            />
            <Flex direction="column" gap="2">
              <Text as="h4" variant="body-medium" weight="bold">
                Level distribution
              </Text>
              <LevelDistributionBar
                scorecard={scorecard}
                levels={rollup.levels}
                label={`Levels of ${teamName}`}
                showLegend
              />
            </Flex>
          </Flex>
        </Section>
        <Section title="What to fix first">
          <CheckPassRates
            scorecard={scorecard}
            checks={rollup.checks}
            aria-label="Checks by pass rate, lowest first"
            onShowFailing={showFailing}
          />
        </Section>
      </Grid.Root>
      <Section title="Checks by sub-team">
        <CheckHeatMap
          scorecard={scorecard}
          rollup={rollup}
          teamName={teamName}
        />
      </Section>
      <Section title={`Trend, last ${TREND_DAYS} days`}>
        <ScorecardTrend
          scorecard={scorecard}
          groupRef={groupRef}
          subject={teamName}
        />
      </Section>
      <div id={ENTITIES_ID}>
        <Section
          title={
            failingCheck
              ? `Entities not passing: ${failingCheck.title}`
              : 'Entities'
          }
          headingRef={entitiesHeading}
          action={
            <Flex gap="2" align="center">
              {failingCheck && (
                <Button
                  size="small"
                  variant="tertiary"
                  onPress={() => props.onFailingCheckChange(undefined)}
                >
                  Show all entities
                </Button>
              )}
              <CsvExportButton
                scorecardId={scorecard.id}
                groupRef={groupRef}
                failingCheck={failingCheck?.id}
                filename={`${scorecard.id}-${groupRef.replace(
                  /[^a-z0-9-]+/gi,
                  '-',
                )}${failingCheck ? `-${failingCheck.id}` : ''}`}
              />
            </Flex>
          }
        >
          <TeamEntitiesTable
            // The table keeps its rows (useTable holds on to getData): a new
            // key loads them again after a decision or for another check.
            key={`${scorecard.id} ${groupRef} ${decisions} ${
              failingCheck?.id ?? ''
            }`}
            scorecard={scorecard}
            groupRef={groupRef}
            failingCheck={failingCheck?.id}
          />
        </Section>
      </div>
    </Flex>
  );
}

/**
 * The Team scorecard tab of a Group: a scorecard rolled up over the team and
 * its sub-teams, what to fix first, a heat map of checks per sub-team, the
 * trend, the entities, and exemptions waiting for a decision.
 */
export function TeamScorecardContent() {
  const { entity } = useEntity();
  const groupRef = stringifyEntityRef(entity);
  const teamName = groupDisplayTitle(entity);
  const flywheelApi = useApi(flywheelApiRef);
  const [searchParams, setSearchParams] = useSearchParams();
  const [decisions, setDecisions] = useState(0);

  const { value, loading, error, retry } = useAsyncRetry(async () => {
    const [scorecards, rollups] = await Promise.all([
      flywheelApi.getScorecards(),
      flywheelApi.getScorecardRollup(groupRef),
    ]);
    return { scorecards: scorecards.items, rollups: rollups.rollups };
  }, [flywheelApi, groupRef]);

  if (loading && !value) {
    return <Progress />;
  }
  if (error) {
    return (
      <LoadErrorAlert
        title="Could not load the team scorecard"
        error={error}
        onRetry={retry}
        permission={SCORECARDS_READ}
      />
    );
  }
  if (!value) {
    return null;
  }
  const { scorecards, rollups } = value;
  if (scorecards.length === 0) {
    return (
      <EmptyState
        missing="info"
        title="No scorecards"
        description="Flywheel has no scorecards configured; add them under flywheel.scorecards in app-config."
      />
    );
  }

  // The scorecard in the URL, else the first one that covers the team.
  const requested = searchParams.get('scorecard');
  const scorecard =
    scorecards.find(s => s.id === requested) ??
    scorecards.find(s =>
      rollups.some(r => r.scorecardId === s.id && r.entityCount > 0),
    ) ??
    scorecards[0];
  const rollup = rollups.find(r => r.scorecardId === scorecard.id) ?? {
    scorecardId: scorecard.id,
    entityCount: 0,
    averageScore: null,
    levels: {},
    checks: [],
    subTeams: [],
  };
  const covered = (id: string) =>
    rollups.find(r => r.scorecardId === id)?.entityCount ?? 0;

  return (
    <Flex direction="column" gap="4">
      <div className={styles.picker}>
        <ScorecardPicker
          scorecards={scorecards}
          value={scorecard.id}
          onChange={id =>
            setSearchParams(
              params => {
                params.set('scorecard', id);
                params.delete('failing'); // another scorecard's check
                return params;
              },
              { replace: true },
            )
          }
          description={scorecards
            .map(s => `${s.title}: ${covered(s.id)} entities`)
            .join(' · ')}
        />
      </div>
      {scorecard.description && (
        <Text as="p" variant="body-small" color="secondary">
          {scorecard.description}
        </Text>
      )}
      <TeamRollup
        scorecard={scorecard}
        rollup={rollup}
        groupRef={groupRef}
        teamName={teamName}
        decisions={decisions}
        failingCheck={scorecard.checks.find(
          c => c.id === searchParams.get('failing'),
        )}
        onFailingCheckChange={checkId =>
          setSearchParams(
            params => {
              if (checkId) {
                params.set('failing', checkId);
              } else {
                params.delete('failing');
              }
              return params;
            },
            { replace: true },
          )
        }
      />
      <Section title="Exemptions waiting for a decision">
        <PendingExemptions
          groupRef={groupRef}
          scorecards={scorecards}
          onDecided={() => {
            setDecisions(n => n + 1);
            retry();
          }}
        />
      </Section>
    </Flex>
  );
}
