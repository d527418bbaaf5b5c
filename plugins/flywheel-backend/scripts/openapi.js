#!/usr/bin/env node
/* eslint-disable no-console */
// Derives src/schema/openapi.generated.ts (a typed `as const` copy of the
// spec, for createValidatedOpenApiRouter) from src/schema/openapi.yaml, the
// source of truth. Backstage's own generator downloads a Java jar, which is
// not possible offline. `--check` fails when the two disagree (run in CI).
const fs = require('fs');
const path = require('path');
const YAML = require('yaml');

const dir = path.resolve(__dirname, '../src/schema');
const spec = YAML.parse(
  fs.readFileSync(path.join(dir, 'openapi.yaml'), 'utf8'),
);
const target = path.join(dir, 'openapi.generated.ts');
const content = `// Generated from openapi.yaml by scripts/openapi.js: do not edit.
/* eslint-disable */
export const spec = ${JSON.stringify(spec, null, 2)} as const;
`;

if (process.argv.includes('--check')) {
  const current = fs.existsSync(target) ? fs.readFileSync(target, 'utf8') : '';
  if (current !== content) {
    console.error(
      `${path.relative(
        process.cwd(),
        target,
      )} is out of date: run 'yarn flywheel:openapi'`,
    );
    process.exit(1);
  }
  console.log('OpenAPI module is in sync with openapi.yaml');
} else {
  fs.writeFileSync(target, content);
  console.log(`Wrote ${path.relative(process.cwd(), target)}`);
}
