import { createHash, randomBytes } from 'crypto';
import {
  AuthService,
  BackstageCredentials,
  LoggerService,
  PermissionsService,
} from '@backstage/backend-plugin-api';
import {
  ConflictError,
  InputError,
  NotAllowedError,
  NotFoundError,
} from '@backstage/errors';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import {
  flywheelSurveysCommentsReadPermission,
  flywheelSurveysManagePermission,
  flywheelSurveysOwnTeamResultsReadPermission,
  flywheelSurveysResultsReadPermission,
  SubmitSurveyResponseRequest,
  SubmitSurveyResponseResult,
  Survey,
  SurveyComment,
  SurveyCommentsResponse,
  SurveyCommentUpdate,
  SurveyPrompt,
  SurveyPromptActionRequest,
  SurveyResultsResponse,
  SurveyWave,
} from '@flywheel/plugin-flywheel-common';
import { DateTime } from 'luxon';
import type { SurveyTriggers } from '../interfaces/surveyTriggers';
import { toCsv } from '../http/csv';
import { checkAnswers } from './answers';
import { OrgDirectory, OrgSource } from './audience';
import { SurveySettings } from './config';
import { asksNps, parseSurveyDefinition } from './definition';
import { whyNotPrompted } from './eligibility';
import { decideCommentVisibility } from './commentVisibility';
import { buildResults, WaveCounts } from './results';
import {
  StoredComment,
  StaleSurveyError,
  StoredSurvey,
  StoredWave,
  SurveyStore,
} from './store/SurveyStore';
import { WaveCache } from './waveCache';
import {
  throttleHorizon,
  WaveInvitations,
  waveInvitations,
} from './waveInvitations';
import { isOpen, latestWaveWindow, toApiWave } from './waves';

/** Invites a wave's audience, e.g. through Backstage notifications. */
export interface SurveyInviter {
  invite(
    survey: StoredSurvey,
    wave: StoredWave,
    userRefs: string[],
  ): Promise<void>;
}

const DIRECTORY_TTL_MS = 5 * 60_000;
/** How stale an open wave's results may be: its answers keep coming. */
const OPEN_WAVE_COUNTS_TTL_MS = 15_000;
const CLOSED_WAVE_CACHE_SIZE = 500;
const SUBMIT_TARGET_TTL_MS = 5_000;

/** A computed results view, with its JSON for the many who read it. */
interface ResultsView {
  results: SurveyResultsResponse;
  json: string;
}

const noSuchSurvey = (id: string) => new NotFoundError(`No survey '${id}'`);

const sha256 = (value: string) =>
  createHash('sha256').update(value).digest('hex');

const sameQuestions = (a: unknown, b: unknown) =>
  JSON.stringify(a) === JSON.stringify(b);

function toApiComment(c: StoredComment, teamLabel?: string): SurveyComment {
  return {
    id: c.id,
    surveyId: c.surveyId,
    waveId: c.waveId,
    questionId: c.questionId,
    text: c.text,
    groupRef: teamLabel,
    submittedOn: c.submittedOn,
    tags: c.tags,
    resolved: Boolean(c.resolvedAt),
    resolvedBy: c.resolvedBy,
    resolvedAt: c.resolvedAt?.toISOString(),
  };
}

/**
 * Surveys: authoring, waves, who is asked when, answers, and results within
 * the anonymity rules. Routers call this and nothing else.
 */
export class SurveyService implements SurveyTriggers {
  private directorySnapshot?: { at: number; value: Promise<OrgDirectory> };
  private directoryRefresh?: Promise<void>;
  /** Results views, per catalog snapshot: audiences come from it. */
  private readonly resultsCache = new WeakMap<
    OrgDirectory,
    WaveCache<ResultsView>
  >();
  private readonly countsCache = new WaveCache<WaveCounts>({
    openTtlMs: OPEN_WAVE_COUNTS_TTL_MS,
    maxEntries: CLOSED_WAVE_CACHE_SIZE,
  });
  /**
   * What submissions are checked against, for a few seconds: the store
   * refuses answers checked against a survey that has changed since
   * (StaleSurveyError), and the submission is then checked again afresh.
   */
  private readonly submitTargets = new WaveCache<{
    survey?: StoredSurvey;
    wave?: StoredWave;
  }>({ openTtlMs: SUBMIT_TARGET_TTL_MS, maxEntries: CLOSED_WAVE_CACHE_SIZE });
  /** Response totals: an open wave's is always counted afresh. */
  private readonly totalsCache = new WaveCache<number>({
    openTtlMs: 0,
    maxEntries: CLOSED_WAVE_CACHE_SIZE,
  });

