import { useState } from 'react';
import { useApi } from '@backstage/core-plugin-api';
import {
  ScorecardCheckInfo,
  ScorecardExemption,
  ScorecardInfo,
} from '@flywheel/plugin-flywheel-common';
import { TextAreaField } from '@backstage/ui';
import { CalendarDate, getLocalTimeZone, today } from '@internationalized/date';
import { flywheelApiRef } from '../../api';
import {
  ExpiresOnField,
  expiryError,
  expiryInstant,
  expiryRange,
} from '../../shared/ExpiresOnField';
import { FormDialog } from '../../shared/FormDialog';
import { useAction } from '../../shared/useAction';

/** The longest an exemption may run; the backend enforces the same. */
export const MAX_EXEMPTION_DAYS = 366;
const DEFAULT_EXEMPTION_DAYS = 90;
const MIN_JUSTIFICATION = 10;

function defaultExpiry(): CalendarDate {
  return today(getLocalTimeZone()).add({ days: DEFAULT_EXEMPTION_DAYS });
}

/**
 * The dialog to request an exemption from one check for one entity. What
 * was typed survives closing the dialog and a failed request; it is cleared
 * only once the request is made.
 */
export function RequestExemptionDialog(props: {
  isOpen: boolean;
  onOpenChange: (isOpen: boolean) => void;
  entityRef: string;
  scorecard: ScorecardInfo;
  check: ScorecardCheckInfo;
  onRequested: (exemption: ScorecardExemption) => void;
}) {
  const { isOpen, onOpenChange, entityRef, scorecard, check, onRequested } =
    props;
  const flywheelApi = useApi(flywheelApiRef);
  const [justification, setJustification] = useState('');
  const [expiry, setExpiry] = useState<CalendarDate | null>(defaultExpiry);
  const [submitted, setSubmitted] = useState(false);
  const request = useAction({
    doing: 'request exemptions',
    permission: 'flywheel.scorecards.exemption.request',
  });

  const range = expiryRange(MAX_EXEMPTION_DAYS);
  const justificationError =
    justification.trim().length < MIN_JUSTIFICATION
      ? `Explain why in at least ${MIN_JUSTIFICATION} characters.`
      : undefined;
  const expiryProblem = expiryError(expiry, range, {
    missing: 'Choose when the exemption ends.',
    tooEarly: 'The exemption must end after today.',
    tooLate: `The exemption can run for at most ${MAX_EXEMPTION_DAYS} days, until ${range.maxValue
      .toDate(getLocalTimeZone())
      .toLocaleDateString()}.`,
  });

  const submit = () => {
    setSubmitted(true);
    if (justificationError || expiryProblem || !expiry) {
      return;
    }
    request.run(async () => {
      const exemption = await flywheelApi.requestScorecardExemption({
        entityRef,
        scorecardId: scorecard.id,
        checkId: check.id,
        justification: justification.trim(),
        // The exemption ends when the chosen day begins, in the user's zone.
        expiresAt: expiryInstant(expiry),
      });
      setJustification('');
      setExpiry(defaultExpiry());
      setSubmitted(false);
      onRequested(exemption);
      onOpenChange(false);
    });
  };

  return (
    <FormDialog
      isOpen={isOpen}
      onOpenChange={onOpenChange}
      title="Request an exemption"
      intro={
        <>
          From <strong>{check.title}</strong> ({scorecard.title}). While an
          approved exemption runs, the check counts as passing for levels and is
          left out of the score. Someone allowed to decide exemptions (usually
          the platform team) approves or rejects it.
        </>
      }
      submitLabel="Request exemption"
      onSubmit={submit}
      submitting={request.pending}
      error={request.error}
      errorTitle="The request was not sent"
    >
      <TextAreaField
        label="Justification"
        description="Why the check does not apply, or what you do instead and when it will pass."
        isRequired
        rows={4}
        value={justification}
        onChange={setJustification}
        validationBehavior="aria"
        validate={() => (submitted ? justificationError : undefined)}
      />
      <ExpiresOnField
        description={`The exemption ends when this day begins; at most ${MAX_EXEMPTION_DAYS} days from today.`}
        isRequired
        value={expiry}
        onChange={setExpiry}
        range={range}
        error={submitted ? expiryProblem : undefined}
      />
    </FormDialog>
  );
}
