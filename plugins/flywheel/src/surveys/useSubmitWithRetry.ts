import { useCallback, useEffect, useRef, useState } from 'react';
import { useApi } from '@backstage/core-plugin-api';
import { ResponseError } from '@backstage/errors';
import {
  SubmitSurveyResponseResult,
  SurveyAnswer,
} from '@flywheel/plugin-flywheel-common';
import { flywheelApiRef } from '../api';
import { serverMessage } from '../shared/errors';

/** Waits before the 1st, 2nd and 3rd retry. */
export const DEFAULT_RETRY_DELAYS_MS = [1_000, 3_000, 6_000];

/** Where a survey response is on its way to the backend. */
export type SubmitStatus =
  | { state: 'idle' }
  | { state: 'sending' }
  | {
      /** Attempt `attempt` of `of` is waiting or under way. */
      state: 'retrying';
      attempt: number;
      of: number;
      /** Why the last attempt failed. */
      message: string;
    }
  | { state: 'sent'; result: SubmitSurveyResponseResult }
  | {
      state: 'failed';
      message: string;
      /** False when the server refused the answers (4xx): sending again will not help. */
      retryable: boolean;
      /** Sends the same answers again. */
      retry: () => Promise<void>;
    };

export interface UseSubmitWithRetryOptions {
  surveyId: string;
  waveId: string;
  /** How long to wait before each retry; its length is how many retries. */
  retryDelaysMs?: number[];
  /** How to wait; tests pass one that does not. */
  sleep?: (ms: number) => Promise<void>;
  /** Keep the draft in sessionStorage (default true; off for previews). */
  persistDraft?: boolean;
}

export interface UseSubmitWithRetryResult {
  status: SubmitStatus;
  /** Sends the answers, retrying network errors and 5xx. */
  submit: (answers: SurveyAnswer[]) => Promise<void>;
  /** Sends the last answers again. */
  retry: () => Promise<void>;
  /** The answers saved before a remount, if any, to start the form from. */
  draft: SurveyAnswer[] | undefined;
  /** Saves what the user has answered so far, until it is sent. */
  saveDraft: (answers: SurveyAnswer[]) => void;
}

const defaultSleep = (ms: number) =>
  new Promise<void>(resolve => setTimeout(resolve, ms));

/** The sessionStorage key of a wave's draft. */
export function draftKey(surveyId: string, waveId: string): string {
  return `flywheel.surveys.draft.${surveyId}.${waveId}`;
}

function readDraft(key: string): SurveyAnswer[] | undefined {
  try {
    const stored = window.sessionStorage.getItem(key);
    const parsed = stored ? JSON.parse(stored) : undefined;
    return Array.isArray(parsed) ? parsed : undefined;
  } catch {
    return undefined;
  }
}

function writeDraft(key: string, answers: SurveyAnswer[] | undefined) {
  try {
    if (answers && answers.length > 0) {
      window.sessionStorage.setItem(key, JSON.stringify(answers));
    } else {
      window.sessionStorage.removeItem(key);
    }
  } catch {
    // Storage can be full or disabled; the answers stay in the form.
  }
}

/** 5xx and network failures may pass on a second try; 4xx will not. */
function isRetryable(error: Error): boolean {
  if (error.name === 'ResponseError') {
    const status = (error as ResponseError).statusCode;
    return status >= 500;
  }
  return true;
}

/**
 * Submits a survey response: retries network errors and 5xx with backoff,
 * does not retry 4xx and shows the server's message, and keeps the answers
 * as a draft in sessionStorage (per wave) until they are saved, so nothing
 * typed is lost to a failure, a reload or leaving the page.
 */
export function useSubmitWithRetry(
  options: UseSubmitWithRetryOptions,
): UseSubmitWithRetryResult {
  const { surveyId, waveId, persistDraft = true } = options;
  const flywheelApi = useApi(flywheelApiRef);
  const key = draftKey(surveyId, waveId);
  const [draft] = useState(() => (persistDraft ? readDraft(key) : undefined));
  const [status, setStatus] = useState<SubmitStatus>({ state: 'idle' });
  const lastAnswers = useRef<SurveyAnswer[]>();
  const delays = options.retryDelaysMs ?? DEFAULT_RETRY_DELAYS_MS;
  const sleep = options.sleep ?? defaultSleep;
  const settings = useRef({ delays, sleep });
  settings.current = { delays, sleep };
  const mounted = useRef(true);
  useEffect(() => {
    mounted.current = true;
    return () => {
      mounted.current = false;
    };
  }, []);

  const saveDraft = useCallback(
    (answers: SurveyAnswer[]) => {
      if (persistDraft) {
        writeDraft(key, answers);
      }
    },
    [key, persistDraft],
  );

  const send = useCallback(
    async (answers: SurveyAnswer[]): Promise<void> => {
      const update = (next: SubmitStatus) => {
        if (mounted.current) {
          setStatus(next);
        }
      };
      lastAnswers.current = answers;
      saveDraft(answers);
      const retry = () => send(answers);
      const attempts = settings.current.delays.length + 1;
      update({ state: 'sending' });
      for (let attempt = 1; ; attempt++) {
        try {
          const result = await flywheelApi.submitSurveyResponse(surveyId, {
            waveId,
            answers,
          });
          if (persistDraft) {
            writeDraft(key, undefined);
          }
          update({ state: 'sent', result });
          return;
        } catch (e) {
          const error = e as Error;
          const message = serverMessage(error);
          const retryable = isRetryable(error);
          if (!retryable || attempt >= attempts) {
            update({ state: 'failed', message, retryable, retry });
            return;
          }
          update({
            state: 'retrying',
            attempt: attempt + 1,
            of: attempts,
            message,
          });
          await settings.current.sleep(settings.current.delays[attempt - 1]);
        }
      }
    },
    [flywheelApi, surveyId, waveId, key, persistDraft, saveDraft],
  );

  const retry = useCallback(async () => {
    if (lastAnswers.current) {
      await send(lastAnswers.current);
    }
  }, [send]);

  return { status, submit: send, retry, draft, saveDraft };
}
