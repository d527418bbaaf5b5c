import {
  ScorecardInfo,
  ScorecardRollup,
} from '@flywheel/plugin-flywheel-common';
import { parseEntityRef } from '@backstage/catalog-model';
import { Link, Text } from '@backstage/ui';
import { formatRate } from '../../shared/format';
import { HorizontalScroll } from '../../shared/HorizontalScroll';
import { EntityTabLink } from '../EntityTabLink';
import { TEAM_SCORECARD_PATH, useEntityTabLink } from '../hooks';
import { checksWorstFirst, passRateTone } from '../model';
import styles from './CheckHeatMap.module.css';

const LEGEND = [
  { tone: 'good', label: '80% or more' },
  { tone: 'fair', label: '50–79%' },
  { tone: 'poor', label: 'under 50%' },
  { tone: 'none', label: '— nothing to score' },
] as const;

/**
 * Pass rate of every check in every direct sub-team (each with its own
 * sub-teams), as a table: colour for scanning, the percentage in every cell
 * for reading. Rows are in "what to fix first" order.
 */
export function CheckHeatMap(props: {
  scorecard: ScorecardInfo;
  rollup: ScorecardRollup;
  /** The team's name, for the "all" column. */
  teamName: string;
}) {
  const { scorecard, rollup, teamName } = props;
  const tabLink = useEntityTabLink();
  const rows = checksWorstFirst(scorecard, rollup.checks);
  const subTeams = rollup.subTeams.filter(t => t.entityCount > 0);
  const emptyTeams = rollup.subTeams.length - subTeams.length;

  if (rollup.subTeams.length === 0) {
    return (
      <Text as="p" variant="body-small" color="secondary">
        {teamName} has no sub-teams.
      </Text>
    );
  }

  return (
    <div className={styles.root}>
      <HorizontalScroll label="Pass rate per check and sub-team">
        <table className={styles.table}>
          <caption className={styles.caption}>
            Pass rate per check and sub-team
          </caption>
          <thead>
            <tr>
              <th scope="col" className={styles.checkCol}>
                Check
              </th>
              <th scope="col">
                All of {teamName}
                <span className={styles.count}>
                  {rollup.entityCount} entities
                </span>
              </th>
              {subTeams.map(team => (
                <th scope="col" key={team.groupRef}>
                  <EntityTabLink
                    entityRef={team.groupRef}
                    tab={TEAM_SCORECARD_PATH}
                    scorecardId={scorecard.id}
                    variant="body-small"
                  />
                  <span className={styles.count}>
                    {team.entityCount}{' '}
                    {team.entityCount === 1 ? 'entity' : 'entities'}
                  </span>
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {rows.map(row => (
              <tr key={row.checkId}>
                <th scope="row" className={styles.checkCol}>
                  {row.check.title}
                </th>
                <td
                  className={`${styles.cell} ${
                    styles[passRateTone(row.passRate)]
                  }`}
                >
                  {formatRate(row.passRate)}
                </td>
                {subTeams.map(team => {
                  const rate =
                    team.checks.find(c => c.checkId === row.checkId)
                      ?.passRate ?? null;
                  return (
                    <td
                      key={team.groupRef}
                      className={`${styles.cell} ${styles[passRateTone(rate)]}`}
                    >
                      {rate !== null && rate < 1 ? (
                        // To the sub-team's entities that do not pass it.
                        <Link
                          href={tabLink(
                            team.groupRef,
                            TEAM_SCORECARD_PATH,
                            scorecard.id,
                            row.checkId,
                          )}
                          variant="body-small"
                          aria-label={`${formatRate(rate)}: the entities of ${
                            parseEntityRef(team.groupRef).name
                          } not passing ${row.check.title}`}
                        >
                          {formatRate(rate)}
                        </Link>
                      ) : (
                        formatRate(rate)
                      )}
                    </td>
                  );
                })}
              </tr>
            ))}
          </tbody>
        </table>
      </HorizontalScroll>
      <ul className={styles.legend} aria-label="Colours">
        {LEGEND.map(l => (
          <li key={l.tone}>
            <span
              className={`${styles.swatch} ${styles[l.tone]}`}
              aria-hidden="true"
            />
            <Text variant="body-x-small" color="secondary">
              {l.label}
            </Text>
          </li>
        ))}
      </ul>
      {emptyTeams > 0 && (
        <Text as="p" variant="body-x-small" color="secondary">
          {emptyTeams === 1 ? '1 sub-team owns' : `${emptyTeams} sub-teams own`}{' '}
          nothing this scorecard applies to and{' '}
          {emptyTeams === 1 ? 'is' : 'are'} left out.
        </Text>
      )}
    </div>
  );
}
