/*
 * The house plan, enforced (docs/architecture.md): a domain imports shared/
 * and the API client, never another domain's folder; shared/ and api/ import
 * no domain. dashboard/ composes the domains' pages and may import them.
 * (A syntax rule, because no-restricted-imports patterns do not match
 * relative paths that climb with '..'.)
 */
const DOMAINS = ['goldenPaths', 'scorecards', 'surveys'];
const BASE_LAYER = ['shared', 'api'];

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

const sourceFiles = folder => [
  `src/${folder}/**/*.ts`,
  `src/${folder}/**/*.tsx`,
];
const excludedFiles = ['**/*.test.*', '**/__testUtils__/**'];

module.exports = createConfig(__dirname, {
  overrides: [
    ...DOMAINS.map(domain => ({
      files: sourceFiles(domain),
      excludedFiles,
      rules: {
        'no-restricted-syntax': forbid(
          [...DOMAINS.filter(d => d !== domain), 'dashboard'],
          'A domain does not import another domain: shared UI goes in src/shared (see docs/architecture.md).',
        ),
      },
    })),
    {
      files: BASE_LAYER.flatMap(sourceFiles),
      excludedFiles,
      rules: {
        'no-restricted-syntax': forbid(
          [...DOMAINS, 'dashboard'],
          'shared/ and api/ import no domain (see docs/architecture.md).',
        ),
      },
    },
  ],
});
