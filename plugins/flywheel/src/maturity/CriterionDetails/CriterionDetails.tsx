import { ReactNode } from 'react';
import { EntityRefLink } from '@backstage/plugin-catalog-react';
import {
  MaturityAttestation,
  MaturityCriterionStatus,
} from '@flywheel/plugin-flywheel-common';
import { Flex, Link, Text } from '@backstage/ui';
import { formatDate } from '../../shared/format';
import { CriterionStatusChip } from '../CriterionStatusChip';
import {
  aggregationText,
  criterionValueText,
  sampleText,
  windowText,
} from '../maturityFormat';
import styles from './CriterionDetails.module.css';

function Attested(props: { record: MaturityAttestation }) {
  const { record } = props;
  const waiver = record.kind === 'waiver';
  return (
    <div className={styles.record}>
      <Text variant="body-small">
        {waiver ? 'Waived' : 'Attested'} by{' '}
        <EntityRefLink entityRef={record.by} defaultKind="user" /> on{' '}
        {formatDate(record.at)}
        {record.expiresAt
          ? `, ${waiver ? 'ends' : 'counts until'} ${formatDate(
              record.expiresAt,
            )}`
          : ''}
        : {record.note}
      </Text>
      {record.evidenceUrl && (
        <Text variant="body-small">
          {' '}
          <Link href={record.evidenceUrl}>Evidence</Link>
        </Text>
      )}
    </div>
  );
}

/**
 * One exit criterion with its live status: why, the metric's value against
 * the threshold in its unit, samples against the minimum, the window, where
 * the number or evidence comes from, its attestation or waiver, and the
 * actions the user may take on it.
 */
export function CriterionDetails(props: {
  criterion: MaturityCriterionStatus;
  actions?: ReactNode;
}) {
  const { criterion, actions } = props;
  const value = criterionValueText(criterion);
  const samples = sampleText(criterion);
  const window = windowText(criterion.from, criterion.to);
  const facts: [string, ReactNode][] = [];
  if (criterion.metric) {
    facts.push([
      'Metric',
      criterion.aggregation
        ? `${criterion.metric.title} — ${aggregationText(
            criterion.aggregation,
          ).toLocaleLowerCase('en-US')}`
        : criterion.metric.title,
    ]);
  }
  if (value) {
    facts.push(['Value', value]);
  }
  if (samples) {
    facts.push(['Samples', samples]);
  }
  if (window) {
    facts.push(['Window', window]);
  }
  // The evidence of an attestation is linked with it; a metric's link is to
  // where the number comes from.
  const showLink =
    criterion.link && criterion.link !== criterion.attestation?.evidenceUrl;
  return (
    <div className={styles.criterion}>
      <Flex align="center" gap="2" className={styles.heading}>
        <CriterionStatusChip status={criterion.status} />
        <Text as="h4" variant="body-medium" weight="bold">
          {criterion.title}
        </Text>
        <Text variant="body-x-small" color="secondary">
          {criterion.required ? 'Required' : 'Optional'} ·{' '}
          {criterion.type === 'metric' ? 'Metric' : 'Checklist'}
        </Text>
      </Flex>
      <Text as="p" variant="body-small">
        {criterion.reason}
      </Text>
      {criterion.description && (
        <Text as="p" variant="body-small" color="secondary">
          {criterion.description}
        </Text>
      )}
      {facts.length > 0 && (
        <dl className={styles.facts}>
          {facts.map(([term, detail]) => (
            <div key={term}>
              <dt>
                <Text variant="body-x-small" color="secondary">
                  {term}
                </Text>
              </dt>
              <dd>
                <Text variant="body-small">{detail}</Text>
              </dd>
            </div>
          ))}
        </dl>
      )}
      {showLink && (
        <Text variant="body-small">
          <Link href={criterion.link}>
            {criterion.type === 'metric'
              ? `See ${criterion.metric?.title ?? 'the metric'}`
              : 'Evidence'}
          </Link>
        </Text>
      )}
      {criterion.attestation && <Attested record={criterion.attestation} />}
      {criterion.waiver && <Attested record={criterion.waiver} />}
      {actions && (
        <Flex gap="2" className={styles.actions} data-print-hide>
          {actions}
        </Flex>
      )}
    </div>
  );
}
