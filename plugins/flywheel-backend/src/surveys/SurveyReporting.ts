import { BackstageCredentials } from '@backstage/backend-plugin-api';
import { InputError, NotAllowedError, NotFoundError } from '@backstage/errors';
import {
  flywheelSurveysCommentsReadPermission,
  flywheelSurveysManagePermission,
  flywheelSurveysOwnTeamResultsReadPermission,
  flywheelSurveysResultsReadPermission,
  SurveyComment,
  SurveyCommentsResponse,
  SurveyCommentUpdate,
  SurveyResultsResponse,
} from '@flywheel/plugin-flywheel-common';
import { toCsv } from '../http/csv';
import { WaveCache } from './waves/waveCache';
import { OrgDirectory } from './access/audience';
import { decideCommentVisibility } from './access/commentVisibility';
import { buildResults, WaveCounts } from './results/buildResults';
import { StoredComment, StoredSurvey, StoredWave } from './store/SurveyStore';
import { CLOSED_WAVE_CACHE_SIZE, SurveyContext } from './SurveyContext';

/** How stale an open wave's results may be: its answers keep coming. */
const OPEN_WAVE_COUNTS_TTL_MS = 15_000;

/** A computed results view, with its JSON for the many who read it. */
interface ResultsView {
  results: SurveyResultsResponse;
  json: string;
}

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
 * Results within the anonymity rules: a wave's numbers for the whole
 * audience or a team, the trend and team breakdown, CSV, and the comments
 * inbox with its triage.
 */
export class SurveyReporting {
  /** Results views, per catalog snapshot: audiences come from it. */
  private readonly resultsCache = new WeakMap<
    OrgDirectory,
    WaveCache<ResultsView>
  >();
  private readonly countsCache = new WaveCache<WaveCounts>({
    openTtlMs: OPEN_WAVE_COUNTS_TTL_MS,
    maxEntries: CLOSED_WAVE_CACHE_SIZE,
  });

  constructor(private readonly ctx: SurveyContext) {}

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
    if (
      await this.ctx.allowed(credentials, flywheelSurveysResultsReadPermission)
    ) {
      return group;
    }
    if (
      userRef &&
      (await this.ctx.allowed(
        credentials,
        flywheelSurveysOwnTeamResultsReadPermission,
      ))
    ) {
      const directory = await this.ctx.directory();
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
    return this.countsCache.get(wave.id, this.ctx.now() >= wave.closesAt, () =>
      Promise.all([
        this.ctx.deps.store.responseCountsByGroup([wave.id]),
        this.ctx.deps.store.answerCounts([wave.id]),
        wave.audienceFrozenAt
          ? this.ctx.deps.store.audiences.audiences([wave.id])
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
    const waves = await this.ctx.deps.store.listWaves(id);
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
    const survey = await this.ctx.surveyOrThrow(id);
    const groupRef = await this.resultsScope(
      credentials,
      userRef,
      query.groupRef,
    );
    const directory = await this.ctx.directory();
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
    return views.get(key, this.ctx.now() >= wave.closesAt, async () => {
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
    const commentCounts = await this.ctx.deps.store.commentCounts(
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
        minGroupSize: this.ctx.deps.settings.minGroupSize,
        minCommentGroupSize: this.ctx.deps.settings.minCommentGroupSize,
        now: this.ctx.now(),
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
    await this.ctx.surveyOrThrow(id);
    await this.ctx.require(credentials, flywheelSurveysCommentsReadPermission);
    const groupRef = await this.resultsScope(
      credentials,
      userRef,
      query.groupRef,
    );
    const directory = await this.ctx.directory();
    const waves = await this.selectWaves(id, query.waveId);
    const wave = waves[waves.length - 1];
    const counts = await this.waveCounts(wave);
    const visibility = decideCommentVisibility(counts, directory, {
      minGroupSize: this.ctx.deps.settings.minGroupSize,
      minCommentGroupSize: this.ctx.deps.settings.minCommentGroupSize,
    });
    const groupRefs = groupRef ? [...directory.subtree(groupRef)] : undefined;
    const page = await this.ctx.deps.store.listComments({
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
    await this.ctx.require(credentials, flywheelSurveysManagePermission);
    const existing = await this.ctx.deps.store.getComment(commentId);
    if (!existing || existing.surveyId !== id) {
      throw new NotFoundError(`Survey '${id}' has no comment '${commentId}'`);
    }
    const tags = update.tags?.map(t => t.trim()).filter(Boolean);
    const updated = await this.ctx.deps.store.updateComment(commentId, {
      tags: tags ? [...new Set(tags)] : undefined,
      resolved: update.resolved,
      by: userRef ?? 'unknown',
      now: this.ctx.now(),
    });
    if (!updated) {
      throw new NotFoundError(`Survey '${id}' has no comment '${commentId}'`);
    }
    return toApiComment(updated);
  }
}
