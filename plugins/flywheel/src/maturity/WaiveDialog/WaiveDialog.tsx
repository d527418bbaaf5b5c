import { useState } from 'react';
import { useApi } from '@backstage/core-plugin-api';
import {
  flywheelMaturityAttestPermission,
  MaturityAttestation,
  MaturityCriterionStatus,
} from '@flywheel/plugin-flywheel-common';
import { TextAreaField } from '@backstage/ui';
import { CalendarDate } from '@internationalized/date';
import { flywheelApiRef } from '../../api';
import {
  ExpiresOnField,
  expiryError,
  expiryInstant,
  expiryRange,
} from '../../shared/ExpiresOnField';
import { FormDialog } from '../../shared/FormDialog';
import { useAction } from '../../shared/useAction';

const MIN_REASON = 10;

/**
 * The dialog to waive a criterion that does not apply to a capability: why,
 * and optionally until when. A waived criterion counts as met.
 */
export function WaiveDialog(props: {
  isOpen: boolean;
  onOpenChange: (isOpen: boolean) => void;
  entityRef: string;
  stage: { id: string; title: string };
  criterion: MaturityCriterionStatus;
  onWaived: (waiver: MaturityAttestation) => void;
}) {
  const { isOpen, onOpenChange, entityRef, stage, criterion, onWaived } = props;
  const flywheelApi = useApi(flywheelApiRef);
  const [reason, setReason] = useState('');
  const [expiry, setExpiry] = useState<CalendarDate | null>(null);
  const [submitted, setSubmitted] = useState(false);
  const waive = useAction({
    doing: 'waive criteria of this capability',
    permission: flywheelMaturityAttestPermission.name,
  });

  const range = expiryRange();
  const reasonError =
    reason.trim().length < MIN_REASON
      ? `Explain why in at least ${MIN_REASON} characters.`
      : undefined;
  const expiryProblem = expiryError(expiry, range, {
    tooEarly: 'The waiver must end after today.',
  });

  const submit = () => {
    setSubmitted(true);
    if (reasonError || expiryProblem) {
      return;
    }
    waive.run(async () => {
      const waiver = await flywheelApi.waiveMaturityCriterion(entityRef, {
        stageId: stage.id,
        criterionId: criterion.id,
        reason: reason.trim(),
        ...(expiry ? { expiresAt: expiryInstant(expiry) } : {}),
      });
      setReason('');
      setExpiry(null);
      setSubmitted(false);
      onWaived(waiver);
      onOpenChange(false);
    });
  };

  return (
    <FormDialog
      isOpen={isOpen}
      onOpenChange={onOpenChange}
      title={<>Waive “{criterion.title}”</>}
      intro={
        <>
          An exit criterion of {stage.title}. While the waiver runs, the
          criterion counts as met and no longer blocks promotion; the reason is
          shown with it and kept in the history.
        </>
      }
      submitLabel="Waive criterion"
      onSubmit={submit}
      submitting={waive.pending}
      error={waive.error}
      errorTitle="The waiver was not recorded"
    >
      <TextAreaField
        label="Reason"
        description="Why the criterion does not apply to this capability."
        isRequired
        rows={3}
        value={reason}
        onChange={setReason}
        validationBehavior="aria"
        validate={() => (submitted ? reasonError : undefined)}
      />
      <ExpiresOnField
        description="Optional: the waiver ends when this day begins."
        value={expiry}
        onChange={setExpiry}
        range={range}
        error={submitted ? expiryProblem : undefined}
      />
    </FormDialog>
  );
}
