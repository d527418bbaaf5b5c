import { ReactNode } from 'react';
import { Flex, Link, Text } from '@backstage/ui';
import { CAMPAIGNS_DOCS_URL } from '../links';

/**
 * The Campaigns tab without campaigns: what a campaign is, and the New
 * campaign button for those who may create one. Its heading sits under the
 * Campaigns section's.
 */
export function NoCampaigns(props: { action?: ReactNode }) {
  return (
    <Flex direction="column" gap="3" align="start">
      <Text as="h4" variant="title-x-small" weight="bold">
        No campaigns yet
      </Text>
      <Text as="p">
        A campaign brings a group of catalog entities to a goal by a deadline:
        every service publishes TechDocs by the end of the quarter, every Java
        service reaches the Silver level of a scorecard, every hand-made service
        moves to a golden path. Flywheel tracks each entity as a to-do item for
        its team, shows each team's progress, and projects whether the campaign
        finishes in time.
      </Text>
      {props.action}
      <Text as="p" variant="body-small" color="secondary">
        See <Link href={CAMPAIGNS_DOCS_URL}>docs/campaigns.md</Link> for how
        campaigns work and how to define them in app-config.yaml.
      </Text>
    </Flex>
  );
}