  constructor(
    private readonly deps: {
      store: SurveyStore;
      catalog: OrgSource;
      auth: AuthService;
      permissions: PermissionsService;
      settings: SurveySettings;
      logger: LoggerService;
      inviter?: SurveyInviter;
      now?: () => Date;
    },
  ) {}

  private now() {
    return this.deps.now?.() ?? new Date();
  }

  /**
   * Catalog people and teams, read again every few minutes. Reading takes
   * seconds in a large org, so requests keep using the previous snapshot
   * until the next one is ready.
   */
  async directory(): Promise<OrgDirectory> {
    const snapshot = this.directorySnapshot;
    if (!snapshot) {
      const value = this.readDirectory();
      this.directorySnapshot = { at: Date.now(), value };
      value.catch(() => {
        if (this.directorySnapshot?.value === value) {
          this.directorySnapshot = undefined;
        }
      });
      return value;
    }
    if (Date.now() - snapshot.at > DIRECTORY_TTL_MS && !this.directoryRefresh) {
      this.directoryRefresh = this.readDirectory()
        .then(
          directory => {
            this.directorySnapshot = {
              at: Date.now(),
              value: Promise.resolve(directory),
            };
          },
          error =>
            this.deps.logger.warn(
              `Could not read the catalog's people and teams for surveys; still using the copy from ${new Date(
                snapshot.at,
              ).toISOString()}: ${error}`,
            ),
        )
        .finally(() => {
          this.directoryRefresh = undefined;
        });
    }
    return snapshot.value;
  }

  private async readDirectory(): Promise<OrgDirectory> {
    const credentials = await this.deps.auth.getOwnServiceCredentials();
    return OrgDirectory.read(this.deps.catalog, credentials);
  }

  private async allowed(
    credentials: BackstageCredentials,
    permission: typeof flywheelSurveysManagePermission,
  ): Promise<boolean> {
    const [decision] = await this.deps.permissions.authorize([{ permission }], {
      credentials,
    });
    return decision.result === AuthorizeResult.ALLOW;
  }

  private async require(
    credentials: BackstageCredentials,
    permission: typeof flywheelSurveysManagePermission,
  ) {
    if (!(await this.allowed(credentials, permission))) {
      throw new NotAllowedError(`Not allowed: ${permission.name}`);
    }
  }

  private async surveyOrThrow(id: string): Promise<StoredSurvey> {
    const survey = await this.deps.store.getSurvey(id);
    if (!survey) {
      throw noSuchSurvey(id);
    }
    return survey;
  }

  private async toApiSurvey(
    survey: StoredSurvey,
    waves: StoredWave[],
  ): Promise<Survey> {
    const now = this.now();
    const open = waves.find(w => isOpen(w, now));
    const current = open ?? waves[waves.length - 1];
    const responses = current ? await this.responseCount(current) : 0;
    return {
      ...survey.definition,
      id: survey.id,
      source: survey.source,
      status: survey.status,
      createdBy: survey.createdBy,
      createdAt: survey.createdAt.toISOString(),
      updatedAt: survey.updatedAt.toISOString(),
      currentWave: current ? toApiWave(current, now, responses) : undefined,
      questionsLocked: Boolean(open && responses > 0),
    };
  }

  private responseCount(wave: StoredWave): Promise<number> {
    return this.totalsCache.get(wave.id, this.now() >= wave.closesAt, () =>
      this.deps.store
        .responseCounts([wave.id])
        .then(counts => counts.get(wave.id)!),
    );
  }

  // ---- Authoring ---------------------------------------------------------

