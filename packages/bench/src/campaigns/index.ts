/**
 * `yarn bench:campaigns [--entities N] [--readers 20] [--seconds 15]
 * [--rounds 3] [--db sqlite|pg|both] [--json] [--cpu-profile DIR]
 * [--report SAVED.json]`: the performance benchmark of Flywheel's
 * campaigns over the scorecards benchmark's catalog. Each database engine
 * runs in its own child process (its own backend and scratch databases);
 * this process prints the figures against the targets.
 */
import { parseOptions, runBenchmark, wholeNumber } from '../harness';
import { CampaignDbKind } from './backend';
import { failed } from './figures';
import { report } from './report';
import { runOnDatabase } from './run';

const USAGE =
  'Usage: yarn bench:campaigns [--entities 20000] [--readers 20] [--seconds 15] [--rounds 3]\n' +
  '         [--db sqlite|pg|both] [--json] [--cpu-profile DIR] [--report SAVED.json]\n';

const parse = (argv: string[]) =>
  parseOptions(argv, {
    usage: USAGE,
    databases: ['sqlite', 'pg'] as CampaignDbKind[],
    both: ['sqlite', 'pg'] as CampaignDbKind[],
    defaults: { entities: 20_000, readers: 20, seconds: 15, rounds: 3 },
    flags: {
      '--entities': (o, value, flag) => {
        o.entities = wholeNumber(flag, value(), 100);
      },
      '--readers': (o, value, flag) => {
        o.readers = wholeNumber(flag, value(), 1);
      },
      '--seconds': (o, value, flag) => {
        o.seconds = wholeNumber(flag, value(), 1);
      },
      '--rounds': (o, value, flag) => {
        o.rounds = wholeNumber(flag, value(), 1);
      },
    },
  });

runBenchmark({
  script: __filename,
  parse,
  describe: options =>
    `Flywheel campaigns benchmark: ${options.entities.toLocaleString(
      'en-US',
    )} components, ${options.readers} readers for ${
      options.seconds
    } s per endpoint, ${
      options.rounds
    } rounds of 100 changes; databases: ${options.dbs.join(', ')}`,
  runOnDatabase: (db, options) => runOnDatabase({ ...options, db }),
  report: (results, machine, options) => report(results, machine, options),
  reportSaved: saved =>
    report(saved.results, saved.machine, saved.options).text,
  failed,
});
