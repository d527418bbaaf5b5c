export { NewSurveyButton } from './NewSurveyButton';
