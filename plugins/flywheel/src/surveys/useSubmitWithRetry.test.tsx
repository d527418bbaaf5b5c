import { ReactNode } from 'react';
import { act, renderHook, waitFor } from '@testing-library/react';
import { TestApiProvider } from '@backstage/test-utils';
import { SurveyAnswer } from '@flywheel/plugin-flywheel-common';
import { flywheelApiRef } from '../api';
import { responseError } from '../__testUtils__/testData';
import {
  anonymousPrompt,
  createdResult,
  mockRespondApi,
  npsPrompt,
} from './__testUtils__/respondData';
import { readReceipt, receiptKey, saveReceipt } from './anonymousReceipts';
import {
  ALREADY_RECORDED_MESSAGE,
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
  beforeEach(() => {
    window.sessionStorage.clear();
    window.localStorage.clear();
  });

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

describe('useSubmitWithRetry in anonymous surveys', () => {
  const DAY = 24 * 60 * 60 * 1000;
  const closesAt = new Date(Date.now() + 7 * DAY).toISOString();
  const token = 'k3P0x9Qm7ZrT2vWb8yLc4dNf6hJs1aEg5uIo0pRq_-A';
  const anonymous = {
    surveyId: anonymousPrompt.surveyId,
    waveId: anonymousPrompt.waveId,
    anonymous: true,
    closesAt,
  };
  const created = {
    ...createdResult,
    surveyId: anonymousPrompt.surveyId,
    waveId: anonymousPrompt.waveId,
    editToken: token,
  };
  const updated = {
    ...created,
    status: 'updated' as const,
    submittedAt: '2026-11-21T10:15:00Z',
  };
  const alreadyAnswered = () =>
    responseError(
      409,
      'ConflictError',
      'You have already answered this wave. Anonymous answers can be changed only from the browser they were given in.',
    );

  beforeEach(() => {
    window.sessionStorage.clear();
    window.localStorage.clear();
  });
  afterEach(() => jest.restoreAllMocks());

  it('keeps the receipt of an answer and sends it with the next', async () => {
    const flywheelApi = mockRespondApi({
      submitSurveyResponse: jest
        .fn()
        .mockResolvedValueOnce(created)
        .mockResolvedValueOnce(updated),
    });
    const { result } = renderSubmitHook(flywheelApi, anonymous);
    expect(result.current.receipt).toBeUndefined();
    expect(result.current.canKeepReceipt).toBe(true);

    await act(() => result.current.submit(answers));

    expect(flywheelApi.submitSurveyResponse).toHaveBeenLastCalledWith(
      'dx-anonymous',
      { waveId: 'wave-1', answers },
    );
    const receipt = {
      editToken: token,
      answers,
      answeredAt: created.submittedAt,
      closesAt,
    };
    expect(readReceipt('wave-1')).toEqual(receipt);
    expect(result.current.receipt).toEqual(receipt);

    const changed: SurveyAnswer[] = [{ questionId: 'recommend', value: 10 }];
    await act(() => result.current.submit(changed));

    expect(flywheelApi.submitSurveyResponse).toHaveBeenLastCalledWith(
      'dx-anonymous',
      { waveId: 'wave-1', answers: changed, editToken: token },
    );
    expect(readReceipt('wave-1')).toEqual({
      ...receipt,
      answers: changed,
      answeredAt: updated.submittedAt,
    });

    // After a reload the receipt is still there.
    const again = renderSubmitHook(flywheelApi, anonymous);
    expect(again.result.current.receipt?.answers).toEqual(changed);
  });

  it('sends the same receipt on every attempt', async () => {
    saveReceipt('wave-1', {
      editToken: token,
      answers,
      answeredAt: created.submittedAt,
      closesAt,
    });
    const flywheelApi = mockRespondApi({
      submitSurveyResponse: jest
        .fn()
        .mockRejectedValueOnce(new TypeError('Failed to fetch'))
        .mockResolvedValueOnce(updated),
    });
    const { result } = renderSubmitHook(flywheelApi, anonymous);

    await act(() => result.current.submit(answers));

    expect(flywheelApi.submitSurveyResponse.mock.calls).toEqual([
      ['dx-anonymous', { waveId: 'wave-1', answers, editToken: token }],
      ['dx-anonymous', { waveId: 'wave-1', answers, editToken: token }],
    ]);
    expect(result.current.status).toEqual({ state: 'sent', result: updated });
  });

  it('reports an answer whose reply was lost as recorded, not as failed', async () => {
    const flywheelApi = mockRespondApi({
      submitSurveyResponse: jest
        .fn()
        .mockRejectedValueOnce(
          await responseError(502, 'BadGatewayError', 'Bad gateway'),
        )
        .mockRejectedValueOnce(await alreadyAnswered()),
    });
    const { result } = renderSubmitHook(flywheelApi, anonymous);

    await act(() => result.current.submit(answers));

    expect(flywheelApi.submitSurveyResponse).toHaveBeenCalledTimes(2);
    expect(result.current.status).toEqual({
      state: 'recorded',
      message: ALREADY_RECORDED_MESSAGE,
    });
    expect(ALREADY_RECORDED_MESSAGE).toMatch(
      /can no longer be changed from here/,
    );
    // Nothing to keep: no draft, and no receipt.
    expect(window.sessionStorage.length).toBe(0);
    expect(window.localStorage.getItem(receiptKey('wave-1'))).toBeNull();
    expect(result.current.receipt).toBeUndefined();
  });

  it('also when the reply was lost on every automatic attempt and the user retries', async () => {
    const flywheelApi = mockRespondApi({
      submitSurveyResponse: jest
        .fn()
        .mockRejectedValue(new TypeError('Failed to fetch')),
    });
    const { result } = renderSubmitHook(flywheelApi, anonymous);
    await act(() => result.current.submit(answers));
    expect(result.current.status).toMatchObject({ state: 'failed' });

    flywheelApi.submitSurveyResponse.mockRejectedValueOnce(
      await alreadyAnswered(),
    );
    await act(() => result.current.retry());

    expect(result.current.status).toMatchObject({ state: 'recorded' });
  });

  it('shows a first refusal as it is: that answer was given elsewhere', async () => {
    const flywheelApi = mockRespondApi({
      submitSurveyResponse: jest
        .fn()
        .mockRejectedValue(await alreadyAnswered()),
    });
    const { result } = renderSubmitHook(flywheelApi, anonymous);

    await act(() => result.current.submit(answers));

    expect(result.current.status).toMatchObject({
      state: 'failed',
      retryable: false,
      message: expect.stringMatching(
        /only from the browser they were given in/,
      ),
    });
  });

  it('does not mistake a wave that closed meanwhile for a recorded answer', async () => {
    const flywheelApi = mockRespondApi({
      submitSurveyResponse: jest
        .fn()
        .mockRejectedValueOnce(new TypeError('Failed to fetch'))
        .mockRejectedValueOnce(
          await responseError(
            409,
            'ConflictError',
            "Wave 1 of 'Anonymous developer experience' closed on 2026-12-01; answers are no longer accepted",
          ),
        ),
    });
    const { result } = renderSubmitHook(flywheelApi, anonymous);

    await act(() => result.current.submit(answers));

    expect(result.current.status).toMatchObject({
      state: 'failed',
      message: expect.stringMatching(/closed on 2026-12-01/),
    });
  });

  it('submits when storage fails, holding the receipt for this page', async () => {
    const quota = () => {
      throw new DOMException(
        'The quota has been exceeded.',
        'QuotaExceededError',
      );
    };
    jest.spyOn(Storage.prototype, 'setItem').mockImplementation(quota);
    jest.spyOn(Storage.prototype, 'getItem').mockImplementation(quota);
    const flywheelApi = mockRespondApi({
      submitSurveyResponse: jest
        .fn()
        .mockResolvedValueOnce(created)
        .mockResolvedValueOnce(updated),
    });
    const { result } = renderSubmitHook(flywheelApi, anonymous);
    expect(result.current.canKeepReceipt).toBe(false);

    await act(() => result.current.submit(answers));

    expect(result.current.status).toEqual({ state: 'sent', result: created });
    expect(result.current.receipt?.editToken).toBe(token);

    await act(() => result.current.submit(answers));

    expect(flywheelApi.submitSurveyResponse).toHaveBeenLastCalledWith(
      'dx-anonymous',
      { waveId: 'wave-1', answers, editToken: token },
    );
    expect(result.current.status).toEqual({ state: 'sent', result: updated });
  });

  it('keeps no receipts for identified surveys', async () => {
    const flywheelApi = mockRespondApi({
      submitSurveyResponse: jest
        .fn()
        .mockResolvedValue({ ...createdResult, editToken: token }),
    });
    const { result } = renderSubmitHook(flywheelApi);

    await act(() => result.current.submit(answers));

    expect(result.current.receipt).toBeUndefined();
    expect(window.localStorage.length).toBe(0);
  });
});
