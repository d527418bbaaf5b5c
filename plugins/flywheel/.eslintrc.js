const domainBoundaryOverrides = require('../../eslint/domainBoundaries');

// The house plan, enforced: see docs/architecture.md. dashboard/ composes
// the domains' pages and may import them.
module.exports = require('@backstage/cli/config/eslint-factory')(__dirname, {
  overrides: domainBoundaryOverrides(__dirname, {
    domains: [
      'goldenPaths',
      'scorecards',
      'surveys',
      'metrics',
      'maturity',
      'campaigns',
    ],
    baseLayer: ['shared', 'api'],
    composition: ['dashboard'],
    extensions: ['ts', 'tsx'],
    domainMessage:
      'A domain does not import another domain: shared UI goes in src/shared (see docs/architecture.md).',
    baseMessage:
      'shared/ and api/ import no domain (see docs/architecture.md).',
  }),
});
