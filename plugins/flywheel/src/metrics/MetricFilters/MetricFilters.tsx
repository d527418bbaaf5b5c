import { EntityRefLink } from '@backstage/plugin-catalog-react';
import { MetricInterval } from '@flywheel/plugin-flywheel-common';
import { Button, Flex, Select, Text } from '@backstage/ui';
import { GroupPicker } from '../../shared/GroupPicker';
import { GoldenPathPicker } from '../GoldenPathPicker';
import { INTERVALS, MetricFilters as Filters, WINDOWS } from '../filters';
import styles from './MetricFilters.module.css';

/**
 * What the metrics are for and over which span: a team (with its sub-teams)
 * or a golden path, one at a time; the window and the width of a point. A
 * view opened for one entity (from its card) says so and can be widened.
 */
export function MetricFilters(props: {
  filters: Filters;
  onChange: (change: Partial<Filters>) => void;
}) {
  const { filters, onChange } = props;
  return (
    <section aria-label="Filters" className={styles.root}>
      <Flex direction="column" gap="3">
        <div className={styles.fields}>
          <GroupPicker
            value={filters.groupRef}
            onChange={groupRef => onChange({ groupRef })}
            noneLabel="All teams"
          />
          <GoldenPathPicker
            value={filters.goldenPath}
            onChange={goldenPath => onChange({ goldenPath })}
          />
          <Select
            label="Window"
            options={WINDOWS.map(w => ({ id: w.id, label: w.label }))}
            value={filters.window}
            onChange={key =>
              onChange({ window: String(key) as Filters['window'] })
            }
          />
          <Select
            label="Interval"
            description="The width of one point"
            options={INTERVALS}
            value={filters.interval}
            onChange={key =>
              onChange({ interval: String(key) as MetricInterval })
            }
          />
        </div>
        {filters.entityRef ? (
          <Flex align="center" gap="3">
            <Text variant="body-small">
              Showing one entity:{' '}
              <EntityRefLink entityRef={filters.entityRef} />
            </Text>
            <Button
              size="small"
              variant="secondary"
              onPress={() => onChange({ entityRef: undefined })}
            >
              Show the whole organisation
            </Button>
          </Flex>
        ) : (
          <Text variant="body-small" color="secondary">
            One scope at a time: choosing a team clears the golden path, and the
            other way round. A team includes its sub-teams.
          </Text>
        )}
      </Flex>
    </section>
  );
}
