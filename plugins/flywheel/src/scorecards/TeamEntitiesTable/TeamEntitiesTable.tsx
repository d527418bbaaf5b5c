import { useApi } from '@backstage/core-plugin-api';
import { EntityRefLink } from '@backstage/plugin-catalog-react';
import {
  EntityScorecardResult,
  ScorecardInfo,
} from '@flywheel/plugin-flywheel-common';
import { Cell, CellText, ColumnConfig, Table, useTable } from '@backstage/ui';
import { flywheelApiRef } from '../../api';
import { formatDate } from '../../shared/format';
import { HorizontalScroll } from '../../shared/HorizontalScroll';
import { EntityTabLink } from '../EntityTabLink';
import { ENTITY_SCORECARDS_PATH } from '../hooks';
import { LevelBadge } from '../LevelBadge';
import { formatScore, SCORECARDS_READ } from '../model';
import { LoadErrorAlert } from '../../shared/LoadErrorAlert';

type Row = Omit<EntityScorecardResult, 'checks'> & { id: string };

const PAGE_SIZE = 20;

function columns(scorecard: ScorecardInfo): ColumnConfig<Row>[] {
  return [
    {
      id: 'entity',
      label: 'Entity',
      isRowHeader: true,
      cell: row => (
        <Cell>
          <EntityTabLink
            entityRef={row.entityRef}
            tab={ENTITY_SCORECARDS_PATH}
            scorecardId={scorecard.id}
          />
        </Cell>
      ),
    },
    {
      id: 'owner',
      label: 'Owner',
      cell: row => (
        <Cell>
          {row.ownerRef ? (
            <EntityRefLink entityRef={row.ownerRef} hideIcon />
          ) : (
            '—'
          )}
        </Cell>
      ),
    },
    {
      id: 'level',
      label: 'Level',
      cell: row => (
        <Cell>
          <LevelBadge scorecard={scorecard} level={row.level} />
        </Cell>
      ),
    },
    {
      id: 'score',
      label: 'Score',
      cell: row => <CellText title={formatScore(row.score)} />,
    },
    {
      id: 'failing',
      label: 'Failing or unknown',
      cell: row => (
        <CellText title={String(row.counts.fail + row.counts.unknown)} />
      ),
    },
    {
      id: 'evaluated',
      label: 'Evaluated',
      cell: row => <CellText title={formatDate(row.evaluatedAt)} />,
    },
  ];
}

/**
 * The entities of a team (sub-teams included) with their level and score,
 * a page at a time from the server; each links to its Scorecards tab.
 */
export function TeamEntitiesTable(props: {
  scorecard: ScorecardInfo;
  groupRef: string;
  /** Only the entities this check counts against (fail, warn, unknown). */
  failingCheck?: string;
}) {
  const { scorecard, groupRef, failingCheck } = props;
  const flywheelApi = useApi(flywheelApiRef);
  const { tableProps, reload } = useTable<Row>({
    mode: 'offset',
    paginationOptions: { pageSize: PAGE_SIZE, pageSizeOptions: [20, 50, 100] },
    getData: async ({ offset, pageSize }) => {
      const page = await flywheelApi.getScorecardEntities({
        scorecardId: scorecard.id,
        groupRef,
        failingCheck,
        limit: pageSize,
        offset,
      });
      return {
        data: page.items.map(item => ({ ...item, id: item.entityRef })),
        totalCount: page.totalCount,
      };
    },
  });

  if (tableProps.error) {
    // The table's own error text would be the client's generic message.
    return (
      <LoadErrorAlert
        title="Could not load the team's entities"
        error={tableProps.error}
        onRetry={reload}
        permission={SCORECARDS_READ}
      />
    );
  }
  return (
    <HorizontalScroll label="Entity results" minWidth="44rem">
      <Table
        {...tableProps}
        columnConfig={columns(scorecard)}
        emptyState={
          failingCheck
            ? 'Every entity of this team passes this check, or is exempt.'
            : 'No entity of this team is scored by this scorecard.'
        }
      />
    </HorizontalScroll>
  );
}
