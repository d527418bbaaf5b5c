/*
 * The house plan as lint overrides, shared by the backend and frontend
 * plugins' .eslintrc.js (docs/architecture.md): a domain's source files may
 * not import another domain's folder (nor the folders listed as
 * `composition`), and the base layer imports no domain. A syntax rule,
 * because no-restricted-imports patterns do not match relative paths that
 * climb with '..'; Backstage's own syntax restrictions are kept, since an
 * override replaces a rule's options rather than adding to them.
 */
const createConfig = require('@backstage/cli/config/eslint-factory');

const importsFrom = folders => {
  const source = `/(^|\\/)(${folders.join('|')})(\\/|$)/`;
  return [
    `ImportDeclaration[source.value=${source}]`,
    `ExportNamedDeclaration[source.value=${source}]`,
    `ExportAllDeclaration[source.value=${source}]`,
    `ImportExpression[source.value=${source}]`,
  ].join(', ');
};

/**
 * @param {string} dir the package's folder
 * @param {{ domains: string[], baseLayer: string[], composition: string[], extensions: string[], domainMessage: string, baseMessage: string }} plan
 */
module.exports = function domainBoundaryOverrides(dir, plan) {
  const [, ...backstageSyntax] =
    createConfig(dir).rules['no-restricted-syntax'];
  const forbid = (folders, message) => [
    'error',
    ...backstageSyntax,
    { selector: importsFrom(folders), message },
  ];
  const sourceFiles = folder =>
    plan.extensions.map(ext => `src/${folder}/**/*.${ext}`);
  const excludedFiles = ['**/*.test.*', '**/__testUtils__/**'];
  return [
    ...plan.domains.map(domain => ({
      files: sourceFiles(domain),
      excludedFiles,
      rules: {
        'no-restricted-syntax': forbid(
          [...plan.domains.filter(d => d !== domain), ...plan.composition],
          plan.domainMessage,
        ),
      },
    })),
    {
      files: plan.baseLayer.flatMap(sourceFiles),
      excludedFiles,
      rules: {
        'no-restricted-syntax': forbid(
          [...plan.domains, ...plan.composition],
          plan.baseMessage,
        ),
      },
    },
  ];
};
