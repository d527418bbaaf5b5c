import { useState } from 'react';
import { Card, CardBody, CardHeader, Flex, Text } from '@backstage/ui';
import { GroupAdoptionDetails } from '../GroupAdoptionDetails';
import { GroupPicker } from '../../shared/GroupPicker';

/** Golden-path adoption of a team the reader picks. */
export function TeamAdoption() {
  const [groupRef, setGroupRef] = useState<string>();

  return (
    <Card role="region" aria-label="Team adoption">
      <CardHeader>
        <Text as="h2" variant="title-small" weight="bold">
          Team adoption
        </Text>
      </CardHeader>
      <CardBody>
        <Flex direction="column" gap="4">
          <GroupPicker value={groupRef} onChange={setGroupRef} />
          {groupRef ? (
            <GroupAdoptionDetails groupRef={groupRef} />
          ) : (
            <Text as="p" color="secondary">
              Choose a team to see how much of what it owns came from golden
              paths. Sub-teams count towards their parent.
            </Text>
          )}
        </Flex>
      </CardBody>
    </Card>
  );
}
