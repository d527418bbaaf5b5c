import { EmptyState, Progress } from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import { Flex, Text } from '@backstage/ui';
import useAsyncRetry from 'react-use/esm/useAsyncRetry';
import { flywheelApiRef } from '../../api';
import { LoadErrorAlert } from '../../shared/LoadErrorAlert';
import { MetricDetail } from '../MetricDetail';
import { MetricFilters } from '../MetricFilters';
import { MetricTiles } from '../MetricTiles';
import { METRICS_DOCS_URL, NoMetricData } from '../NoMetricData';
import {
  metricQuery,
  offeredFor,
  scopeKind,
  useMetricFilters,
} from '../filters';
import { refusedPermission } from '../permissions';
import { useScopeSubject } from '../subject';
import { MetricSeriesCache, useMetricSeries } from '../useMetricSeries';

const DETAIL_ID = 'flywheel-metric-detail';
/** Counted per scope: none means CI/CD reports nothing (in this scope). */
const DEPLOYMENTS_METRIC = 'valueStream.deployments';

function MetricsView() {
  const flywheelApi = useApi(flywheelApiRef);
  const [filters, setFilters] = useMetricFilters();
  const subject = useScopeSubject(filters);
  const { value, loading, error, retry } = useAsyncRetry(
    () => flywheelApi.getMetrics(),
    [flywheelApi],
  );
  const query = { ...metricQuery(filters), interval: filters.interval };
  // No production deployment in the scope and window: every value-stream
  // metric is empty, and the reason is usually that CI/CD does not report
  // to Flywheel yet. Said once, above the tiles.
  const deployments = value?.items.find(m => m.id === DEPLOYMENTS_METRIC);
  const deploymentsSeries = useMetricSeries(DEPLOYMENTS_METRIC, query, {
    skip: !deployments || !offeredFor(deployments, filters),
  });
  const noDeployments =
    !deploymentsSeries.loading &&
    !!deploymentsSeries.value &&
    !deploymentsSeries.value.total.value;

  if (loading) {
    return <Progress />;
  }
  if (error) {
    return (
      <LoadErrorAlert
        title="Could not load metrics"
        error={error}
        onRetry={retry}
        permission={refusedPermission(error)}
      />
    );
  }
  const metrics = value?.items ?? [];
  if (metrics.length === 0) {
    return (
      <EmptyState
        missing="data"
        title="No metrics yet"
        description="The backend publishes no metric. Value-stream metrics appear once the Flywheel backend runs its metrics domain; they fill as CI/CD reports deployments."
        action={
          <Text as="p">
            See <a href={METRICS_DOCS_URL}>docs/metrics.md</a> to connect CI.
          </Text>
        }
      />
    );
  }

  const offered = metrics.filter(m => offeredFor(m, filters));
  const selected = offered.find(m => m.id === filters.metricId) ?? offered[0];
  const select = (metricId: string) => {
    setFilters({ metricId });
    document.getElementById(DETAIL_ID)?.scrollIntoView?.({
      behavior: 'smooth',
      block: 'nearest',
    });
  };

  return (
    <Flex direction="column" gap="6">
      <MetricFilters filters={filters} onChange={setFilters} />
      {noDeployments && (
        <NoMetricData
          domain="valueStream"
          subject={subject}
          orgWide={scopeKind(filters) === 'org'}
        />
      )}
      <MetricTiles
        metrics={metrics}
        scope={scopeKind(filters)}
        query={query}
        selectedId={selected?.id}
        onSelect={select}
        controls={DETAIL_ID}
      />
      <div id={DETAIL_ID}>
        {selected ? (
          <MetricDetail
            key={selected.id}
            metric={selected}
            filters={filters}
            subject={subject}
            deploymentsExplained={noDeployments}
          />
        ) : (
          <Text as="p" color="secondary">
            No metric is published for {subject}.
          </Text>
        )}
      </div>
    </Flex>
  );
}

/**
 * The Metrics tab of the Flywheel page: every metric of the registry as a
 * tile grouped by domain, with its value over the window and a sparkline;
 * the chosen one in full (what it counts, its trend, the golden-path vs
 * hand-made comparison, CSV). Filters by team or golden path, window and
 * interval, kept in the URL.
 */
export function MetricsPage() {
  return (
    <MetricSeriesCache>
      <MetricsView />
    </MetricSeriesCache>
  );
}
