export { OutcomeDashboard, OUTCOME_FAMILIES } from './OutcomeDashboard';