  /**
   * Brings config-defined surveys into the store. Waves open on the first
   * scheduled sync, once the catalog can be read.
   */
  async start(): Promise<void> {
    await this.deps.store.syncConfigSurveys(
      this.deps.settings.definitions,
      this.now(),
    );
  }

  async listSurveys(options: { includeArchived?: boolean }): Promise<Survey[]> {
    const surveys = await this.deps.store.listSurveys(options);
    const waves = await this.deps.store.listWavesOfSurveys(
      surveys.map(s => s.id),
    );
    return Promise.all(
      surveys.map(s => this.toApiSurvey(s, waves.get(s.id) ?? [])),
    );
  }

  async getSurvey(id: string): Promise<Survey> {
    const survey = await this.surveyOrThrow(id);
    return this.toApiSurvey(survey, await this.deps.store.listWaves(id));
  }

  async createSurvey(
    body: Record<string, unknown>,
    credentials: BackstageCredentials,
    userRef?: string,
  ): Promise<Survey> {
    await this.require(credentials, flywheelSurveysManagePermission);
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
    await this.deps.store.createSurvey({
      id,
      source: 'api',
      definition,
      createdBy: userRef,
      now: this.now(),
    });
    await this.syncWaves([id]);
    return this.getSurvey(id);
  }

  async updateSurvey(
    id: string,
    body: Record<string, unknown>,
    credentials: BackstageCredentials,
  ): Promise<Survey> {
    await this.require(credentials, flywheelSurveysManagePermission);
    const survey = await this.surveyOrThrow(id);
    if (survey.source === 'config') {
      throw new ConflictError(
        `Survey '${id}' is defined in app-config (flywheel.surveys.definitions); change it there`,
      );
    }
    const definition = parseSurveyDefinition(body, `Survey '${id}'`);
    const now = this.now();
    const open = (await this.deps.store.listWaves(id)).find(w =>
      isOpen(w, now),
    );
    if (
      open &&
      !sameQuestions(open.questions, definition.questions) &&
      (await this.deps.store.hasResponses(open.id))
    ) {
      const responses = await this.responseCount(open);
      throw new ConflictError(
        `The questions of survey '${id}' are locked: wave ${open.number} already has ${responses} responses. Change them after it closes, for the next wave.`,
      );
    }
    await this.deps.store.updateSurvey(id, definition, now);
    await this.syncWaves([id]);
    return this.getSurvey(id);
  }

  async archiveSurvey(
    id: string,
    credentials: BackstageCredentials,
  ): Promise<Survey> {
    await this.require(credentials, flywheelSurveysManagePermission);
    await this.surveyOrThrow(id);
    await this.deps.store.setSurveyStatus(id, 'archived', this.now());
    return this.getSurvey(id);
  }

  async listWaves(id: string): Promise<SurveyWave[]> {
    await this.surveyOrThrow(id);
    const now = this.now();
    const waves = await this.deps.store.listWaves(id);
    const counts = await Promise.all(waves.map(w => this.responseCount(w)));
    return waves.map((w, i) => toApiWave(w, now, counts[i]));
  }

