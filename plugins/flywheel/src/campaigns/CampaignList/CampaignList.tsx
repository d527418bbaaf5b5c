import { ReactNode, useState } from 'react';
import { Progress } from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import { Campaign } from '@flywheel/plugin-flywheel-common';
import { Button, Flex, Text } from '@backstage/ui';
import { useNavigate } from 'react-router-dom';
import useAsyncRetry from 'react-use/esm/useAsyncRetry';
import { flywheelApiRef } from '../../api';
import { LoadErrorAlert } from '../../shared/LoadErrorAlert';
import { Section } from '../../shared/Section';
import { CampaignCard } from '../CampaignCard';
import { splitCampaigns } from '../campaignFormat';
import { CreateCampaignDialog } from '../CreateCampaignDialog';
import { useCampaignLink } from '../links';
import { NoCampaigns } from '../NoCampaigns';
import { refusedRead, useCampaignPermissions } from '../permissions';
import styles from './CampaignList.module.css';

function Cards(props: {
  campaigns: Campaign[];
  link?: (campaignId: string) => string;
}) {
  return (
    <ul className={styles.cards}>
      {props.campaigns.map(campaign => (
        <li key={campaign.id}>
          <CampaignCard campaign={campaign} href={props.link?.(campaign.id)} />
        </li>
      ))}
    </ul>
  );
}

/**
 * The Campaigns tab (`/flywheel/campaigns`): running, overdue and scheduled
 * campaigns first, then completed ones, each with its goal, owner, deadline
 * and progress; closed campaigns in a section of their own. "New campaign"
 * for those allowed to create one opens the create dialog, and the new
 * campaign's page after it.
 */
export function CampaignList() {
  const flywheelApi = useApi(flywheelApiRef);
  const { canManage } = useCampaignPermissions();
  const campaignLink = useCampaignLink();
  const navigate = useNavigate();
  const [creating, setCreating] = useState(false);
  const { value, loading, error, retry } = useAsyncRetry(
    () => flywheelApi.listCampaigns(),
    [flywheelApi],
  );

  const newButton = canManage ? (
    <Button variant="primary" size="small" onPress={() => setCreating(true)}>
      New campaign
    </Button>
  ) : undefined;
  const onCreated = (campaign: Campaign) => {
    if (campaignLink) {
      navigate(campaignLink(campaign.id));
    } else {
      retry();
    }
  };

  let body: ReactNode;
  let closed: Campaign[] = [];
  let empty = false;
  if (!value && loading) {
    body = <Progress />;
  } else if (error) {
    body = (
      <LoadErrorAlert
        title="Could not load the campaigns"
        error={error}
        onRetry={retry}
        permission={refusedRead(error)}
      />
    );
  } else if (!value || value.items.length === 0) {
    empty = true;
    body = <NoCampaigns action={newButton} />;
  } else {
    const split = splitCampaigns(value.items);
    closed = split.closed;
    body =
      split.active.length === 0 ? (
        <Text as="p" color="secondary">
          No campaign is running or scheduled.
        </Text>
      ) : (
        <Cards campaigns={split.active} link={campaignLink} />
      );
  }

  return (
    <Flex direction="column" gap="5">
      <Section title="Campaigns" action={empty ? undefined : newButton}>
        {body}
      </Section>
      {closed.length > 0 && (
        <Section title="Closed campaigns">
          <Cards campaigns={closed} link={campaignLink} />
        </Section>
      )}
      {creating && (
        <CreateCampaignDialog
          isOpen
          onOpenChange={isOpen => setCreating(isOpen)}
          onCreated={onCreated}
        />
      )}
    </Flex>
  );
}
