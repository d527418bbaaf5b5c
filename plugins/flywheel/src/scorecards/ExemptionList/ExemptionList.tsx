import { useId, useState } from 'react';
import { useApi } from '@backstage/core-plugin-api';
import { EntityRefLink } from '@backstage/plugin-catalog-react';
import {
  ScorecardExemption,
  ScorecardInfo,
} from '@flywheel/plugin-flywheel-common';
import { Alert, Badge, Button, Flex, Text, TextAreaField } from '@backstage/ui';
import { flywheelApiRef } from '../../api';
import { formatDate } from '../../shared/format';
import { FormDialog } from '../../shared/FormDialog';
import { useAction } from '../../shared/useAction';
import { EntityTabLink } from '../EntityTabLink';
import { ENTITY_SCORECARDS_PATH } from '../hooks';
import styles from './ExemptionList.module.css';

const DECIDE = {
  doing: 'decide on exemptions',
  permission: 'flywheel.scorecards.exemption.decide',
};

/**
 * An exemption's status in words; approved ones past their expiry say so,
 * and so do requests whose expiry passed before anyone decided.
 */
export function exemptionStatusLabel(exemption: ScorecardExemption): string {
  if (exemption.status === 'approved' && exemption.expired) {
    return 'Expired';
  }
  if (exemption.status === 'pending' && exemption.expired) {
    return 'Expired undecided';
  }
  return {
    pending: 'Pending',
    approved: 'Approved',
    rejected: 'Rejected',
    revoked: 'Revoked',
  }[exemption.status];
}

function checkTitle(
  scorecards: ScorecardInfo[],
  exemption: ScorecardExemption,
): { check: string; scorecard: string } {
  const scorecard = scorecards.find(s => s.id === exemption.scorecardId);
  return {
    scorecard: scorecard?.title ?? exemption.scorecardId,
    check:
      scorecard?.checks.find(c => c.id === exemption.checkId)?.title ??
      exemption.checkId,
  };
}

/**
 * Reject or revoke in a dialog. A rejection needs a reason (the API refuses
 * one without), so Reject stays disabled until the note says something; a
 * revocation's note is optional.
 */
function NoteDialog(props: {
  mode: 'reject' | 'revoke';
  subject: string;
  isOpen: boolean;
  onOpenChange: (open: boolean) => void;
  onSubmit: (note: string) => Promise<void>;
}) {
  const { mode, subject, isOpen, onOpenChange, onSubmit } = props;
  const [note, setNote] = useState('');
  const decide = useAction(DECIDE);
  const reject = mode === 'reject';
  const missingNote = reject && note.trim().length === 0;

  const submit = () =>
    decide.run(async () => {
      await onSubmit(note.trim());
      setNote('');
      onOpenChange(false);
    });

  return (
    <FormDialog
      isOpen={isOpen}
      onOpenChange={onOpenChange}
      title={reject ? 'Reject the exemption' : 'Revoke the exemption'}
      intro={
        <>
          {subject}.{' '}
          {reject
            ? 'The check keeps counting; the requester sees your note.'
            : 'The exemption ends now and the check counts again.'}
        </>
      }
      submitLabel={reject ? 'Reject' : 'Revoke'}
      destructive
      onSubmit={submit}
      submitting={decide.pending}
      submitDisabled={missingNote}
      error={decide.error}
      errorTitle={reject ? 'Not rejected' : 'Not revoked'}
      width="30rem"
    >
      <TextAreaField
        label={reject ? 'Reason for rejecting' : 'Note'}
        description={
          reject
            ? 'Required. Say why, so the requester knows what to do instead.'
            : undefined
        }
        isRequired={reject}
        rows={3}
        value={note}
        onChange={setNote}
      />
    </FormDialog>
  );
}