  /**
   * Opens every active survey's latest due wave (once, across replicas),
   * gives an unanswered open wave the survey's current questions, and
   * invites the audience of newly opened waves.
   */
  async syncWaves(surveyIds?: string[]): Promise<void> {
    const now = this.now();
    const surveys = (await this.deps.store.listSurveys()).filter(
      s => !surveyIds || surveyIds.includes(s.id),
    );
    for (const survey of surveys) {
      const window = latestWaveWindow(survey.definition.schedule, now);
      if (!window) {
        continue;
      }
      const wave = await this.deps.store.ensureWave({
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
        await this.deps.store
          .updateWaveQuestions(wave.id, survey.definition.questions)
          .catch(error => {
            // Someone answered in between: the wave keeps what they answered.
            if (!(error instanceof ConflictError)) throw error;
          });
      }
      if (!wave.audienceFrozenAt) {
        const { audience } = await this.invitations(survey, wave, now);
        await this.deps.store.audiences.freeze(wave.id, audience, now);
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
    const { settings, store } = this.deps;
    const directory = await this.directory();
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
    const { inviter, settings, store, logger } = this.deps;
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
    const mixed = await this.deps.store.mixAnonymousResponses();
    if (mixed > 0) {
      this.deps.logger.debug(`Shuffled ${mixed} new anonymous responses`);
    }
  }

  // ---- Answering ---------------------------------------------------------

  private async openWave(
    survey: StoredSurvey,
  ): Promise<StoredWave | undefined> {
    const now = this.now();
    return (await this.deps.store.listWaves(survey.id)).find(w =>
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
    const { store, settings } = this.deps;
    const now = this.now();
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
      this.directory(),
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
    const directory = await this.directory();
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
    const survey = await this.surveyOrThrow(id);
    const wave = await this.openWave(survey);
    if (!wave || survey.status !== 'active') {
      throw new NotFoundError(`Survey '${id}' has no open wave right now`);
    }
    await this.audienceCheck(survey, userRef);
    const previous = survey.definition.anonymous
      ? undefined
      : await this.deps.store.getResponse(wave.id, userRef);
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
    await this.require(credentials, flywheelSurveysManagePermission);
    const survey = await this.surveyOrThrow(id);
    const now = this.now();
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
      this.deps.store.getSurveyWave(id, waveId),
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
    const { store } = this.deps;
    const { survey, wave } = await this.submitTarget(id, request.waveId, fresh);
    if (!survey) {
      throw noSuchSurvey(id);
    }
    if (!wave) {
      throw new NotFoundError(`Survey '${id}' has no wave '${request.waveId}'`);
    }
    const now = this.now();
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
    const wave = await this.deps.store.getWave(request.waveId);
    if (!wave || wave.surveyId !== id) {
      throw new NotFoundError(`Survey '${id}' has no wave '${request.waveId}'`);
    }
    const until =
      request.action === 'snooze'
        ? DateTime.fromJSDate(this.now())
            .plus({ days: this.deps.settings.throttle.snoozeDays })
            .toJSDate()
        : undefined;
    await this.deps.store.setPromptState(
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
    await this.deps.store.recordTriggerEvent(
      event.userRef.toLocaleLowerCase('en-US'),
      event.event,
      this.now(),
      event.context,
    );
  }

  // ---- Results -------------------------------------------------------------

  /**
   * Who may see which team: everything with `results.read`; with only
   * `results.read-own-team`, the person's teams and their sub-teams (and no
   * scope defaults to their own team).
   */
  private async resultsScope(
    credentials: BackstageCredentials,
    userRef: string | undefined,
    groupRef: string | undefined,
  ): Promise<string | undefined> {
    const group = groupRef?.toLocaleLowerCase('en-US');
    if (await this.allowed(credentials, flywheelSurveysResultsReadPermission)) {
      return group;
    }
    if (
      userRef &&
      (await this.allowed(
        credentials,
        flywheelSurveysOwnTeamResultsReadPermission,
      ))
    ) {
      const directory = await this.directory();
      const own = directory.groupsOf(userRef);
      const scope = group ?? directory.primaryGroup(userRef);
      if (scope && own.some(team => directory.subtree(team).has(scope))) {
        return scope;
      }
      throw new NotAllowedError(
        group
          ? `You may read survey results of your own teams only, not ${group}`
          : 'You may read survey results of your own teams only, and you belong to none',
      );
    }
    throw new NotAllowedError(
      `Not allowed: ${flywheelSurveysResultsReadPermission.name}`,
    );
  }

  /** A wave's counts; closed waves never change, so they are kept. */
  private waveCounts(wave: StoredWave): Promise<WaveCounts> {
    return this.countsCache.get(wave.id, this.now() >= wave.closesAt, () =>
      Promise.all([
        this.deps.store.responseCountsByGroup([wave.id]),
        this.deps.store.answerCounts([wave.id]),
        wave.audienceFrozenAt
          ? this.deps.store.audiences.audiences([wave.id])
          : undefined,
      ]).then(([responses, answers, audiences]) => ({
        wave,
        responsesByGroup: new Map(responses.map(r => [r.groupRef, r.count])),
        answers,
        audience: audiences ? audiences.get(wave.id) ?? new Map() : undefined,
      })),
    );
  }

  private async selectWaves(
    id: string,
    waveId?: string,
  ): Promise<StoredWave[]> {
    const waves = await this.deps.store.listWaves(id);
    if (waves.length === 0) {
      throw new NotFoundError(`Survey '${id}' has no waves yet`);
    }
    // Waves are stored as they open, so the latest is the open one if any.
    const index = waveId
      ? waves.findIndex(w => w.id === waveId)
      : waves.length - 1;
    if (index < 0 || index >= waves.length) {
      throw new NotFoundError(`Survey '${id}' has no wave '${waveId}'`);
    }
    return waves.slice(0, index + 1);
  }

  async results(
    id: string,
    query: { waveId?: string; groupRef?: string },
    credentials: BackstageCredentials,
    userRef?: string,
  ): Promise<SurveyResultsResponse> {
    return (await this.resultsView(id, query, credentials, userRef)).results;
  }

  /** The same results as JSON text, serialised once per computed view. */
  async resultsJson(
    id: string,
    query: { waveId?: string; groupRef?: string },
    credentials: BackstageCredentials,
    userRef?: string,
  ): Promise<string> {
    return (await this.resultsView(id, query, credentials, userRef)).json;
  }

  private async resultsView(
    id: string,
    query: { waveId?: string; groupRef?: string },
    credentials: BackstageCredentials,
    userRef?: string,
  ): Promise<ResultsView> {
    const survey = await this.surveyOrThrow(id);
    const groupRef = await this.resultsScope(
      credentials,
      userRef,
      query.groupRef,
    );
    const directory = await this.directory();
    if (groupRef && !directory.hasTeam(groupRef)) {
      throw new InputError(`groupRef '${query.groupRef}' is not a known group`);
    }
    const waves = await this.selectWaves(id, query.waveId);
    const wave = waves[waves.length - 1];
    // A view is computed once per catalog snapshot: for good while its
    // wave is closed, for a few seconds while it is open.
    let views = this.resultsCache.get(directory);
    if (!views) {
      views = new WaveCache({
        openTtlMs: OPEN_WAVE_COUNTS_TTL_MS,
        maxEntries: CLOSED_WAVE_CACHE_SIZE,
      });
      this.resultsCache.set(directory, views);
    }
    const key = `${id}\n${wave.id}\n${
      groupRef ?? ''
    }\n${survey.updatedAt.getTime()}`;
    return views.get(key, this.now() >= wave.closesAt, async () => {
      const results = await this.computeResults(
        survey,
        waves,
        directory,
        groupRef,
      );
      return { results, json: JSON.stringify(results) };
    });
  }

  private async computeResults(
    survey: StoredSurvey,
    waves: StoredWave[],
    directory: OrgDirectory,
    groupRef: string | undefined,
  ): Promise<SurveyResultsResponse> {
    const counts = await Promise.all(waves.map(w => this.waveCounts(w)));
    const wave = waves[waves.length - 1];
    const commentCounts = await this.deps.store.commentCounts(
      survey.id,
      wave.id,
      groupRef ? [...directory.subtree(groupRef)] : undefined,
    );
    return buildResults(
      {
        surveyId: survey.id,
        waves: counts,
        directory,
        groupRef,
        minGroupSize: this.deps.settings.minGroupSize,
        minCommentGroupSize: this.deps.settings.minCommentGroupSize,
        now: this.now(),
      },
      commentCounts,
    );
  }

  /** The results' team breakdown as CSV; hidden teams have no numbers. */
  async resultsCsv(
    id: string,
    query: { waveId?: string; groupRef?: string },
    credentials: BackstageCredentials,
    userRef?: string,
  ): Promise<string> {
    const results = await this.results(id, query, credentials, userRef);
    const num = (v?: number) => (v === undefined ? '' : String(v));
    const row = (
      group: string,
      parent: string,
      depth: string,
      r: {
        audienceSize?: number;
        responses?: number;
        responseRate?: number;
        nps?: { value: number; low: number; high: number };
        csat?: { value: number; low: number; high: number };
        hidden?: string;
      },
    ) => [
      `${results.wave.number}`,
      group,
      parent,
      depth,
      num(r.audienceSize),
      r.hidden ? '' : num(r.responses),
      num(
        r.responseRate === undefined
          ? undefined
          : Math.round(r.responseRate * 1000) / 10,
      ),
      num(r.nps?.value),
      num(r.nps?.low),
      num(r.nps?.high),
      num(r.csat?.value),
      num(r.csat?.low),
      num(r.csat?.high),
      r.hidden ?? '',
    ];
    const npsQuestion = results.questions.find(q => q.nps);
    const csatQuestion = results.questions.find(q => q.csat);
    return toCsv(
      [
        'wave',
        'group',
        'parent',
        'depth',
        'audience',
        'responses',
        'response_rate_percent',
        'nps',
        'nps_low',
        'nps_high',
        'csat_percent',
        'csat_low',
        'csat_high',
        'hidden',
      ],
      [
        row(results.groupRef ?? 'all', '', '', {
          audienceSize: results.audienceSize,
          responses: results.responses,
          responseRate: results.responseRate,
          nps: npsQuestion?.nps?.nps,
          csat: csatQuestion?.csat?.csat,
          hidden: results.hidden,
        }),
        ...results.teams.map(t =>
          row(t.groupRef, t.parentRef ?? '', String(t.depth), t),
        ),
      ],
    );
  }

  async comments(
    id: string,
    query: {
      waveId?: string;
      groupRef?: string;
      resolved?: boolean;
      tag?: string;
      limit?: number;
      offset?: number;
    },
    credentials: BackstageCredentials,
    userRef?: string,
  ): Promise<SurveyCommentsResponse> {
    await this.surveyOrThrow(id);
    await this.require(credentials, flywheelSurveysCommentsReadPermission);
    const groupRef = await this.resultsScope(
      credentials,
      userRef,
      query.groupRef,
    );
    const directory = await this.directory();
    const waves = await this.selectWaves(id, query.waveId);
    const wave = waves[waves.length - 1];
    const counts = await this.waveCounts(wave);
    const visibility = decideCommentVisibility(counts, directory, {
      minGroupSize: this.deps.settings.minGroupSize,
      minCommentGroupSize: this.deps.settings.minCommentGroupSize,
    });
    const groupRefs = groupRef ? [...directory.subtree(groupRef)] : undefined;
    const page = await this.deps.store.listComments({
      surveyId: id,
      waveIds: [wave.id],
      groupRefs,
      resolved: query.resolved,
      tag: query.tag,
      limit: query.limit ?? 50,
      offset: query.offset ?? 0,
    });
    const hidden = visibility.hiddenReason(groupRef);
    if (hidden) {
      // How many are withheld is a number of the scope: said only where the
      // scope's numbers are shown anyway.
      return {
        items: [],
        totalCount: 0,
        withheld: visibility.numbersShown(groupRef) ? page.total : 0,
        withheldReason: hidden,
      };
    }
    return {
      items: page.items.map(c =>
        toApiComment(c, visibility.labelOf(c.groupRef)),
      ),
      totalCount: page.total,
      withheld: 0,
    };
  }

  async updateComment(
    id: string,
    commentId: string,
    update: SurveyCommentUpdate,
    credentials: BackstageCredentials,
    userRef?: string,
  ): Promise<SurveyComment> {
    await this.require(credentials, flywheelSurveysManagePermission);
    const existing = await this.deps.store.getComment(commentId);
    if (!existing || existing.surveyId !== id) {
      throw new NotFoundError(`Survey '${id}' has no comment '${commentId}'`);
    }
    const tags = update.tags?.map(t => t.trim()).filter(Boolean);
    const updated = await this.deps.store.updateComment(commentId, {
      tags: tags ? [...new Set(tags)] : undefined,
      resolved: update.resolved,
      by: userRef ?? 'unknown',
      now: this.now(),
    });
    if (!updated) {
      throw new NotFoundError(`Survey '${id}' has no comment '${commentId}'`);
    }
    return toApiComment(updated);
  }
}
