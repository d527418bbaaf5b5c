import {
  AuthService,
  BackstageCredentials,
  LoggerService,
  PermissionsService,
} from '@backstage/backend-plugin-api';
import { NotFoundError } from '@backstage/errors';
import {
  flywheelSurveysManagePermission,
  Survey,
} from '@flywheel/plugin-flywheel-common';
import { authorizeOrThrow, isAllowed } from '../permissions/authorize';
import { OrgDirectory, OrgSource } from './access/audience';
import { SurveySettings } from './config/readSurveysConfig';
import { StoredSurvey, StoredWave, SurveyStore } from './store/SurveyStore';
import { WaveCache } from './waves/waveCache';
import { isOpen, toApiWave } from './waves/waves';

/** Invites a wave's audience, e.g. through Backstage notifications. */
export interface SurveyInviter {
  invite(
    survey: StoredSurvey,
    wave: StoredWave,
    userRefs: string[],
  ): Promise<void>;
}

/** What every part of the survey domain is built from. */
export interface SurveyDeps {
  store: SurveyStore;
  catalog: OrgSource;
  auth: AuthService;
  permissions: PermissionsService;
  settings: SurveySettings;
  logger: LoggerService;
  inviter?: SurveyInviter;
  now?: () => Date;
}

const DIRECTORY_TTL_MS = 5 * 60_000;
/** How many closed waves' entries each cache keeps. */
export const CLOSED_WAVE_CACHE_SIZE = 500;

export const noSuchSurvey = (id: string) =>
  new NotFoundError(`No survey '${id}'`);

export const sameQuestions = (a: unknown, b: unknown) =>
  JSON.stringify(a) === JSON.stringify(b);

/**
 * What the survey domain's services share: the dependencies, the clock, the
 * catalog's people and teams (one snapshot, refreshed in the background),
 * permission checks, and the survey as the API shows it.
 */
export class SurveyContext {
  private directorySnapshot?: { at: number; value: Promise<OrgDirectory> };
  private directoryRefresh?: Promise<void>;
  /** Response totals: an open wave's is always counted afresh. */
  private readonly totalsCache = new WaveCache<number>({
    openTtlMs: 0,
    maxEntries: CLOSED_WAVE_CACHE_SIZE,
  });

  constructor(readonly deps: SurveyDeps) {}

  now() {
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

  async allowed(
    credentials: BackstageCredentials,
    permission: typeof flywheelSurveysManagePermission,
  ): Promise<boolean> {
    return isAllowed(this.deps.permissions, permission, credentials);
  }

  async require(
    credentials: BackstageCredentials,
    permission: typeof flywheelSurveysManagePermission,
  ) {
    await authorizeOrThrow(this.deps.permissions, permission, credentials);
  }

  async surveyOrThrow(id: string): Promise<StoredSurvey> {
    const survey = await this.deps.store.getSurvey(id);
    if (!survey) {
      throw noSuchSurvey(id);
    }
    return survey;
  }

  async toApiSurvey(
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

  responseCount(wave: StoredWave): Promise<number> {
    return this.totalsCache.get(wave.id, this.now() >= wave.closesAt, () =>
      this.deps.store
        .responseCounts([wave.id])
        .then(counts => counts.get(wave.id)!),
    );
  }
}
