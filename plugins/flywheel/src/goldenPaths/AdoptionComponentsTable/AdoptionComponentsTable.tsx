import {
  GoldenPathService,
  PathAdoption,
} from '@flywheel/plugin-flywheel-common';
import { EntityRefLink } from '@backstage/plugin-catalog-react';
import { Badge, Cell, CellText, ColumnConfig, Table } from '@backstage/ui';
import styles from './AdoptionComponentsTable.module.css';

type ComponentRow = GoldenPathService & { id: string; pathTitle?: string };

function StatusBadge(props: { row: ComponentRow }) {
  const { row } = props;
  if (!row.templateRef) {
    return <Badge size="small">Not from a golden path</Badge>;
  }
  if (row.drifted) {
    return (
      <Badge size="small" className={styles.drifted}>
        Drifted
      </Badge>
    );
  }
  return (
    <Badge size="small" className={styles.current}>
      Current
    </Badge>
  );
}

const columns: ColumnConfig<ComponentRow>[] = [
  {
    id: 'component',
    label: 'Component',
    isRowHeader: true,
    cell: row => (
      <Cell>
        <EntityRefLink entityRef={row.entityRef} hideIcon>
          {row.title}
        </EntityRefLink>
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
    id: 'path',
    label: 'Golden path',
    cell: row => <CellText title={row.pathTitle ?? '—'} />,
  },
  {
    id: 'version',
    label: 'Version',
    cell: row => <CellText title={row.templateVersion ?? '—'} />,
  },
  {
    id: 'status',
    label: 'Status',
    cell: row => (
      <Cell>
        <StatusBadge row={row} />
      </Cell>
    ),
  },
];

/**
 * The components behind a team's adoption numbers, so a lead can see which
 * services count, which do not, and which need an upgrade.
 */
export function AdoptionComponentsTable(props: {
  components: GoldenPathService[];
  paths: PathAdoption[];
}) {
  const titles = new Map(props.paths.map(p => [p.templateRef, p.title]));
  const rows: ComponentRow[] = props.components.map(component => ({
    ...component,
    id: component.entityRef,
    pathTitle: component.templateRef
      ? titles.get(component.templateRef)
      : undefined,
  }));

  return (
    <Table
      columnConfig={columns}
      data={rows}
      pagination={{ type: 'none' }}
      emptyState="This team owns no components."
    />
  );
}
