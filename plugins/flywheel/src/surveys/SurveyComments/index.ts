export { SurveyComments } from './SurveyComments';
