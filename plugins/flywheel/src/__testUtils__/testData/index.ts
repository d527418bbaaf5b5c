// Realistic responses of the Flywheel backend and helpers, shared by tests.
export * from './goldenPaths';
export * from './scorecards';
export * from './rollups';
export * from './metrics';
export * from './maturity';
export * from './campaigns';
export * from './mockApi';
export * from './helpers';
