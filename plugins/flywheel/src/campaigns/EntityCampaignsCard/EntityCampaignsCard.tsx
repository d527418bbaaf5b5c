import { ReactNode } from 'react';
import { stringifyEntityRef } from '@backstage/catalog-model';
import { Progress } from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import { useEntity } from '@backstage/plugin-catalog-react';
import { Campaign, CampaignItem } from '@flywheel/plugin-flywheel-common';
import {
  ButtonLink,
  Card,
  CardBody,
  CardHeader,
  Flex,
  Link,
  Text,
} from '@backstage/ui';
import useAsyncRetry from 'react-use/esm/useAsyncRetry';
import { flywheelApiRef } from '../../api';
import { LoadErrorAlert } from '../../shared/LoadErrorAlert';
import { campaignDates } from '../CampaignCard';
import { MemberStateBadge } from '../CampaignStateBadge';
import { useCampaignLink } from '../links';
import { byCampaignOrder } from '../membershipOrder';
import { refusedRead } from '../permissions';
import { useAutomationLink } from '../useAutomationLink';
import styles from './EntityCampaignsCard.module.css';

/** The card around a campaigns list on an entity page. */
export function CampaignsCardShell(props: { children: ReactNode }) {
  return (
    <Card role="region" aria-label="Campaigns">
      <CardHeader>
        <Text as="h2" variant="title-x-small" weight="bold">
          Campaigns
        </Text>
      </CardHeader>
      <CardBody>{props.children}</CardBody>
    </Card>
  );
}

function Membership(props: {
  campaign: Campaign;
  item: CampaignItem;
  href?: string;
}) {
  const { campaign, item, href } = props;
  const onboardingLink = useAutomationLink(
    campaign.state === 'closed' ? undefined : campaign.automation,
  );
  return (
    <li className={styles.item}>
      <Flex justify="between" align="center" gap="2" className={styles.title}>
        <Text as="h3" variant="body-medium" weight="bold">
          {href ? <Link href={href}>{campaign.title}</Link> : campaign.title}
        </Text>
        <MemberStateBadge state={item.state} />
      </Flex>
      <Text variant="body-small">{campaign.goalText}</Text>
      <Text variant="body-small" color="secondary">
        {campaignDates(campaign)}
      </Text>
      <Text variant="body-small">{item.reason}</Text>
      {onboardingLink && item.state === 'open' && (
        <Flex>
          <ButtonLink
            href={onboardingLink(item.entityRef)}
            size="small"
            variant="secondary"
            aria-label={`Start onboarding for ${campaign.title}`}
          >
            Start onboarding
          </ButtonLink>
        </Flex>
      )}
    </li>
  );
}

/**
 * Entity card: the campaigns the entity is part of, each with the entity's
 * state (to do, met, exempt) and why, the goal and deadline, and "Start
 * onboarding" when the campaign has an automation template and the entity
 * still has to do it. Running campaigns first.
 */
export function EntityCampaignsCard() {
  const { entity } = useEntity();
  const flywheelApi = useApi(flywheelApiRef);
  const campaignLink = useCampaignLink();
  const entityRef = stringifyEntityRef(entity);
  const { value, loading, error, retry } = useAsyncRetry(
    () => flywheelApi.getCampaignMemberships({ entityRef }),
    [flywheelApi, entityRef],
  );

  let content: ReactNode = null;
  if (!value && loading) {
    content = <Progress />;
  } else if (error) {
    content = (
      <LoadErrorAlert
        title="Could not load the campaigns"
        error={error}
        onRetry={retry}
        permission={refusedRead(error)}
      />
    );
  } else if (value) {
    const items = byCampaignOrder(value.items).filter(m => m.item);
    content =
      items.length === 0 ? (
        <Text as="p" color="secondary">
          Not part of any campaign.
        </Text>
      ) : (
        <ul className={styles.list}>
          {items.map(({ campaign, item }) => (
            <Membership
              key={campaign.id}
              campaign={campaign}
              item={item!}
              href={campaignLink?.(campaign.id)}
            />
          ))}
        </ul>
      );
  }
  return <CampaignsCardShell>{content}</CampaignsCardShell>;
}
