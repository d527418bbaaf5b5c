/**
 * The benchmarks' shared harness. A benchmark is its seed (synthetic data),
 * its scenario and its figures:
 *
 * - index.ts: `runBenchmark({ script: __filename, parse, describe,
 *   runOnDatabase, report, reportSaved })`, with `parseOptions` for the
 *   common flags (`--db`, `--json`, `--cpu-profile`, `--report`) and its own;
 *   each database engine runs in its own child process.
 * - runOnDatabase: `withScratchBackend({ storage, name, catalogKinds,
 *   flywheel, staticToken | userTokens, features }, async run => …)` gives a
 *   real backend on scratch databases; `ingestCatalog(run.backend,
 *   org.all(), stitched)` loads the synthetic organisation (`generateOrg`);
 *   `runLoad({ clients, calls, durationMs | requests | once, … })` measures
 *   HTTP p50/p95/p99, throughput and errors from another process; with
 *   `mix` (weighted streams of calls), `baseUrls` (replicas, round robin)
 *   and calls' `tags`, per tag too (load/ does all three).
 * - replicas: `startCluster(n, { database, catalogKinds, flywheel, seed })`
 *   starts n backend replicas, each its own process (replicaMain.ts), on
 *   the same databases, with user tokens every replica accepts.
 * - report: `figureTable(results, figures)` gives the table's lines and the
 *   JSON figures, each checked against its target.
 */
export * from './backend';
export * from './catalog';
export * from './cli';
export * from './cpu';
export * from './databases';
export * from './http';
export * from './load';
export * from './loadProcess';
export * from './log';
export * from './logger';
export * from './org';
export * from './profile';
export * from './random';
export * from './replicas';
export * from './scratchBackend';
export * from './sql';
export * from './stats';
export * from './table';
export * from './userTokens';
