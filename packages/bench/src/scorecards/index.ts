/**
 * `yarn bench:scorecards [--entities N] [--db sqlite|sqlite-disk|pg|both] [--json]
 * [--skip-tech-insights] [--cpu-profile DIR] [--report SAVED.json]`: the performance benchmark of Flywheel's adoption
 * scorecards. Each database engine runs in its own child process (its own
 * backend, memory figures and scratch databases); this process prints the
 * figures against the targets.
 */
import { parseOptions, runBenchmark, wholeNumber } from '../harness';
import { ScorecardDbKind } from './backend';
import { report } from './report';
import { runOnDatabase } from './run';

const USAGE =
  'Usage: yarn bench:scorecards [--entities N] [--db sqlite|sqlite-disk|pg|both] [--json] [--skip-tech-insights] [--cpu-profile DIR] [--report SAVED.json]\n';

const parse = (argv: string[]) =>
  parseOptions(argv, {
    usage: USAGE,
    databases: ['sqlite', 'sqlite-disk', 'pg'] as ScorecardDbKind[],
    both: ['sqlite', 'pg'] as ScorecardDbKind[],
    defaults: { entities: 20000, skipTechInsights: false },
    flags: {
      '--entities': (o, value) => {
        o.entities = wholeNumber('--entities', value(), 100);
      },
      '--skip-tech-insights': o => {
        o.skipTechInsights = true;
      },
    },
  });

runBenchmark({
  script: __filename,
  parse,
  describe: options =>
    `Flywheel scorecards benchmark: ${options.entities.toLocaleString(
      'en-US',
    )} components, databases: ${options.dbs.join(', ')}`,
  runOnDatabase: (db, options) => runOnDatabase({ ...options, db }),
  report: (results, machine, options) =>
    report(results, machine, options.entities),
  reportSaved: saved =>
    report(saved.results, saved.machine, saved.entities).text,
});
