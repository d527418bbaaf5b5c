import { useState } from 'react';
import {
  MetricDefinition,
  MetricInterval,
  OutcomeStatus,
} from '@flywheel/plugin-flywheel-common';
import { Button, Card, CardBody, CardHeader, Flex, Text } from '@backstage/ui';
import { formatDate } from '../../shared/format';
import { formatMetricValue } from '../../shared/metricFormat';
import { EditTargetDialog } from '../EditTargetDialog';
import { OutcomeTrendChart } from '../OutcomeTrendChart';
import { changeText, judgeChange, refName } from '../maturityFormat';
import styles from './OutcomeCard.module.css';

const ARROWS = { up: '▲', down: '▼', none: '▶' };

/** "≥ 30" for a higher-is-better metric, "≤ 2 h" for lower, "30" otherwise. */
export function targetText(target: number, metric: MetricDefinition): string {
  const value = formatMetricValue(target, metric.unit);
  if (metric.direction === 'higher') {
    return `≥ ${value}`;
  }
  if (metric.direction === 'lower') {
    return `≤ ${value}`;
  }
  return value;
}

function TargetLine(props: {
  outcome: OutcomeStatus;
  metric: MetricDefinition;
}) {
  const { outcome, metric } = props;
  const { target, onTarget } = outcome;
  if (!target) {
    return (
      <Text variant="body-small" color="secondary">
        No target set
      </Text>
    );
  }
  let status;
  if (onTarget === true) {
    status = (
      <span className={`${styles.status} ${styles.onTarget}`}>
        <span aria-hidden="true">✓ </span>On target
      </span>
    );
  } else if (onTarget === false) {
    status = (
      <span className={`${styles.status} ${styles.offTarget}`}>
        <span aria-hidden="true">✗ </span>Off target
      </span>
    );
  } else {
    status = <span className={styles.status}>No value to compare</span>;
  }
  return (
    <Flex direction="column" gap="1">
      <Text variant="body-small">
        Target {targetText(target.value, metric)} · {status}
      </Text>
      <Text variant="body-x-small" color="secondary">
        {target.source === 'ui'
          ? `Set on the dashboard${
              target.setBy ? ` by ${refName(target.setBy)}` : ''
            }${target.setAt ? ` on ${formatDate(target.setAt)}` : ''}`
          : 'From the configuration'}
      </Text>
    </Flex>
  );
}

/**
 * One outcome of the product dashboard: its latest value, the change since
 * the previous interval (arrow and words, coloured by whether it is for the
 * better), its target and whether it is met, and its trend. Without a
 * metric it says what to do (`hint`). "Edit target" for those allowed.
 */
export function OutcomeCard(props: {
  outcome: OutcomeStatus;
  interval: MetricInterval;
  canEditTarget: boolean;
  onTargetChanged: () => void;
}) {
  const { outcome, interval, canEditTarget, onTargetChanged } = props;
  const [editing, setEditing] = useState(false);
  const { metric } = outcome;

  let body;
  if (!metric) {
    body = (
      <Text as="p" variant="body-small" color="secondary">
        {outcome.hint ?? 'No metric matches this outcome yet.'}
      </Text>
    );
  } else {
    const judgement =
      outcome.change === null
        ? 'neutral'
        : judgeChange(outcome.change, metric.direction);
    let arrow = ARROWS.none;
    if (outcome.change !== null && outcome.change > 0) {
      arrow = ARROWS.up;
    } else if (outcome.change !== null && outcome.change < 0) {
      arrow = ARROWS.down;
    }
    body = (
      <Flex direction="column" gap="2">
        <div>
          <Text
            as="p"
            variant="title-small"
            weight="bold"
            color={outcome.current === null ? 'secondary' : 'primary'}
          >
            {formatMetricValue(outcome.current, metric.unit)}
          </Text>
          <Text variant="body-x-small" color="secondary">
            Latest {interval} with a value
          </Text>
        </div>
        {outcome.change !== null ? (
          <Text variant="body-small">
            <span className={styles[judgement]}>
              <span aria-hidden="true">{arrow} </span>
              {changeText(
                outcome.change,
                metric.unit,
                metric.direction,
                interval,
              )}
            </span>
          </Text>
        ) : (
          <Text variant="body-small" color="secondary">
            No earlier {interval} to compare with
          </Text>
        )}
        <TargetLine outcome={outcome} metric={metric} />
        <OutcomeTrendChart
          title={outcome.title}
          metric={metric}
          points={outcome.points}
          interval={interval}
          target={outcome.target?.value}
        />
        {outcome.hint && (
          <Text variant="body-x-small" color="secondary">
            {outcome.hint}
          </Text>
        )}
        {canEditTarget && (
          <div data-print-hide>
            <Button
              size="small"
              variant="secondary"
              aria-label={`Edit target of ${outcome.title}`}
              onPress={() => setEditing(true)}
            >
              Edit target
            </Button>
          </div>
        )}
      </Flex>
    );
  }

  return (
    <Card role="region" aria-label={outcome.title} className={styles.card}>
      <CardHeader>
        <Text as="h4" variant="body-medium" weight="bold">
          {outcome.title}
        </Text>
        {metric && metric.title !== outcome.title && (
          <Text variant="body-x-small" color="secondary">
            {metric.title}
          </Text>
        )}
      </CardHeader>
      <CardBody>{body}</CardBody>
      {metric && editing && (
        <EditTargetDialog
          isOpen
          onOpenChange={setEditing}
          outcome={{ ...outcome, metric }}
          onSaved={onTargetChanged}
        />
      )}
    </Card>
  );
}
