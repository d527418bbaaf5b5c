import { fork } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { join, resolve as resolvePath } from 'node:path';
import { DB_TITLE } from './table';

/**
 * A benchmark's command: `[--db A|B|both] [--json] [--cpu-profile DIR]
 * [--report SAVED.json]` and its own options. Each database engine runs in
 * its own child process (its own backend, memory figures and scratch
 * databases); the parent prints the figures of all of them.
 */

export interface Machine {
  cpus: number;
  cpuModel: string;
  memoryGb: number;
  node: string;
}

export function machineInfo(): Machine {
  return {
    cpus: cpus().length,
    cpuModel: cpus()[0]?.model ?? 'unknown',
    memoryGb: Math.round(totalmem() / 1024 ** 3),
    node: process.version,
  };
}

/** The options every benchmark has. */
export interface CommonOptions<Db extends string> {
  dbs: Db[];
  /** JSON on stdout; progress goes to stderr. */
  json: boolean;
  /** Write V8 CPU profiles of the measured phases to DIR/<db>/. */
  cpuProfileDir?: string;
  /** Print the table of a saved `--json` output instead of running. */
  reportFile?: string;
}

/** A benchmark's own flag: reads its value with `value()`, if it takes one. */
export type FlagHandler<O> = (
  options: O,
  value: () => string,
  flag: string,
) => void;

/** A whole number of at least `min` from a flag's value. */
export function wholeNumber(flag: string, text: string, min: number): number {
  const n = Number(text);
  if (!Number.isInteger(n) || n < min) {
    throw new Error(`${flag} must be a whole number, at least ${min}`);
  }
  return n;
}

/** `--flag value` or `--flag=value`, the common flags and the benchmark's. */
export function parseOptions<Db extends string, O extends object>(
  argv: string[],
  spec: {
    usage: string;
    /** The values of `--db`, in the order the error message names them. */
    databases: readonly Db[];
    /** What `--db both`, the default, runs, in order. */
    both: Db[];
    defaults: O;
    flags: Record<string, FlagHandler<O>>;
  },
): O & CommonOptions<Db> {
  const options: O & CommonOptions<Db> = {
    ...spec.defaults,
    dbs: spec.both,
    json: false,
  };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    const [flag, inline] = arg.split('=', 2);
    const value = () => inline ?? argv[++i];
    if (flag === '--db') {
      const db = value();
      if (db === 'both') {
        options.dbs = spec.both;
      } else if (spec.databases.includes(db as Db)) {
        options.dbs = [db as Db];
      } else {
        throw new Error(
          `--db must be ${spec.databases.join(', ')} or both, got '${db}'`,
        );
      }
    } else if (flag === '--json') {
      options.json = true;
    } else if (flag === '--cpu-profile') {
      options.cpuProfileDir = resolvePath(value());
    } else if (flag === '--report') {
      options.reportFile = resolvePath(value());
    } else if (flag === '--help' || flag === '-h') {
      process.stdout.write(spec.usage);
      process.exit(0);
    } else if (spec.flags[flag]) {
      spec.flags[flag](options, value, flag);
    } else {
      throw new Error(`Unknown option '${arg}'\n${spec.usage}`);
    }
  }
  return options;
}

/** A database engine of the options' `--db`. */
type DbOf<O extends CommonOptions<string>> = O['dbs'][number];

export interface Benchmark<O extends CommonOptions<string>, R> {
  /** The benchmark's entry file (`__filename`): each database's child runs it. */
  script: string;
  parse(argv: string[]): O;
  /** What runs, for the first line (machine figures are appended). */
  describe(options: O): string;
  /** The whole benchmark on one database engine, in the child process. */
  runOnDatabase(db: DbOf<O>, options: O): Promise<R>;
  report(
    results: R[],
    machine: Machine,
    options: O,
  ): { text: string; json: object };
  /** The table of a saved `--json` output. */
  reportSaved(saved: any): string;
  /** A finished run whose figures are a failure (exit code 1). */
  failed?(result: R): boolean;
}

