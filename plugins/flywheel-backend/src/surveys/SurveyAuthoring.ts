import { randomBytes } from 'crypto';
import { BackstageCredentials } from '@backstage/backend-plugin-api';
import { ConflictError, InputError } from '@backstage/errors';
import {
  flywheelSurveysManagePermission,
  Survey,
  SurveyWave,
} from '@flywheel/plugin-flywheel-common';
import { asksNps, parseSurveyDefinition } from './definitions/definition';
import { StoredSurvey, StoredWave } from './store/SurveyStore';
import {
  throttleHorizon,
  WaveInvitations,
  waveInvitations,
} from './waves/waveInvitations';
import { isOpen, latestWaveWindow, toApiWave } from './waves/waves';
import { sameQuestions, SurveyContext } from './SurveyContext';

/**
 * Authoring surveys and running their waves: create, edit, archive; open
 * due waves, freeze their audience, invite the invited; shuffle anonymous
 * answers out of arrival order.
 */
export class SurveyAuthoring {
  constructor(private readonly ctx: SurveyContext) {}

  /**
   * Brings config-defined surveys into the store. Waves open on the first
   * scheduled sync, once the catalog can be read.
   */
  async start(): Promise<void> {
    await this.ctx.deps.store.syncConfigSurveys(
      this.ctx.deps.settings.definitions,
      this.ctx.now(),
    );
  }

  async listSurveys(options: { includeArchived?: boolean }): Promise<Survey[]> {
    const surveys = await this.ctx.deps.store.listSurveys(options);
    const waves = await this.ctx.deps.store.listWavesOfSurveys(
      surveys.map(s => s.id),
    );
    return Promise.all(
      surveys.map(s => this.ctx.toApiSurvey(s, waves.get(s.id) ?? [])),
    );
  }

  async getSurvey(id: string): Promise<Survey> {
    const survey = await this.ctx.surveyOrThrow(id);
    return this.ctx.toApiSurvey(
      survey,
      await this.ctx.deps.store.listWaves(id),
    );
  }

  async createSurvey(
    body: Record<string, unknown>,
    credentials: BackstageCredentials,
    userRef?: string,
  ): Promise<Survey> {
    await this.ctx.require(credentials, flywheelSurveysManagePermission);
    const { id: requestedId, ...rest } = body;
    if (requestedId === 'prompts' || requestedId === 'triggers') {
      throw new InputError(`'${requestedId}' is reserved; choose another id`);
    }
    const definition = parseSurveyDefinition(rest, 'Survey');
    const id =
      typeof requestedId === 'string'
        ? requestedId
        : `${
            definition.title
              .toLocaleLowerCase('en-US')
              .replace(/[^a-z0-9]+/g, '-')
              .replace(/^-+|-+$/g, '')
              .slice(0, 60) || 'survey'
          }-${randomBytes(3).toString('hex')}`;
    await this.ctx.deps.store.createSurvey({
      id,
      source: 'api',
      definition,
      createdBy: userRef,
      now: this.ctx.now(),
    });
    await this.syncWaves([id]);
    return this.getSurvey(id);
  }

  async updateSurvey(
    id: string,
    body: Record<string, unknown>,
    credentials: BackstageCredentials,
  ): Promise<Survey> {
    await this.ctx.require(credentials, flywheelSurveysManagePermission);
    const survey = await this.ctx.surveyOrThrow(id);
    if (survey.source === 'config') {
      throw new ConflictError(
        `Survey '${id}' is defined in app-config (flywheel.surveys.definitions); change it there`,
      );
    }
    const definition = parseSurveyDefinition(body, `Survey '${id}'`);
    const now = this.ctx.now();
    const open = (await this.ctx.deps.store.listWaves(id)).find(w =>
      isOpen(w, now),
    );
    if (
      open &&
      !sameQuestions(open.questions, definition.questions) &&
      (await this.ctx.deps.store.hasResponses(open.id))
    ) {
      const responses = await this.ctx.responseCount(open);
      throw new ConflictError(
        `The questions of survey '${id}' are locked: wave ${open.number} already has ${responses} responses. Change them after it closes, for the next wave.`,
      );
    }
    await this.ctx.deps.store.updateSurvey(id, definition, now);
    await this.syncWaves([id]);
    return this.getSurvey(id);
  }

