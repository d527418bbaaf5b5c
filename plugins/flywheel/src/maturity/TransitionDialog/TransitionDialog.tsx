import { useState } from 'react';
import { useApi } from '@backstage/core-plugin-api';
import { ResponseError } from '@backstage/errors';
import {
  flywheelMaturityTransitionPermission,
  MaturityCapability,
  MaturityTransition,
} from '@flywheel/plugin-flywheel-common';
import { Alert, Select, TextAreaField } from '@backstage/ui';
import { flywheelApiRef } from '../../api';
import { serverMessage } from '../../shared/errors';
import { FormDialog } from '../../shared/FormDialog';
import { useAction } from '../../shared/useAction';

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
  const transition = useAction({
    doing: 'change the stage of this capability',
    permission: flywheelMaturityTransitionPermission.name,
  });

  const verb = direction === 'promotion' ? 'Promote' : 'Demote';
  const rationaleError = rationale.trim()
    ? undefined
    : `Say why you ${verb.toLocaleLowerCase('en-US')} the capability.`;
  const overrideError =
    blocked && !overrideReason.trim()
      ? 'Explain why the capability moves on with required criteria unmet.'
      : undefined;
  const target = targets.find(t => t.id === toStage);

  const submit = () => {
    setSubmitted(true);
    if (rationaleError || overrideError || !target) {
      return;
    }
    transition.run(async () => {
      let made: MaturityTransition;
      try {
        made = await flywheelApi.transitionMaturityCapability(
          capability.entityRef,
          {
            toStage: target.id,
            rationale: rationale.trim(),
            ...(blocked ? { overrideReason: overrideReason.trim() } : {}),
          },
        );
      } catch (e) {
        const failure = e as Error;
        if (direction === 'promotion' && isConflict(failure) && !blocked) {
          // Not a failure: the dialog asks for an override reason.
          setBlocked(serverMessage(failure));
          setSubmitted(false);
          return;
        }
        throw failure;
      }
      setRationale('');
      setOverrideReason('');
      setBlocked(undefined);
      setSubmitted(false);
      onTransitioned(made);
      onOpenChange(false);
    });
  };

  return (
    <FormDialog
      isOpen={isOpen}
      onOpenChange={onOpenChange}
      title={
        <>
          {verb} {capability.title}
        </>
      }
      intro={
        <>
          Now in {capability.stage.title}. The change, your name and your reason
          are recorded in the capability's history with its exit criteria as
          they are now.
        </>
      }
      submitLabel={blocked ? 'Promote anyway' : verb}
      onSubmit={submit}
      submitting={transition.pending}
      error={transition.error}
      errorTitle="The stage did not change"
      width="34rem"
    >
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
    </FormDialog>
  );
}
