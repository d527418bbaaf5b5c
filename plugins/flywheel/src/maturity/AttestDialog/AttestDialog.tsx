import { useState } from 'react';
import { useApi } from '@backstage/core-plugin-api';
import {
  flywheelMaturityAttestPermission,
  MaturityAttestation,
  MaturityCriterionStatus,
} from '@flywheel/plugin-flywheel-common';
import { TextAreaField, TextField } from '@backstage/ui';
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
  const attest = useAction({
    doing: 'attest criteria of this capability',
    permission: flywheelMaturityAttestPermission.name,
  });

  const range = expiryRange();
  const urlError = isEvidenceUrl(evidenceUrl.trim())
    ? undefined
    : 'Enter the address of the evidence, starting with https://.';
  const noteError = note.trim() ? undefined : 'Say what the evidence shows.';
  const expiryProblem = expiryError(expiry, range, {
    tooEarly: 'The attestation must stop counting after today.',
  });

  const submit = () => {
    setSubmitted(true);
    if (urlError || noteError || expiryProblem) {
      return;
    }
    attest.run(async () => {
      const attestation = await flywheelApi.attestMaturityCriterion(entityRef, {
        stageId: stage.id,
        criterionId: criterion.id,
        evidenceUrl: evidenceUrl.trim(),
        note: note.trim(),
        ...(expiry ? { expiresAt: expiryInstant(expiry) } : {}),
      });
      setEvidenceUrl('');
      setNote('');
      setExpiry(null);
      setSubmitted(false);
      onAttested(attestation);
      onOpenChange(false);
    });
  };

  return (
    <FormDialog
      isOpen={isOpen}
      onOpenChange={onOpenChange}
      title={<>Attest “{criterion.title}”</>}
      intro={
        <>
          An exit criterion of {stage.title}. Your name, the evidence and the
          note are recorded and shown with the criterion.
        </>
      }
      submitLabel="Attest"
      onSubmit={submit}
      submitting={attest.pending}
      error={attest.error}
      errorTitle="The attestation was not recorded"
    >
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
      <ExpiresOnField
        description="Optional: the attestation stops counting when this day begins."
        value={expiry}
        onChange={setExpiry}
        range={range}
        error={submitted ? expiryProblem : undefined}
      />
    </FormDialog>
  );
}