  async archiveSurvey(
    id: string,
    credentials: BackstageCredentials,
  ): Promise<Survey> {
    await this.ctx.require(credentials, flywheelSurveysManagePermission);
    await this.ctx.surveyOrThrow(id);
    await this.ctx.deps.store.setSurveyStatus(id, 'archived', this.ctx.now());
    return this.getSurvey(id);
  }

  async listWaves(id: string): Promise<SurveyWave[]> {
    await this.ctx.surveyOrThrow(id);
    const now = this.ctx.now();
    const waves = await this.ctx.deps.store.listWaves(id);
    const counts = await Promise.all(waves.map(w => this.ctx.responseCount(w)));
    return waves.map((w, i) => toApiWave(w, now, counts[i]));
  }

  /**
   * Opens every active survey's latest due wave (once, across replicas),
   * gives an unanswered open wave the survey's current questions, and
   * invites the audience of newly opened waves.
   */
  async syncWaves(surveyIds?: string[]): Promise<void> {
    const now = this.ctx.now();
    const surveys = (await this.ctx.deps.store.listSurveys()).filter(
      s => !surveyIds || surveyIds.includes(s.id),
    );
    for (const survey of surveys) {
      const window = latestWaveWindow(survey.definition.schedule, now);
      if (!window) {
        continue;
      }
      const wave = await this.ctx.deps.store.ensureWave({
        surveyId: survey.id,
        ...window,
        questions: survey.definition.questions,
      });
      if (!isOpen(wave, now)) {
        continue;
      }
      // The store refuses when the wave has responses: one statement, so
      // nobody answers questions that change under them.
      if (!sameQuestions(wave.questions, survey.definition.questions)) {
        await this.ctx.deps.store
          .updateWaveQuestions(wave.id, survey.definition.questions)
          .catch(error => {
            // Someone answered in between: the wave keeps what they answered.
            if (!(error instanceof ConflictError)) throw error;
          });
      }
      if (!wave.audienceFrozenAt) {
        const { audience } = await this.invitations(survey, wave, now);
        await this.ctx.deps.store.audiences.freeze(wave.id, audience, now);
      }
    }
    await this.inviteNewWaves(now);
  }

  /** Whom a wave invites, as of `at`; see waveInvitations. */
  private async invitations(
    survey: StoredSurvey,
    wave: StoredWave,
    at: Date,
  ): Promise<WaveInvitations> {
    const { settings, store } = this.ctx.deps;
    const directory = await this.ctx.directory();
    return waveInvitations({
      members: directory.members(survey.definition.audience),
      samplingPercent: survey.definition.samplingPercent,
      asksNps: asksNps(wave.questions),
      directory,
      recent: await store.participationBetween(
        throttleHorizon(at, settings.throttle),
        at,
      ),
      throttle: settings.throttle,
      wave,
      at,
    });
  }

  private async inviteNewWaves(now: Date) {
    const { inviter, settings, store, logger } = this.ctx.deps;
    if (!inviter || !settings.notifyOnWaveOpen) {
      return;
    }
    for (const wave of await store.wavesToNotify(now)) {
      const survey = await store.getSurvey(wave.surveyId);
      if (!survey) continue;
      // Only surveys that prompt everyone when a wave opens are announced;
      // triggered surveys wait for their event.
      if (!survey.definition.triggers.some(t => t.type === 'wave-open')) {
        await store.markWaveNotified(wave.id, now);
        continue;
      }
      // The people invited when the wave opened, less those who have
      // answered, dismissed or snoozed it since.
      const { invited } = await this.invitations(
        survey,
        wave,
        wave.audienceFrozenAt ?? now,
      );
      const skip = await store.audiences.notToInvite(wave.id, now);
      const userRefs = invited.filter(user => !skip.has(user));
      try {
        await inviter.invite(survey, wave, userRefs);
        await store.markWaveNotified(wave.id, now);
      } catch (error) {
        logger.warn(
          `Could not invite the audience of survey '${survey.id}' wave ${wave.number}; will retry: ${error}`,
        );
      }
    }
  }

  /**
   * Shuffles new anonymous responses out of the order they arrived in (see
   * SurveyStore.mixAnonymousResponses); scheduled every minute.
   */
  async mixAnonymousResponses(): Promise<void> {
    const mixed = await this.ctx.deps.store.mixAnonymousResponses();
    if (mixed > 0) {
      this.ctx.deps.logger.debug(`Shuffled ${mixed} new anonymous responses`);
    }
  }
}
