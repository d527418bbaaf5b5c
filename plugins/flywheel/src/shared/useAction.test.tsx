import { act, renderHook } from '@testing-library/react';
import { responseError } from '../__testUtils__/testData';
import { useAction } from './useAction';

const MANAGE = {
  doing: 'manage surveys',
  permission: 'flywheel.surveys.manage',
};

describe('useAction', () => {
  it('is pending while the call runs and says it succeeded', async () => {
    const { result } = renderHook(() => useAction(MANAGE));
    let finish: () => void = () => {};
    let done: Promise<boolean> = Promise.resolve(false);

    act(() => {
      done = result.current.run(
        () =>
          new Promise<void>(resolve => {
            finish = resolve;
          }),
      );
    });
    expect(result.current.pending).toBe(true);
    await act(async () => {
      finish();
      expect(await done).toBe(true);
    });

    expect(result.current.pending).toBe(false);
    expect(result.current.error).toBeUndefined();
  });

  it('names the missing permission of a refused call, and clears it on the next run', async () => {
    const { result } = renderHook(() => useAction(MANAGE));

    await act(async () => {
      expect(
        await result.current.run(async () => {
          throw await responseError(403, 'NotAllowedError', 'Unauthorized');
        }),
      ).toBe(false);
    });
    expect(result.current.error).toBe(
      'You are not allowed to manage surveys: it needs the permission flywheel.surveys.manage. Ask your Backstage administrator to grant it.',
    );
    expect(result.current.pending).toBe(false);

    await act(async () => {
      await result.current.run(async () => {});
    });
    expect(result.current.error).toBeUndefined();
  });

  it("shows the server's own message of another failure", async () => {
    const { result } = renderHook(() => useAction(MANAGE));

    await act(async () => {
      await result.current.run(async () => {
        throw await responseError(500, 'Error', 'The database is away');
      });
    });
    expect(result.current.error).toBe('The database is away');
  });
});
