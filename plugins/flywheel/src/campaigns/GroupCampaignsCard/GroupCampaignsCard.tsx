import { ReactNode } from 'react';
import { stringifyEntityRef } from '@backstage/catalog-model';
import { Progress } from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import {
  useEntity,
  useEntityPresentation,
} from '@backstage/plugin-catalog-react';
import { Flex, Link, Text } from '@backstage/ui';
import useAsyncRetry from 'react-use/esm/useAsyncRetry';
import { flywheelApiRef } from '../../api';
import { LoadErrorAlert } from '../../shared/LoadErrorAlert';
import { campaignDates } from '../CampaignCard';
import { CampaignProgressBar } from '../CampaignProgressBar';
import { CampaignStateBadge } from '../CampaignStateBadge';
import { CampaignsCardShell } from '../EntityCampaignsCard';
import { useCampaignLink } from '../links';
import { byCampaignOrder } from '../membershipOrder';
import { refusedRead } from '../permissions';
import styles from './GroupCampaignsCard.module.css';

/**
 * Entity card for a Group: the campaigns with entities of the team or the
 * teams below it, each with its state, goal and deadline and the team's own
 * progress ("met of cohort less exempt"), linking to the campaign's page
 * filtered to the team's to-do items. Running campaigns first.
 */
export function GroupCampaignsCard() {
  const { entity } = useEntity();
  const flywheelApi = useApi(flywheelApiRef);
  const campaignLink = useCampaignLink();
  const groupRef = stringifyEntityRef(entity);
  const { primaryTitle } = useEntityPresentation(entity);
  const { value, loading, error, retry } = useAsyncRetry(
    () => flywheelApi.getCampaignMemberships({ groupRef }),
    [flywheelApi, groupRef],
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
    const items = byCampaignOrder(value.items).filter(m => m.team);
    content =
      items.length === 0 ? (
        <Text as="p" color="secondary">
          No campaign covers this team's entities.
        </Text>
      ) : (
        <ul className={styles.list}>
          {items.map(({ campaign, team }) => {
            const href = campaignLink?.(campaign.id, { groupRef });
            return (
              <li key={campaign.id} className={styles.item}>
                <Flex
                  justify="between"
                  align="center"
                  gap="2"
                  className={styles.title}
                >
                  <Text as="h3" variant="body-medium" weight="bold">
                    {href ? (
                      <Link href={href}>{campaign.title}</Link>
                    ) : (
                      campaign.title
                    )}
                  </Text>
                  <CampaignStateBadge state={campaign.state} />
                </Flex>
                <Text variant="body-small">{campaign.goalText}</Text>
                <Text variant="body-small" color="secondary">
                  {campaignDates(campaign)}
                </Text>
                <CampaignProgressBar
                  counts={team!}
                  label={`Progress of ${primaryTitle} in ${campaign.title}`}
                />
              </li>
            );
          })}
        </ul>
      );
  }
  return <CampaignsCardShell>{content}</CampaignsCardShell>;
}
