import { useMemo, useState } from 'react';
import {
  LeaderboardResponse,
  ScorecardInfo,
} from '@flywheel/plugin-flywheel-common';
import {
  Cell,
  CellText,
  ColumnConfig,
  Flex,
  Radio,
  RadioGroup,
  Table,
  useTable,
} from '@backstage/ui';
import { HorizontalScroll } from '../../shared/HorizontalScroll';
import { EntityTabLink } from '../EntityTabLink';
import { TEAM_SCORECARD_PATH } from '../hooks';
import { LevelDistributionBar } from '../LevelDistributionBar';
import { formatScore } from '../model';
import { groupTitle, GroupTitles } from '../../shared/groupTitles';

type Entry = LeaderboardResponse['items'][number];
type Row = Entry & {
  id: string;
  rank: number;
  title: string;
  /** The parent team's title; empty for a top-level team. */
  parentTitle: string;
};
type View = 'top' | 'all';

function columns(scorecard: ScorecardInfo, view: View): ColumnConfig<Row>[] {
  return [
    {
      id: 'rank',
      label: 'Rank',
      isSortable: true,
      cell: row => <CellText title={String(row.rank)} />,
    },
    {
      id: 'team',
      label: 'Team',
      isRowHeader: true,
      isSortable: true,
      cell: row => (
        <Cell>
          <EntityTabLink
            entityRef={row.groupRef}
            tab={TEAM_SCORECARD_PATH}
            scorecardId={scorecard.id}
          />
        </Cell>
      ),
    },
    {
      id: 'parent',
      label: 'Parent team',
      isSortable: true,
      isHidden: view === 'top',
      cell: row =>
        row.parentRef ? (
          <Cell>
            <EntityTabLink
              entityRef={row.parentRef}
              tab={TEAM_SCORECARD_PATH}
              scorecardId={scorecard.id}
            />
          </Cell>
        ) : (
          <CellText title="Top level" color="secondary" />
        ),
    },
    {
      id: 'entities',
      label: 'Entities',
      isSortable: true,
      cell: row => <CellText title={String(row.entityCount)} />,
    },
    {
      id: 'score',
      label: 'Average score',
      isSortable: true,
      cell: row => <CellText title={formatScore(row.averageScore)} />,
    },
    {
      id: 'levels',
      label: 'Levels',
      cell: row => (
        <Cell>
          <LevelDistributionBar
            scorecard={scorecard}
            levels={row.levels}
            label={`Levels of ${row.title}`}
          />
        </Cell>
      ),
    },
  ];
}

const compare: Record<string, (a: Row, b: Row) => number> = {
  rank: (a, b) => a.rank - b.rank,
  team: (a, b) => a.title.localeCompare(b.title),
  // Top-level teams first, then by parent, each parent's teams by rank.
  parent: (a, b) =>
    a.parentTitle.localeCompare(b.parentTitle) || a.rank - b.rank,
  entities: (a, b) => a.entityCount - b.entityCount,
  // Teams without a score sort below every score, either way round.
  score: (a, b) => (a.averageScore ?? -1) - (b.averageScore ?? -1),
};

/**
 * The teams of the top-level view: the top-level groups, or, when a single
 * top-level group holds every team (the company itself, already rolled up
 * as the whole catalog), the teams right under it.
 */
function topLevelTeams(entries: Entry[]): { root?: Entry; teams: Entry[] } {
  const withEntities = entries.filter(e => e.entityCount > 0);
  const roots = withEntities.filter(e => e.depth === 0);
  if (roots.length === 1) {
    const [root] = roots;
    const children = withEntities.filter(e => e.parentRef === root.groupRef);
    if (children.length > 0) {
      return { root, teams: children };
    }
  }
  return { teams: roots };
}

/**
 * Teams compared on one scorecard, each counting its sub-teams: the
 * top-level teams or all of them with the team each is part of, sortable,
 * with their level distribution.
 */
export function Leaderboard(props: {
  scorecard: ScorecardInfo;
  items: Entry[];
  /** Group titles from the catalog; names stand in while they load. */
  titles: GroupTitles | undefined;
}) {
  const { scorecard, items, titles } = props;
  const [view, setView] = useState<View>('top');
  const { root, teams } = useMemo(() => topLevelTeams(items), [items]);

  // Rank by the server's order (best average first) within the view.
  const rows = useMemo(
    () =>
      (view === 'top' ? teams : items).map((entry, i) => ({
        ...entry,
        id: entry.groupRef,
        rank: i + 1,
        title: groupTitle(entry.groupRef, titles),
        parentTitle: entry.parentRef ? groupTitle(entry.parentRef, titles) : '',
      })),
    [view, items, teams, titles],
  );

  const { tableProps } = useTable<Row>({
    mode: 'complete',
    data: rows,
    initialSort: { column: 'rank', direction: 'ascending' },
    paginationOptions: { type: 'none' },
    sortFn: (data, sort) => {
      const by = compare[String(sort.column)] ?? compare.rank;
      const sorted = [...data].sort(by);
      return sort.direction === 'descending' ? sorted.reverse() : sorted;
    },
  });

  let description =
    'Every team with its parent team; each counts its sub-teams, so parents include their children.';
  if (view === 'top') {
    description = root
      ? `The teams directly under ${groupTitle(
          root.groupRef,
          titles,
        )}, each with its sub-teams.`
      : 'The top-level teams, each with its sub-teams.';
  }

  return (
    <Flex direction="column" gap="3">
      <RadioGroup
        label="Teams"
        orientation="horizontal"
        value={view}
        onChange={value => setView(value as View)}
        description={description}
      >
        <Radio value="top">Top-level teams</Radio>
        <Radio value="all">All teams</Radio>
      </RadioGroup>
      <HorizontalScroll label="Ranked teams" minWidth="40rem">
        <Table
          {...tableProps}
          columnConfig={columns(scorecard, view)}
          emptyState="No team owns anything this scorecard applies to."
        />
      </HorizontalScroll>
    </Flex>
  );
}
