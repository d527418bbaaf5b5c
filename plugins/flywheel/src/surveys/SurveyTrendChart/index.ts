export { SurveyTrendChart } from './SurveyTrendChart';
