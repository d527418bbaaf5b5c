import { FormEvent, ReactNode } from 'react';
import {
  Alert,
  Button,
  Dialog,
  DialogBody,
  DialogFooter,
  DialogHeader,
  Flex,
  Text,
} from '@backstage/ui';
import statusText from '../statusText.module.css';
import styles from './FormDialog.module.css';

/**
 * A dialog around a form: the title, an introduction, the fields, the
 * failure of the last submit as a danger alert below them, and Cancel and
 * the submit button in the footer. While it submits, the submit button shows
 * it is pending, Cancel is disabled and the dialog cannot be dismissed; a
 * second submit (Enter, a second press) is ignored.
 *
 * The form does not validate natively (`noValidate`): its fields validate
 * with `validationBehavior="aria"` and the owner decides in `onSubmit`
 * whether to send.
 */
export function FormDialog(props: {
  isOpen: boolean;
  onOpenChange: (isOpen: boolean) => void;
  title: ReactNode;
  /** A short paragraph under the title: what happens and what is recorded. */
  intro?: ReactNode;
  submitLabel: ReactNode;
  /** Called on submit, by the button or by Enter; the page does not reload. */
  onSubmit: () => void;
  submitting: boolean;
  /** The submit button is disabled, e.g. while a required field is empty. */
  submitDisabled?: boolean;
  /** The submit button is destructive (reject, revoke, archive). */
  destructive?: boolean;
  /** Why the last submit failed; shown under the fields with `errorTitle`. */
  error?: string;
  errorTitle: string;
  /** Further buttons of the footer, before Cancel. */
  actions?: ReactNode;
  /** One of `actions` is running: the dialog waits for it as for a submit. */
  actionPending?: boolean;
  width?: number | string;
  children?: ReactNode;
}) {
  const {
    isOpen,
    onOpenChange,
    title,
    intro,
    submitLabel,
    onSubmit,
    submitting,
    submitDisabled,
    destructive,
    error,
    errorTitle,
    actions,
    actionPending,
    width = '32rem',
    children,
  } = props;
  const busy = submitting || !!actionPending;

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (busy || submitDisabled) {
      return;
    }
    onSubmit();
  };

  return (
    <Dialog
      isOpen={isOpen}
      onOpenChange={onOpenChange}
      isDismissable={!busy}
      width={width}
    >
      <form
        className={`${styles.form} ${statusText.fieldErrors}`}
        onSubmit={submit}
        noValidate
      >
        <DialogHeader>{title}</DialogHeader>
        <DialogBody>
          <Flex direction="column" gap="4">
            {intro && (
              <Text as="p" variant="body-small">
                {intro}
              </Text>
            )}
            {children}
            {error && (
              <Alert
                status="danger"
                icon
                title={errorTitle}
                description={error}
              />
            )}
          </Flex>
        </DialogBody>
        <DialogFooter>
          {actions}
          <Button
            variant="secondary"
            onPress={() => onOpenChange(false)}
            isDisabled={busy}
          >
            Cancel
          </Button>
          <Button
            type="submit"
            variant="primary"
            destructive={destructive}
            isPending={submitting}
            isDisabled={submitDisabled || !!actionPending}
          >
            {submitLabel}
          </Button>
        </DialogFooter>
      </form>
    </Dialog>
  );
}
