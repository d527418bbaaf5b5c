import { ResponseError } from '@backstage/errors';
import { entityRouteRef } from '@backstage/plugin-catalog-react';
import { within } from '@testing-library/react';

/** Routes EntityRefLink needs to build catalog links. */
export const catalogRoutes = {
  '/catalog/:namespace/:kind/:name': entityRouteRef,
};

const STATUS_TEXT: Record<number, string> = {
  400: 'Bad Request',
  403: 'Forbidden',
  404: 'Not Found',
  409: 'Conflict',
};

/** The error FlywheelClient throws for a backend error response. */
export function responseError(
  status: number,
  name: string,
  message: string,
): Promise<ResponseError> {
  return ResponseError.fromResponse(
    new Response(
      JSON.stringify({
        error: { name, message },
        request: { method: 'GET', url: '/api/flywheel/golden-paths' },
        response: { statusCode: status },
      }),
      {
        status,
        statusText: STATUS_TEXT[status] ?? 'Internal Server Error',
        headers: { 'content-type': 'application/json' },
      },
    ),
  );
}

/** The value shown next to a label in a StatList, e.g. "42.9%". */
export function statValue(container: HTMLElement, label: string): string {
  const term = within(container).getByText(label).closest('dt');
  const value = term?.nextElementSibling?.firstElementChild?.textContent;
  if (value === undefined || value === null) {
    throw new Error(`No stat labelled '${label}'`);
  }
  return value;
}
