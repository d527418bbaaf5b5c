import { FormEvent, useState } from 'react';
import { useApi } from '@backstage/core-plugin-api';
import {
  ScorecardCheckInfo,
  ScorecardExemption,
  ScorecardInfo,
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
import styles from './RequestExemptionDialog.module.css';

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
  const [submitting, setSubmitting] = useState(false);
  const [error, setError] = useState<string>();

  const zone = getLocalTimeZone();
  const minDate = today(zone).add({ days: 1 });
  const maxDate = today(zone).add({ days: MAX_EXEMPTION_DAYS });

  const justificationError =
    justification.trim().length < MIN_JUSTIFICATION
      ? `Explain why in at least ${MIN_JUSTIFICATION} characters.`
      : undefined;
  let expiryError: string | undefined;
  if (!expiry) {
    expiryError = 'Choose when the exemption ends.';
  } else if (expiry.compare(minDate) < 0) {
    expiryError = 'The exemption must end after today.';
  } else if (expiry.compare(maxDate) > 0) {
    expiryError = `The exemption can run for at most ${MAX_EXEMPTION_DAYS} days, until ${maxDate
      .toDate(zone)
      .toLocaleDateString()}.`;
  }

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setSubmitted(true);
    if (justificationError || expiryError || !expiry) {
      return;
    }
    setSubmitting(true);
    setError(undefined);
    try {
      const exemption = await flywheelApi.requestScorecardExemption({
        entityRef,
        scorecardId: scorecard.id,
        checkId: check.id,
        justification: justification.trim(),
        // The exemption ends when the chosen day begins, in the user's zone.
        expiresAt: expiry.toDate(zone).toISOString(),
      });
      setJustification('');
      setExpiry(defaultExpiry());
      setSubmitted(false);
      onRequested(exemption);
      onOpenChange(false);
    } catch (e) {
      setError(
        actionErrorMessage(e as Error, {
          doing: 'request exemptions',
          permission: 'flywheel.scorecards.exemption.request',
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
        <DialogHeader>Request an exemption</DialogHeader>
        <DialogBody>
          <Flex direction="column" gap="4">
            <Text as="p" variant="body-small">
              From <strong>{check.title}</strong> ({scorecard.title}). While an
              approved exemption runs, the check counts as passing for levels
              and is left out of the score. Someone allowed to decide exemptions
              (usually the platform team) approves or rejects it.
            </Text>
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
            <DatePicker
              label="Expires on"
              description={`The exemption ends when this day begins; at most ${MAX_EXEMPTION_DAYS} days from today.`}
              isRequired
              value={expiry}
              onChange={value => setExpiry(value as CalendarDate | null)}
              minValue={minDate}
              maxValue={maxDate}
              validationBehavior="aria"
              validate={() => (submitted ? expiryError : undefined)}
            />
            {error && (
              <Alert
                status="danger"
                icon
                title="The request was not sent"
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
            Request exemption
          </Button>
        </DialogFooter>
      </form>
    </Dialog>
  );
}
