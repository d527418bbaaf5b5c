import type { SurveyTriggers } from '../interfaces/surveyTriggers';
import { SurveyAnswering } from './SurveyAnswering';
import { SurveyAuthoring } from './SurveyAuthoring';
import { SurveyContext, SurveyDeps } from './SurveyContext';
import { SurveyReporting } from './SurveyReporting';

export type { SurveyDeps, SurveyInviter } from './SurveyContext';

/**
 * The survey domain, as routers, the plugin's wiring and other domains
 * (through SurveyTriggers) see it: one object over the services that do its
 * jobs — authoring and waves (SurveyAuthoring), asking and answering
 * (SurveyAnswering), results and comments (SurveyReporting) — which share
 * one SurveyContext.
 */
export class SurveyService implements SurveyTriggers {
  readonly start: SurveyAuthoring['start'];
  readonly listSurveys: SurveyAuthoring['listSurveys'];
  readonly getSurvey: SurveyAuthoring['getSurvey'];
  readonly createSurvey: SurveyAuthoring['createSurvey'];
  readonly updateSurvey: SurveyAuthoring['updateSurvey'];
  readonly archiveSurvey: SurveyAuthoring['archiveSurvey'];
  readonly listWaves: SurveyAuthoring['listWaves'];
  readonly syncWaves: SurveyAuthoring['syncWaves'];
  readonly mixAnonymousResponses: SurveyAuthoring['mixAnonymousResponses'];
  readonly prompts: SurveyAnswering['prompts'];
  readonly form: SurveyAnswering['form'];
  readonly preview: SurveyAnswering['preview'];
  readonly submit: SurveyAnswering['submit'];
  readonly promptAction: SurveyAnswering['promptAction'];
  readonly fire: SurveyAnswering['fire'];
  readonly results: SurveyReporting['results'];
  readonly resultsJson: SurveyReporting['resultsJson'];
  readonly resultsCsv: SurveyReporting['resultsCsv'];
  readonly comments: SurveyReporting['comments'];
  readonly updateComment: SurveyReporting['updateComment'];

  constructor(deps: SurveyDeps) {
    const context = new SurveyContext(deps);
    const authoring = new SurveyAuthoring(context);
    const answering = new SurveyAnswering(context);
    const reporting = new SurveyReporting(context);
    this.start = authoring.start.bind(authoring);
    this.listSurveys = authoring.listSurveys.bind(authoring);
    this.getSurvey = authoring.getSurvey.bind(authoring);
    this.createSurvey = authoring.createSurvey.bind(authoring);
    this.updateSurvey = authoring.updateSurvey.bind(authoring);
    this.archiveSurvey = authoring.archiveSurvey.bind(authoring);
    this.listWaves = authoring.listWaves.bind(authoring);
    this.syncWaves = authoring.syncWaves.bind(authoring);
    this.mixAnonymousResponses =
      authoring.mixAnonymousResponses.bind(authoring);
    this.prompts = answering.prompts.bind(answering);
    this.form = answering.form.bind(answering);
    this.preview = answering.preview.bind(answering);
    this.submit = answering.submit.bind(answering);
    this.promptAction = answering.promptAction.bind(answering);
    this.fire = answering.fire.bind(answering);
    this.results = reporting.results.bind(reporting);
    this.resultsJson = reporting.resultsJson.bind(reporting);
    this.resultsCsv = reporting.resultsCsv.bind(reporting);
    this.comments = reporting.comments.bind(reporting);
    this.updateComment = reporting.updateComment.bind(reporting);
  }
}
