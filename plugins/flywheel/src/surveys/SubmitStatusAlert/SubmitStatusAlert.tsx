import { Alert, Button } from '@backstage/ui';
import { SubmitStatus } from '../useSubmitWithRetry';

/**
 * What went wrong while sending survey answers: a retry under way, or the
 * failure with the server's message and a Retry button. Nothing otherwise.
 */
export function SubmitStatusAlert(props: { status: SubmitStatus }) {
  const { status } = props;
  if (status.state === 'retrying') {
    return (
      <Alert
        status="warning"
        isPending
        title={`Sending again (attempt ${status.attempt} of ${status.of})…`}
        description={`The last attempt failed: ${status.message}`}
      />
    );
  }
  if (status.state === 'failed') {
    return (
      <Alert
        status="danger"
        icon
        role="alert"
        title="Your answers were not sent"
        description={`${status.message} Your answers are kept here.`}
        customActions={
          <Button
            size="small"
            variant="secondary"
            onPress={() => {
              status.retry();
            }}
          >
            Retry
          </Button>
        }
      />
    );
  }
  return null;
}
