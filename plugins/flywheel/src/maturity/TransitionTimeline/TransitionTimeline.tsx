import { Progress } from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import { EntityRefLink } from '@backstage/plugin-catalog-react';
import { MaturityTransition } from '@flywheel/plugin-flywheel-common';
import { Flex, Link, Text } from '@backstage/ui';
import useAsyncRetry from 'react-use/esm/useAsyncRetry';
import { flywheelApiRef } from '../../api';
import { CsvDownloadButton } from '../../shared/CsvDownloadButton';
import { formatDateTime } from '../../shared/format';
import { LoadErrorAlert } from '../../shared/LoadErrorAlert';
import { Section } from '../../shared/Section';
import { CriterionStatusChip } from '../CriterionStatusChip';
import { useCapabilityLink } from '../links';
import { refName } from '../maturityFormat';
import { refusedRead } from '../permissions';
import styles from './TransitionTimeline.module.css';

/** What a transition did, in words: "Promoted from Experimental to Beta". */
export function transitionHeadline(transition: MaturityTransition): string {
  const { from, to, direction } = transition;
  if (direction === 'initial' || !from) {
    return `Started in ${to.title}`;
  }
  return `${direction === 'promotion' ? 'Promoted' : 'Demoted'} from ${
    from.title
  } to ${to.title}`;
}

const DIRECTION_MARKS: Record<MaturityTransition['direction'], string> = {
  promotion: '↑',
  demotion: '↓',
  initial: '•',
};

function TransitionItem(props: {
  transition: MaturityTransition;
  /** Names the capability (the timeline of every capability). */
  capability?: { title: string; href?: string };
}) {
  const { transition, capability } = props;
  const frozen = transition.criteria;
  return (
    <li className={styles.item} data-direction={transition.direction}>
      <span className={styles.mark} aria-hidden="true">
        {DIRECTION_MARKS[transition.direction]}
      </span>
      <Flex direction="column" gap="1" className={styles.body}>
        <Text as="h4" variant="body-medium" weight="bold">
          {capability && (
            <>
              {capability.href ? (
                <Link href={capability.href}>{capability.title}</Link>
              ) : (
                capability.title
              )}
              {': '}
            </>
          )}
          {transitionHeadline(transition)}
        </Text>
        <Text variant="body-small" color="secondary">
          By <EntityRefLink entityRef={transition.by} defaultKind="user" /> on{' '}
          <time dateTime={transition.at}>{formatDateTime(transition.at)}</time>{' '}
          · model version {transition.modelVersion}
        </Text>
        <Text variant="body-small">Why: {transition.rationale}</Text>
        {transition.overrideReason && (
          <div className={styles.override} role="note">
            <Text variant="body-small" weight="bold">
              Promoted with required criteria unmet.
            </Text>{' '}
            <Text variant="body-small">
              Override reason: {transition.overrideReason}
            </Text>
          </div>
        )}
        {frozen.length > 0 && transition.from && (
          <details className={styles.details}>
            <summary>
              <Text variant="body-small">
                Exit criteria of {transition.from.title} at that moment (
                {frozen.length})
              </Text>
            </summary>
            <ul className={styles.criteria}>
              {frozen.map(criterion => (
                <li key={criterion.id}>
                  <CriterionStatusChip status={criterion.status} />{' '}
                  <Text variant="body-small">
                    {criterion.title}
                    {criterion.required ? '' : ' (optional)'} —{' '}
                    {criterion.reason}
                  </Text>
                </li>
              ))}
            </ul>
          </details>
        )}
      </Flex>
    </li>
  );
}

/** Transitions as a timeline, newest first. */
export function TransitionList(props: {
  transitions: MaturityTransition[];
  /** Name each transition's capability (a timeline across capabilities). */
  showCapability?: boolean;
  /** Capability titles by entity ref; the entity's name otherwise. */
  titles?: Map<string, string>;
}) {
  const { transitions, showCapability, titles } = props;
  const capabilityLink = useCapabilityLink();
  return (
    <ol className={styles.timeline} aria-label="Stage changes, newest first">
      {transitions.map(transition => (
        <TransitionItem
          key={transition.id}
          transition={transition}
          capability={
            showCapability
              ? {
                  title:
                    titles?.get(transition.capabilityRef) ??
                    refName(transition.capabilityRef),
                  href: capabilityLink?.(transition.capabilityRef),
                }
              : undefined
          }
        />
      ))}
    </ol>
  );
}

/**
 * The stage changes of every capability (`GET /maturity/history`), or of
 * one when `entityRef` is given: who moved what, when and why, override
 * reasons highlighted, the exit criteria as they were; with CSV export.
 */
export function TransitionTimeline(props: {
  /** One capability's history; every capability's without. */
  entityRef?: string;
  /** Capability titles by entity ref, for the timeline of every capability. */
  titles?: Map<string, string>;
  title?: string;
}) {
  const { entityRef, titles, title = 'Stage changes' } = props;
  const flywheelApi = useApi(flywheelApiRef);
  const { value, loading, error, retry } = useAsyncRetry(
    () =>
      entityRef
        ? flywheelApi.getMaturityCapabilityHistory(entityRef)
        : flywheelApi.getMaturityHistory(),
    [flywheelApi, entityRef],
  );
  const exportCsv = () =>
    entityRef
      ? flywheelApi.exportMaturityCapabilityHistoryCsv(entityRef)
      : flywheelApi.exportMaturityHistoryCsv();

  let body;
  if (loading) {
    body = <Progress />;
  } else if (error) {
    body = (
      <LoadErrorAlert
        title="Could not load the stage changes"
        error={error}
        onRetry={retry}
        permission={refusedRead(error)}
      />
    );
  } else if (!value || value.items.length === 0) {
    body = (
      <Text as="p" color="secondary">
        {entityRef
          ? 'This capability has not changed stage yet.'
          : 'No capability has changed stage yet. Owners promote a capability from its page once its exit criteria are met.'}
      </Text>
    );
  } else {
    body = (
      <TransitionList
        transitions={value.items}
        showCapability={!entityRef}
        titles={titles}
      />
    );
  }
  return (
    <Section
      title={title}
      action={
        value && value.items.length > 0 ? (
          <div data-print-hide>
            <CsvDownloadButton
              load={exportCsv}
              filename={
                entityRef
                  ? `maturity-history-${refName(entityRef)}`
                  : 'maturity-history'
              }
            />
          </div>
        ) : undefined
      }
    >
      {body}
    </Section>
  );
}
