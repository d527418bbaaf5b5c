export { SurveyList } from './SurveyList';
