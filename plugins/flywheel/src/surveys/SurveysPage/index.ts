export { SurveysPage } from './SurveysPage';
