import { ReactNode } from 'react';
import { act, renderHook, waitFor } from '@testing-library/react';
import { TestApiProvider } from '@backstage/test-utils';
import { SurveyAnswer } from '@flywheel/plugin-flywheel-common';
import { flywheelApiRef } from '../api';
import { responseError } from '../__testUtils__/testData';
import {
  createdResult,
  mockRespondApi,
  npsPrompt,
} from './__testUtils__/respondData';
import {
  draftKey,
  useSubmitWithRetry,
  UseSubmitWithRetryOptions,
} from './useSubmitWithRetry';

const answers: SurveyAnswer[] = [
  { questionId: 'recommend', value: 8, comment: 'Mostly good' },
];

function renderSubmitHook(
  flywheelApi: ReturnType<typeof mockRespondApi>,
  options: Partial<UseSubmitWithRetryOptions> = {},
) {
  const sleep = jest.fn().mockResolvedValue(undefined);
  const wrapper = ({ children }: { children: ReactNode }) => (
    <TestApiProvider apis={[[flywheelApiRef, flywheelApi]]}>
      {children}
    </TestApiProvider>
  );
  const rendered = renderHook(
    () =>
      useSubmitWithRetry({
        surveyId: npsPrompt.surveyId,
        waveId: npsPrompt.waveId,
        sleep,
        ...options,
      }),
    { wrapper },
  );
  return { ...rendered, sleep };
}

describe('useSubmitWithRetry', () => {
  beforeEach(() => window.sessionStorage.clear());

  it('retries a 503 after a second and then succeeds', async () => {
    const unavailable = await responseError(
      503,
      'ServiceUnavailableError',
      'Database is restarting',
    );
    const flywheelApi = mockRespondApi({
      submitSurveyResponse: jest
        .fn()
        .mockRejectedValueOnce(unavailable)
        .mockResolvedValueOnce(createdResult),
    });
    let wake: () => void = () => {};
    const { result, sleep } = renderSubmitHook(flywheelApi);
    sleep.mockImplementation(
      () =>
        new Promise<void>(resolve => {
          wake = resolve;
        }),
    );

    let done: Promise<void> = Promise.resolve();
    act(() => {
      done = result.current.submit(answers);
    });

    await waitFor(() =>
      expect(result.current.status).toEqual({
        state: 'retrying',
        attempt: 2,
        of: 4,
        message: 'Database is restarting',
      }),
    );
    expect(sleep).toHaveBeenCalledWith(1000);
    // The answers are kept while it waits.
    expect(
      JSON.parse(window.sessionStorage.getItem(draftKey('dx-nps', 'wave-3'))!),
    ).toEqual(answers);

    await act(async () => {
      wake();
      await done;
    });

    expect(result.current.status).toEqual({
      state: 'sent',
      result: createdResult,
    });
    expect(flywheelApi.submitSurveyResponse).toHaveBeenCalledTimes(2);
    expect(flywheelApi.submitSurveyResponse).toHaveBeenLastCalledWith(
      'dx-nps',
      { waveId: 'wave-3', answers },
    );
    // Sent: the draft is gone.
    expect(
      window.sessionStorage.getItem(draftKey('dx-nps', 'wave-3')),
    ).toBeNull();
  });

  it('gives up on network errors after 3 retries with growing waits, and retries on demand', async () => {
    const flywheelApi = mockRespondApi({
      submitSurveyResponse: jest
        .fn()
        .mockRejectedValue(new TypeError('Failed to fetch')),
    });
    const { result, sleep } = renderSubmitHook(flywheelApi);

    await act(() => result.current.submit(answers));

    expect(flywheelApi.submitSurveyResponse).toHaveBeenCalledTimes(4);
    expect(sleep.mock.calls).toEqual([[1000], [3000], [6000]]);
    expect(result.current.status).toMatchObject({
      state: 'failed',
      message: 'Failed to fetch',
      retryable: true,
    });

    flywheelApi.submitSurveyResponse.mockResolvedValueOnce(createdResult);
    const status = result.current.status;
    await act(async () => {
      if (status.state === 'failed') {
        await status.retry();
      }
    });

    expect(flywheelApi.submitSurveyResponse).toHaveBeenCalledTimes(5);
    expect(flywheelApi.submitSurveyResponse).toHaveBeenLastCalledWith(
      'dx-nps',
      { waveId: 'wave-3', answers },
    );
    expect(result.current.status).toEqual({
      state: 'sent',
      result: createdResult,
    });
  });

  it("does not retry a 409 and shows the server's message", async () => {
    const closed = await responseError(
      409,
      'ConflictError',
      'This wave closed on Dec 1, 2026',
    );
    const flywheelApi = mockRespondApi({
      submitSurveyResponse: jest.fn().mockRejectedValue(closed),
    });
    const { result, sleep } = renderSubmitHook(flywheelApi);

    await act(() => result.current.submit(answers));

    expect(flywheelApi.submitSurveyResponse).toHaveBeenCalledTimes(1);
    expect(sleep).not.toHaveBeenCalled();
    expect(result.current.status).toMatchObject({
      state: 'failed',
      message: 'This wave closed on Dec 1, 2026',
      retryable: false,
    });
    // Nothing typed is lost.
    expect(
      JSON.parse(window.sessionStorage.getItem(draftKey('dx-nps', 'wave-3'))!),
    ).toEqual(answers);
  });

  it('restores the draft of the same wave after a remount', async () => {
    const flywheelApi = mockRespondApi();
    const first = renderSubmitHook(flywheelApi);
    expect(first.result.current.draft).toBeUndefined();

    act(() => first.result.current.saveDraft(answers));
    first.unmount();

    const second = renderSubmitHook(flywheelApi);
    expect(second.result.current.draft).toEqual(answers);
    // Another wave of the survey starts empty.
    const otherWave = renderSubmitHook(flywheelApi, { waveId: 'wave-4' });
    expect(otherWave.result.current.draft).toBeUndefined();

    // An empty draft is no draft.
    act(() => second.result.current.saveDraft([]));
    expect(
      window.sessionStorage.getItem(draftKey('dx-nps', 'wave-3')),
    ).toBeNull();
  });

  it('keeps no draft for previews', async () => {
    const flywheelApi = mockRespondApi();
    const { result } = renderSubmitHook(flywheelApi, { persistDraft: false });

    act(() => result.current.saveDraft(answers));

    expect(window.sessionStorage.length).toBe(0);
  });
});
