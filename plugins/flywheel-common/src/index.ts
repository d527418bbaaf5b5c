/**
 * Types, annotations, permissions and metric math shared by the Flywheel
 * plugins.
 *
 * @packageDocumentation
 */
export * from './goldenPaths/annotations';
export * from './goldenPaths/provenance';
export * from './goldenPaths/types';
export * from './goldenPaths/versions';
export * from './stats/quantile';
export * from './permissions';
export * from './scorecards/types';
export * from './scorecards/levels';
export * from './surveys/types';
export * from './stats/nps';
export * from './stats/csat';
export * from './stats/compare';
export * from './stats/mannWhitney';
export * from './metrics/types';
export * from './metrics/deployments';
export * from './metrics/usage';
export * from './surveys/templates';
export * from './maturity/types';
export * from './maturity/outcomes';
export * from './maturity/criteria';
export * from './campaigns/types';
export * from './campaigns/goals';
