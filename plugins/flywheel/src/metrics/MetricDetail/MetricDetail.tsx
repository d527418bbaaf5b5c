import { Progress } from '@backstage/core-components';
import { MetricDefinition } from '@flywheel/plugin-flywheel-common';
import { Flex, Text } from '@backstage/ui';
import { LoadErrorAlert } from '../../shared/LoadErrorAlert';
import { Section } from '../../shared/Section';
import { MetricComparison } from '../MetricComparison';
import { MetricCsvExportButton } from '../MetricCsvExportButton';
import { MetricTrendChart } from '../MetricTrendChart';
import { NoMetricData } from '../NoMetricData';
import { UsageBreakdown } from '../UsageBreakdown';
import { MetricFilters, metricQuery, scopeKind, WINDOWS } from '../filters';
import {
  directionText,
  domainTitle,
  formatMetricValue,
  formatSamples,
} from '../../shared/metricFormat';
import { refusedPermission } from '../permissions';
import { useMetricSeries } from '../useMetricSeries';

/** e.g. `valueStream.leadTime.median-commerce-26w-week` */
function csvFilename(metric: MetricDefinition, filters: MetricFilters) {
  const ref = filters.groupRef ?? filters.goldenPath ?? filters.entityRef;
  const scope = ref?.split('/').pop();
  return [metric.id, scope, filters.window, filters.interval]
    .filter(Boolean)
    .join('-');
}

/** The comparison splits a population of services: the org's or a team's. */
function ComparisonScopeNote(props: { filters: MetricFilters }) {
  const kind = scopeKind(props.filters);
  return (
    <Text as="p" variant="body-small" color="secondary">
      The golden-path vs hand-made comparison is made for the whole organisation
      or a team;{' '}
      {kind === 'goldenPath'
        ? 'clear the golden path to see it.'
        : 'it is not shown for one entity.'}
    </Text>
  );
}

/**
 * One metric in full: what it counts, its trend over the window, the value
 * over the whole window, a CSV export and, for comparable metrics, golden-path
 * services against hand-made ones; for usage metrics, usage per plugin and
 * route.
 */
export function MetricDetail(props: {
  metric: MetricDefinition;
  filters: MetricFilters;
  /** The scope in words: "the whole organisation", a team. */
  subject: string;
  /** The page already says no deployment was reported: do not repeat it. */
  deploymentsExplained?: boolean;
}) {
  const { metric, filters, subject, deploymentsExplained } = props;
  const query = metricQuery(filters);
  const seriesQuery = { ...query, interval: filters.interval };
  const { value, loading, error, retry } = useMetricSeries(
    metric.id,
    seriesQuery,
  );
  const kind = scopeKind(filters);
  const windowLabel =
    WINDOWS.find(w => w.id === filters.window)?.label ?? filters.window;
  const facts = [
    domainTitle(metric.domain),
    directionText(metric.direction),
    windowLabel,
  ].filter(Boolean);

  let trend;
  if (loading) {
    trend = <Progress />;
  } else if (error) {
    trend = (
      <LoadErrorAlert
        title={`Could not load ${metric.title}`}
        error={error}
        onRetry={retry}
        permission={refusedPermission(error)}
      />
    );
  } else if (value && value.total.sampleSize === 0) {
    trend = (
      <NoMetricData
        domain={metric.domain}
        deploymentsExplained={deploymentsExplained}
        subject={subject}
        orgWide={kind === 'org'}
      />
    );
  } else if (value) {
    trend = (
      <Flex direction="column" gap="3">
        <Text as="p">
          Over the whole window:{' '}
          <Text as="span" weight="bold">
            {formatMetricValue(value.total.value, metric.unit)}
          </Text>{' '}
          ({formatSamples(value.total.sampleSize)})
        </Text>
        <MetricTrendChart series={value} subject={subject} />
      </Flex>
    );
  }

  let comparison;
  if (metric.comparable) {
    comparison =
      kind === 'org' || kind === 'group' ? (
        <MetricComparison metric={metric} query={query} />
      ) : (
        <ComparisonScopeNote filters={filters} />
      );
  }

  return (
    <Section
      title={`${metric.title} — ${subject}`}
      action={
        <MetricCsvExportButton
          metricId={metric.id}
          query={seriesQuery}
          filename={csvFilename(metric, filters)}
        />
      }
    >
      <Flex direction="column" gap="4">
        <Flex direction="column" gap="1">
          <Text as="p" variant="body-small" color="secondary">
            {facts.join(' · ')}
          </Text>
          <Text as="p">{metric.description}</Text>
        </Flex>
        {trend}
        {comparison}
        {metric.domain === 'usage' && (
          <UsageBreakdown
            window={filters.window}
            windowLabel={windowLabel}
            scoped={kind !== 'org'}
          />
        )}
      </Flex>
    </Section>
  );
}
