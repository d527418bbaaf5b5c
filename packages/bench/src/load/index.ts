/**
 * `yarn bench:load [--components 20000] [--duration 60] [--clients 100]
 * [--think 1000] [--warmup 10] [--timeout 30] [--json] [--cpu-profile DIR]
 * [--report SAVED.json]`:
 * Flywheel under a realistic mix of reads and writes from many people at
 * once, first on one backend replica, then on two (the clients spread round
 * robin), on PostgreSQL, with the scorecards benchmark's catalog and history
 * to match. Runs in a child process of its own (its replicas and scratch
 * databases); this process prints the figures against the targets.
 */
import { parseOptions, runBenchmark, wholeNumber } from '../harness';
import { failed, report } from './report';
import { runLoadBenchmark } from './run';

const USAGE =
  'Usage: yarn bench:load [--components 20000] [--duration 60] [--clients 100] [--think 1000] [--warmup 10] [--timeout 30]\n' +
  '         [--json] [--cpu-profile DIR] [--report SAVED.json]\n';

const parse = (argv: string[]) =>
  parseOptions(argv, {
    usage: USAGE,
    databases: ['pg'] as const,
    both: ['pg'],
    defaults: {
      components: 20_000,
      duration: 60,
      clients: 100,
      think: 1000,
      warmup: 10,
      timeout: 30,
    },
    flags: {
      '--components': (o, value, flag) => {
        o.components = wholeNumber(flag, value(), 100);
      },
      '--duration': (o, value, flag) => {
        o.duration = wholeNumber(flag, value(), 1);
      },
      '--clients': (o, value, flag) => {
        o.clients = wholeNumber(flag, value(), 1);
      },
      '--think': (o, value, flag) => {
        o.think = wholeNumber(flag, value(), 0);
      },
      '--warmup': (o, value, flag) => {
        o.warmup = wholeNumber(flag, value(), 0);
      },
      '--timeout': (o, value, flag) => {
        o.timeout = wholeNumber(flag, value(), 1);
      },
    },
  });

runBenchmark({
  script: __filename,
  parse,
  describe: options =>
    `Flywheel load benchmark: ${options.components.toLocaleString(
      'en-US',
    )} components, ${options.clients} clients pausing ${options.think} ms, ${
      options.duration
    } s on one replica then on two`,
  runOnDatabase: (_db, options) => runLoadBenchmark(options),
  report: (results, machine, options) => report(results, machine, options),
  reportSaved: saved =>
    report([saved.result], saved.machine, saved.options).text,
  failed,
});
