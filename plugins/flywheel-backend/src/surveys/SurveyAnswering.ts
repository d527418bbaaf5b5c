import { createHash, randomBytes } from 'crypto';
import { BackstageCredentials } from '@backstage/backend-plugin-api';
import {
  ConflictError,
  NotAllowedError,
  NotFoundError,
} from '@backstage/errors';
import {
  flywheelSurveysManagePermission,
  SubmitSurveyResponseRequest,
  SubmitSurveyResponseResult,
  SurveyPrompt,
  SurveyPromptActionRequest,
} from '@flywheel/plugin-flywheel-common';
import { DateTime } from 'luxon';
import { parseRefOfKind } from '../catalog/entityRefs';
import { checkAnswers } from './definitions/answers';
import { asksNps } from './definitions/definition';
import { whyNotPrompted } from './waves/eligibility';
import {
  StaleSurveyError,
  StoredSurvey,
  StoredWave,
} from './store/SurveyStore';
import { WaveCache } from './waves/waveCache';
import { throttleHorizon } from './waves/waveInvitations';
import { isOpen, latestWaveWindow } from './waves/waves';
import {
  CLOSED_WAVE_CACHE_SIZE,
  noSuchSurvey,
  SurveyContext,
} from './SurveyContext';

const SUBMIT_TARGET_TTL_MS = 5_000;

const sha256 = (value: string) =>
  createHash('sha256').update(value).digest('hex');

/**
 * Who is asked what, and taking their answers: prompts, the form, preview,
 * submissions, snooze and dismiss, and trigger events.
 */
export class SurveyAnswering {
  /**
   * What submissions are checked against, for a few seconds: the store
   * refuses answers checked against a survey that has changed since
   * (StaleSurveyError), and the submission is then checked again afresh.
   */
  private readonly submitTargets = new WaveCache<{
    survey?: StoredSurvey;
    wave?: StoredWave;
  }>({ openTtlMs: SUBMIT_TARGET_TTL_MS, maxEntries: CLOSED_WAVE_CACHE_SIZE });

  constructor(private readonly ctx: SurveyContext) {}

  private async openWave(
    survey: StoredSurvey,
  ): Promise<StoredWave | undefined> {
    const now = this.ctx.now();
    return (await this.ctx.deps.store.listWaves(survey.id)).find(w =>
      isOpen(w, now),
    );
  }

  private toPrompt(
    survey: StoredSurvey,
    wave: StoredWave,
    previous?: SurveyPrompt['previousAnswers'],
  ): SurveyPrompt {
    return {
      surveyId: survey.id,
      waveId: wave.id,
      title: survey.definition.title,
      description: survey.definition.description,
      anonymous: survey.definition.anonymous,
      questions: wave.questions,
      closesAt: wave.closesAt.toISOString(),
      previousAnswers: previous,
    };
  }

  /** What to ask the person now, after audience, sampling, triggers and throttling. */
  async prompts(userRef: string, path?: string): Promise<SurveyPrompt[]> {
    const { store, settings } = this.ctx.deps;
    const now = this.ctx.now();
    const surveys = await store.listSurveys();
    const wavesBySurvey = await store.listWavesOfSurveys(
      surveys.map(s => s.id),
    );
    const open = surveys.flatMap(survey => {
      const wave = (wavesBySurvey.get(survey.id) ?? []).find(w =>
        isOpen(w, now),
      );
      return wave ? [{ survey, wave }] : [];
    });
    if (open.length === 0) {
      return [];
    }
    const waveIds = open.map(o => o.wave.id);
    const since = throttleHorizon(now, settings.throttle);
    const [directory, answered, states, recent, events] = await Promise.all([
      this.ctx.directory(),
      store.participatedWaves(userRef, waveIds),
      store.promptStates(userRef, waveIds),
      store.participationSince(userRef, since),
      store.triggerEvents(userRef),
    ]);
    const prompts: SurveyPrompt[] = [];
    for (const { survey, wave } of open) {
      const reason = whyNotPrompted(
        {
          surveyId: survey.id,
          wave,
          triggers: survey.definition.triggers,
          samplingPercent: survey.definition.samplingPercent,
          asksNps: asksNps(wave.questions),
          userRef,
          inAudience: directory
            .members(survey.definition.audience)
            .has(userRef.toLocaleLowerCase('en-US')),
          answeredThisWave: answered.has(wave.id),
          promptState: states.get(wave.id),
          recentAnswers: recent,
          triggerEvents: events,
          path,
          now,
        },
        settings.throttle,
      );
      if (!reason) {
        prompts.push(this.toPrompt(survey, wave));
      }
    }
    return prompts;
  }

  private async audienceCheck(survey: StoredSurvey, userRef: string) {
    const directory = await this.ctx.directory();
    if (
      !directory
        .members(survey.definition.audience)
        .has(userRef.toLocaleLowerCase('en-US'))
    ) {
      throw new NotAllowedError(
        `You are not in the audience of survey '${survey.id}'`,
      );
    }
    return directory;
  }

