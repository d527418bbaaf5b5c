import {
  compareNps,
  compareProportions,
  SurveyQuestion,
  SurveyQuestionResult,
  SurveyResultsResponse,
  SurveyTeamResult,
  SurveyTrendPoint,
  summarizeCsat,
  summarizeNps,
} from '@flywheel/plugin-flywheel-common';
import {
  decideSegmentVisibility,
  SegmentVisibility,
} from '../access/anonymity';
import { OrgDirectory } from '../access/audience';
import { toApiWave } from '../waves/waves';
import { AnswerCount, StoredWave } from '../store/SurveyStore';
import { TeamAudience, WaveAudience } from '../store/WaveAudienceStore';

/** One wave's stored counts: responses per team, answers per team and value. */
export interface WaveCounts {
  wave: StoredWave;
  /** Responses per team; `null` for respondents without a team. */
  responsesByGroup: Map<string | null, number>;
  answers: AnswerCount[];
  /** The audience frozen when the wave opened; absent for older waves. */
  audience?: WaveAudience;
}

/** What a results view is computed from. */
export interface ResultsInput {
  surveyId: string;
  /** The selected wave and, for the trend, every wave up to it, oldest first. */
  waves: WaveCounts[];
  directory: OrgDirectory;
  groupRef?: string;
  minGroupSize: number;
  minCommentGroupSize: number;
  now: Date;
}

/**
 * part ÷ whole as a share 0–1, three decimals, never above 1 (people who
 * joined a team after its audience was frozen can answer too); undefined
 * without a whole.
 */
const shareOf = (part: number, whole?: number) =>
  whole ? Math.min(1, Math.round((1000 * part) / whole) / 1000) : undefined;

/**
 * A wave's frozen audience per team with its sub-teams, added up along
 * today's hierarchy as the responses are; undefined for a wave that opened
 * before audiences were frozen.
 */
export function audienceTotals(
  counts: WaveCounts,
  directory: OrgDirectory,
): Map<string, TeamAudience> | undefined {
  if (!counts.audience) {
    return undefined;
  }
  const totals = new Map<string, TeamAudience>();
  for (const [group, own] of counts.audience) {
    const team = teamOf(directory, group);
    if (!team) continue;
    for (const ref of directory.ancestry(team)) {
      const total = totals.get(ref) ?? { audience: 0, invited: 0 };
      total.audience += own.audience;
      total.invited += own.invited;
      totals.set(ref, total);
    }
  }
  return totals;
}

/** The team each stored group ref counts under: unknown teams count as none. */
export function teamOf(directory: OrgDirectory, groupRef: string | null) {
  return groupRef && directory.hasTeam(groupRef) ? groupRef : null;
}

/** Visibility of every team for one wave; depends only on the whole tree. */
export function waveVisibility(
  counts: WaveCounts,
  directory: OrgDirectory,
  minGroupSize: number,
): SegmentVisibility {
  const ownCount = new Map<string, number>();
  let unassigned = 0;
  for (const [group, count] of counts.responsesByGroup) {
    const team = teamOf(directory, group);
    if (team) {
      ownCount.set(team, (ownCount.get(team) ?? 0) + count);
    } else {
      unassigned += count;
    }
  }
  return decideSegmentVisibility(
    {
      roots: directory.graph.roots(),
      children: directory.graph.childrenMap(),
      ownCount,
      unassigned,
    },
    { minGroupSize },
  );
}

/** Sums answer counts per question and value. */
class Tally {
  private readonly numeric = new Map<string, Map<number, number>>();
  private readonly chosen = new Map<string, Map<string, number>>();

  /** A tally of the answers of the teams `include` accepts. */
  static of(
    answers: AnswerCount[],
    include: (team: string | null) => boolean,
    directory: OrgDirectory,
  ): Tally {
    const tally = new Tally();
    for (const a of answers) {
      if (include(teamOf(directory, a.groupRef))) {
        tally.add(a);
      }
    }
    return tally;
  }

  /**
   * One tally per team with all its sub-teams, in one pass: each count is
   * added to its team and the team's ancestors.
   */
  static perTeam(
    answers: AnswerCount[],
    directory: OrgDirectory,
  ): Map<string, Tally> {
    const tallies = new Map<string, Tally>();
    const chains = new Map<string, string[]>();
    for (const a of answers) {
      const team = teamOf(directory, a.groupRef);
      if (!team) {
        continue;
      }
      let chain = chains.get(team);
      if (!chain) {
        chain = directory.ancestry(team);
        chains.set(team, chain);
      }
      for (const ref of chain) {
        let tally = tallies.get(ref);
        if (!tally) {
          tally = new Tally();
          tallies.set(ref, tally);
        }
        tally.add(a);
      }
    }
    return tallies;
  }

