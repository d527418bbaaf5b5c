import { EntityRefLink } from '@backstage/plugin-catalog-react';
import { Campaign } from '@flywheel/plugin-flywheel-common';
import { Card, CardBody, CardHeader, Flex, Link, Text } from '@backstage/ui';
import { formatDate } from '../../shared/format';
import { CampaignProgressBar } from '../CampaignProgressBar';
import { CampaignStateBadge } from '../CampaignStateBadge';
import styles from './CampaignCard.module.css';

/** When a campaign starts, is due or was closed, in a few words. */
export function campaignDates(campaign: Campaign): string {
  if (campaign.state === 'closed') {
    return `Closed ${formatDate(campaign.closedAt)}`;
  }
  if (campaign.state === 'scheduled') {
    return `Starts ${formatDate(campaign.startsAt)} · Due ${formatDate(
      campaign.deadline,
    )}`;
  }
  if (campaign.state === 'completed') {
    return `Completed ${formatDate(campaign.completedAt)} · Due ${formatDate(
      campaign.deadline,
    )}`;
  }
  return `Due ${formatDate(campaign.deadline)}`;
}

/**
 * A campaign in the list: its title (linking to its page), state, goal,
 * owner, dates and progress over the cohort.
 */
export function CampaignCard(props: {
  campaign: Campaign;
  /** Its page; absent when the app has no Flywheel page to link to. */
  href?: string;
}) {
  const { campaign, href } = props;
  return (
    <Card className={styles.card}>
      <CardHeader>
        <Flex justify="between" align="start" gap="2">
          <Text as="h4" variant="body-medium" weight="bold">
            {href ? <Link href={href}>{campaign.title}</Link> : campaign.title}
          </Text>
          <CampaignStateBadge state={campaign.state} />
        </Flex>
      </CardHeader>
      <CardBody>
        <Flex direction="column" gap="2">
          <Text variant="body-small">{campaign.goalText}</Text>
          <div className={styles.meta}>
            <Text variant="body-small" color="secondary">
              Run by{' '}
              <EntityRefLink
                entityRef={campaign.ownerRef}
                defaultKind="group"
                hideIcon
              />
            </Text>
            <Text variant="body-small" color="secondary">
              {campaignDates(campaign)}
            </Text>
          </div>
          <CampaignProgressBar
            counts={campaign.progress}
            label={`Progress of ${campaign.title}`}
          />
        </Flex>
      </CardBody>
    </Card>
  );
}
