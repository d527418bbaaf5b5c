import { createHash } from 'crypto';
import { SurveyTrigger } from '@flywheel/plugin-flywheel-common';
import { DateTime } from 'luxon';
import { isOpen } from './waves';

/** Fatigue control, from `flywheel.surveys`. */
export interface ThrottleSettings {
  /** Days between any two surveys a person answers (default 30). */
  minDaysBetweenSurveys: number;
  /** Days between two surveys with an NPS question (default 90). */
  minDaysBetweenNps: number;
  /** Days a snoozed prompt stays away (default 3). */
  snoozeDays: number;
}

/** What decides whether one person is asked one wave now. */
export interface PromptContext {
  surveyId: string;
  wave: { id: string; opensAt: Date; closesAt: Date };
  triggers: SurveyTrigger[];
  samplingPercent: number;
  asksNps: boolean;
  userRef: string;
  inAudience: boolean;
  answeredThisWave: boolean;
  promptState?: { state: 'snoozed' | 'dismissed'; until?: Date };
  /** The person's answers to any survey since the longest throttle window. */
  recentAnswers: { waveId: string; respondedAt: Date; askedNps: boolean }[];
  /** When each trigger event last fired for the person. */
  triggerEvents: Map<string, Date>;
  /** The page the person is on. */
  path?: string;
  now: Date;
}

/** Why a person is not asked; `undefined` means ask. */
export type NotPromptedReason =
  | 'wave-closed'
  | 'not-in-audience'
  | 'answered'
  | 'dismissed'
  | 'snoozed'
  | 'not-sampled'
  | 'not-triggered'
  | 'throttled';

/**
 * Whether a person falls in a wave's sample. Stable per person and wave, so
 * asking again gives the same answer on every replica.
 */
export function isSampled(
  userRef: string,
  waveId: string,
  samplingPercent: number,
): boolean {
  if (samplingPercent >= 100) {
    return true;
  }
  const digest = createHash('sha256')
    .update(`${userRef.toLocaleLowerCase('en-US')}\n${waveId}`)
    .digest();
  return digest.readUInt32BE(0) % 100 < samplingPercent;
}

/** `/create` matches `/create` and `/create/x`, not `/created`. */
function matchesPrefix(path: string | undefined, prefix: string): boolean {
  if (!path) {
    return false;
  }
  const base = prefix.endsWith('/') ? prefix.slice(0, -1) : prefix;
  return path === base || path.startsWith(`${base}/`) || base === '';
}

function triggered(c: PromptContext): boolean {
  return c.triggers.some(trigger => {
    switch (trigger.type) {
      case 'wave-open':
        return true;
      case 'event': {
        const firedAt = c.triggerEvents.get(trigger.event);
        return Boolean(
          firedAt && firedAt >= c.wave.opensAt && firedAt <= c.now,
        );
      }
      case 'route':
        return matchesPrefix(c.path, trigger.pathPrefix);
      default:
        return false;
    }
  });
}

/**
 * Whether a person answered another survey too recently to be asked this
 * wave (any survey within `minDaysBetweenSurveys`, NPS within
 * `minDaysBetweenNps`).
 */
export function isThrottled(
  c: Pick<PromptContext, 'wave' | 'asksNps' | 'recentAnswers' | 'now'>,
  settings: ThrottleSettings,
): boolean {
  const now = DateTime.fromJSDate(c.now);
  const anySince = now.minus({ days: settings.minDaysBetweenSurveys });
  const npsSince = now.minus({ days: settings.minDaysBetweenNps });
  return c.recentAnswers.some(
    answer =>
      answer.waveId !== c.wave.id &&
      (DateTime.fromJSDate(answer.respondedAt) > anySince ||
        (c.asksNps &&
          answer.askedNps &&
          DateTime.fromJSDate(answer.respondedAt) > npsSince)),
  );
}

/**
 * Decides whether to prompt a person for a wave now: the wave is open, they
 * are in its audience and sample, have not answered, dismissed or snoozed it,
 * one of its triggers fired, and they have not answered another survey too
 * recently (any survey within `minDaysBetweenSurveys`, NPS within
 * `minDaysBetweenNps`).
 */
export function whyNotPrompted(
  c: PromptContext,
  settings: ThrottleSettings,
): NotPromptedReason | undefined {
  if (!isOpen(c.wave, c.now)) {
    return 'wave-closed';
  }
  if (!c.inAudience) {
    return 'not-in-audience';
  }
  if (c.answeredThisWave) {
    return 'answered';
  }
  if (c.promptState?.state === 'dismissed') {
    return 'dismissed';
  }
  if (
    c.promptState?.state === 'snoozed' &&
    c.promptState.until &&
    c.promptState.until > c.now
  ) {
    return 'snoozed';
  }
  if (!isSampled(c.userRef, c.wave.id, c.samplingPercent)) {
    return 'not-sampled';
  }
  if (!triggered(c)) {
    return 'not-triggered';
  }
  if (isThrottled(c, settings)) {
    return 'throttled';
  }
  return undefined;
}
