import { ResponseError } from '@backstage/errors';
import { serverMessage } from './errors';

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
