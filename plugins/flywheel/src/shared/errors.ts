import { ResponseError } from '@backstage/errors';

/**
 * The message worth showing a user: for a failed backend call that is the
 * server's own explanation (e.g. "No group group:default/x in the catalog"),
 * not the generic "Request failed with 404".
 */
export function serverMessage(error: Error): string {
  if (error.name === 'ResponseError') {
    const cause = (error as ResponseError).cause;
    if (cause?.message) {
      return cause.message;
    }
  }
  return error.message;
}

/** Whether the permission framework refused the call (403). */
export function isForbidden(error: Error): boolean {
  return (
    error.name === 'ResponseError' &&
    (error as Partial<ResponseError>).statusCode === 403
  );
}

/**
 * The message for a failed write: for a refusal by the permission framework
 * (403) it says which permission is missing and whom to ask, since the
 * server's "Unauthorized" does not help anyone; otherwise `serverMessage`.
 */
export function actionErrorMessage(
  error: Error,
  action: { doing: string; permission: string },
): string {
  if (isForbidden(error)) {
    return `You are not allowed to ${action.doing}: it needs the permission ${action.permission}. Ask your Backstage administrator to grant it.`;
  }
  return serverMessage(error);
}
