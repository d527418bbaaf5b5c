import { useMemo, useState } from 'react';
import { useApi } from '@backstage/core-plugin-api';
import {
  EntityRefLink,
  useEntityPresentation,
} from '@backstage/plugin-catalog-react';
import {
  Campaign,
  CampaignItem,
  CampaignMemberState,
} from '@flywheel/plugin-flywheel-common';
import {
  ButtonLink,
  Cell,
  CellText,
  ColumnConfig,
  Flex,
  Link,
  Select,
  Table,
  useTable,
} from '@backstage/ui';
import { flywheelApiRef } from '../../api';
import {
  ENTITY_SCORECARDS_PATH,
  useEntityTabLink,
} from '../../shared/entityTabLinks';
import { GroupPicker } from '../../shared/GroupPicker';
import { HorizontalScroll } from '../../shared/HorizontalScroll';
import { LoadErrorAlert } from '../../shared/LoadErrorAlert';
import { MemberStateBadge } from '../CampaignStateBadge';
import { CAMPAIGNS_READ } from '../permissions';
import { useAutomationLink } from '../useAutomationLink';
import styles from './CampaignItemsTable.module.css';

type ItemState = CampaignMemberState | 'all';
type Row = CampaignItem & { id: string };
type Filter = { state: ItemState; groupRef?: string };

const PAGE_SIZE = 20;

const STATE_OPTIONS: { id: ItemState; label: string }[] = [
  { id: 'open', label: 'To do' },
  { id: 'met', label: 'Met' },
  { id: 'exempt', label: 'Exempt' },
  { id: 'all', label: 'All' },
];

function emptyText(filter: Filter): string {
  const ofTeam = filter.groupRef ? ' of this team' : '';
  switch (filter.state) {
    case 'open':
      return `Nothing left to do${ofTeam}: every entity meets the goal or is exempt.`;
    case 'met':
      return `No entity${ofTeam} meets the goal yet.`;
    case 'exempt':
      return `No entity${ofTeam} is exempt.`;
    default:
      return `No entity${ofTeam} is in the cohort.`;
  }
}

/** What a person can do about one open item: automation, an exemption. */
function ItemActions(props: {
  item: CampaignItem;
  onboardingLink?: (entityRef: string) => string;
  exemptionLink?: (entityRef: string) => string;
}) {
  const { item, onboardingLink, exemptionLink } = props;
  const { primaryTitle } = useEntityPresentation(item.entityRef);
  const name = item.title ?? primaryTitle;
  if (item.state !== 'open') {
    return null;
  }
  return (
    <div className={styles.actions}>
      {onboardingLink && (
        <ButtonLink
          href={onboardingLink(item.entityRef)}
          size="small"
          variant="secondary"
          aria-label={`Start onboarding for ${name}`}
        >
          Start onboarding
        </ButtonLink>
      )}
      {exemptionLink && (
        <Link
          href={exemptionLink(item.entityRef)}
          variant="body-small"
          aria-label={`Request an exemption for ${name}`}
        >
          Request an exemption
        </Link>
      )}
    </div>
  );
}

/**
 * A campaign's to-do items, a page at a time from the server: the open ones
 * by default, or those met, exempt or all, of every team or of one team's
 * subtree. Each row names the entity, its owner, its state and why. An open
 * item offers "Start onboarding" when the campaign has an automation
 * template (the scaffolder's form opens with the entity filled in), and,
 * for a scorecard-check goal, a link to request an exemption on the
 * entity's Scorecards tab.
 */
export function CampaignItemsTable(props: {
  campaign: Campaign;
  /** The team whose subtree's items show; all teams when undefined. */
  groupRef?: string;
  onGroupRefChange: (groupRef: string | undefined) => void;
}) {
  const { campaign, groupRef, onGroupRefChange } = props;
  const flywheelApi = useApi(flywheelApiRef);
  const [state, setState] = useState<ItemState>('open');
  const filter = useMemo<Filter>(
    () => ({ state, groupRef }),
    [state, groupRef],
  );
  const onboardingLink = useAutomationLink(
    campaign.state === 'closed' ? undefined : campaign.automation,
  );
  const tabLink = useEntityTabLink();
  const { goal } = campaign;
  const exemptionLink =
    goal.type === 'check' && campaign.state !== 'closed'
      ? (entityRef: string) =>
          tabLink(entityRef, ENTITY_SCORECARDS_PATH, goal.scorecardId)
      : undefined;

  const { tableProps, reload } = useTable<Row, Filter>({
    mode: 'offset',
    filter,
    paginationOptions: { pageSize: PAGE_SIZE, pageSizeOptions: [20, 50, 100] },
    getData: async ({ offset, pageSize, filter: current }) => {
      const page = await flywheelApi.getCampaignItems(campaign.id, {
        state: current?.state ?? 'open',
        groupRef: current?.groupRef,
        limit: pageSize,
        offset,
      });
      return {
        data: page.items.map(item => ({ ...item, id: item.entityRef })),
        totalCount: page.totalCount,
      };
    },
  });

  const columns: ColumnConfig<Row>[] = [
    {
      id: 'entity',
      label: 'Entity',
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
          {row.ownerRef ? (
            <EntityRefLink entityRef={row.ownerRef} hideIcon />
          ) : (
            '—'
          )}
        </Cell>
      ),
    },
    {
      id: 'state',
      label: 'State',
      cell: row => (
        <Cell>
          <MemberStateBadge state={row.state} />
        </Cell>
      ),
    },
    {
      id: 'reason',
      label: 'Why',
      cell: row => <CellText title={row.reason} />,
    },
    ...(onboardingLink || exemptionLink
      ? [
          {
            id: 'actions',
            label: 'Actions',
            cell: (row: Row) => (
              <Cell>
                <ItemActions
                  item={row}
                  onboardingLink={onboardingLink}
                  exemptionLink={exemptionLink}
                />
              </Cell>
            ),
          },
        ]
      : []),
  ];

  return (
    <Flex direction="column" gap="3">
      <div className={styles.filters}>
        <Select
          label="State"
          options={STATE_OPTIONS}
          value={state}
          onChange={key => setState((key ?? 'open') as ItemState)}
        />
        <GroupPicker
          value={groupRef}
          onChange={onGroupRefChange}
          noneLabel="All teams"
        />
      </div>
      {tableProps.error ? (
        <LoadErrorAlert
          title="Could not load the to-do items"
          error={tableProps.error}
          onRetry={reload}
          permission={CAMPAIGNS_READ}
        />
      ) : (
        <HorizontalScroll label="To-do items table" minWidth="48rem">
          <Table
            {...tableProps}
            columnConfig={columns}
            emptyState={emptyText(filter)}
          />
        </HorizontalScroll>
      )}
    </Flex>
  );
}
