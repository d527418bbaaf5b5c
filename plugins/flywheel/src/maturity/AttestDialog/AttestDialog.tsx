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
  TextField,
} from '@backstage/ui';
import { CalendarDate, getLocalTimeZone, today } from '@internationalized/date';
import { flywheelApiRef } from '../../api';
import { actionErrorMessage } from '../../shared/errors';
import styles from './AttestDialog.module.css';

/** Whether a string is an http(s) URL, which evidence must be. */
export function isEvidenceUrl(value: string): boolean {
  try {
    const url = new URL(value);
    return url.protocol === 'https:' || url.protocol === 'http:';
  } catch {
    return false;
  }
}

/**
 * The dialog to attest a manual criterion of a capability's stage: where
 * the evidence is, a note, and optionally when the attestation stops
 * counting. What was typed survives a failed request.
 */
export function AttestDialog(props: {
  isOpen: boolean;
  onOpenChange: (isOpen: boolean) => void;
  entityRef: string;
  stage: { id: string; title: string };
  criterion: MaturityCriterionStatus;
  onAttested: (attestation: MaturityAttestation) => void;
}) {
  const { isOpen, onOpenChange, entityRef, stage, criterion, onAttested } =
    props;
  const flywheelApi = useApi(flywheelApiRef);
  const [evidenceUrl, setEvidenceUrl] = useState('');
  const [note, setNote] = useState('');
  const [expiry, setExpiry] = useState<CalendarDate | null>(null);
  const [submitted, setSubmitted] = useState(false);
  const [submitting, setSubmitting] = useState(false);
  const [error, setError] = useState<string>();

  const zone = getLocalTimeZone();
  const minDate = today(zone).add({ days: 1 });
  const urlError = isEvidenceUrl(evidenceUrl.trim())
    ? undefined
    : 'Enter the address of the evidence, starting with https://.';
  const noteError = note.trim() ? undefined : 'Say what the evidence shows.';
  const expiryError =
    expiry && expiry.compare(minDate) < 0
      ? 'The attestation must stop counting after today.'
      : undefined;

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setSubmitted(true);
    if (urlError || noteError || expiryError) {
      return;
    }
    setSubmitting(true);
    setError(undefined);
    try {
      const attestation = await flywheelApi.attestMaturityCriterion(entityRef, {
        stageId: stage.id,
        criterionId: criterion.id,
        evidenceUrl: evidenceUrl.trim(),
        note: note.trim(),
        ...(expiry ? { expiresAt: expiry.toDate(zone).toISOString() } : {}),
      });
      setEvidenceUrl('');
      setNote('');
      setExpiry(null);
      setSubmitted(false);
      onAttested(attestation);
      onOpenChange(false);
    } catch (e) {
      setError(
        actionErrorMessage(e as Error, {
          doing: 'attest criteria of this capability',
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
        <DialogHeader>Attest “{criterion.title}”</DialogHeader>
        <DialogBody>
          <Flex direction="column" gap="4">
            <Text as="p" variant="body-small">
              An exit criterion of {stage.title}. Your name, the evidence and
              the note are recorded and shown with the criterion.
            </Text>
            <TextField
              label="Evidence URL"
              type="url"
              description="Where the evidence is: a runbook, a review, a document."
              isRequired
              value={evidenceUrl}
              onChange={setEvidenceUrl}
              validationBehavior="aria"
              validate={() => (submitted ? urlError : undefined)}
            />
            <TextAreaField
              label="Note"
              isRequired
              rows={3}
              value={note}
              onChange={setNote}
              validationBehavior="aria"
              validate={() => (submitted ? noteError : undefined)}
            />
            <DatePicker
              label="Expires on"
              description="Optional: the attestation stops counting when this day begins."
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
                title="The attestation was not recorded"
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
            Attest
          </Button>
        </DialogFooter>
      </form>
    </Dialog>
  );
}
