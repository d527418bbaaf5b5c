import { Progress } from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import { Alert, Flex, Text } from '@backstage/ui';
import useAsync from 'react-use/esm/useAsync';
import { flywheelApiRef } from '../../api';
import { serverMessage } from '../../shared/errors';
import { formatPercent } from '../../shared/format';
import { StatList } from '../../shared/StatList';
import { AdoptionComponentsTable } from '../AdoptionComponentsTable';
import { PathAdoptionList } from '../PathAdoptionList';

/** Adoption of one team (with its sub-teams) and the components behind it. */
export function GroupAdoptionDetails(props: { groupRef: string }) {
  const flywheelApi = useApi(flywheelApiRef);
  const { value, loading, error } = useAsync(
    () => flywheelApi.getGroupAdoption(props.groupRef),
    [flywheelApi, props.groupRef],
  );

  if (loading) {
    return <Progress />;
  }
  if (error) {
    return (
      <Alert
        status="danger"
        icon
        title="Could not load the team's adoption"
        description={serverMessage(error)}
      />
    );
  }
  if (!value) {
    return null;
  }

  const subTeams = value.groupRefs.length - 1;
  return (
    <Flex direction="column" gap="4">
      <StatList
        aria-label="Team adoption totals"
        stats={[
          {
            label: 'Team adoption',
            value: formatPercent(value.adoptionPercent),
            hint:
              subTeams > 0
                ? `including ${subTeams} sub-team${subTeams === 1 ? '' : 's'}`
                : undefined,
          },
          { label: 'Components', value: value.totalComponents },
          { label: 'From golden paths', value: value.fromGoldenPaths },
        ]}
      />
      <PathAdoptionList paths={value.paths} />
      <Text as="h3" variant="body-medium" weight="bold">
        Components
      </Text>
      <AdoptionComponentsTable
        components={value.components}
        paths={value.paths}
      />
    </Flex>
  );
}
