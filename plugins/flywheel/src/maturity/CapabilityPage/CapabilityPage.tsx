import { useState } from 'react';
import { Progress } from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import { EntityRefLinks } from '@backstage/plugin-catalog-react';
import {
  MaturityCapabilityDetail,
  MaturityCriterionStatus,
  MaturityStageStatus,
} from '@flywheel/plugin-flywheel-common';
import { Button, Flex, Link, Text } from '@backstage/ui';
import { useParams } from 'react-router-dom';
import useAsyncRetry from 'react-use/esm/useAsyncRetry';
import { flywheelApiRef } from '../../api';
import { formatDate } from '../../shared/format';
import { LoadErrorAlert } from '../../shared/LoadErrorAlert';
import { Section } from '../../shared/Section';
import { AttestDialog } from '../AttestDialog';
import { CriterionDetails } from '../CriterionDetails';
import { StageStepper } from '../StageStepper';
import { TransitionDialog } from '../TransitionDialog';
import { TransitionTimeline } from '../TransitionTimeline';
import { WaiveDialog } from '../WaiveDialog';
import { capabilityRefFromParams, useMaturityLink } from '../links';
import { refusedRead } from '../permissions';
import styles from './CapabilityPage.module.css';

type OpenDialog =
  | { kind: 'transition'; direction: 'promotion' | 'demotion' }
  | {
      kind: 'attest' | 'waive';
      stage: MaturityStageStatus;
      criterion: MaturityCriterionStatus;
    };

function stageNote(index: number, current: number): string {
  if (index < current) {
    return 'Passed';
  }
  if (index === current) {
    return 'Current stage: its exit criteria decide the promotion';
  }
  return 'Ahead';
}

function CapabilityView(props: {
  capability: MaturityCapabilityDetail;
  onChanged: () => void;
  historyKey: number;
}) {
  const { capability, onChanged, historyKey } = props;
  const [dialog, setDialog] = useState<OpenDialog>();
  const close = (isOpen: boolean) => {
    if (!isOpen) {
      setDialog(undefined);
    }
  };
  const { allowed, stage } = capability;
  const criterionActions = (
    stageStatus: MaturityStageStatus,
    criterion: MaturityCriterionStatus,
  ) => {
    if (!allowed.attest) {
      return undefined;
    }
    return (
      <>
        {criterion.type === 'manual' && (
          <Button
            size="small"
            variant="secondary"
            aria-label={`${attestLabel(criterion)} ${criterion.title}`}
            onPress={() =>
              setDialog({ kind: 'attest', stage: stageStatus, criterion })
            }
          >
            {attestLabel(criterion)}
          </Button>
        )}
        {criterion.status !== 'waived' && (
          <Button
            size="small"
            variant="tertiary"
            aria-label={`Waive ${criterion.title}`}
            onPress={() =>
              setDialog({ kind: 'waive', stage: stageStatus, criterion })
            }
          >
            Waive
          </Button>
        )}
      </>
    );
  };

  return (
    <Flex direction="column" gap="5">
      <Flex direction="column" gap="2">
        <Text as="h2" variant="title-small" weight="bold">
          {capability.title}
        </Text>
        {capability.description && <Text as="p">{capability.description}</Text>}
        <Text as="p" variant="body-small" color="secondary">
          {capability.owners.length > 0 && (
            <>
              Owned by{' '}
              <EntityRefLinks
                entityRefs={capability.owners}
                defaultKind="group"
              />
              {' · '}
            </>
          )}
          {capability.model.title} (version {capability.model.version}) ·{' '}
          {capability.since
            ? `In ${stage.title} since ${formatDate(capability.since)}`
            : `In ${stage.title}, never moved`}
        </Text>
      </Flex>
      <StageStepper
        stages={capability.stages}
        currentIndex={stage.index}
        label={`Stages of ${capability.model.title}`}
      />
      {allowed.transition && (
        <Flex gap="2" data-print-hide>
          {capability.next && (
            <Button
              variant="primary"
              onPress={() =>
                setDialog({ kind: 'transition', direction: 'promotion' })
              }
            >
              Promote
            </Button>
          )}
          {stage.index > 0 && (
            <Button
              variant="secondary"
              onPress={() =>
                setDialog({ kind: 'transition', direction: 'demotion' })
              }
            >
              Demote
            </Button>
          )}
        </Flex>
      )}
      {capability.next && capability.blockers.length > 0 && (
        <Text as="p" variant="body-small">
          <strong>Blocks {capability.next.title}:</strong>{' '}
          {capability.blockers.join(', ')}
        </Text>
      )}
      {capability.stageDetails.map((stageStatus, index) => (
        <Section
          key={stageStatus.id}
          title={`${stageStatus.title}: exit criteria`}
        >
          <Flex direction="column" gap="1">
            <Text variant="body-small" color="secondary">
              {stageNote(index, stage.index)}
              {stageStatus.description ? ` — ${stageStatus.description}` : ''}
            </Text>
            {stageStatus.criteria.length === 0 ? (
              <Text as="p" variant="body-small" color="secondary">
                No exit criteria.
              </Text>
            ) : (
              <ul className={styles.criteria}>
                {stageStatus.criteria.map(criterion => (
                  <li key={criterion.id}>
                    <CriterionDetails
                      criterion={criterion}
                      actions={criterionActions(stageStatus, criterion)}
                    />
                  </li>
                ))}
              </ul>
            )}
          </Flex>
        </Section>
      ))}
      <TransitionTimeline
        key={historyKey}
        entityRef={capability.entityRef}
        title="History"
      />
      {dialog?.kind === 'transition' && (
        <TransitionDialog
          isOpen
          onOpenChange={close}
          capability={capability}
          direction={dialog.direction}
          onTransitioned={onChanged}
        />
      )}
      {dialog?.kind === 'attest' && (
        <AttestDialog
          isOpen
          onOpenChange={close}
          entityRef={capability.entityRef}
          stage={dialog.stage}
          criterion={dialog.criterion}
          onAttested={onChanged}
        />
      )}
      {dialog?.kind === 'waive' && (
        <WaiveDialog
          isOpen
          onOpenChange={close}
          entityRef={capability.entityRef}
          stage={dialog.stage}
          criterion={dialog.criterion}
          onWaived={onChanged}
        />
      )}
    </Flex>
  );
}

