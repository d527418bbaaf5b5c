import { useId } from 'react';
import { GoldenPathSummary } from '@flywheel/plugin-flywheel-common';
import { EntityRefLink } from '@backstage/plugin-catalog-react';
import {
  Badge,
  ButtonLink,
  Card,
  CardBody,
  CardFooter,
  CardHeader,
  Flex,
  Text,
} from '@backstage/ui';
import { StatList } from '../../shared/StatList';
import { formatDuration, formatPercent, formatRate } from '../../shared/format';
import { useTemplateLink } from '../../shared/templateLink';
import { CreationsChart } from '../CreationsChart';
import { DriftedServices } from '../DriftedServices';
import { TemplateChangelog } from '../TemplateChangelog';

function runsSummary(runs: GoldenPathSummary['runs']): string {
  if (runs.total === 0) {
    return 'no runs recorded';
  }
  return `${formatRate(runs.successRate)} succeeded`;
}

/** One golden path: what it is, who owns it, and how it is doing. */
export function GoldenPathCard(props: { path: GoldenPathSummary }) {
  const { path } = props;
  const templateLink = useTemplateLink(path.templateRef);
  const titleId = useId();

  return (
    <Card role="region" aria-labelledby={titleId}>
      <CardHeader>
        <Flex justify="between" align="start" gap="3">
          <Flex direction="column" gap="1">
            <Text as="h3" id={titleId} variant="title-small" weight="bold">
              {path.title}
            </Text>
            <Text variant="body-small" color="secondary">
              {path.owner ? (
                <>
                  Owned by <EntityRefLink entityRef={path.owner} hideIcon />
                </>
              ) : (
                'No owner'
              )}
            </Text>
          </Flex>
          {path.version && <Badge>v{path.version}</Badge>}
        </Flex>
      </CardHeader>
      <CardBody>
        <Flex direction="column" gap="4">
          {path.description && <Text as="p">{path.description}</Text>}
          <StatList
            aria-label={`${path.title} numbers`}
            stats={[
              {
                label: 'Adoption',
                value: formatPercent(path.adoptionPercent),
                hint: 'of all components',
              },
              { label: 'Services created', value: path.servicesCreated },
              {
                label: 'Scaffolder runs',
                value: path.runs.total,
                hint: runsSummary(path.runs),
              },
              {
                label: 'Median creation time',
                value: formatDuration(path.medianCreationSeconds),
                hint: 'template started → service ready',
              },
            ]}
          />
          <CreationsChart
            pathTitle={path.title}
            creationsByMonth={path.creationsByMonth}
          />
          <DriftedServices
            services={path.drifted}
            currentVersion={path.version}
          />
          <TemplateChangelog changelog={path.changelog} />
        </Flex>
      </CardBody>
      <CardFooter>
        <ButtonLink href={templateLink} variant="primary">
          Use this path
        </ButtonLink>
      </CardFooter>
    </Card>
  );
}
