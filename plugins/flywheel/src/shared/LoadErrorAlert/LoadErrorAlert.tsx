import { Alert, Button } from '@backstage/ui';
import { actionErrorMessage, isForbidden, serverMessage } from '../errors';

/**
 * A failed load, with what a person can do about it: the server's own
 * message and "Try again", or, when the permission framework refused
 * (403), which permission is missing and whom to ask. Trying again would
 * not help then, so it is not offered.
 */
export function LoadErrorAlert(props: {
  title: string;
  error: Error;
  onRetry?: () => void;
  /** What the load needs, to name it when it is refused. */
  permission?: { doing: string; permission: string };
}) {
  const { title, error, onRetry, permission } = props;
  const forbidden = isForbidden(error);
  return (
    <Alert
      status="danger"
      icon
      title={title}
      description={
        permission
          ? actionErrorMessage(error, permission)
          : serverMessage(error)
      }
      customActions={
        onRetry && !forbidden ? (
          <Button size="small" variant="secondary" onPress={onRetry}>
            Try again
          </Button>
        ) : undefined
      }
    />
  );
}
