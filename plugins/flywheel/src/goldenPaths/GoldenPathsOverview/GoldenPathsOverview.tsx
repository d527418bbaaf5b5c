import { Progress, ResponseErrorPanel } from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import { Flex, Grid, Text } from '@backstage/ui';
import useAsync from 'react-use/esm/useAsync';
import { flywheelApiRef } from '../../api';
import { serverMessage } from '../../shared/errors';
import { AdoptionTotals } from '../AdoptionTotals';
import { GoldenPathCard } from '../GoldenPathCard';
import { NoGoldenPaths } from '../NoGoldenPaths';
import { TeamAdoption } from '../TeamAdoption';

/**
 * The Golden Paths view of the Flywheel page: overall adoption, every path
 * with its numbers, and adoption per team.
 */
export function GoldenPathsOverview() {
  const flywheelApi = useApi(flywheelApiRef);
  const { value, loading, error } = useAsync(
    () => flywheelApi.getGoldenPaths(),
    [flywheelApi],
  );

  if (loading) {
    return <Progress />;
  }
  if (error) {
    return (
      <ResponseErrorPanel
        title={`Could not load golden paths: ${serverMessage(error)}`}
        error={error}
      />
    );
  }
  if (!value || value.items.length === 0) {
    return <NoGoldenPaths />;
  }

  return (
    <Flex direction="column" gap="6">
      <AdoptionTotals totals={value.totals} />
      <section aria-label="Golden paths">
        <Flex direction="column" gap="3">
          <Text as="h2" variant="title-small" weight="bold">
            Golden paths ({value.items.length})
          </Text>
          <Grid.Root columns={{ initial: '1', lg: '2' }} gap="4">
            {value.items.map(path => (
              <GoldenPathCard key={path.templateRef} path={path} />
            ))}
          </Grid.Root>
        </Flex>
      </section>
      <TeamAdoption />
    </Flex>
  );
}
