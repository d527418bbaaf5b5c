export { SurveyEditor } from './SurveyEditor';
