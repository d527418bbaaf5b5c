import { delegate } from '../lang/delegate';
import type { SurveyTriggers } from '../interfaces/surveyTriggers';
import { SurveyAnswering } from './SurveyAnswering';
import { SurveyAuthoring } from './SurveyAuthoring';
import { SurveyContext, SurveyDeps } from './SurveyContext';
import { SurveyReporting } from './SurveyReporting';

export type { SurveyDeps, SurveyInviter } from './SurveyContext';

const AUTHORING_METHODS = [
  'start',
  'listSurveys',
  'getSurvey',
  'createSurvey',
  'updateSurvey',
  'archiveSurvey',
  'listWaves',
  'syncWaves',
  'mixAnonymousResponses',
] as const;
const ANSWERING_METHODS = [
  'prompts',
  'form',
  'preview',
  'submit',
  'promptAction',
  'fire',
] as const;
const REPORTING_METHODS = [
  'results',
  'resultsJson',
  'resultsCsv',
  'comments',
  'updateComment',
] as const;

/**
 * The survey domain, as routers, the plugin's wiring and other domains
 * (through SurveyTriggers) see it: one object over the services that do its
 * jobs — authoring and waves (SurveyAuthoring), asking and answering
 * (SurveyAnswering), results and comments (SurveyReporting) — which share
 * one SurveyContext.
 */
// eslint-disable-next-line @typescript-eslint/no-unsafe-declaration-merging
export interface SurveyService
  extends Pick<SurveyAuthoring, (typeof AUTHORING_METHODS)[number]>,
    Pick<SurveyAnswering, (typeof ANSWERING_METHODS)[number]>,
    Pick<SurveyReporting, (typeof REPORTING_METHODS)[number]> {}

// eslint-disable-next-line @typescript-eslint/no-unsafe-declaration-merging
export class SurveyService implements SurveyTriggers {
  constructor(deps: SurveyDeps) {
    const context = new SurveyContext(deps);
    Object.assign(
      this,
      delegate(new SurveyAuthoring(context), AUTHORING_METHODS),
      delegate(new SurveyAnswering(context), ANSWERING_METHODS),
      delegate(new SurveyReporting(context), REPORTING_METHODS),
    );
  }
}
