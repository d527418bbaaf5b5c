import { ReactNode, useState } from 'react';
import { EntityRefLink } from '@backstage/plugin-catalog-react';
import {
  CampaignCounts,
  CampaignTeamProgress,
  CampaignTeamsResponse,
} from '@flywheel/plugin-flywheel-common';
import { Button, Text, VisuallyHidden } from '@backstage/ui';
import { groupTitle, useGroupTitles } from '../../shared/groupTitles';
import { HorizontalScroll } from '../../shared/HorizontalScroll';
import { CampaignProgressBar } from '../CampaignProgressBar';
import { countsText } from '../campaignFormat';
import styles from './TeamProgressTable.module.css';

/** A team with the teams below it, as the table nests them. */
export interface TeamNode {
  team: CampaignTeamProgress;
  children: TeamNode[];
}

/**
 * The teams as a forest along `parentRef`: a team whose parent is not in
 * the list (the caller may not see it, or it has none) is a root. Siblings
 * by name.
 */
export function teamTree(teams: CampaignTeamProgress[]): TeamNode[] {
  const nodes = new Map<string, TeamNode>(
    teams.map(team => [team.groupRef, { team, children: [] }]),
  );
  const roots: TeamNode[] = [];
  for (const node of nodes.values()) {
    const parent = node.team.parentRef
      ? nodes.get(node.team.parentRef)
      : undefined;
    (parent ? parent.children : roots).push(node);
  }
  const sort = (list: TeamNode[]) => {
    list.sort((a, b) => a.team.groupRef.localeCompare(b.team.groupRef));
    list.forEach(n => sort(n.children));
  };
  sort(roots);
  return roots;
}

function ownText(own: CampaignCounts): string {
  return own.cohort === 0 ? '—' : countsText(own);
}

/**
 * Progress per team along the group hierarchy: each team's subtree as a bar
 * ("met of cohort less exempt"), its own entities beside it, what is left
 * to do and what is exempt. A team with teams below it expands and
 * collapses with a button (the top level starts expanded). "Show to-dos"
 * filters the campaign's to-do items to the team's subtree. Entities owned
 * by no known team are counted in a last row.
 */
export function TeamProgressTable(props: {
  teams: CampaignTeamsResponse;
  /** Show the to-do items of a team's subtree. */
  onShowItems?: (groupRef: string) => void;
}) {
  const { teams, onShowItems } = props;
  const roots = teamTree(teams.teams);
  const { value: titles } = useGroupTitles();
  const [expanded, setExpanded] = useState<Set<string>>(
    () => new Set(roots.map(r => r.team.groupRef)),
  );

  if (teams.teams.length === 0 && teams.unowned.cohort === 0) {
    return (
      <Text as="p" color="secondary">
        No team owns an entity of this campaign that you may see.
      </Text>
    );
  }

  const toggle = (groupRef: string) =>
    setExpanded(current => {
      const next = new Set(current);
      if (!next.delete(groupRef)) {
        next.add(groupRef);
      }
      return next;
    });

  const rows: ReactNode[] = [];
  const addRows = (node: TeamNode, depth: number) => {
    const { team, children } = node;
    const title = groupTitle(team.groupRef, titles);
    const isOpen = expanded.has(team.groupRef);
    rows.push(
      <tr key={team.groupRef} data-depth={depth}>
        <th scope="row">
          <div
            className={styles.team}
            style={{ paddingLeft: `${depth * 1.5}rem` }}
          >
            {children.length > 0 ? (
              <button
                type="button"
                className={styles.toggle}
                aria-expanded={isOpen}
                aria-label={`Teams under ${title}`}
                onClick={() => toggle(team.groupRef)}
              >
                <span aria-hidden="true">{isOpen ? '▾' : '▸'}</span>
              </button>
            ) : (
              <span className={styles.spacer} />
            )}
            <EntityRefLink entityRef={team.groupRef} hideIcon>
              {title}
            </EntityRefLink>
          </div>
        </th>
        <td>
          <CampaignProgressBar
            counts={team}
            label={`Progress of ${title} and the teams below it`}
            compact
          />
        </td>
        <td>{ownText(team.own)}</td>
        <td>{team.open}</td>
        <td>{team.exempt}</td>
        {onShowItems && (
          <td>
            {team.open > 0 && (
              <Button
                size="small"
                variant="tertiary"
                aria-label={`Show to-dos of ${title}`}
                onPress={() => onShowItems(team.groupRef)}
              >
                Show to-dos
              </Button>
            )}
          </td>
        )}
      </tr>,
    );
    if (isOpen) {
      children.forEach(child => addRows(child, depth + 1));
    }
  };
  roots.forEach(root => addRows(root, 0));

  return (
    <HorizontalScroll label="Progress per team" minWidth="44rem">
      <table className={styles.table} aria-label="Teams">
        <thead>
          <tr>
            <th scope="col">Team</th>
            <th scope="col">With the teams below</th>
            <th scope="col">Own entities</th>
            <th scope="col">To do</th>
            <th scope="col">Exempt</th>
            {onShowItems && (
              <th scope="col">
                <VisuallyHidden>Actions</VisuallyHidden>
              </th>
            )}
          </tr>
        </thead>
        <tbody>
          {rows}
          {teams.unowned.cohort > 0 && (
            <tr>
              <th scope="row">
                <div className={styles.team}>
                  <span className={styles.spacer} />
                  Not owned by a team
                </div>
              </th>
              <td>
                <CampaignProgressBar
                  counts={teams.unowned}
                  label="Progress of entities not owned by a team"
                  compact
                />
              </td>
              <td>{ownText(teams.unowned)}</td>
              <td>{teams.unowned.open}</td>
              <td>{teams.unowned.exempt}</td>
              {onShowItems && <td />}
            </tr>
          )}
        </tbody>
      </table>
    </HorizontalScroll>
  );
}
