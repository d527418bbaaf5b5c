// Tests of script/summary.js (Node's own test runner: `node --test script/`).
// script/test runs them first, so the check that PostgreSQL store tests ran
// cannot quietly stop working.
const test = require('node:test');
const assert = require('node:assert/strict');
const fs = require('fs');
const os = require('os');
const path = require('path');
const { execFileSync } = require('child_process');
const { engineOf, countStoreTests, summarize } = require('./summary');

// Case names as jest writes them for TestDatabases' `%p` (checked against a
// real report): it.each puts the id in the title, describe.each in an ancestor.
function storeFile(name, engines, status = 'passed') {
  const assertionResults = [];
  for (const engine of engines) {
    assertionResults.push(
      {
        ancestorTitles: ['Store'],
        title: `stores rows, "${engine}"`,
        status,
      },
      {
        ancestorTitles: ['Service', `on "${engine}"`],
        title: 'lists things',
        status,
      },
    );
  }
  assertionResults.push({
    ancestorTitles: ['Service', 'pure'],
    title: 'adds numbers',
    status: 'passed',
  });
  return { name, assertionResults };
}

function jestReport(files, counts = {}) {
  const all = files.flatMap(f => f.assertionResults);
  return {
    numPassedTests: all.filter(a => a.status === 'passed').length,
    numFailedTests: all.filter(a => a.status === 'failed').length,
    numPendingTests: all.filter(a => a.status === 'pending').length,
    numTodoTests: 0,
    numRuntimeErrorTestSuites: 0,
    testResults: files,
    ...counts,
  };
}

const e2e = { stats: { expected: 3, flaky: 1, unexpected: 0, skipped: 2 } };

test('finds the engine in the title or in an ancestor', () => {
  assert.equal(
    engineOf({ ancestorTitles: ['A'], title: 'x, "SQLITE_3"' }),
    'SQLITE',
  );
  assert.equal(
    engineOf({ ancestorTitles: ['A', "on 'POSTGRES_15'"], title: 'x' }),
    'POSTGRES',
  );
  assert.equal(
    engineOf({ ancestorTitles: ['"MYSQL_8"'], title: 'x' }),
    'MYSQL',
  );
  assert.equal(
    engineOf({ ancestorTitles: ['A'], title: 'POSTGRES is fast' }),
    undefined,
  );
  assert.equal(
    engineOf({ ancestorTitles: [], title: 'NOT_SQLITE_3x' }),
    undefined,
  );
});

test('counts store tests that ran, per engine and per file', () => {
  const report = jestReport([
    storeFile('/a.test.ts', ['SQLITE_3', 'POSTGRES_15']),
    storeFile('/b.test.ts', ['SQLITE_3']),
    storeFile('/c.test.ts', ['POSTGRES_15'], 'pending'),
  ]);
  const { total, byFile } = countStoreTests(report);
  assert.deepEqual(total, { SQLITE: 4, POSTGRES: 2, MYSQL: 0 });
  assert.deepEqual(byFile['/b.test.ts'], { SQLITE: 2, POSTGRES: 0, MYSQL: 0 });
  assert.equal(byFile['/c.test.ts'], undefined);
});

test('says how many store tests ran on each engine, after the plain counts', () => {
  const { line, problems, failing } = summarize({
    jest: jestReport([storeFile('/a.test.ts', ['SQLITE_3', 'POSTGRES_15'])]),
    e2e,
    strict: true,
    expectStoreTests: true,
  });
  assert.equal(
    line,
    'tests: 9 passed, 0 failed, 2 skipped (store tests: 2 on SQLite, 2 on PostgreSQL)',
  );
  assert.match(line, /^tests: \d+ passed, \d+ failed/);
  assert.deepEqual(problems, []);
  assert.equal(failing, false);
});

test('fails under --strict when PostgreSQL ran fewer store tests, naming the file', () => {
  const jest = jestReport([
    storeFile('/a.test.ts', ['SQLITE_3', 'POSTGRES_15']),
    storeFile('/lost.test.ts', ['SQLITE_3']),
  ]);
  const strict = summarize({ jest, e2e, strict: true });
  assert.equal(strict.failing, true);
  assert.match(strict.line, /store tests: 4 on SQLite, 2 on PostgreSQL/);
  assert.equal(strict.problems.length, 1);
  assert.match(strict.problems[0], /PostgreSQL ran 2 store tests, SQLite 4/);
  assert.match(
    strict.problems[0],
    /lost\.test\.ts: 2 on SQLite, 0 on PostgreSQL/,
  );
  assert.doesNotMatch(strict.problems[0], /\/a\.test\.ts/);

  // Outside CI the same run only warns.
  const lenient = summarize({ jest, e2e, strict: false });
  assert.equal(lenient.failing, false);
  assert.equal(lenient.problems.length, 1);
});

test('fails under --strict when no PostgreSQL store test ran at all', () => {
  const jest = jestReport([storeFile('/a.test.ts', ['SQLITE_3'])]);
  const { failing, line } = summarize({ jest, e2e, strict: true });
  assert.equal(failing, true);
  assert.match(line, /store tests: 2 on SQLite, 0 on PostgreSQL/);
});

test('fails a full run under --strict when no store test is recognised', () => {
  const jest = jestReport([storeFile('/plain.test.ts', [])]);
  assert.equal(
    summarize({ jest, e2e, strict: true, expectStoreTests: true }).failing,
    true,
  );
  // A filtered run (script/test <pattern>) may hold no store test.
  assert.equal(summarize({ jest, e2e, strict: true }).failing, false);
});

test('counts a test file that crashed before its cases as failed', () => {
  const jest = jestReport([storeFile('/a.test.ts', [])], {
    numRuntimeErrorTestSuites: 1,
  });
  assert.match(summarize({ jest, e2e }).line, /^tests: 5 passed, 1 failed/);
});

test('a missing report is a problem', () => {
  const result = summarize({ jest: undefined, e2e, strict: true });
  assert.equal(result.failing, true);
  assert.deepEqual(result.problems, ['jest wrote no report']);
  assert.match(result.line, /^tests: 4 passed, 0 failed/);
});

test('the command prints the line last and exits 1 only under --strict', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'flywheel-summary-'));
  try {
    const jestFile = path.join(dir, 'jest.json');
    const e2eFile = path.join(dir, 'e2e.json');
    fs.writeFileSync(
      jestFile,
      JSON.stringify(jestReport([storeFile('/a.test.ts', ['SQLITE_3'])])),
    );
    fs.writeFileSync(e2eFile, JSON.stringify(e2e));
    const script = path.join(__dirname, 'summary.js');
    const run = args => {
      try {
        return {
          status: 0,
          stdout: execFileSync('node', [script, ...args], {
            stdio: 'pipe',
          }).toString(),
        };
      } catch (error) {
        return {
          status: error.status,
          stdout: error.stdout.toString(),
          stderr: error.stderr.toString(),
        };
      }
    };
    const lenient = run([jestFile, e2eFile]);
    assert.equal(lenient.status, 0);
    assert.match(
      lenient.stdout.trim().split('\n').pop(),
      /^tests: 7 passed, 0 failed, 2 skipped \(store tests: 2 on SQLite, 0 on PostgreSQL\)$/,
    );
    const strict = run([jestFile, e2eFile, '--strict']);
    assert.equal(strict.status, 1);
    assert.match(
      strict.stderr,
      /^FAIL: PostgreSQL ran 0 store tests, SQLite 2/,
    );
    assert.match(strict.stdout, /^tests: 7 passed/);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});
