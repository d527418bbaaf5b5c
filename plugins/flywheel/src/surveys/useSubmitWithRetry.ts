import { useCallback, useEffect, useRef, useState } from 'react';
import { useApi } from '@backstage/core-plugin-api';
import { ResponseError } from '@backstage/errors';
import {
  SubmitSurveyResponseRequest,
  SubmitSurveyResponseResult,
  SurveyAnswer,
} from '@flywheel/plugin-flywheel-common';
import { flywheelApiRef } from '../api';
import { serverMessage } from '../shared/errors';
import {
  AnonymousReceipt,
  canKeepReceipts,
  readReceipt,
  saveReceipt,
} from './anonymousReceipts';

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
      /**
       * Anonymous surveys: an earlier attempt got through but its reply,
       * and the receipt in it, was lost. The answer counts; it can no
       * longer be changed from this browser.
       */
      state: 'recorded';
      message: string;
    }
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
  /**
   * An anonymous survey (not a preview): send this browser's receipt for
   * the wave, if it has one, and keep the one that comes back.
   */
  anonymous?: boolean;
  /** When the wave closes: receipts are kept until then. */
  closesAt?: string;
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
  /**
   * Anonymous surveys: this browser's receipt for its answer to the wave,
   * kept from an earlier visit or from the last submission.
   */
  receipt: AnonymousReceipt | undefined;
  /**
   * Anonymous surveys: whether this browser can keep receipts (storage is
   * neither disabled nor full), i.e. answers can be changed after a reload.
   */
  canKeepReceipt: boolean;
}

/** What the user is told when their answer turns out to be in already. */
export const ALREADY_RECORDED_TITLE = 'Your answer was already recorded';
export const ALREADY_RECORDED_MESSAGE =
  "An earlier attempt got through, but the server's reply was lost on the way back, and with it the receipt this browser needs to change an anonymous answer. Your answer counts, but it can no longer be changed from here.";

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
 * The server's refusal of a second anonymous answer without a receipt. A
 * closed wave is a 409 too, so the message tells them apart.
 */
function isAlreadyAnswered(error: Error): boolean {
  return (
    error.name === 'ResponseError' &&
    (error as ResponseError).statusCode === 409 &&
    /already answered/i.test(serverMessage(error))
  );
}

/**
 * Submits a survey response: retries network errors and 5xx with backoff,
 * does not retry 4xx and shows the server's message, and keeps the answers
 * as a draft in sessionStorage (per wave) until they are saved, so nothing
 * typed is lost to a failure, a reload or leaving the page.
 *
 * For anonymous surveys it sends this browser's receipt for the wave (the
 * same one on every attempt of a submission) and keeps the one that comes
 * back, with the answers, in localStorage until the wave closes. When a
 * first answer without a receipt got through but its reply was lost, the
 * next attempt is refused as a second answer: that is reported as
 * `recorded`, not as a failure.
 */
export function useSubmitWithRetry(
  options: UseSubmitWithRetryOptions,
): UseSubmitWithRetryResult {
  const {
    surveyId,
    waveId,
    persistDraft = true,
    anonymous = false,
    closesAt,
  } = options;
  const flywheelApi = useApi(flywheelApiRef);
  const key = draftKey(surveyId, waveId);
  const [draft] = useState(() => (persistDraft ? readDraft(key) : undefined));
  const [status, setStatus] = useState<SubmitStatus>({ state: 'idle' });
  const lastAnswers = useRef<SurveyAnswer[]>();
  const [receipt, setReceipt] = useState(() =>
    anonymous ? readReceipt(waveId) : undefined,
  );
  const [canKeepReceipt] = useState(() => anonymous && canKeepReceipts());
  // The last receipt, also when storage could not keep it.
  const heldReceipt = useRef(receipt);
  // An attempt without a receipt failed in a way that may have hidden its
  // success (network error, 5xx): a 409 "already answered" then means it
  // did get through.
  const mayHaveLanded = useRef(false);
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
      // Looked up once: every attempt of this submission sends the same.
      const editToken = anonymous
        ? readReceipt(waveId)?.editToken ?? heldReceipt.current?.editToken
        : undefined;
      const request: SubmitSurveyResponseRequest = editToken
        ? { waveId, answers, editToken }
        : { waveId, answers };
      update({ state: 'sending' });
      for (let attempt = 1; ; attempt++) {
        try {
          const result = await flywheelApi.submitSurveyResponse(
            surveyId,
            request,
          );
          mayHaveLanded.current = false;
          if (persistDraft) {
            writeDraft(key, undefined);
          }
          const token = anonymous ? result.editToken ?? editToken : undefined;
          if (token) {
            const kept: AnonymousReceipt = {
              editToken: token,
              answers,
              answeredAt: result.submittedAt || new Date().toISOString(),
              closesAt: closesAt ?? '',
            };
            heldReceipt.current = kept;
            saveReceipt(waveId, kept);
            if (mounted.current) {
              setReceipt(kept);
            }
          }
          update({ state: 'sent', result });
          return;
        } catch (e) {
          const error = e as Error;
          if (
            anonymous &&
            !editToken &&
            mayHaveLanded.current &&
            isAlreadyAnswered(error)
          ) {
            mayHaveLanded.current = false;
            if (persistDraft) {
              writeDraft(key, undefined);
            }
            update({ state: 'recorded', message: ALREADY_RECORDED_MESSAGE });
            return;
          }
          const message = serverMessage(error);
          const retryable = isRetryable(error);
          if (anonymous && !editToken && retryable) {
            mayHaveLanded.current = true;
          }
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
    [
      flywheelApi,
      surveyId,
      waveId,
      key,
      persistDraft,
      saveDraft,
      anonymous,
      closesAt,
    ],
  );

  const retry = useCallback(async () => {
    if (lastAnswers.current) {
      await send(lastAnswers.current);
    }
  }, [send]);

  return {
    status,
    submit: send,
    retry,
    draft,
    saveDraft,
    receipt,
    canKeepReceipt,
  };
}