  add(a: AnswerCount) {
    if (a.valueNum !== null) {
      const values = this.numeric.get(a.questionId) ?? new Map();
      values.set(a.valueNum, (values.get(a.valueNum) ?? 0) + a.count);
      this.numeric.set(a.questionId, values);
    } else if (a.valueText !== null) {
      const values = this.chosen.get(a.questionId) ?? new Map();
      values.set(a.valueText, (values.get(a.valueText) ?? 0) + a.count);
      this.chosen.set(a.questionId, values);
    }
  }

  distribution(questionId: string, min: number, max: number): number[] {
    const values = this.numeric.get(questionId);
    return Array.from(
      { length: max - min + 1 },
      (_, i) => values?.get(min + i) ?? 0,
    );
  }

  choices(questionId: string): Map<string, number> {
    return this.chosen.get(questionId) ?? new Map();
  }
}

function questionResult(
  q: SurveyQuestion,
  tally: Tally,
  populationSize: number | undefined,
  commentCount: number | undefined,
): SurveyQuestionResult {
  const base = { questionId: q.id, type: q.type, title: q.title };
  switch (q.type) {
    case 'nps': {
      const nps = summarizeNps(tally.distribution(q.id, 0, 10), {
        populationSize,
      });
      return {
        ...base,
        responses: nps?.responses ?? 0,
        nps,
        comments: commentCount,
      };
    }
    case 'csat': {
      const csat = summarizeCsat(tally.distribution(q.id, 1, 5));
      return { ...base, responses: csat?.responses ?? 0, csat };
    }
    case 'rating': {
      const { min, max } = q.scale ?? { min: 0, max: 10 };
      const counts = tally.distribution(q.id, min, max);
      const n = counts.reduce((a, b) => a + b, 0);
      const sum = counts.reduce((a, c, i) => a + c * (min + i), 0);
      return {
        ...base,
        responses: n,
        rating: n
          ? {
              mean: Math.round((100 * sum) / n) / 100,
              distribution: counts.map((count, i) => ({
                value: min + i,
                count,
              })),
            }
          : undefined,
      };
    }
    case 'single-choice':
    case 'multiple-choice': {
      const counts = tally.choices(q.id);
      const choices = (q.options ?? []).map(option => ({
        option,
        count: counts.get(option) ?? 0,
      }));
      // A multiple-choice respondent may pick several: responses are not
      // the sum; the choice counts are what is shown.
      return {
        ...base,
        responses:
          q.type === 'single-choice'
            ? choices.reduce((a, c) => a + c.count, 0)
            : Math.max(0, ...choices.map(c => c.count)),
        choices,
      };
    }
    default:
      return { ...base, responses: commentCount ?? 0, comments: commentCount };
  }
}

interface Headline {
  responses: number;
  nps?: ReturnType<typeof summarizeNps>;
  csat?: ReturnType<typeof summarizeCsat>;
}

function headline(
  questions: SurveyQuestion[],
  tally: Tally,
  responses: number,
  populationSize?: number,
): Headline {
  const npsQuestion = questions.find(q => q.type === 'nps');
  const csatQuestion = questions.find(q => q.type === 'csat');
  return {
    responses,
    nps: npsQuestion
      ? summarizeNps(tally.distribution(npsQuestion.id, 0, 10), {
          populationSize,
        })
      : undefined,
    csat: csatQuestion
      ? summarizeCsat(tally.distribution(csatQuestion.id, 1, 5))
      : undefined,
  };
}

/**
 * Results of one wave for the whole audience or one team, the trend over
 * earlier waves, and the breakdown by team — every number within the
 * anonymity rules: a hidden team shows no numbers at all, and which teams
 * are hidden is decided once per wave over the whole tree.
 */
