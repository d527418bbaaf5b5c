import {
  SurveyResultsResponse,
  SurveyTeamResult,
} from '@flywheel/plugin-flywheel-common';
import { Link, Text } from '@backstage/ui';
import { formatRate } from '../../shared/format';
import { groupTitle, GroupTitles } from '../../shared/groupTitles';
import {
  formatEstimate,
  formatNps,
  formatInterval,
  hiddenReasonText,
} from '../surveyFormat';
import styles from './TeamBreakdown.module.css';

function EstimateCell(props: { team: SurveyTeamResult; kind: 'nps' | 'csat' }) {
  const estimate = props.team[props.kind];
  if (!estimate) {
    return <td>—</td>;
  }
  if (props.kind === 'nps' && props.team.census) {
    return (
      <td title="Everyone in the team's audience answered: exact, not an estimate">
        {formatNps(estimate.value)} (exact)
      </td>
    );
  }
  return (
    <td title={`95% interval ${formatInterval(estimate, props.kind)}`}>
      {formatEstimate(estimate, props.kind)}
    </td>
  );
}

/**
 * The results of each team under the scope, sub-teams indented under their
 * parent. Teams below the minimum group size, or whose numbers would let
 * someone work out a smaller team's, are listed with the reason and without
 * numbers.
 */
export function TeamBreakdown(props: {
  teams: SurveyTeamResult[];
  thresholds: SurveyResultsResponse['thresholds'];
  titles: GroupTitles | undefined;
  /** The link that scopes the results to a team. */
  teamHref: (groupRef: string) => string;
}) {
  const { teams, thresholds, titles, teamHref } = props;
  if (teams.length === 0) {
    return (
      <Text as="p" color="secondary">
        No teams under this scope.
      </Text>
    );
  }
  const showNps = teams.some(t => t.nps);
  const showCsat = teams.some(t => t.csat);
  const columns = 2 + (showNps ? 1 : 0) + (showCsat ? 1 : 0);

  return (
    <div className={styles.scroll}>
      <table className={styles.table}>
        <caption className={styles.caption}>
          Teams with their sub-teams. A team is shown only with at least{' '}
          {thresholds.minGroupSize} responses; ± is half the 95% interval.
        </caption>
        <thead>
          <tr>
            <th scope="col">Team</th>
            <th scope="col">Responses</th>
            <th scope="col">Response rate</th>
            {showNps && <th scope="col">NPS</th>}
            {showCsat && <th scope="col">CSAT</th>}
          </tr>
        </thead>
        <tbody>
          {teams.map(team => {
            const title = groupTitle(team.groupRef, titles);
            return (
              <tr
                key={team.groupRef}
                className={team.hidden ? styles.hidden : undefined}
              >
                <th scope="row">
                  <span
                    className={styles.team}
                    style={{ paddingLeft: `${team.depth * 1.25}rem` }}
                  >
                    <Link href={teamHref(team.groupRef)}>{title}</Link>
                  </span>
                </th>
                {team.hidden ? (
                  <td colSpan={columns} className={styles.reason}>
                    {hiddenReasonText(team.hidden, thresholds.minGroupSize)}
                  </td>
                ) : (
                  <>
                    <td
                      title={
                        team.invitedSize !== undefined
                          ? `${team.invitedSize} invited of ${team.audienceSize} in the audience when the wave opened`
                          : undefined
                      }
                    >
                      {team.responses ?? '—'}
                      {(team.invitedSize ?? team.audienceSize) !== undefined &&
                        ` of ${team.invitedSize ?? team.audienceSize}`}
                    </td>
                    <td>{formatRate(team.responseRate)}</td>
                    {showNps && <EstimateCell team={team} kind="nps" />}
                    {showCsat && <EstimateCell team={team} kind="csat" />}
                  </>
                )}
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
