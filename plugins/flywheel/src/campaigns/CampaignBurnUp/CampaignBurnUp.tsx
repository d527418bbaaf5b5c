import { Progress } from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import { Campaign, CampaignProjection } from '@flywheel/plugin-flywheel-common';
import { Alert, Flex, Text } from '@backstage/ui';
import useAsyncRetry from 'react-use/esm/useAsyncRetry';
import { flywheelApiRef } from '../../api';
import { LoadErrorAlert } from '../../shared/LoadErrorAlert';
import { Section } from '../../shared/Section';
import { StatusBadge } from '../../shared/StatusBadge';
import { BurnUpChart } from '../BurnUpChart';
import { CampaignProgressBar } from '../CampaignProgressBar';
import { refusedRead } from '../permissions';

const CONFIDENCE: Record<CampaignProjection['confidence'], string> = {
  high: 'High confidence: the whole likely range is on one side of the deadline',
  medium: 'Medium confidence: the likely range spans the deadline',
  low: 'Low confidence: too few days or no pace to go by',
};

/** When the campaign finishes at the recent pace, and whether in time. */
function ProjectionSummary(props: { projection: CampaignProjection }) {
  const { projection } = props;
  return (
    <Flex direction="column" gap="1">
      <Flex gap="2" align="center">
        {projection.onTrack ? (
          <StatusBadge tone="success" icon="tick">
            On track
          </StatusBadge>
        ) : (
          <StatusBadge tone="danger" icon="warning">
            Off track
          </StatusBadge>
        )}
        <Text variant="body-small" color="secondary">
          {CONFIDENCE[projection.confidence]}
        </Text>
      </Flex>
      <Text as="p">{projection.summary}</Text>
    </Flex>
  );
}

/**
 * A campaign's progress: the entities meeting the goal out of those that
 * must, the burn-up with the ideal line, target and deadline, and the
 * projected completion at the recent pace with its confidence. When the
 * backend withholds the burn-up (the caller may not see every entity of the
 * cohort), its reason shows instead.
 */
export function CampaignBurnUp(props: { campaign: Campaign }) {
  const { campaign } = props;
  const flywheelApi = useApi(flywheelApiRef);
  const { value, loading, error, retry } = useAsyncRetry(
    () => flywheelApi.getCampaignProgress(campaign.id),
    [flywheelApi, campaign],
  );

  let body;
  if (!value && loading) {
    body = <Progress />;
  } else if (error) {
    body = (
      <LoadErrorAlert
        title="Could not load the burn-up"
        error={error}
        onRetry={retry}
        permission={refusedRead(error)}
      />
    );
  } else if (value?.withheld) {
    body = (
      <Alert
        status="info"
        icon
        title="Burn-up withheld"
        description={value.withheld}
      />
    );
  } else if (value) {
    body = (
      <>
        {value.projection && (
          <ProjectionSummary projection={value.projection} />
        )}
        <BurnUpChart
          title={campaign.title}
          progress={value}
          deadline={campaign.deadline}
        />
      </>
    );
  }
  return (
    <Section title="Progress">
      <Flex direction="column" gap="4">
        <CampaignProgressBar
          counts={campaign.progress}
          label={`Progress of ${campaign.title}`}
        />
        {campaign.baseline && (
          <Text variant="body-small" color="secondary">
            At the start: {campaign.baseline.met} of{' '}
            {campaign.baseline.cohort - campaign.baseline.exempt} met.
          </Text>
        )}
        {body}
      </Flex>
    </Section>
  );
}
