import { ResponseError } from '@backstage/errors';
import { actionErrorMessage, serverMessage } from './errors';

describe('serverMessage', () => {
  it("prefers the server's explanation of a failed request", async () => {
    const error = await ResponseError.fromResponse(
      new Response(
        JSON.stringify({
          error: {
            name: 'InputError',
            message: 'groupRef must refer to a group',
          },
          response: { statusCode: 400 },
        }),
        { status: 400, headers: { 'content-type': 'application/json' } },
      ),
    );

    expect(error.message).not.toContain('groupRef');
    expect(serverMessage(error)).toBe('groupRef must refer to a group');
  });

  it('uses the message of any other error', () => {
    expect(serverMessage(new Error('offline'))).toBe('offline');
  });
});

describe('actionErrorMessage', () => {
  const refresh = {
    doing: 'refresh scorecards',
    permission: 'flywheel.scorecards.refresh',
  };

  it('names the missing permission for a 403', async () => {
    const error = await ResponseError.fromResponse(
      new Response(
        JSON.stringify({
          error: { name: 'NotAllowedError', message: 'Unauthorized' },
          response: { statusCode: 403 },
        }),
        { status: 403, headers: { 'content-type': 'application/json' } },
      ),
    );

    expect(actionErrorMessage(error, refresh)).toBe(
      'You are not allowed to refresh scorecards: it needs the permission flywheel.scorecards.refresh. Ask your Backstage administrator to grant it.',
    );
  });

  it("passes on the server's explanation of anything else", async () => {
    const error = await ResponseError.fromResponse(
      new Response(
        JSON.stringify({
          error: {
            name: 'InputError',
            message: 'expiresAt must be within 366 days',
          },
          response: { statusCode: 400 },
        }),
        { status: 400, headers: { 'content-type': 'application/json' } },
      ),
    );

    expect(actionErrorMessage(error, refresh)).toBe(
      'expiresAt must be within 366 days',
    );
  });
});
