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
