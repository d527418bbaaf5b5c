import { Progress } from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import {
  MetricComparisonResponse,
  MetricDefinition,
  MIN_TEST_SAMPLE,
} from '@flywheel/plugin-flywheel-common';
import { Flex, Text } from '@backstage/ui';
import useAsyncRetry from 'react-use/esm/useAsyncRetry';
import { flywheelApiRef, MetricQuery } from '../../api';
import { LoadErrorAlert } from '../../shared/LoadErrorAlert';
import { StatList } from '../../shared/StatList';
import {
  formatMetricDifference,
  formatMetricValue,
  formatSamples,
} from '../../shared/metricFormat';
import { refusedPermission } from '../permissions';

function formatP(pValue: number): string {
  return pValue < 0.001 ? 'p < 0.001' : `p = ${pValue.toFixed(3)}`;
}

/** What the test says, or honestly why there is none. */
function testText(comparison: MetricComparisonResponse): string {
  const { test, goldenPath, handMade, difference } = comparison;
  if (test) {
    return test.significant
      ? `${test.name} test: ${formatP(
          test.pValue,
        )}, a difference beyond chance (below 0.05).`
      : `${test.name} test: ${formatP(
          test.pValue,
        )}, no difference beyond chance (0.05 or more).`;
  }
  if (difference === null) {
    return 'No test: one side has no samples, so there is nothing to compare.';
  }
  if (
    goldenPath.sampleSize < MIN_TEST_SAMPLE ||
    handMade.sampleSize < MIN_TEST_SAMPLE
  ) {
    return `No test: Flywheel tests a difference only with at least ${MIN_TEST_SAMPLE} samples on each side, so this difference may well be chance.`;
  }
  return 'No test could be run on these samples, so this difference may well be chance.';
}

/**
 * Golden-path services against hand-made ones for one metric: both values
 * with their sample sizes, the difference, the significance test (or why
 * there is none) and the comparison in one sentence.
 */
export function MetricComparison(props: {
  metric: MetricDefinition;
  query: MetricQuery;
}) {
  const { metric, query } = props;
  const flywheelApi = useApi(flywheelApiRef);
  const key = JSON.stringify(query);
  const { value, loading, error, retry } = useAsyncRetry(
    () => flywheelApi.getMetricComparison(metric.id, JSON.parse(key)),
    [flywheelApi, metric.id, key],
  );
  const headingId = `flywheel-metric-comparison-${metric.id.replace(
    /[^A-Za-z0-9_-]/g,
    '-',
  )}`;

  let content;
  if (loading) {
    content = <Progress />;
  } else if (error) {
    content = (
      <LoadErrorAlert
        title="Could not load the comparison"
        error={error}
        onRetry={retry}
        permission={refusedPermission(error)}
      />
    );
  } else if (value) {
    const { goldenPath, handMade, difference } = value;
    content = (
      <Flex direction="column" gap="3">
        <StatList
          aria-label="Golden-path and hand-made values"
          stats={[
            {
              label: 'Golden-path services',
              value: formatMetricValue(goldenPath.value, metric.unit),
              hint: formatSamples(goldenPath.sampleSize),
            },
            {
              label: 'Hand-made services',
              value: formatMetricValue(handMade.value, metric.unit),
              hint: formatSamples(handMade.sampleSize),
            },
            {
              label: 'Difference',
              value:
                difference === null
                  ? '—'
                  : formatMetricDifference(difference, metric.unit),
              hint: 'golden path − hand-made',
            },
          ]}
        />
        <Text as="p" variant="body-small">
          {testText(value)}
        </Text>
        <Text as="p" weight="bold">
          {value.summary}
        </Text>
      </Flex>
    );
  }

  return (
    <section aria-labelledby={headingId}>
      <Flex direction="column" gap="3">
        <Text as="h4" id={headingId} variant="body-medium" weight="bold">
          Golden path vs hand-made
        </Text>
        {content}
      </Flex>
    </section>
  );
}
