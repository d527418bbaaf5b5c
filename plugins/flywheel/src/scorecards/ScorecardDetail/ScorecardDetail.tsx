import { Progress } from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import { EntityRefLink } from '@backstage/plugin-catalog-react';
import { ScorecardInfo } from '@flywheel/plugin-flywheel-common';
import { Alert, Flex, Grid, Text } from '@backstage/ui';
import useAsync from 'react-use/esm/useAsync';
import { flywheelApiRef } from '../../api';
import { serverMessage } from '../../shared/errors';
import { StatList } from '../../shared/StatList';
import { CheckPassRates } from '../CheckPassRates';
import { Leaderboard } from '../Leaderboard';
import { LevelDistributionBar } from '../LevelDistributionBar';
import { GroupTitles } from '../../shared/groupTitles';
import { formatScore } from '../model';
import { Section } from '../../shared/Section';
import { ScorecardTrend, TREND_DAYS } from '../ScorecardTrendChart';
import styles from './ScorecardDetail.module.css';

function CatalogRollup(props: {
  scorecard: ScorecardInfo;
  /** Teams with entities, once the leaderboard is in. */
  teamCount: number | undefined;
  version: number;
}) {
  const { scorecard, teamCount, version } = props;
  const flywheelApi = useApi(flywheelApiRef);
  // Without a group, the rollup covers the whole catalog, entities without
  // a team owner included.
  const { value, loading, error } = useAsync(
    () =>
      flywheelApi.getScorecardRollup(undefined, { scorecardId: scorecard.id }),
    [flywheelApi, scorecard.id, version],
  );

  if (loading && !value) {
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

/**
 * One scorecard across the catalog: totals and levels, per-check pass
 * rates with how to fix them, the leaderboard of teams and the trend.
 */
export function ScorecardDetail(props: {
  scorecard: ScorecardInfo;
  /** Group titles from the catalog, for the leaderboard. */
  titles: GroupTitles | undefined;
  /**
   * Changes when results changed (an exemption was decided): the figures
   * load again, the current ones staying until the new ones are in.
   */
  version?: number;
}) {
  const { scorecard, titles, version = 0 } = props;
  const flywheelApi = useApi(flywheelApiRef);
  const leaderboard = useAsync(
    () => flywheelApi.getScorecardLeaderboard(scorecard.id),
    [flywheelApi, scorecard.id, version],
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
          version={version}
          teamCount={
            leaderboard.value?.items.filter(e => e.entityCount > 0).length
          }
        />
        <Section title="Leaderboard">
          {leaderboard.loading && !leaderboard.value && <Progress />}
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
          <ScorecardTrend scorecard={scorecard} subject="the whole catalog" />
        </Section>
      </Flex>
    </section>
  );
}
