import { ReactNode } from 'react';
import { stringifyEntityRef } from '@backstage/catalog-model';
import { Progress } from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import { useEntity } from '@backstage/plugin-catalog-react';
import { MetricSeriesResponse } from '@flywheel/plugin-flywheel-common';
import {
  Card,
  CardBody,
  CardFooter,
  CardHeader,
  Flex,
  Link,
  Text,
} from '@backstage/ui';
import useAsyncRetry from 'react-use/esm/useAsyncRetry';
import { flywheelApiRef, MetricSeriesQuery } from '../../api';
import { serverMessage } from '../../shared/errors';
import { LoadErrorAlert } from '../../shared/LoadErrorAlert';
import { StatList } from '../../shared/StatList';
import { Sparkline } from '../Sparkline';
import { NoMetricData } from '../NoMetricData';
import { formatMetricValue, formatSamples } from '../../shared/metricFormat';
import { refusedPermission } from '../permissions';
import { useMetricsLink } from '../links';
import styles from './ValueStreamCard.module.css';

/**
 * The headline metrics, in the order the card shows them; the titles name a
 * metric whose series failed to load (otherwise the registry's title shows).
 */
const HEADLINES: Record<string, string> = {
  'valueStream.timeToFirstDeploy.median': 'Time to first deploy',
  'valueStream.leadTime.median': 'Lead time for changes',
  'valueStream.deploymentFrequency': 'Deployment frequency',
  'valueStream.changeFailureRate': 'Change failure rate',
};
export const HEADLINE_METRICS = Object.keys(HEADLINES);

const CARD_WINDOW = '90d';

type Headline =
  | { id: string; series: MetricSeriesResponse }
  | { id: string; error: Error };

function isNotFound(error: unknown) {
  return (
    (error as Error)?.name === 'ResponseError' &&
    (error as { statusCode?: number }).statusCode === 404
  );
}

/**
 * Loads the headline series; a metric the backend does not publish (404) is
 * left out, any other failure stays with its metric.
 */
async function loadHeadlines(
  load: (metricId: string) => Promise<MetricSeriesResponse>,
): Promise<Headline[]> {
  const results = await Promise.allSettled(HEADLINE_METRICS.map(load));
  return results.flatMap((result, i): Headline[] => {
    const id = HEADLINE_METRICS[i];
    if (result.status === 'fulfilled') {
      return [{ id, series: result.value }];
    }
    return isNotFound(result.reason)
      ? []
      : [{ id, error: result.reason as Error }];
  });
}

/**
 * Entity card for Components and Groups: the value-stream headline numbers
 * over the last 90 days (a Group with its sub-teams), each with the samples
 * behind it and a sparkline of its weekly trend, and a link to the Metrics
 * tab for the full picture.
 */
export function ValueStreamCard() {
  const { entity } = useEntity();
  const flywheelApi = useApi(flywheelApiRef);
  const metricsLink = useMetricsLink();
  const entityRef = stringifyEntityRef(entity);
  const isGroup = entity.kind.toLocaleLowerCase('en-US') === 'group';
  const scope = isGroup ? { groupRef: entityRef } : { entityRef };
  const subject = entity.metadata.title ?? entity.metadata.name;
  const { value, loading, error, retry } = useAsyncRetry(() => {
    const query: MetricSeriesQuery = {
      ...(isGroup ? { groupRef: entityRef } : { entityRef }),
      window: CARD_WINDOW,
      interval: 'week',
    };
    return loadHeadlines(id => flywheelApi.getMetricSeries(id, query));
  }, [flywheelApi, entityRef, isGroup]);

  let content: ReactNode = null;
  const failed = value?.filter(h => 'error' in h) ?? [];
  if (loading) {
    content = <Progress />;
  } else if (
    error ||
    (value && value.length > 0 && failed.length === value.length)
  ) {
    const cause = error ?? (failed[0] as { error: Error }).error;
    content = (
      <LoadErrorAlert
        title="Could not load value-stream metrics"
        error={cause}
        onRetry={retry}
        permission={refusedPermission(cause)}
      />
    );
  } else if (value && value.length === 0) {
    content = (
      <Text as="p" color="secondary">
        The Flywheel backend publishes no value-stream metrics.
      </Text>
    );
  } else if (
    value &&
    value.every(h => 'series' in h && h.series.total.sampleSize === 0)
  ) {
    content = (
      <NoMetricData domain="valueStream" subject={subject} orgWide={false} />
    );
  } else if (value) {
    content = (
      <StatList
        aria-label={`Value stream of ${subject}, last 90 days`}
        stats={value.map(headline => {
          if ('error' in headline) {
            return {
              label: HEADLINES[headline.id],
              value: 'Could not load',
              hint: serverMessage(headline.error),
            };
          }
          const { metric, total, points, interval } = headline.series;
          return {
            label: metric.title,
            value: formatMetricValue(
              total.sampleSize === 0 ? null : total.value,
              metric.unit,
            ),
            hint: (
              <span className={styles.hint}>
                <span>{formatSamples(total.sampleSize)}</span>
                <Sparkline
                  metric={metric}
                  points={points}
                  interval={interval}
                />
              </span>
            ),
          };
        })}
      />
    );
  }

  return (
    <Card role="region" aria-label="Value stream">
      <CardHeader>
        <Flex direction="column" gap="1">
          <Text as="h2" variant="title-x-small" weight="bold">
            Value stream
          </Text>
          <Text variant="body-small" color="secondary">
            Last 90 days{isGroup ? ', sub-teams included' : ''}
          </Text>
        </Flex>
      </CardHeader>
      <CardBody>{content}</CardBody>
      {metricsLink && (
        <CardFooter>
          <Link href={metricsLink({ ...scope, window: CARD_WINDOW })}>
            All metrics of {subject}
          </Link>
        </CardFooter>
      )}
    </Card>
  );
}
