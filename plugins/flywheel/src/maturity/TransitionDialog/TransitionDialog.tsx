import { FormEvent, useState } from 'react';
import { useApi } from '@backstage/core-plugin-api';
import { ResponseError } from '@backstage/errors';
import {
  flywheelMaturityTransitionPermission,
  MaturityCapability,
  MaturityTransition,
} from '@flywheel/plugin-flywheel-common';
import {
  Alert,
  Button,
  Dialog,
  DialogBody,
  DialogFooter,
  DialogHeader,
  Flex,
  Select,
  Text,
  TextAreaField,
} from '@backstage/ui';
import { flywheelApiRef } from '../../api';
import { actionErrorMessage, serverMessage } from '../../shared/errors';
import styles from './TransitionDialog.module.css';

/** Whether the backend refused a promotion for unmet required criteria. */
function isConflict(error: Error): boolean {
  return (
    error.name === 'ResponseError' &&
    (error as ResponseError).statusCode === 409
  );
}

/**
 * The dialog to promote or demote a capability: the target stage and why.
 * When the backend refuses a promotion because required exit criteria are
 * unmet (409), it shows which and offers "Promote anyway" with a required
 * override reason, which is recorded with the transition.
 */
export function TransitionDialog(props: {
  isOpen: boolean;
  onOpenChange: (isOpen: boolean) => void;
  capability: MaturityCapability;
  direction: 'promotion' | 'demotion';
  onTransitioned: (transition: MaturityTransition) => void;
}) {
  const { isOpen, onOpenChange, capability, direction, onTransitioned } = props;
  const flywheelApi = useApi(flywheelApiRef);
  const index = capability.stage.index;
  const targets =
    direction === 'promotion'
      ? capability.stages.slice(index + 1)
      : capability.stages.slice(0, index).reverse();
  const [toStage, setToStage] = useState<string | undefined>(targets[0]?.id);
  const [rationale, setRationale] = useState('');
  const [overrideReason, setOverrideReason] = useState('');
  /** The backend's list of unmet criteria, once it refused the promotion. */
  const [blocked, setBlocked] = useState<string>();
  const [submitted, setSubmitted] = useState(false);
  const [submitting, setSubmitting] = useState(false);
  const [error, setError] = useState<string>();

  const verb = direction === 'promotion' ? 'Promote' : 'Demote';
  const rationaleError = rationale.trim()
    ? undefined
    : `Say why you ${verb.toLocaleLowerCase('en-US')} the capability.`;
  const overrideError =
    blocked && !overrideReason.trim()
      ? 'Explain why the capability moves on with required criteria unmet.'
      : undefined;
  const target = targets.find(t => t.id === toStage);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setSubmitted(true);
    if (rationaleError || overrideError || !target) {
      return;
    }
    setSubmitting(true);
    setError(undefined);
    try {
      const transition = await flywheelApi.transitionMaturityCapability(
        capability.entityRef,
        {
          toStage: target.id,
          rationale: rationale.trim(),
          ...(blocked ? { overrideReason: overrideReason.trim() } : {}),
        },
      );
      setRationale('');
      setOverrideReason('');
      setBlocked(undefined);
      setSubmitted(false);
      onTransitioned(transition);
      onOpenChange(false);
    } catch (e) {
      const failure = e as Error;
      if (direction === 'promotion' && isConflict(failure) && !blocked) {
        setBlocked(serverMessage(failure));
        setSubmitted(false);
      } else {
        setError(
          actionErrorMessage(failure, {
            doing: 'change the stage of this capability',
            permission: flywheelMaturityTransitionPermission.name,
          }),
        );
      }
    } finally {
      setSubmitting(false);
    }
  };

  return (
    <Dialog
      isOpen={isOpen}
      onOpenChange={onOpenChange}
      isDismissable={!submitting}
      width="34rem"
    >
      <form className={styles.form} onSubmit={submit} noValidate>
        <DialogHeader>
          {verb} {capability.title}
        </DialogHeader>
        <DialogBody>
          <Flex direction="column" gap="4">
            <Text as="p" variant="body-small">
              Now in {capability.stage.title}. The change, your name and your
              reason are recorded in the capability's history with its exit
              criteria as they are now.
            </Text>
            <Select
              label="Target stage"
              options={targets.map(t => ({ id: t.id, label: t.title }))}
              value={toStage}
              onChange={key => {
                setToStage(String(key));
                setBlocked(undefined);
              }}
              isRequired
            />
            <TextAreaField
              label="Rationale"
              isRequired
              rows={3}
              value={rationale}
              onChange={setRationale}
              validationBehavior="aria"
              validate={() => (submitted ? rationaleError : undefined)}
            />
            {blocked && (
              <>
                <Alert
                  status="warning"
                  icon
                  title="Required exit criteria are unmet"
                  description={blocked}
                />
                <TextAreaField
                  label="Override reason"
                  description="Required to promote anyway; shown highlighted in the history."
                  isRequired
                  rows={3}
                  value={overrideReason}
                  onChange={setOverrideReason}
                  validationBehavior="aria"
                  validate={() => (submitted ? overrideError : undefined)}
                />
              </>
            )}
            {error && (
              <Alert
                status="danger"
                icon
                title="The stage did not change"
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
            {blocked ? 'Promote anyway' : verb}
          </Button>
        </DialogFooter>
      </form>
    </Dialog>
  );
}
