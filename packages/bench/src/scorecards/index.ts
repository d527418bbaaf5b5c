/**
 * `yarn bench:scorecards [--entities N] [--db sqlite|sqlite-disk|pg|both] [--json]
 * [--skip-tech-insights] [--cpu-profile DIR] [--report SAVED.json]`: the performance benchmark of Flywheel's adoption
 * scorecards. Each database engine runs in its own child process (its own
 * backend, memory figures and scratch databases); this process prints the
 * figures against the targets.
 */
import { fork } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { join, resolve as resolvePath } from 'node:path';
import { ScorecardDbKind } from './backend';
import { DB_TITLE, report } from './report';
import { DbResult, runOnDatabase } from './run';

const RESULT_MESSAGE = 'flywheel-bench-result';

interface Options {
  entities: number;
  dbs: ScorecardDbKind[];
  json: boolean;
  skipTechInsights: boolean;
  cpuProfileDir?: string;
  /** Print the table of a saved `--json` output instead of running. */
  reportFile?: string;
}

function parseArgs(argv: string[]): Options {
  const options: Options = {
    entities: 20000,
    dbs: ['sqlite', 'pg'],
    json: false,
    skipTechInsights: false,
  };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    const [flag, inline] = arg.split('=', 2);
    const value = () => inline ?? argv[++i];
    if (flag === '--entities') {
      options.entities = Number(value());
      if (!Number.isInteger(options.entities) || options.entities < 100) {
        throw new Error('--entities must be a whole number, at least 100');
      }
    } else if (flag === '--db') {
      const db = value();
      if (db === 'both') {
        options.dbs = ['sqlite', 'pg'];
      } else if (db === 'sqlite' || db === 'sqlite-disk' || db === 'pg') {
        options.dbs = [db];
      } else {
        throw new Error(
          `--db must be sqlite, sqlite-disk, pg or both, got '${db}'`,
        );
      }
    } else if (flag === '--json') {
      options.json = true;
    } else if (flag === '--skip-tech-insights') {
      options.skipTechInsights = true;
    } else if (flag === '--report') {
      options.reportFile = resolvePath(value());
    } else if (flag === '--cpu-profile') {
      options.cpuProfileDir = resolvePath(value());
    } else if (flag === '--help' || flag === '-h') {
      process.stdout.write(
        'Usage: yarn bench:scorecards [--entities N] [--db sqlite|sqlite-disk|pg|both] [--json] [--skip-tech-insights] [--cpu-profile DIR] [--report SAVED.json]\n',
      );
      process.exit(0);
    } else if (flag !== '--db-child') {
      throw new Error(`Unknown option '${arg}'`);
    }
  }
  return options;
}

function runChild(db: ScorecardDbKind, options: Options): Promise<DbResult> {
  return new Promise((resolve, reject) => {
    const args = [
      '--db-child',
      '--db',
      db,
      '--entities',
      String(options.entities),
      ...(options.skipTechInsights ? ['--skip-tech-insights'] : []),
      ...(options.cpuProfileDir
        ? ['--cpu-profile', join(options.cpuProfileDir, db)]
        : []),
    ];
    const child = fork(__filename, args, {
      execArgv: process.execArgv,
      // Child progress goes to stderr when --json keeps stdout for the result.
      stdio: ['ignore', options.json ? 2 : 'inherit', 'inherit', 'ipc'],
    });
    let result: DbResult | undefined;
    child.on('message', m => {
      // Only our own message: Backstage's backend may use the IPC channel too.
      const message = m as { type?: string; result?: DbResult };
      if (message?.type === RESULT_MESSAGE) {
        result = message.result;
      }
    });
    child.once('error', reject);
    child.once('exit', code => {
      if (result) {
        resolve(result);
      } else {
        reject(new Error(`The ${db} run failed (exit code ${code})`));
      }
    });
  });
}

async function main() {
  const argv = process.argv.slice(2);
  const options = parseArgs(argv);

  if (options.reportFile) {
    const saved = JSON.parse(readFileSync(options.reportFile, 'utf8'));
    process.stdout.write(
      `${report(saved.results, saved.machine, saved.entities).text}\n`,
    );
    return;
  }

  if (argv.includes('--db-child')) {
    const result = await runOnDatabase({
      db: options.dbs[0],
      entities: options.entities,
      skipTechInsights: options.skipTechInsights,
      cpuProfileDir: options.cpuProfileDir,
    });
    await new Promise<void>(resolve =>
      process.send!({ type: RESULT_MESSAGE, result }, () => resolve()),
    );
    process.exit(0);
  }

  const machine = {
    cpus: cpus().length,
    cpuModel: cpus()[0]?.model ?? 'unknown',
    memoryGb: Math.round(totalmem() / 1024 ** 3),
    node: process.version,
  };
  const say = (line: string) =>
    (options.json ? process.stderr : process.stdout).write(`${line}\n`);
  say(
    `Flywheel scorecards benchmark: ${options.entities.toLocaleString(
      'en-US',
    )} components, databases: ${options.dbs.join(', ')}; ${
      machine.cpus
    } cores, ${machine.memoryGb} GB, Node ${machine.node}`,
  );
  const results: DbResult[] = [];
  const failures: string[] = [];
  for (const db of options.dbs) {
    say(`\n== ${DB_TITLE[db]} ==`);
    try {
      results.push(await runChild(db, options));
    } catch (error) {
      failures.push(String(error));
      say(String(error));
    }
  }
  const output = report(results, machine, options.entities);
  if (options.json) {
    process.stdout.write(
      `${JSON.stringify({ ...output.json, failures }, null, 2)}\n`,
    );
  } else {
    process.stdout.write(`\n${output.text}\n`);
    for (const failure of failures) {
      process.stdout.write(`FAILED: ${failure}\n`);
    }
  }
  process.exit(failures.length ? 1 : 0);
}

main().catch(error => {
  process.stderr.write(`${error?.stack ?? error}\n`);
  process.exit(1);
});
