import { FormEvent, useState } from 'react';
import { useApi } from '@backstage/core-plugin-api';
import {
  flywheelMaturityAttestPermission,
  MaturityAttestation,
  MaturityCriterionStatus,
} from '@flywheel/plugin-flywheel-common';
import {
  Alert,
  Button,
  DatePicker,
  Dialog,
  DialogBody,
  DialogFooter,
  DialogHeader,
  Flex,
  Text,
  TextAreaField,
} from '@backstage/ui';
import { CalendarDate, getLocalTimeZone, today } from '@internationalized/date';
import { flywheelApiRef } from '../../api';
import { actionErrorMessage } from '../../shared/errors';
import styles from './WaiveDialog.module.css';

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
  const [submitting, setSubmitting] = useState(false);
  const [error, setError] = useState<string>();

  const zone = getLocalTimeZone();
  const minDate = today(zone).add({ days: 1 });
  const reasonError =
    reason.trim().length < MIN_REASON
      ? `Explain why in at least ${MIN_REASON} characters.`
      : undefined;
  const expiryError =
    expiry && expiry.compare(minDate) < 0
      ? 'The waiver must end after today.'
      : undefined;

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setSubmitted(true);
    if (reasonError || expiryError) {
      return;
    }
    setSubmitting(true);
    setError(undefined);
    try {
      const waiver = await flywheelApi.waiveMaturityCriterion(entityRef, {
        stageId: stage.id,
        criterionId: criterion.id,
        reason: reason.trim(),
        ...(expiry ? { expiresAt: expiry.toDate(zone).toISOString() } : {}),
      });
      setReason('');
      setExpiry(null);
      setSubmitted(false);
      onWaived(waiver);
      onOpenChange(false);
    } catch (e) {
      setError(
        actionErrorMessage(e as Error, {
          doing: 'waive criteria of this capability',
          permission: flywheelMaturityAttestPermission.name,
        }),
      );
    } finally {
      setSubmitting(false);
    }
  };

  return (
    <Dialog
      isOpen={isOpen}
      onOpenChange={onOpenChange}
      isDismissable={!submitting}
      width="32rem"
    >
      <form className={styles.form} onSubmit={submit} noValidate>
        <DialogHeader>Waive “{criterion.title}”</DialogHeader>
        <DialogBody>
          <Flex direction="column" gap="4">
            <Text as="p" variant="body-small">
              An exit criterion of {stage.title}. While the waiver runs, the
              criterion counts as met and no longer blocks promotion; the reason
              is shown with it and kept in the history.
            </Text>
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
            <DatePicker
              label="Expires on"
              description="Optional: the waiver ends when this day begins."
              value={expiry}
              onChange={value => setExpiry(value as CalendarDate | null)}
              minValue={minDate}
              validationBehavior="aria"
              validate={() => (submitted ? expiryError : undefined)}
            />
            {error && (
              <Alert
                status="danger"
                icon
                title="The waiver was not recorded"
                description={error}
              />
            )}
          </Flex>
        </DialogBody>
        <DialogFooter>
          <Button
            variant="secondary"
            onPress={() => onOpenChange(false)}
            isDisabled={submitting}
          >
            Cancel
          </Button>
          <Button type="submit" variant="primary" isPending={submitting}>
            Waive criterion
          </Button>
        </DialogFooter>
      </form>
    </Dialog>
  );
}
