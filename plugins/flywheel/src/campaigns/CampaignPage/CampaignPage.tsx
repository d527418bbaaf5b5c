import { useRef, useState } from 'react';
import { MarkdownContent, Progress } from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import { EntityRefLink } from '@backstage/plugin-catalog-react';
import { Campaign } from '@flywheel/plugin-flywheel-common';
import { Button, Flex, Link, Text } from '@backstage/ui';
import { useParams, useSearchParams } from 'react-router-dom';
import useAsyncRetry from 'react-use/esm/useAsyncRetry';
import { flywheelApiRef } from '../../api';
import { formatDate } from '../../shared/format';
import { LoadErrorAlert } from '../../shared/LoadErrorAlert';
import { Section } from '../../shared/Section';
import { StatList } from '../../shared/StatList';
import { CampaignBurnUp } from '../CampaignBurnUp';
import { CampaignItemsTable } from '../CampaignItemsTable';
import { CampaignStateBadge } from '../CampaignStateBadge';
import { CloseCampaignDialog } from '../CloseCampaignDialog';
import { useCampaignsLink } from '../links';
import { refusedRead, useCampaignPermissions } from '../permissions';
import { TeamProgressTable } from '../TeamProgressTable';
import styles from './CampaignPage.module.css';

function CampaignHeader(props: { campaign: Campaign; onClose?: () => void }) {
  const { campaign, onClose } = props;
  return (
    <Flex direction="column" gap="3">
      <Flex justify="between" align="start" gap="3" className={styles.header}>
        <Flex align="center" gap="2">
          <Text as="h2" variant="title-small" weight="bold">
            {campaign.title}
          </Text>
          <CampaignStateBadge state={campaign.state} />
        </Flex>
        {onClose && (
          <Button variant="secondary" onPress={onClose} data-print-hide>
            Close campaign
          </Button>
        )}
      </Flex>
      <Text as="p" weight="bold">
        Goal: {campaign.goalText}
      </Text>
      <Text as="p">{campaign.description}</Text>
      <StatList
        aria-label="About the campaign"
        stats={[
          {
            label: 'Run by',
            value: (
              <EntityRefLink
                entityRef={campaign.ownerRef}
                defaultKind="group"
                hideIcon
              />
            ),
          },
          { label: 'Starts', value: formatDate(campaign.startsAt) },
          { label: 'Deadline', value: formatDate(campaign.deadline) },
          ...(campaign.completedAt
            ? [{ label: 'Completed', value: formatDate(campaign.completedAt) }]
            : []),
          {
            label: 'Defined',
            value:
              campaign.source === 'config' ? 'In app-config' : 'In Flywheel',
            hint: campaign.createdBy ? (
              <>
                by{' '}
                <EntityRefLink
                  entityRef={campaign.createdBy}
                  defaultKind="user"
                  hideIcon
                />{' '}
                on {formatDate(campaign.createdAt)}
              </>
            ) : undefined,
          },
        ]}
      />
      {campaign.state === 'closed' && (
        <Text as="p">
          Closed on {formatDate(campaign.closedAt)}
          {campaign.closedBy && (
            <>
              {' '}
              by{' '}
              <EntityRefLink
                entityRef={campaign.closedBy}
                defaultKind="user"
                hideIcon
              />
            </>
          )}
          {campaign.closeNote ? `: ${campaign.closeNote}` : '.'}
        </Text>
      )}
    </Flex>
  );
}

function CampaignTeams(props: {
  campaign: Campaign;
  onShowItems: (groupRef: string) => void;
}) {
  const { campaign, onShowItems } = props;
  const flywheelApi = useApi(flywheelApiRef);
  const { value, loading, error, retry } = useAsyncRetry(
    () => flywheelApi.getCampaignTeams(campaign.id),
    [flywheelApi, campaign],
  );
  let body;
  if (!value && loading) {
    body = <Progress />;
  } else if (error) {
    body = (
      <LoadErrorAlert
        title="Could not load the teams' progress"
        error={error}
        onRetry={retry}
        permission={refusedRead(error)}
      />
    );
  } else if (value) {
    body = (
      <TeamProgressTable
        teams={value}
        onShowItems={campaign.progress.open > 0 ? onShowItems : undefined}
      />
    );
  }
  return <Section title="Teams">{body}</Section>;
}

function CampaignView(props: { campaign: Campaign; onChanged: () => void }) {
  const { campaign, onChanged } = props;
  const { canManage } = useCampaignPermissions();
  const [closing, setClosing] = useState(false);
  const [searchParams, setSearchParams] = useSearchParams();
  const groupRef = searchParams.get('groupRef') ?? undefined;
  const itemsRef = useRef<HTMLDivElement>(null);

  const setGroupRef = (ref: string | undefined) =>
    setSearchParams(
      current => {
        const next = new URLSearchParams(current);
        if (ref) {
          next.set('groupRef', ref);
        } else {
          next.delete('groupRef');
        }
        return next;
      },
      { replace: true },
    );

  return (
    <Flex direction="column" gap="5">
      <CampaignHeader
        campaign={campaign}
        onClose={
          canManage && campaign.state !== 'closed'
            ? () => setClosing(true)
            : undefined
        }
      />
      {campaign.howTo && (
        <Section title="How to get there">
          <div className={styles.howTo}>
            <MarkdownContent content={campaign.howTo} />
          </div>
        </Section>
      )}
      <CampaignBurnUp campaign={campaign} />
      <CampaignTeams
        campaign={campaign}
        onShowItems={ref => {
          setGroupRef(ref);
          itemsRef.current?.scrollIntoView?.({ behavior: 'smooth' });
        }}
      />
      <div ref={itemsRef}>
        <Section title="To-do items">
          <CampaignItemsTable
            key={campaign.state}
            campaign={campaign}
            groupRef={groupRef}
            onGroupRefChange={setGroupRef}
          />
        </Section>
      </div>
      {closing && (
        <CloseCampaignDialog
          isOpen
          onOpenChange={setClosing}
          campaign={campaign}
          onClosed={onChanged}
        />
      )}
    </Flex>
  );
}

/**
 * One campaign (`/flywheel/campaigns/:campaignId`): its state, goal, owner,
 * dates, description and how-to; its burn-up against the ideal line with
 * the projected completion; progress per team; the to-do items with
 * filters; and Close campaign for those allowed. `?groupRef=` opens the
 * to-do items of one team's subtree.
 */
export function CampaignPage() {
  const flywheelApi = useApi(flywheelApiRef);
  const { campaignId } = useParams();
  const listLink = useCampaignsLink();
  const { value, loading, error, retry } = useAsyncRetry(
    async () => (campaignId ? flywheelApi.getCampaign(campaignId) : undefined),
    [flywheelApi, campaignId],
  );

  let body;
  if (!campaignId) {
    body = <Text as="p">This address names no campaign.</Text>;
  } else if (!value && loading) {
    body = <Progress />;
  } else if (error) {
    body = (
      <LoadErrorAlert
        title="Could not load the campaign"
        error={error}
        onRetry={retry}
        permission={refusedRead(error)}
      />
    );
  } else if (value) {
    body = <CampaignView campaign={value} onChanged={retry} />;
  }
  return (
    <Flex direction="column" gap="3">
      {listLink && (
        <Text variant="body-small" data-print-hide>
          <Link href={listLink}>← All campaigns</Link>
        </Text>
      )}
      {body}
    </Flex>
  );
}
