export { SurveyRespondPage } from './SurveyRespondPage';
