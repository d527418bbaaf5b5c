import { useState } from 'react';
import { useApi } from '@backstage/core-plugin-api';
import { Campaign } from '@flywheel/plugin-flywheel-common';
import { TextAreaField } from '@backstage/ui';
import { flywheelApiRef } from '../../api';
import { FormDialog } from '../../shared/FormDialog';
import { useAction } from '../../shared/useAction';
import { CAMPAIGNS_MANAGE } from '../permissions';

const NOTE_MAX = 2000;

/**
 * The dialog that closes (archives) a campaign, with an optional note on
 * why: its progress is no longer updated and its history stays readable.
 */
export function CloseCampaignDialog(props: {
  isOpen: boolean;
  onOpenChange: (isOpen: boolean) => void;
  campaign: Campaign;
  onClosed: (campaign: Campaign) => void;
}) {
  const { isOpen, onOpenChange, campaign, onClosed } = props;
  const flywheelApi = useApi(flywheelApiRef);
  const [note, setNote] = useState('');
  const close = useAction(CAMPAIGNS_MANAGE);
  const noteError =
    note.trim().length > NOTE_MAX
      ? `Keep the note under ${NOTE_MAX} characters.`
      : undefined;

  const submit = () => {
    if (noteError) {
      return;
    }
    close.run(async () => {
      const closed = await flywheelApi.closeCampaign(
        campaign.id,
        note.trim() || undefined,
      );
      onClosed(closed);
      onOpenChange(false);
    });
  };

  return (
    <FormDialog
      isOpen={isOpen}
      onOpenChange={onOpenChange}
      title={`Close ${campaign.title}`}
      intro="A closed campaign is archived: its counts and to-do items stop changing, and its page keeps its history. Your name, the time and the note are recorded. It cannot be reopened."
      submitLabel="Close campaign"
      destructive
      onSubmit={submit}
      submitting={close.pending}
      error={close.error}
      errorTitle="The campaign was not closed"
    >
      <TextAreaField
        label="Note"
        description="Optional: why it closes, e.g. done, superseded, abandoned."
        rows={3}
        value={note}
        onChange={setNote}
        validationBehavior="aria"
        validate={() => noteError}
      />
    </FormDialog>
  );
}
