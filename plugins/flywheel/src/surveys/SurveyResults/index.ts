export { SurveyResults } from './SurveyResults';
