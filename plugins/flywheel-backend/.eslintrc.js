const domainBoundaryOverrides = require('../../eslint/domainBoundaries');

// The house plan, enforced: see docs/architecture.md.
module.exports = require('@backstage/cli/config/eslint-factory')(__dirname, {
  overrides: domainBoundaryOverrides(__dirname, {
    domains: [
      'campaigns',
      'goldenPaths',
      'maturity',
      'metrics',
      'scorecards',
      'surveys',
    ],
    baseLayer: [
      'catalog',
      'database',
      'http',
      'interfaces',
      'lang',
      'permissions',
      'privacy',
      'time',
    ],
    composition: ['plugin'],
    extensions: ['ts'],
    domainMessage:
      'A domain does not import another domain: cross through src/interfaces (see docs/architecture.md).',
    baseMessage: 'The base layer imports no domain (see docs/architecture.md).',
  }),
});
