/**
 * `yarn bench:surveys [--responses 1000000] [--teams 200] [--waves 12]
 * [--db pg|sqlite|both] [--clients 20] [--json] [--sqlite-responses N]
 * [--respondents 50] [--submissions 6000] [--cpu-profile DIR]
 * [--report SAVED.json]`: the performance benchmark of Flywheel's surveys.
 * Each database engine runs in its own child process (its own backends and
 * scratch databases); this process prints the figures against the targets.
 */
import {
  FlagHandler,
  parseOptions,
  runBenchmark,
  wholeNumber,
} from '../harness';
import { SurveyDbKind } from './backend';
import { report } from './report';
import { SurveyRunOptions } from './results';
import { runOnDatabase } from './run';

const USAGE =
  'Usage: yarn bench:surveys [--responses 1000000] [--teams 200] [--waves 12] [--db pg|sqlite|both] [--clients 20] [--json]\n' +
  '         [--sqlite-responses N] [--respondents 50] [--submissions 6000] [--users-per-team 100]\n' +
  '         [--phase-seconds 15] [--submit-seconds 20] [--rounds 8] [--cpu-profile DIR] [--report SAVED.json]\n';

type Options = Omit<SurveyRunOptions, 'db' | 'cpuProfileDir'> & {
  /** Responses to seed on SQLite, when not `responses`. */
  sqliteResponses?: number;
};

/** A flag that sets a whole number of at least `min`. */
const whole =
  (key: keyof Options, min: number): FlagHandler<Options> =>
  (options, value, flag) => {
    options[key] = wholeNumber(flag, value(), min);
  };

const parse = (argv: string[]) =>
  parseOptions<SurveyDbKind, Options>(argv, {
    usage: USAGE,
    databases: ['sqlite', 'pg'],
    both: ['pg', 'sqlite'],
    defaults: {
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
    },
    flags: {
      '--responses': whole('responses', 1000),
      '--sqlite-responses': whole('sqliteResponses', 1000),
      '--teams': whole('teams', 4),
      '--waves': whole('waves', 2),
      '--users-per-team': whole('usersPerTeam', 5),
      '--clients': whole('clients', 1),
      '--respondents': whole('respondents', 1),
      '--submissions': whole('submissions', 100),
      '--phase-seconds': whole('phaseSeconds', 1),
      '--submit-seconds': whole('submitSeconds', 1),
      '--rounds': whole('invalidatedRounds', 1),
    },
  });

runBenchmark({
  script: __filename,
  parse,
  describe: options =>
    `Flywheel surveys benchmark: ${options.responses.toLocaleString(
      'en-US',
    )} responses${
      options.sqliteResponses
        ? ` (${options.sqliteResponses.toLocaleString('en-US')} on SQLite)`
        : ''
    } across ${options.teams} teams and ${
      options.waves
    } waves; databases: ${options.dbs.join(', ')}`,
  runOnDatabase: (db, options) =>
    runOnDatabase({
      ...options,
      db,
      responses:
        db === 'sqlite' && options.sqliteResponses
          ? options.sqliteResponses
          : options.responses,
    }),
  report: (results, machine, options) =>
    report(results, machine, {
      clients: options.clients,
      respondents: options.respondents,
      phaseSeconds: options.phaseSeconds,
    }),
  reportSaved: saved =>
    report(saved.results, saved.machine, saved.options).text,
  failed: result => !result.rows.ok,
});