const DB_CHILD = '--db-child';
const RUN_MESSAGE = 'flywheel-bench-run';
const RESULT_MESSAGE = 'flywheel-bench-result';

/** Runs one database's benchmark in a child process and returns its result. */
function runChild<O extends CommonOptions<string>, R>(
  benchmark: Benchmark<O, R>,
  db: DbOf<O>,
  options: O,
): Promise<R> {
  return new Promise((resolve, reject) => {
    const child = fork(benchmark.script, [DB_CHILD], {
      execArgv: process.execArgv,
      // Child progress goes to stderr when --json keeps stdout for the result.
      stdio: ['ignore', options.json ? 2 : 'inherit', 'inherit', 'ipc'],
    });
    let result: R | undefined;
    child.on('message', m => {
      // Only our own message: Backstage's backend may use the IPC channel too.
      const message = m as { type?: string; result?: R };
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
    const cpuProfileDir =
      options.cpuProfileDir && join(options.cpuProfileDir, db);
    child.send({
      type: RUN_MESSAGE,
      db,
      options: { ...options, cpuProfileDir },
    });
  });
}

/** In the child: waits for the parent's options, runs, sends the result. */
function runAsChild<O extends CommonOptions<string>, R>(
  benchmark: Benchmark<O, R>,
): Promise<void> {
  return new Promise((resolve, reject) => {
    const onMessage = (m: unknown) => {
      const message = m as { type?: string; db: DbOf<O>; options: O };
      if (message?.type !== RUN_MESSAGE) {
        return;
      }
      process.off('message', onMessage);
      benchmark
        .runOnDatabase(message.db, message.options)
        .then(result =>
          process.send!({ type: RESULT_MESSAGE, result }, () => resolve()),
        )
        .catch(reject);
    };
    process.on('message', onMessage);
  });
}

const minutes = (since: number) =>
  `${((Date.now() - since) / 60_000).toFixed(1)} min`;

async function main<O extends CommonOptions<string>, R>(
  benchmark: Benchmark<O, R>,
) {
  const argv = process.argv.slice(2);
  if (argv.includes(DB_CHILD)) {
    await runAsChild(benchmark);
    process.exit(0);
  }
  const options = benchmark.parse(argv);
  if (options.reportFile) {
    const saved = JSON.parse(readFileSync(options.reportFile, 'utf8'));
    process.stdout.write(`${benchmark.reportSaved(saved)}\n`);
    return;
  }

  const machine = machineInfo();
  const say = (line: string) =>
    (options.json ? process.stderr : process.stdout).write(`${line}\n`);
  say(
    `${benchmark.describe(options)}; ${machine.cpus} cores, ${
      machine.memoryGb
    } GB, Node ${machine.node}`,
  );
  const started = Date.now();
  const results: R[] = [];
  const failures: string[] = [];
  for (const db of options.dbs) {
    say(`\n== ${DB_TITLE[db]} ==`);
    const dbStarted = Date.now();
    try {
      results.push(await runChild(benchmark, db, options));
    } catch (error) {
      failures.push(String(error));
      say(String(error));
    }
    say(`  (${db} run: ${minutes(dbStarted)})`);
  }
  const output = benchmark.report(results, machine, options);
  if (options.json) {
    process.stdout.write(
      `${JSON.stringify({ ...output.json, failures }, null, 2)}\n`,
    );
  } else {
    process.stdout.write(`\n${output.text}\n`);
    process.stdout.write(`\nWhole run: ${minutes(started)}\n`);
    for (const failure of failures) {
      process.stdout.write(`FAILED: ${failure}\n`);
    }
  }
  const failed = results.some(r => benchmark.failed?.(r));
  process.exit(failures.length || failed ? 1 : 0);
}

/** Runs a benchmark's command: see {@link Benchmark}. */
export function runBenchmark<O extends CommonOptions<string>, R>(
  benchmark: Benchmark<O, R>,
) {
  main(benchmark).catch(error => {
    process.stderr.write(`${error?.stack ?? error}\n`);
    process.exit(1);
  });
}
