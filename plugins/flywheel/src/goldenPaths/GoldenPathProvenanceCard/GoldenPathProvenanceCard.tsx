import { ReactNode } from 'react';
import { stringifyEntityRef } from '@backstage/catalog-model';
import { Progress } from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import { EntityRefLink, useEntity } from '@backstage/plugin-catalog-react';
import { EntityProvenanceResponse } from '@flywheel/plugin-flywheel-common';
import {
  Alert,
  Badge,
  Card,
  CardBody,
  CardHeader,
  Flex,
  Text,
} from '@backstage/ui';
import useAsync from 'react-use/esm/useAsync';
import { flywheelApiRef } from '../../api';
import { serverMessage } from '../../shared/errors';
import { formatDate } from '../../shared/format';
import { StatList } from '../../shared/StatList';
import styles from './GoldenPathProvenanceCard.module.css';

function ProvenanceDetails(props: { provenance: EntityProvenanceResponse }) {
  const { provenance } = props;
  const { templateRef, templateTitle, templateVersion, currentVersion } =
    provenance;

  if (!provenance.fromTemplate || !templateRef) {
    return (
      <Text as="p" color="secondary">
        Not created from a golden path.
      </Text>
    );
  }

  const template = (
    <span className={styles.inlineLink}>
      <EntityRefLink entityRef={templateRef} hideIcon>
        {templateTitle ?? templateRef}
      </EntityRefLink>
    </span>
  );

  return (
    <Flex direction="column" gap="3">
      {provenance.isGoldenPath ? (
        <Text as="p">Created from the golden path {template}.</Text>
      ) : (
        <Text as="p">
          Created from the template {template}, which is not a golden path.
        </Text>
      )}
      <StatList
        aria-label="Golden-path provenance"
        stats={[
          { label: 'Created from version', value: templateVersion ?? '—' },
          { label: 'Current version', value: currentVersion ?? '—' },
          { label: 'Created', value: formatDate(provenance.createdAt) },
        ]}
      />
      {provenance.drifted ? (
        <Alert
          status="warning"
          icon
          title={`Created from ${templateVersion}, current is ${currentVersion}`}
          description="The golden path has moved on since this service was created; see its changelog on the Flywheel page for what changed."
        />
      ) : (
        templateVersion &&
        currentVersion && (
          <Flex>
            <Badge size="small">Up to date</Badge>
          </Flex>
        )
      )}
    </Flex>
  );
}

function CardShell(props: { children: ReactNode }) {
  return (
    <Card role="region" aria-label="Golden path">
      <CardHeader>
        <Text as="h2" variant="title-x-small" weight="bold">
          Golden path
        </Text>
      </CardHeader>
      <CardBody>{props.children}</CardBody>
    </Card>
  );
}

/**
 * Entity card for a Component: the golden path it came from, the version it
 * was created from and whether it has drifted from the current one.
 */
export function GoldenPathProvenanceCard() {
  const { entity } = useEntity();
  const flywheelApi = useApi(flywheelApiRef);
  const entityRef = stringifyEntityRef(entity);
  const { value, loading, error } = useAsync(
    () => flywheelApi.getEntityProvenance(entityRef),
    [flywheelApi, entityRef],
  );

  let content: ReactNode = null;
  if (loading) {
    content = <Progress />;
  } else if (error) {
    content = (
      <Alert
        status="danger"
        icon
        title="Could not load golden-path provenance"
        description={serverMessage(error)}
      />
    );
  } else if (value) {
    content = <ProvenanceDetails provenance={value} />;
  }
  return <CardShell>{content}</CardShell>;
}
