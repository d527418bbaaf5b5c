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
