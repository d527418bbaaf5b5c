import { EntityRefLink } from '@backstage/plugin-catalog-react';
import { ScorecardInfo } from '@flywheel/plugin-flywheel-common';
import { Cell, CellText, ColumnConfig, Link, Table, Text } from '@backstage/ui';
import { HorizontalScroll } from '../../shared/HorizontalScroll';
import styles from './ScorecardList.module.css';

type Row = ScorecardInfo & { selected: boolean };

const columns: ColumnConfig<Row>[] = [
  {
    id: 'title',
    label: 'Scorecard',
    isRowHeader: true,
    cell: row => (
      <Cell>
        <div className={styles.title}>
          <Link
            href={`?${new URLSearchParams({ scorecard: row.id })}`}
            aria-current={row.selected ? 'true' : undefined}
            weight={row.selected ? 'bold' : 'regular'}
          >
            {row.title}
          </Link>
          {row.selected && (
            <Text variant="body-x-small" color="secondary">
              Shown below
            </Text>
          )}
        </div>
      </Cell>
    ),
  },
  {
    id: 'owner',
    label: 'Owner',
    cell: row => (
      <Cell>
        {row.owner ? <EntityRefLink entityRef={row.owner} hideIcon /> : '—'}
      </Cell>
    ),
  },
  {
    id: 'levels',
    label: 'Levels',
    cell: row => <CellText title={row.levels.map(l => l.title).join(' → ')} />,
  },
  {
    id: 'checks',
    label: 'Checks',
    cell: row => <CellText title={String(row.checks.length)} />,
  },
  {
    id: 'source',
    label: 'Defined in',
    cell: row => (
      <CellText title={row.source === 'default' ? 'Built in' : 'app-config'} />
    ),
  },
];

/**
 * Every scorecard with its owner, levels and number of checks; the title
 * opens the scorecard's detail (a link, so it can be shared).
 */
export function ScorecardList(props: {
  scorecards: ScorecardInfo[];
  selectedId: string | undefined;
}) {
  return (
    <HorizontalScroll label="All scorecards" minWidth="40rem">
      <Table
        columnConfig={columns}
        data={props.scorecards.map(s => ({
          ...s,
          selected: s.id === props.selectedId,
        }))}
        pagination={{ type: 'none' }}
        emptyState="No scorecards are configured."
      />
    </HorizontalScroll>
  );
}
