#!/usr/bin/env node
/* eslint-disable no-console */
// The one summary line of script/test over both runners (jest and Playwright),
// with how many store tests ran on each database engine:
//
//   tests: 1345 passed, 0 failed, 0 skipped (store tests: 212 on SQLite, 212 on PostgreSQL)
//
// Store tests run once per engine through Backstage's TestDatabases
// (`it.each(databases.eachSupportedId())` or `describe.each(...)`), so the
// engine id ("SQLITE_3", "POSTGRES_15") is part of each case's name. An engine
// TestDatabases cannot reach is silently left out of eachSupportedId(), so its
// cases never run and jest does not count them as skipped: only these counts
// show it.
//
// usage: node script/summary.js <jest-report.json> [<playwright-report.json>]
//          [--strict] [--expect-store-tests]
//   --strict              (script/test passes it under CI) exit 1 when
//                         PostgreSQL ran fewer store tests than SQLite, naming
//                         the files that lost cases, or when a report is missing
//   --expect-store-tests  (a full run) exit 1 under --strict when no store test
//                         ran at all, e.g. because test names lost their engine id
// Problems go to stderr; the summary line is always the last line on stdout.
const fs = require('fs');
const path = require('path');

const ENGINE_ID = /\b(SQLITE|POSTGRES|MYSQL)_\d+\b/g;
const RAN = new Set(['passed', 'failed']);

/** The engine family ('SQLITE', 'POSTGRES', …) a jest case ran on, if any. */
function engineOf(assertion) {
  const names = [...(assertion.ancestorTitles || []), assertion.title || ''];
  let engine;
  for (const name of names) {
    for (const match of String(name).matchAll(ENGINE_ID)) engine = match[1];
  }
  return engine;
}

/**
 * Store-test cases that ran (passed or failed) per engine family, in total
 * and per test file.
 */
function countStoreTests(jest) {
  const total = { SQLITE: 0, POSTGRES: 0, MYSQL: 0 };
  const byFile = {};
  for (const file of (jest && jest.testResults) || []) {
    for (const assertion of file.assertionResults || []) {
      const engine = engineOf(assertion);
      if (!engine || !RAN.has(assertion.status)) continue;
      total[engine] += 1;
      byFile[file.name] = byFile[file.name] || {
        SQLITE: 0,
        POSTGRES: 0,
        MYSQL: 0,
      };
      byFile[file.name][engine] += 1;
    }
  }
  return { total, byFile };
}

/**
 * The summary line and the problems found; `failing` says whether the
 * problems should fail the run (only under `strict`).
 */
function summarize({ jest, e2e, strict = false, expectStoreTests = false }) {
  const problems = [];
  let passed = 0;
  let failed = 0;
  let skipped = 0;
  if (jest) {
    passed += jest.numPassedTests;
    // A file that crashes before its cases run (a failing import, a database
    // that cannot be reached in beforeAll) has no failed case: count it.
    failed += jest.numFailedTests + (jest.numRuntimeErrorTestSuites || 0);
    skipped += jest.numPendingTests + (jest.numTodoTests || 0);
  } else {
    problems.push('jest wrote no report');
  }
  if (e2e) {
    passed += e2e.stats.expected + e2e.stats.flaky;
    failed += e2e.stats.unexpected;
    skipped += e2e.stats.skipped;
  } else {
    problems.push('the browser tests wrote no report');
  }

  const { total, byFile } = countStoreTests(jest);
  const sqlite = total.SQLITE;
  const postgres = total.POSTGRES;
  if (postgres < sqlite) {
    const files = Object.entries(byFile)
      .filter(([, n]) => n.POSTGRES < n.SQLITE)
      .map(
        ([name, n]) =>
          `  ${path.relative(process.cwd(), name)}: ${n.SQLITE} on SQLite, ${
            n.POSTGRES
          } on PostgreSQL`,
      );
    problems.push(
      `PostgreSQL ran ${postgres} store tests, SQLite ${sqlite}: every store test must run on both. ` +
        'Is BACKSTAGE_TEST_DATABASE_POSTGRES15_CONNECTION_STRING set and the server reachable ' +
        '(script/postgres.sh)? Files with fewer PostgreSQL cases:\n' +
        files.join('\n'),
    );
  }
  if (expectStoreTests && jest && sqlite === 0 && postgres === 0) {
    problems.push(
      'No store test ran on any engine: store tests must name their engine ' +
        "(it.each/describe.each(databases.eachSupportedId()) with '%p' in the name).",
    );
  }

  const engines = [`${sqlite} on SQLite`, `${postgres} on PostgreSQL`];
  if (total.MYSQL > 0) engines.push(`${total.MYSQL} on MySQL`);
  const line =
    `tests: ${passed} passed, ${failed} failed, ${skipped} skipped ` +
    `(store tests: ${engines.join(', ')})`;
  return { line, problems, failing: strict && problems.length > 0 };
}

function readReport(file) {
  if (!file || !fs.existsSync(file)) return undefined;
  return JSON.parse(fs.readFileSync(file, 'utf8'));
}

function main(argv) {
  const files = argv.filter(arg => !arg.startsWith('--'));
  const { line, problems, failing } = summarize({
    jest: readReport(files[0]),
    e2e: readReport(files[1]),
    strict: argv.includes('--strict'),
    expectStoreTests: argv.includes('--expect-store-tests'),
  });
  for (const problem of problems) {
    console.error(`${failing ? 'FAIL' : 'WARNING'}: ${problem}`);
  }
  console.log(line);
  return failing ? 1 : 0;
}

module.exports = { engineOf, countStoreTests, summarize, main };

if (require.main === module) {
  process.exitCode = main(process.argv.slice(2));
}
