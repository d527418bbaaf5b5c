import { FormEvent, useState } from 'react';
import { useApi } from '@backstage/core-plugin-api';
import {
  flywheelOutcomeTargetsManagePermission,
  MetricUnit,
  OutcomeStatus,
} from '@flywheel/plugin-flywheel-common';
import {
  Alert,
  Button,
  Dialog,
  DialogBody,
  DialogFooter,
  DialogHeader,
  Flex,
  NumberField,
  Text,
} from '@backstage/ui';
import { flywheelApiRef } from '../../api';
import { actionErrorMessage } from '../../shared/errors';
import { formatMetricValue } from '../../shared/metricFormat';
import styles from './EditTargetDialog.module.css';

/**
 * The unit a person types a target in, and the factor to the metric's own
 * unit: durations in hours rather than seconds.
 */
export function targetInputUnit(unit: MetricUnit): {
  label?: string;
  factor: number;
} {
  switch (unit) {
    case 'seconds':
      return { label: 'hours', factor: 3_600 };
    case 'days':
      return { label: 'days', factor: 1 };
    case 'percent':
      return { label: '%', factor: 1 };
    case 'perWeek':
      return { label: 'per week', factor: 1 };
    default:
      return { factor: 1 };
  }
}

/**
 * The dialog to set an outcome's target on the dashboard (it overrides the
 * configured one), or to go back to the configured target.
 */
export function EditTargetDialog(props: {
  isOpen: boolean;
  onOpenChange: (isOpen: boolean) => void;
  outcome: OutcomeStatus & { metric: NonNullable<OutcomeStatus['metric']> };
  onSaved: () => void;
}) {
  const { isOpen, onOpenChange, outcome, onSaved } = props;
  const flywheelApi = useApi(flywheelApiRef);
  const { unit } = outcome.metric;
  const input = targetInputUnit(unit);
  const [value, setValue] = useState<number>(
    outcome.target ? outcome.target.value / input.factor : NaN,
  );
  const [submitted, setSubmitted] = useState(false);
  const [busy, setBusy] = useState<'save' | 'reset'>();
  const [error, setError] = useState<string>();

  const valueError = Number.isFinite(value)
    ? undefined
    : 'Enter the target as a number.';

  const run = async (what: 'save' | 'reset', call: () => Promise<unknown>) => {
    setBusy(what);
    setError(undefined);
    try {
      await call();
      setSubmitted(false);
      onSaved();
      onOpenChange(false);
    } catch (e) {
      setError(
        actionErrorMessage(e as Error, {
          doing: 'set the targets of the product dashboard',
          permission: flywheelOutcomeTargetsManagePermission.name,
        }),
      );
    } finally {
      setBusy(undefined);
    }
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    setSubmitted(true);
    if (valueError) {
      return;
    }
    run('save', () =>
      flywheelApi.setOutcomeTarget(outcome.key, value * input.factor),
    );
  };

  return (
    <Dialog
      isOpen={isOpen}
      onOpenChange={onOpenChange}
      isDismissable={!busy}
      width="28rem"
    >
      <form className={styles.form} onSubmit={submit} noValidate>
        <DialogHeader>Target for {outcome.title}</DialogHeader>
        <DialogBody>
          <Flex direction="column" gap="4">
            <Text as="p" variant="body-small">
              {outcome.target?.source === 'ui'
                ? 'Set on the dashboard; it overrides the configured target.'
                : 'A target set here overrides the configured one for everyone.'}{' '}
              Now {formatMetricValue(outcome.current, unit)}
              {outcome.metric.direction === 'lower'
                ? '; lower is better.'
                : '.'}
            </Text>
            <NumberField
              label={input.label ? `Target (${input.label})` : 'Target'}
              isRequired
              value={value}
              onChange={setValue}
              validationBehavior="aria"
              validate={() => (submitted ? valueError : undefined)}
            />
            {error && (
              <Alert
                status="danger"
                icon
                title="The target did not change"
                description={error}
              />
            )}
          </Flex>
        </DialogBody>
        <DialogFooter>
          {outcome.target?.source === 'ui' && (
            <Button
              variant="tertiary"
              onPress={() =>
                run('reset', () => flywheelApi.resetOutcomeTarget(outcome.key))
              }
              isPending={busy === 'reset'}
              isDisabled={busy === 'save'}
            >
              Use the configured target
            </Button>
          )}
          <Button
            variant="secondary"
            onPress={() => onOpenChange(false)}
            isDisabled={!!busy}
          >
            Cancel
          </Button>
          <Button
            type="submit"
            variant="primary"
            isPending={busy === 'save'}
            isDisabled={busy === 'reset'}
          >
            Save target
          </Button>
        </DialogFooter>
      </form>
    </Dialog>
  );
}
