/**
 * `yarn bench:surveys [--responses 1000000] [--teams 200] [--waves 12]
 * [--db pg|sqlite|both] [--clients 20] [--json] [--sqlite-responses N]
 * [--respondents 50] [--submissions 6000] [--cpu-profile DIR]
 * [--report SAVED.json]`: the performance benchmark of Flywheel's surveys.
 * Each database engine runs in its own child process (its own backends and
 * scratch databases); this process prints the figures against the targets.
 */
import { fork } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { join, resolve as resolvePath } from 'node:path';
import { DbKind } from '../scorecards/backend';
import { report } from './report';
import { runOnDatabase, SurveyDbResult, SurveyRunOptions } from './run';

const RESULT_MESSAGE = 'flywheel-bench-surveys-result';

interface Options extends Omit<SurveyRunOptions, 'db'> {
  dbs: DbKind[];
  json: boolean;
  /** Responses to seed on SQLite, when not `responses`. */
  sqliteResponses?: number;
  reportFile?: string;
}

const USAGE =
  'Usage: yarn bench:surveys [--responses 1000000] [--teams 200] [--waves 12] [--db pg|sqlite|both] [--clients 20] [--json]\n' +
  '         [--sqlite-responses N] [--respondents 50] [--submissions 6000] [--users-per-team 100]\n' +
  '         [--phase-seconds 15] [--submit-seconds 20] [--rounds 8] [--cpu-profile DIR] [--report SAVED.json]\n';

function parseArgs(argv: string[]): Options {
  const options: Options = {
    responses: 1_000_000,
    teams: 200,
    waves: 12,
    usersPerTeam: 100,
    clients: 20,
    respondents: 50,
    submissions: 6000,
    phaseSeconds: 15,
    submitSeconds: 20,
    invalidatedRounds: 8,
    dbs: ['pg', 'sqlite'],
    json: false,
  };
  const whole = (name: string, text: string, min: number) => {
    const n = Number(text);
    if (!Number.isInteger(n) || n < min) {
      throw new Error(`${name} must be a whole number, at least ${min}`);
    }
    return n;
  };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    const [flag, inline] = arg.split('=', 2);
    const value = () => inline ?? argv[++i];
    switch (flag) {
      case '--responses':
        options.responses = whole(flag, value(), 1000);
        break;
      case '--sqlite-responses':
        options.sqliteResponses = whole(flag, value(), 1000);
        break;
      case '--teams':
        options.teams = whole(flag, value(), 4);
        break;
      case '--waves':
        options.waves = whole(flag, value(), 2);
        break;
      case '--users-per-team':
        options.usersPerTeam = whole(flag, value(), 5);
        break;
      case '--clients':
        options.clients = whole(flag, value(), 1);
        break;
      case '--respondents':
        options.respondents = whole(flag, value(), 1);
        break;
      case '--submissions':
        options.submissions = whole(flag, value(), 100);
        break;
      case '--phase-seconds':
        options.phaseSeconds = whole(flag, value(), 1);
        break;
      case '--submit-seconds':
        options.submitSeconds = whole(flag, value(), 1);
        break;
      case '--rounds':
        options.invalidatedRounds = whole(flag, value(), 1);
        break;
      case '--db': {
        const db = value();
        if (db === 'both') {
          options.dbs = ['pg', 'sqlite'];
        } else if (db === 'sqlite' || db === 'pg') {
          options.dbs = [db];
        } else {
          throw new Error(`--db must be sqlite, pg or both, got '${db}'`);
        }
        break;
      }
      case '--json':
        options.json = true;
        break;
      case '--cpu-profile':
        options.cpuProfileDir = resolvePath(value());
        break;
      case '--report':
        options.reportFile = resolvePath(value());
        break;
      case '--help':
      case '-h':
        process.stdout.write(USAGE);
        process.exit(0);
        break;
      case '--db-child':
        break;
      default:
        throw new Error(`Unknown option '${arg}'\n${USAGE}`);
    }
  }
  return options;
}

function childArgs(db: DbKind, options: Options): string[] {
  const responses =
    db === 'sqlite' && options.sqliteResponses
      ? options.sqliteResponses
      : options.responses;
  return [
    '--db-child',
    '--db',
    db,
    '--responses',
    String(responses),
    '--teams',
    String(options.teams),
    '--waves',
    String(options.waves),
    '--users-per-team',
    String(options.usersPerTeam),
    '--clients',
    String(options.clients),
    '--respondents',
    String(options.respondents),
    '--submissions',
    String(options.submissions),
    '--phase-seconds',
    String(options.phaseSeconds),
    '--submit-seconds',
    String(options.submitSeconds),
    '--rounds',
    String(options.invalidatedRounds),
    ...(options.cpuProfileDir
      ? ['--cpu-profile', join(options.cpuProfileDir, db)]
      : []),
  ];
}

function runChild(db: DbKind, options: Options): Promise<SurveyDbResult> {
  return new Promise((resolve, reject) => {
    const child = fork(__filename, childArgs(db, options), {
      execArgv: process.execArgv,
      // Child progress goes to stderr when --json keeps stdout for the result.
      stdio: ['ignore', options.json ? 2 : 'inherit', 'inherit', 'ipc'],
    });
    let result: SurveyDbResult | undefined;
    child.on('message', m => {
      // Only our own message: Backstage's backend may use the IPC channel too.
      const message = m as { type?: string; result?: SurveyDbResult };
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
  const reportOptions = {
    clients: options.clients,
    respondents: options.respondents,
    phaseSeconds: options.phaseSeconds,
  };

  if (options.reportFile) {
    const saved = JSON.parse(readFileSync(options.reportFile, 'utf8'));
    process.stdout.write(
      `${report(saved.results, saved.machine, saved.options).text}\n`,
    );
    return;
  }

  if (argv.includes('--db-child')) {
    const result = await runOnDatabase({ ...options, db: options.dbs[0] });
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
    `Flywheel surveys benchmark: ${options.responses.toLocaleString(
      'en-US',
    )} responses${
      options.sqliteResponses
        ? ` (${options.sqliteResponses.toLocaleString('en-US')} on SQLite)`
        : ''
    } across ${options.teams} teams and ${
      options.waves
    } waves; databases: ${options.dbs.join(', ')}; ${machine.cpus} cores, ${
      machine.memoryGb
    } GB, Node ${machine.node}`,
  );
  const started = Date.now();
  const results: SurveyDbResult[] = [];
  const failures: string[] = [];
  for (const db of options.dbs) {
    say(`\n== ${db === 'pg' ? 'PostgreSQL' : 'SQLite'} ==`);
    const dbStarted = Date.now();
    try {
      results.push(await runChild(db, options));
    } catch (error) {
      failures.push(String(error));
      say(String(error));
    }
    say(`  (${db} run: ${((Date.now() - dbStarted) / 60_000).toFixed(1)} min)`);
  }
  const output = report(results, machine, reportOptions);
  if (options.json) {
    process.stdout.write(
      `${JSON.stringify({ ...output.json, failures }, null, 2)}\n`,
    );
  } else {
    process.stdout.write(`\n${output.text}\n`);
    process.stdout.write(
      `\nWhole run: ${((Date.now() - started) / 60_000).toFixed(1)} min\n`,
    );
    for (const failure of failures) {
      process.stdout.write(`FAILED: ${failure}\n`);
    }
  }
  process.exit(failures.length || results.some(r => !r.rows.ok) ? 1 : 0);
}

main().catch(error => {
  process.stderr.write(`${error?.stack ?? error}\n`);
  process.exit(1);
});
