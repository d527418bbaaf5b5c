export { SurveyForm } from './SurveyForm';
export type { SurveyFormProps } from './SurveyForm';
export { MAX_TEXT_LENGTH } from './answers';
