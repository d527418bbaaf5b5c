import { ReactNode } from 'react';
import { Progress } from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import { EntityRefLink } from '@backstage/plugin-catalog-react';
import { ScorecardInfo } from '@flywheel/plugin-flywheel-common';
import {
  Alert,
  Card,
  CardBody,
  CardHeader,
  Flex,
  Grid,
  Text,
} from '@backstage/ui';
import useAsync from 'react-use/esm/useAsync';
import { flywheelApiRef } from '../../api';
import { serverMessage } from '../../shared/errors';
import { StatList } from '../../shared/StatList';
import { CheckPassRates } from '../CheckPassRates';
import { Leaderboard } from '../Leaderboard';
import { LevelDistributionBar } from '../LevelDistributionBar';
import { GroupTitles } from '../../shared/groupTitles';
import { formatScore } from '../model';
import { ScorecardTrendChart } from '../ScorecardTrendChart';
import styles from './ScorecardDetail.module.css';

const TREND_DAYS = 90;

function Section(props: { title: string; children: ReactNode }) {
  return (
    <Card role="region" aria-label={props.title}>
      <CardHeader>
        <Text as="h3" variant="title-x-small" weight="bold">
          {props.title}
        </Text>
      </CardHeader>
      <CardBody>{props.children}</CardBody>
    </Card>
  );
}

function CatalogRollup(props: {
  scorecard: ScorecardInfo;
  /** Teams with entities, once the leaderboard is in. */
  teamCount: number | undefined;
}) {
  const { scorecard, teamCount } = props;
  const flywheelApi = useApi(flywheelApiRef);
  // Without a group, the rollup covers the whole catalog, entities without
  // a team owner included.
  const { value, loading, error } = useAsync(
    () =>
      flywheelApi.getScorecardRollup(undefined, { scorecardId: scorecard.id }),
    [flywheelApi, scorecard.id],
  );

  if (loading) {
    return <Progress />;
  }
  if (error) {
    return (
      <Alert
        status="danger"
        icon
        title="Could not load the pass rates"
        description={serverMessage(error)}
      />
    );
  }
  const rollup = value?.rollups.find(r => r.scorecardId === scorecard.id);
  if (!rollup) {
    return null;
  }

  return (
    <Grid.Root
      columns={{ initial: '1', lg: '2' }}
      gap="4"
      className={styles.grid}
    >
      <Section title="Across the catalog">
        <Flex direction="column" gap="4">
          <StatList
            aria-label="Catalog totals"
            stats={[
              {
                label: 'Entities',
                value: rollup.entityCount,
                hint: 'Including those without a team owner',
              },
              {
                label: 'Average score',
                value: formatScore(rollup.averageScore),
              },
              { label: 'Teams', value: teamCount ?? '—' },
            ]}
          />
          <Flex direction="column" gap="2">
            <Text as="h4" variant="body-medium" weight="bold">
              Level distribution
            </Text>
            <LevelDistributionBar
              scorecard={scorecard}
              levels={rollup.levels}
              label="Levels across the catalog"
              showLegend
            />
          </Flex>
        </Flex>
      </Section>
      <Section title="Checks across the catalog">
        <CheckPassRates
          scorecard={scorecard}
          checks={rollup.checks}
          aria-label="Checks by pass rate across the catalog, lowest first"
        />
      </Section>
    </Grid.Root>
  );
}

function CatalogTrend(props: { scorecard: ScorecardInfo }) {
  const { scorecard } = props;
  const flywheelApi = useApi(flywheelApiRef);
  const { value, loading, error } = useAsync(
    () =>
      flywheelApi.getScorecardHistory({
        scorecardId: scorecard.id,
        scope: 'scorecard',
        days: TREND_DAYS,
      }),
    [flywheelApi, scorecard.id],
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
  return (
    <ScorecardTrendChart
      scorecard={scorecard}
      points={value?.points ?? []}
      subject="the whole catalog"
    />
  );
}

/**
 * One scorecard across the catalog: totals and levels, per-check pass
 * rates with how to fix them, the leaderboard of teams and the trend.
 */
export function ScorecardDetail(props: {
  scorecard: ScorecardInfo;
  /** Group titles from the catalog, for the leaderboard. */
  titles: GroupTitles | undefined;
}) {
  const { scorecard, titles } = props;
  const flywheelApi = useApi(flywheelApiRef);
  const leaderboard = useAsync(
    () => flywheelApi.getScorecardLeaderboard(scorecard.id),
    [flywheelApi, scorecard.id],
  );

  return (
    <section aria-labelledby={`scorecard-${scorecard.id}`}>
      <Flex direction="column" gap="4">
        <Flex direction="column" gap="1">
          <Text
            as="h2"
            id={`scorecard-${scorecard.id}`}
            variant="title-small"
            weight="bold"
          >
            {scorecard.title}
          </Text>
          {scorecard.description && (
            <Text as="p" color="secondary" className={styles.text}>
              {scorecard.description}
            </Text>
          )}
          {scorecard.owner && (
            <Text as="p" variant="body-small" className={styles.text}>
              Owned by <EntityRefLink entityRef={scorecard.owner} hideIcon />
            </Text>
          )}
        </Flex>
        <CatalogRollup
          scorecard={scorecard}
          teamCount={
            leaderboard.value?.items.filter(e => e.entityCount > 0).length
          }
        />
        <Section title="Leaderboard">
          {leaderboard.loading && <Progress />}
          {leaderboard.error && (
            <Alert
              status="danger"
              icon
              title="Could not load the leaderboard"
              description={serverMessage(leaderboard.error)}
            />
          )}
          {leaderboard.value && (
            <Leaderboard
              scorecard={scorecard}
              items={leaderboard.value.items}
              titles={titles}
            />
          )}
        </Section>
        <Section title={`Trend, last ${TREND_DAYS} days`}>
          <CatalogTrend scorecard={scorecard} />
        </Section>
      </Flex>
    </section>
  );
}
