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
import { OrgGroup, orgLevels } from '../orgGroups';

type Entry = LeaderboardResponse['items'][number];
type Row = Entry & { id: string; rank: number; title: string };

function columns(scorecard: ScorecardInfo): ColumnConfig<Row>[] {
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
  entities: (a, b) => a.entityCount - b.entityCount,
  // Teams without a score sort below every score, either way round.
  score: (a, b) => (a.averageScore ?? -1) - (b.averageScore ?? -1),
};

/**
 * Teams compared on one scorecard, each counting its sub-teams: the
 * top-level teams or all of them, sortable, with their level distribution.
 */
export function Leaderboard(props: {
  scorecard: ScorecardInfo;
  items: Entry[];
  groups: Map<string, OrgGroup> | undefined;
}) {
  const { scorecard, items, groups } = props;
  const [view, setView] = useState<'top' | 'all'>('top');
  const { roots, topLevel } = orgLevels(
    items.filter(i => i.entityCount > 0),
    groups,
  );
  const title = (ref: string) => groups?.get(ref)?.title ?? ref;

  // Rank by the server's order (best average first) within the view.
  const rows = useMemo(() => {
    const shown = view === 'top' ? topLevel : items;
    return shown.map((entry, i) => ({
      ...entry,
      id: entry.groupRef,
      rank: i + 1,
      title: title(entry.groupRef),
    }));
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [view, items, groups]);

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

  const rootNames = roots.map(r => title(r.groupRef)).join(', ');

  return (
    <Flex direction="column" gap="3">
      <RadioGroup
        label="Teams"
        orientation="horizontal"
        value={view}
        onChange={value => setView(value as 'top' | 'all')}
        description={
          view === 'top' && rootNames
            ? `The teams directly under ${rootNames}, each with its sub-teams.`
            : 'Every team, each with its sub-teams, so parents include their children.'
        }
      >
        <Radio value="top">Top-level teams</Radio>
        <Radio value="all">All teams</Radio>
      </RadioGroup>
      <HorizontalScroll label="Ranked teams" minWidth="40rem">
        <Table
          {...tableProps}
          columnConfig={columns(scorecard)}
          emptyState="No team owns anything this scorecard applies to."
        />
      </HorizontalScroll>
    </Flex>
  );
}
