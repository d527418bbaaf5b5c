import {
  MetricDefinition,
  MetricScopeKind,
} from '@flywheel/plugin-flywheel-common';
import { Flex, Text } from '@backstage/ui';
import { MetricSeriesQuery } from '../../api';
import { MetricTile } from '../MetricTile';
import { domainTitle } from '../../shared/metricFormat';
import styles from './MetricTiles.module.css';

const SCOPE_NAMES: Record<MetricScopeKind, string> = {
  org: 'the whole organisation',
  group: 'a team',
  goldenPath: 'a golden path',
  entity: 'one entity',
};

/** The registry's metrics grouped by domain, in the registry's order. */
export function groupByDomain(metrics: MetricDefinition[]) {
  const domains = new Map<string, MetricDefinition[]>();
  for (const metric of metrics) {
    domains.set(metric.domain, [...(domains.get(metric.domain) ?? []), metric]);
  }
  return [...domains];
}

/**
 * Every metric of the registry as a tile, one section per domain; the
 * selected one is pressed. Tiles of metrics the registry does not publish
 * for the scope stay, disabled, so nothing silently disappears.
 */
export function MetricTiles(props: {
  metrics: MetricDefinition[];
  scope: MetricScopeKind;
  query: MetricSeriesQuery;
  selectedId: string | undefined;
  onSelect: (metricId: string) => void;
  /** The id of the region that shows the selected metric. */
  controls: string;
}) {
  const { metrics, scope, query, selectedId, onSelect, controls } = props;
  return (
    <Flex direction="column" gap="5">
      {groupByDomain(metrics).map(([domain, items]) => {
        const headingId = `flywheel-metrics-domain-${domain}`;
        return (
          <section key={domain} aria-labelledby={headingId}>
            <Flex direction="column" gap="2">
              <Text
                as="h2"
                id={headingId}
                variant="title-x-small"
                weight="bold"
              >
                {domainTitle(domain)}
              </Text>
              <div className={styles.grid}>
                {items.map(metric => (
                  <MetricTile
                    key={metric.id}
                    metric={metric}
                    query={query}
                    selected={metric.id === selectedId}
                    unavailable={
                      metric.scopes.includes(scope)
                        ? undefined
                        : `Not published for ${SCOPE_NAMES[scope]}`
                    }
                    onSelect={() => onSelect(metric.id)}
                    controls={controls}
                  />
                ))}
              </div>
            </Flex>
          </section>
        );
      })}
    </Flex>
  );
}