export function buildResults(
  input: ResultsInput,
  commentCounts: Map<string, number>,
): SurveyResultsResponse {
  const { directory, groupRef, minGroupSize } = input;
  const current = input.waves[input.waves.length - 1];
  const questions = current.wave.questions;
  const scope = groupRef ? directory.subtree(groupRef) : undefined;
  const inScope = (team: string | null) =>
    scope ? team !== null && scope.has(team) : true;

  const visibilityOf = (counts: WaveCounts) =>
    waveVisibility(counts, directory, minGroupSize);
  const scopeState = (counts: WaveCounts, v: SegmentVisibility) => {
    if (groupRef) {
      return {
        responses: v.total.get(groupRef) ?? 0,
        hidden: v.hidden.get(groupRef),
      };
    }
    let responses = 0;
    for (const count of counts.responsesByGroup.values()) {
      responses += count;
    }
    return { responses, hidden: v.overallHidden };
  };
  /** The scope's people in a wave's audience, and of those the invited. */
  const audienceOf = (counts: WaveCounts): Partial<TeamAudience> => {
    if (!groupRef) {
      return {
        audience: counts.wave.audienceSize,
        invited: counts.wave.invitedSize ?? counts.wave.audienceSize,
      };
    }
    const totals = audienceTotals(counts, directory);
    return totals ? totals.get(groupRef) ?? { audience: 0, invited: 0 } : {};
  };

  const visibility = visibilityOf(current);
  const state = scopeState(current, visibility);
  const audience = audienceOf(current);
  const tally = Tally.of(current.answers, inScope, directory);

  // Trend: one point per wave whose scope is shown, compared with the
  // previous shown point.
  const trend: SurveyTrendPoint[] = [];
  let previous: Headline | undefined;
  for (const counts of input.waves) {
    const v = counts === current ? visibility : visibilityOf(counts);
    const s = counts === current ? state : scopeState(counts, v);
    if (s.hidden || s.responses === 0) {
      continue;
    }
    const pointAudience = audienceOf(counts);
    const h = headline(
      counts.wave.questions,
      Tally.of(counts.answers, inScope, directory),
      s.responses,
      pointAudience.audience,
    );
    let change: SurveyTrendPoint['change'];
    if (previous?.nps && h.nps) {
      change = compareNps(previous.nps, h.nps);
    } else if (previous?.csat && h.csat) {
      change = compareProportions(
        previous.csat.satisfied,
        previous.csat.responses,
        h.csat.satisfied,
        h.csat.responses,
      );
    }
    trend.push({
      waveId: counts.wave.id,
      number: counts.wave.number,
      opensAt: counts.wave.opensAt.toISOString(),
      responses: s.responses,
      responseRate: shareOf(s.responses, pointAudience.invited),
      nps: h.nps?.nps,
      csat: h.csat?.csat,
      change: change
        ? {
            delta: change.delta,
            significant: change.significant,
            pValue: change.pValue,
          }
        : undefined,
    });
    previous = h;
  }

  // Breakdown: every team under the scope, depth-first.
  const teamTallies = Tally.perTeam(current.answers, directory);
  const teamAudiences = audienceTotals(current, directory);
  const teams: SurveyTeamResult[] = [];
  const visit = (ref: string, depth: number, parentRef?: string) => {
    const hidden = visibility.hidden.get(ref);
    const responses = visibility.total.get(ref) ?? 0;
    const teamAudience = teamAudiences
      ? teamAudiences.get(ref) ?? { audience: 0, invited: 0 }
      : undefined;
    const row: SurveyTeamResult = {
      groupRef: ref,
      depth,
      parentRef,
      audienceSize: teamAudience?.audience,
      invitedSize: teamAudience?.invited,
    };
    if (hidden) {
      row.hidden = hidden;
    } else {
      const h = headline(
        questions,
        teamTallies.get(ref) ?? new Tally(),
        responses,
        teamAudience?.audience,
      );
      row.responses = responses;
      row.responseRate = shareOf(responses, teamAudience?.invited);
      row.nps = h.nps?.nps;
      row.csat = h.csat?.csat;
      if (h.nps?.census) {
        row.census = true;
      }
    }
    teams.push(row);
    for (const child of directory.graph.children(ref)) {
      visit(child, depth + 1, ref);
    }
  };
  const tops = groupRef
    ? directory.graph.children(groupRef)
    : directory.graph.roots();
  for (const top of tops) {
    visit(top, 0, groupRef);
  }

  return {
    surveyId: input.surveyId,
    wave: toApiWave(
      current.wave,
      input.now,
      [...current.responsesByGroup.values()].reduce((sum, n) => sum + n, 0),
    ),
    groupRef,
    audienceSize: audience.audience,
    invitedSize: audience.invited,
    responses: state.hidden ? 0 : state.responses,
    responseRate: state.hidden
      ? undefined
      : shareOf(state.responses, audience.invited),
    hidden: state.hidden,
    questions: state.hidden
      ? []
      : questions.map(q =>
          questionResult(
            q,
            tally,
            audience.audience,
            q.type === 'text' || q.type === 'nps'
              ? commentCounts.get(q.id) ?? 0
              : undefined,
          ),
        ),
    trend,
    teams,
    thresholds: {
      minGroupSize,
      minCommentGroupSize: input.minCommentGroupSize,
    },
  };
}
