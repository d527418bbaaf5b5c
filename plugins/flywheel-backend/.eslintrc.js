/*
 * The house plan, enforced: a domain imports the shared base layer and the
 * interfaces declared for crossing domains, never another domain's folder;
 * the base layer imports no domain. docs/architecture.md explains the plan.
 * (A syntax rule, because no-restricted-imports patterns do not match
 * relative paths that climb with '..'.)
 */
const DOMAINS = ['goldenPaths', 'scorecards', 'surveys'];
const BASE_LAYER = ['catalog', 'database', 'http', 'interfaces', 'time'];

const importsFrom = folders => {
  const source = `/(^|\\/)(${folders.join('|')})(\\/|$)/`;
  return [
    `ImportDeclaration[source.value=${source}]`,
    `ExportNamedDeclaration[source.value=${source}]`,
    `ExportAllDeclaration[source.value=${source}]`,
    `ImportExpression[source.value=${source}]`,
  ].join(', ');
};

const createConfig = require('@backstage/cli/config/eslint-factory');

// Backstage's own restrictions for source files, kept: an override
// replaces a rule's options rather than adding to them.
const [, ...backstageSyntax] =
  createConfig(__dirname).rules['no-restricted-syntax'];

const forbid = (folders, message) => [
  'error',
  ...backstageSyntax,
  { selector: importsFrom(folders), message },
];

module.exports = createConfig(__dirname, {
  overrides: [
    ...DOMAINS.map(domain => ({
      files: [`src/${domain}/**/*.ts`],
      excludedFiles: ['**/*.test.ts', '**/__testUtils__/**'],
      rules: {
        'no-restricted-syntax': forbid(
          [...DOMAINS.filter(d => d !== domain), 'plugin'],
          'A domain does not import another domain: cross through src/interfaces (see docs/architecture.md).',
        ),
      },
    })),
    {
      files: BASE_LAYER.map(folder => `src/${folder}/**/*.ts`),
      excludedFiles: ['**/*.test.ts', '**/__testUtils__/**'],
      rules: {
        'no-restricted-syntax': forbid(
          [...DOMAINS, 'plugin'],
          'The base layer imports no domain (see docs/architecture.md).',
        ),
      },
    },
  ],
});