  /** The open wave as a form for someone in the audience (throttling does not apply). */
  async form(id: string, userRef: string): Promise<SurveyPrompt> {
    const survey = await this.ctx.surveyOrThrow(id);
    const wave = await this.openWave(survey);
    if (!wave || survey.status !== 'active') {
      throw new NotFoundError(`Survey '${id}' has no open wave right now`);
    }
    await this.audienceCheck(survey, userRef);
    const previous = survey.definition.anonymous
      ? undefined
      : await this.ctx.deps.store.getResponse(wave.id, userRef);
    return {
      ...this.toPrompt(survey, wave, previous?.answers),
      answeredAt: previous
        ? previous.updatedAt?.toISOString() ?? previous.submittedOn
        : undefined,
    };
  }

  /** The survey as its audience sees it, for its author. */
  async preview(
    id: string,
    credentials: BackstageCredentials,
  ): Promise<SurveyPrompt> {
    await this.ctx.require(credentials, flywheelSurveysManagePermission);
    const survey = await this.ctx.surveyOrThrow(id);
    const now = this.ctx.now();
    const wave = await this.openWave(survey);
    const window = latestWaveWindow(survey.definition.schedule, now);
    return {
      surveyId: survey.id,
      waveId: wave?.id ?? 'preview',
      title: survey.definition.title,
      description: survey.definition.description,
      anonymous: survey.definition.anonymous,
      questions: survey.definition.questions,
      closesAt: (wave?.closesAt ?? window?.closesAt ?? now).toISOString(),
      preview: true,
    };
  }

  async submit(
    id: string,
    userRef: string,
    request: SubmitSurveyResponseRequest,
  ): Promise<SubmitSurveyResponseResult> {
    try {
      return await this.submitTo(id, userRef, request, false);
    } catch (error) {
      if (!(error instanceof StaleSurveyError)) {
        throw error;
      }
      return this.submitTo(id, userRef, request, true);
    }
  }

  private async submitTarget(id: string, waveId: string, fresh: boolean) {
    const key = `${id}\n${waveId}`;
    if (fresh) {
      this.submitTargets.delete(key);
    }
    const target = await this.submitTargets.get(key, false, () =>
      this.ctx.deps.store.getSurveyWave(id, waveId),
    );
    if (!target.wave) {
      // Not kept: the survey or wave may be created any moment.
      this.submitTargets.delete(key);
    }
    return target;
  }

  private async submitTo(
    id: string,
    userRef: string,
    request: SubmitSurveyResponseRequest,
    fresh: boolean,
  ): Promise<SubmitSurveyResponseResult> {
    const { store } = this.ctx.deps;
    const { survey, wave } = await this.submitTarget(id, request.waveId, fresh);
    if (!survey) {
      throw noSuchSurvey(id);
    }
    if (!wave) {
      throw new NotFoundError(`Survey '${id}' has no wave '${request.waveId}'`);
    }
    const now = this.ctx.now();
    if (survey.status !== 'active' || !isOpen(wave, now)) {
      throw new ConflictError(
        now < wave.opensAt
          ? `Wave ${wave.number} of '${
              survey.definition.title
            }' opens on ${wave.opensAt.toISOString().slice(0, 10)}`
          : `Wave ${wave.number} of '${
              survey.definition.title
            }' closed on ${wave.closesAt
              .toISOString()
              .slice(0, 10)}; answers are no longer accepted`,
      );
    }
    const checked = checkAnswers(wave.questions, request.answers);
    const directory = await this.audienceCheck(survey, userRef);
    const { anonymous } = survey.definition;
    const issued = anonymous
      ? randomBytes(32).toString('base64url')
      : undefined;
    const status = await store.submitResponse({
      surveyId: id,
      waveId: wave.id,
      anonymous,
      asksNps: asksNps(wave.questions),
      userRef,
      groupRef: directory.primaryGroup(userRef),
      answers: checked.answers,
      scored: checked.scored,
      comments: checked.comments,
      now,
      receipt: issued
        ? {
            issued: sha256(issued),
            presented: request.editToken
              ? sha256(request.editToken)
              : undefined,
          }
        : undefined,
      checkedAgainst: {
        definition: survey.definition,
        questions: wave.questions,
      },
    });
    return {
      surveyId: id,
      waveId: wave.id,
      status,
      submittedAt: now.toISOString(),
      editToken: status === 'created' ? issued : request.editToken,
    };
  }

  async promptAction(
    id: string,
    userRef: string,
    request: SurveyPromptActionRequest,
  ): Promise<void> {
    const wave = await this.ctx.deps.store.getWave(request.waveId);
    if (!wave || wave.surveyId !== id) {
      throw new NotFoundError(`Survey '${id}' has no wave '${request.waveId}'`);
    }
    const until =
      request.action === 'snooze'
        ? DateTime.fromJSDate(this.ctx.now())
            .plus({ days: this.ctx.deps.settings.throttle.snoozeDays })
            .toJSDate()
        : undefined;
    await this.ctx.deps.store.setPromptState(
      userRef,
      wave.id,
      request.action === 'snooze' ? 'snoozed' : 'dismissed',
      until,
    );
  }

  async fire(event: {
    event: string;
    userRef: string;
    context?: Record<string, unknown>;
  }): Promise<void> {
    // Erasure and retention find a person's trigger events by their ref.
    const userRef = parseRefOfKind(event.userRef, 'user', 'userRef');
    await this.ctx.deps.store.recordTriggerEvent(
      userRef.toLocaleLowerCase('en-US'),
      event.event,
      this.ctx.now(),
      event.context,
    );
  }
}