function ExemptionItem(props: {
  exemption: ScorecardExemption;
  scorecards: ScorecardInfo[];
  showEntity: boolean;
  onChanged: (exemption: ScorecardExemption) => void;
}) {
  const { exemption, scorecards, showEntity, onChanged } = props;
  // The API says, per exemption, whether this user may decide it (by
  // default the entity's owners, never the requester): no button here ends
  // in a 403.
  const canDecide = exemption.canDecide === true;
  const flywheelApi = useApi(flywheelApiRef);
  const headingId = useId();
  const [dialog, setDialog] = useState<'reject' | 'revoke'>();
  const approval = useAction(DECIDE);
  const approving = approval.pending;
  const { check, scorecard } = checkTitle(scorecards, exemption);
  const status = exemptionStatusLabel(exemption);
  const subject = `${check} (${scorecard}) for ${exemption.entityRef}`;

  const approve = () =>
    approval.run(async () =>
      onChanged(
        await flywheelApi.decideScorecardExemption(exemption.id, {
          decision: 'approved',
        }),
      ),
    );

  const revocable = exemption.status === 'approved' && !exemption.expired;
  const canRevoke = canDecide && revocable;
  const isPending = exemption.status === 'pending';
  // The backend refuses to approve a request whose expiry has passed; it
  // can still be rejected, which takes it out of the queue.
  const canApprove = isPending && !exemption.expired;

  return (
    <li className={styles.item} aria-labelledby={headingId}>
      <div className={styles.header}>
        <Text
          as="h4"
          id={headingId}
          variant="body-medium"
          weight="bold"
          className={styles.title}
        >
          {check}
          {showEntity && <span className={styles.sep}> · </span>}
          {showEntity && (
            <EntityTabLink
              entityRef={exemption.entityRef}
              tab={ENTITY_SCORECARDS_PATH}
              scorecardId={exemption.scorecardId}
            />
          )}
        </Text>
        <Badge
          size="small"
          className={`${styles.status} ${styles[status.toLowerCase()] ?? ''}`}
        >
          {status}
        </Badge>
      </div>
      <Text as="p" variant="body-small" color="secondary">
        {scorecard}
      </Text>
      <blockquote className={styles.justification}>
        <Text variant="body-small">{exemption.justification}</Text>
      </blockquote>
      <dl className={styles.meta}>
        <div>
          <dt>Requested</dt>
          <dd>
            {formatDate(exemption.requestedAt)} by{' '}
            <EntityRefLink entityRef={exemption.requestedBy} hideIcon />
          </dd>
        </div>
        <div>
          <dt>{exemption.expired ? 'Expired' : 'Expires'}</dt>
          <dd>{formatDate(exemption.expiresAt)}</dd>
        </div>
        {exemption.decidedBy && (
          <div>
            <dt>{exemption.status === 'rejected' ? 'Rejected' : 'Approved'}</dt>
            <dd>
              {formatDate(exemption.decidedAt)} by{' '}
              <EntityRefLink entityRef={exemption.decidedBy} hideIcon />
              {exemption.decisionNote ? `: “${exemption.decisionNote}”` : ''}
            </dd>
          </div>
        )}
        {exemption.revokedBy && (
          <div>
            <dt>Revoked</dt>
            <dd>
              {formatDate(exemption.revokedAt)} by{' '}
              <EntityRefLink entityRef={exemption.revokedBy} hideIcon />
              {exemption.revokeNote ? `: “${exemption.revokeNote}”` : ''}
            </dd>
          </div>
        )}
      </dl>
      {canDecide && (isPending || canRevoke) && (
        <Flex gap="2" className={styles.actions}>
          {isPending && (
            <>
              {canApprove && (
                <Button
                  size="small"
                  variant="primary"
                  isPending={approving}
                  onPress={approve}
                  aria-label={`Approve exemption: ${subject}`}
                >
                  Approve
                </Button>
              )}
              <Button
                size="small"
                variant="secondary"
                isDisabled={approving}
                onPress={() => setDialog('reject')}
                aria-label={`Reject exemption: ${subject}`}
              >
                Reject
              </Button>
            </>
          )}
          {canRevoke && (
            <Button
              size="small"
              variant="secondary"
              onPress={() => setDialog('revoke')}
              aria-label={`Revoke exemption: ${subject}`}
            >
              Revoke
            </Button>
          )}
        </Flex>
      )}
      {!canDecide && (isPending || revocable) && (
        <Text
          as="p"
          variant="body-small"
          color="secondary"
          className={styles.actions}
        >
          {exemption.cannotDecideReason ??
            'Only the owners of the entity decide on its exemptions.'}
        </Text>
      )}
      {approval.error && (
        <Alert
          status="danger"
          icon
          title="Not approved"
          description={approval.error}
        />
      )}
      {dialog && (
        <NoteDialog
          mode={dialog}
          subject={subject}
          isOpen
          onOpenChange={open => !open && setDialog(undefined)}
          onSubmit={async note => {
            const updated =
              dialog === 'reject'
                ? await flywheelApi.decideScorecardExemption(exemption.id, {
                    decision: 'rejected',
                    note,
                  })
                : await flywheelApi.revokeScorecardExemption(
                    exemption.id,
                    note ? { note } : {},
                  );
            onChanged(updated);
          }}
        />
      )}
    </li>
  );
}

/**
 * Exemptions with their status, justification and decision. Where the API
 * says the user may decide one, it gets Approve / Reject while pending and
 * Revoke while running; otherwise the reason is shown instead of buttons.
 */
export function ExemptionList(props: {
  exemptions: ScorecardExemption[];
  scorecards: ScorecardInfo[];
  /** Show which entity each exemption is for (team and queue views). */
  showEntity?: boolean;
  onChanged: (exemption: ScorecardExemption) => void;
  'aria-label': string;
  emptyText: string;
}) {
  if (props.exemptions.length === 0) {
    return (
      <Text as="p" variant="body-small" color="secondary">
        {props.emptyText}
      </Text>
    );
  }
  return (
    <ul className={styles.list} aria-label={props['aria-label']}>
      {props.exemptions.map(exemption => (
        <ExemptionItem
          key={exemption.id}
          exemption={exemption}
          scorecards={props.scorecards}
          showEntity={!!props.showEntity}
          onChanged={props.onChanged}
        />
      ))}
    </ul>
  );
}
