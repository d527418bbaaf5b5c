import { ReactNode } from 'react';
import { stringifyEntityRef } from '@backstage/catalog-model';
import { Progress } from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import { useEntity } from '@backstage/plugin-catalog-react';
import { Alert, Card, CardBody, CardHeader, Flex, Text } from '@backstage/ui';
import useAsync from 'react-use/esm/useAsync';
import { flywheelApiRef } from '../../api';
import { serverMessage } from '../../shared/errors';
import { formatPercent } from '../../shared/format';
import { PathAdoptionList } from '../PathAdoptionList';

/**
 * Entity card for a Group: how much of what the team (with its sub-teams)
 * owns was created from golden paths, path by path.
 */
export function GroupAdoptionCard() {
  const { entity } = useEntity();
  const flywheelApi = useApi(flywheelApiRef);
  const groupRef = stringifyEntityRef(entity);
  const { value, loading, error } = useAsync(
    () => flywheelApi.getGroupAdoption(groupRef),
    [flywheelApi, groupRef],
  );

  let content: ReactNode = null;
  if (loading) {
    content = <Progress />;
  } else if (error) {
    content = (
      <Alert
        status="danger"
        icon
        title="Could not load golden-path adoption"
        description={serverMessage(error)}
      />
    );
  } else if (value) {
    content = (
      <Flex direction="column" gap="4">
        <Flex direction="column" gap="1">
          <Text variant="title-large" weight="bold">
            {formatPercent(value.adoptionPercent)}
          </Text>
          <Text variant="body-small" color="secondary">
            {value.fromGoldenPaths} of {value.totalComponents} components
            created from golden paths
            {value.groupRefs.length > 1 ? ', sub-teams included' : ''}
          </Text>
        </Flex>
        <PathAdoptionList paths={value.paths} />
      </Flex>
    );
  }

  return (
    <Card role="region" aria-label="Golden-path adoption">
      <CardHeader>
        <Text as="h2" variant="title-x-small" weight="bold">
          Golden-path adoption
        </Text>
      </CardHeader>
      <CardBody>{content}</CardBody>
    </Card>
  );
}