/**
 * One capability (`/flywheel/maturity/:kind/:namespace/:name`): its stages,
 * every stage's exit criteria with their live status, evidence, attestations
 * and waivers; Promote / Demote, Attest and Waive for those allowed; its
 * history with CSV export.
 */
/** The visible label starts the accessible name (WCAG 2.5.3). */
function attestLabel(criterion: MaturityCriterionStatus) {
  return criterion.attestation ? 'Attest again' : 'Attest';
}

export function CapabilityPage() {
  const flywheelApi = useApi(flywheelApiRef);
  const entityRef = capabilityRefFromParams(useParams());
  const boardLink = useMaturityLink();
  const [historyKey, setHistoryKey] = useState(0);
  const { value, loading, error, retry } = useAsyncRetry(
    async () =>
      entityRef ? flywheelApi.getMaturityCapability(entityRef) : undefined,
    [flywheelApi, entityRef],
  );

  let body;
  if (!entityRef) {
    body = <Text as="p">This address names no capability.</Text>;
  } else if (!value && loading) {
    body = <Progress />;
  } else if (error) {
    body = (
      <LoadErrorAlert
        title="Could not load the capability"
        error={error}
        onRetry={retry}
        permission={refusedRead(error)}
      />
    );
  } else if (value) {
    body = (
      <CapabilityView
        capability={value}
        historyKey={historyKey}
        onChanged={() => {
          retry();
          setHistoryKey(k => k + 1);
        }}
      />
    );
  }
  return (
    <Flex direction="column" gap="3">
      {boardLink && (
        <Text variant="body-small" data-print-hide>
          <Link href={boardLink}>← All capabilities</Link>
        </Text>
      )}
      {body}
    </Flex>
  );
}
