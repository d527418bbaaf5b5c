/**
 * `yarn bench:metrics [--services 20000] [--per-week 0.5] [--years 2]
 * [--deployments 100000] [--batch 200] [--ingest-clients 50] [--readers 20]
 * [--series-seconds 60] [--usage-events 200000] [--usage-batch 10]
 * [--usage-people 2000] [--usage-clients 50] [--scenarios ingest,usage,series]
 * [--db pg|sqlite|both]
 * [--json] [--cpu-profile DIR] [--report SAVED.json]`: the performance
 * benchmark of Flywheel's metrics. Each database engine runs in its own
 * child process (its own backend and scratch databases); this process
 * prints the figures against the targets.
 */
import {
  FlagHandler,
  parseOptions,
  runBenchmark,
  wholeNumber,
} from '../harness';
import { MetricsDbKind } from './backend';
import { failed, report } from './report';
import { MetricsRunOptions, ScenarioId } from './results';
import { runOnDatabase } from './run';
import { SCENARIO_IDS } from './scenarios';

const USAGE =
  'Usage: yarn bench:metrics [--services 20000] [--per-week 0.5] [--years 2] [--deployments 100000]\n' +
  '         [--batch 200] [--ingest-clients 50] [--seed-batch 2000] [--readers 20] [--series-seconds 60]\n' +
  '         [--usage-events 200000] [--usage-batch 10] [--usage-people 2000] [--usage-clients 50]\n' +
  `         [--scenarios ${SCENARIO_IDS.join(
    ',',
  )}] [--db pg|sqlite|both] [--json] [--cpu-profile DIR] [--report SAVED.json]\n`;

type Options = Omit<MetricsRunOptions, 'db' | 'cpuProfileDir'>;

/** A flag that sets a whole number of at least `min`. */
const whole =
  (key: keyof Options, min: number): FlagHandler<Options> =>
  (options, value, flag) => {
    (options as Record<string, unknown>)[key] = wholeNumber(flag, value(), min);
  };

const parse = (argv: string[]) =>
  parseOptions<MetricsDbKind, Options>(argv, {
    usage: USAGE,
    databases: ['sqlite', 'pg'],
    both: ['pg', 'sqlite'],
    defaults: {
      services: 20_000,
      perWeek: 0.5,
      years: 2,
      deployments: 100_000,
      batch: 200,
      ingestClients: 50,
      seedBatch: 2000,
      readers: 20,
      seriesSeconds: 60,
      usageEvents: 200_000,
      usageBatch: 10,
      usagePeople: 2000,
      usageClients: 50,
      scenarios: SCENARIO_IDS,
    },
    flags: {
      '--services': whole('services', 10),
      '--years': whole('years', 1),
      '--deployments': whole('deployments', 1),
      '--batch': whole('batch', 1),
      '--ingest-clients': whole('ingestClients', 1),
      '--seed-batch': whole('seedBatch', 1),
      '--readers': whole('readers', 1),
      '--series-seconds': whole('seriesSeconds', 1),
      '--usage-events': whole('usageEvents', 1),
      '--usage-batch': (options, value, flag) => {
        const n = wholeNumber(flag, value(), 1);
        if (n > 250) {
          throw new Error(
            `${flag} is the mean events per post (each 1 to 2× − 1, at most 500): at most 250`,
          );
        }
        options.usageBatch = n;
      },
      '--usage-people': whole('usagePeople', 1),
      '--usage-clients': whole('usageClients', 1),
      '--per-week': (options, value, flag) => {
        const n = Number(value());
        if (!(n > 0 && n <= 50)) {
          throw new Error(`${flag} must be a number above 0, at most 50`);
        }
        options.perWeek = n;
      },
      '--scenarios': (options, value, flag) => {
        const ids = value().split(',') as ScenarioId[];
        const unknown = ids.filter(id => !SCENARIO_IDS.includes(id));
        if (ids.length === 0 || unknown.length > 0) {
          throw new Error(
            `${flag} takes ${SCENARIO_IDS.join(', ')}, got '${unknown}'`,
          );
        }
        options.scenarios = ids;
      },
    },
  });

runBenchmark({
  script: __filename,
  parse,
  describe: options =>
    `Flywheel metrics benchmark: ${options.services.toLocaleString(
      'en-US',
    )} services, ${options.years} years of deployments (${
      options.perWeek
    } a week per service on average); scenarios: ${options.scenarios.join(
      ', ',
    )}; databases: ${options.dbs.join(', ')}`,
  runOnDatabase: (db, options) => runOnDatabase({ ...options, db }),
  report: (results, machine, options) => report(results, machine, options),
  reportSaved: saved =>
    report(saved.results, saved.machine, saved.options).text,
  failed,
});
