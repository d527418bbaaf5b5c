import { useState } from 'react';
import { useApi } from '@backstage/core-plugin-api';
import {
  flywheelOutcomeTargetsManagePermission,
  MetricUnit,
  OutcomeStatus,
} from '@flywheel/plugin-flywheel-common';
import { Button, NumberField } from '@backstage/ui';
import { flywheelApiRef } from '../../api';
import { FormDialog } from '../../shared/FormDialog';
import { formatMetricValue } from '../../shared/metricFormat';
import { useAction } from '../../shared/useAction';

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
  /** Which of the dialog's writes runs or ran last. */
  const [which, setWhich] = useState<'save' | 'reset'>('save');
  const write = useAction({
    doing: 'set the targets of the product dashboard',
    permission: flywheelOutcomeTargetsManagePermission.name,
  });
  const busy = write.pending ? which : undefined;

  const valueError = Number.isFinite(value)
    ? undefined
    : 'Enter the target as a number.';

  const run = (what: 'save' | 'reset', call: () => Promise<unknown>) => {
    setWhich(what);
    write.run(async () => {
      await call();
      setSubmitted(false);
      onSaved();
      onOpenChange(false);
    });
  };

  const submit = () => {
    setSubmitted(true);
    if (valueError) {
      return;
    }
    run('save', () =>
      flywheelApi.setOutcomeTarget(outcome.key, value * input.factor),
    );
  };

  return (
    <FormDialog
      isOpen={isOpen}
      onOpenChange={onOpenChange}
      title={<>Target for {outcome.title}</>}
      intro={
        <>
          {outcome.target?.source === 'ui'
            ? 'Set on the dashboard; it overrides the configured target.'
            : 'A target set here overrides the configured one for everyone.'}{' '}
          Now {formatMetricValue(outcome.current, unit)}
          {outcome.metric.direction === 'lower' ? '; lower is better.' : '.'}
        </>
      }
      submitLabel="Save target"
      onSubmit={submit}
      submitting={busy === 'save'}
      error={write.error}
      errorTitle="The target did not change"
      actions={
        outcome.target?.source === 'ui' && (
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
        )
      }
      actionPending={busy === 'reset'}
      width="28rem"
    >
      <NumberField
        label={input.label ? `Target (${input.label})` : 'Target'}
        isRequired
        value={value}
        onChange={setValue}
        validationBehavior="aria"
        validate={() => (submitted ? valueError : undefined)}
      />
    </FormDialog>
  );
}
