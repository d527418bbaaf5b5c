/**
 * `yarn bench:metrics:provider [--services 20000] [--per-week 0.5]
 * [--years 2] [--runs 3] [--db sqlite|pg] [--keep]`: the value-stream
 * metrics' own work alone — ValueStreamProvider.values over the facts
 * (ValueStreamFacts) of DeploymentStore — without a catalog backend, HTTP or
 * auth: the facts read once, then each series computed anew (a new
 * provider per run, so nothing is answered from its memo), then how long
 * the facts take to catch up after 100 services get a new deployment. The benchmark's deployments
 * are seeded with the store; the services of each scope come from the
 * synthetic catalog's plans in memory, as ServiceDirectory would give them.
 * Every metric for each kind of scope, 2 years by month and 26 weeks by
 * week, the median of `--runs`. Minutes instead of the full benchmark's
 * quarter hour, for trying a change to the store or the provider; the full
 * benchmark's figures are the ones that count. `--keep` (PostgreSQL) keeps
 * the seeded schema and reuses it on the next run with `--keep`.
 */
import { Entity } from '@backstage/catalog-model';
import knexFactory, { Knex } from 'knex';
import {
  fmt,
  generateGroupTree,
  markdownTable,
  median,
  pgConnectionString,
  secs,
  sqlRecorder,
} from '../harness';
import {
  GOLDEN_PATHS,
  generateMetricsCatalog,
  ServicePlan,
} from './catalogData';
import { allDeployments, toNewDeployment } from './deployments';
import {
  connectDatabase,
  DeploymentStore,
  NewDeployment,
  ResolvedScope,
  Service,
  ServiceDirectory,
  seriesWindow,
  ValueStreamFacts,
  ValueStreamProvider,
} from './flywheel';
import { SERIES_METRICS } from './seriesScenario';

const SCHEMA = 'flywheel_bench_metrics_provider';
const WINDOWS = [
  { window: '2y', interval: 'month' },
  { window: '26w', interval: 'week' },
];

function parseArgs(argv: string[]) {
  const options = {
    services: 20_000,
    perWeek: 0.5,
    years: 2,
    runs: 3,
    db: 'sqlite',
    keep: false,
  };
  for (let i = 0; i < argv.length; i++) {
    const flag = argv[i];
    if (flag === '--keep') {
      options.keep = true;
      continue;
    }
    const value = argv[++i];
    if (flag === '--services') options.services = Number(value);
    else if (flag === '--per-week') options.perWeek = Number(value);
    else if (flag === '--years') options.years = Number(value);
    else if (flag === '--runs') options.runs = Number(value);
    else if (flag === '--db') options.db = value;
    else throw new Error(`Unknown option '${flag}'`);
  }
  if (!(options.services >= 10 && options.runs >= 1 && options.perWeek > 0)) {
    throw new Error(
      '--services must be at least 10, --runs at least 1, --per-week above 0',
    );
  }
  if (options.db !== 'sqlite' && options.db !== 'pg') {
    throw new Error(`--db must be sqlite or pg, got '${options.db}'`);
  }
  return options;
}

async function connect(db: string, keep: boolean): Promise<Knex> {
  if (db === 'sqlite') {
    return knexFactory({
      client: 'better-sqlite3',
      connection: ':memory:',
      useNullAsDefault: true,
    });
  }
  if (!keep) {
    const admin = knexFactory({
      client: 'pg',
      connection: pgConnectionString(),
    });
    await admin.raw(`DROP SCHEMA IF EXISTS ${SCHEMA} CASCADE`);
    await admin.raw(`CREATE SCHEMA ${SCHEMA}`);
    await admin.destroy();
  } else {
    const admin = knexFactory({
      client: 'pg',
      connection: pgConnectionString(),
    });
    await admin.raw(`CREATE SCHEMA IF NOT EXISTS ${SCHEMA}`);
    await admin.destroy();
  }
  return knexFactory({
    client: 'pg',
    connection: pgConnectionString(),
    searchPath: [SCHEMA],
  });
}

/** The services of a scope as ServiceDirectory gives them, from the plans. */
function servicesFromPlans(plans: ServicePlan[]): ServiceDirectory {
  const { groups } = generateGroupTree();
  const children = new Map<string, string[]>();
  for (const g of groups as Entity[]) {
    const parent = (g.spec as { parent?: string }).parent;
    if (parent) {
      children.set(parent, [...(children.get(parent) ?? []), g.metadata.name]);
    }
  }
  const below = (name: string): string[] => [
    name,
    ...(children.get(name) ?? []).flatMap(below),
  ];
  const all: (Service & { owner: string })[] = plans.map(p => ({
    entityRef: p.entityRef,
    ownerRef: `group:default/${p.owner}`,
    owner: p.owner,
    isGoldenPath: p.isGoldenPath,
    ...(p.templateRef ? { templateRef: p.templateRef } : {}),
    ...(p.createdAt ? { createdAt: p.createdAt } : {}),
  }));
  return {
    async services(scope: ResolvedScope) {
      if (scope.kind === 'entity') {
        return all.filter(s => s.entityRef === scope.ref);
      }
      if (scope.kind === 'group') {
        const teams = new Set(
          below(scope.ref!.replace(/^group:default\//, '')),
        );
        return all.filter(s => teams.has(s.owner));
      }
      if (scope.kind === 'goldenPath') {
        return all.filter(s => s.templateRef === scope.ref);
      }
      return all;
    },
  } as unknown as ServiceDirectory;
}

async function seed(
  db: Knex,
  plans: ServicePlan[],
  from: number,
  now: number,
  out: (line: string) => void,
) {
  const stored = Number(
    ((await db('metric_deployments').count({ n: '*' })) as { n: unknown }[])[0]
      .n,
  );
  if (stored > 0) {
    out(`reusing the ${fmt(stored)} deployments kept by an earlier --keep run`);
    return;
  }
  const store = new DeploymentStore(db);
  const started = performance.now();
  let batch: NewDeployment[] = [];
  let seeded = 0;
  for (const d of allDeployments(plans, from, now)) {
    batch.push(toNewDeployment(d));
    if (batch.length === 2000) {
      await store.write(batch, new Date(now));
      seeded += batch.length;
      batch = [];
    }
  }
  await store.write(batch, new Date(now));
  seeded += batch.length;
  if (db.client.config.client === 'pg') {
    await db.raw(
      'VACUUM (ANALYZE) metric_deployments, metric_deployment_commits, metric_first_deployments',
    );
  }
  out(
    `seeded ${fmt(seeded)} deployments in ${secs(performance.now() - started)}`,
  );
}

async function main() {
  const options = parseArgs(process.argv.slice(2));
  const out = (line: string) => process.stdout.write(`${line}\n`);
  const now = new Date(Math.floor(Date.now() / 60_000) * 60_000);
  const start = new Date(now);
  start.setUTCFullYear(start.getUTCFullYear() - options.years);
  const catalog = generateMetricsCatalog(
    options.services,
    now,
    options.perWeek,
  );
  out(
    `Value-stream provider alone: ${fmt(options.services)} services, ${
      options.years
    } years at ${options.perWeek} a week, ${options.db}, median of ${
      options.runs
    } runs`,
  );
  const db = await connect(options.db, options.keep);
  try {
    await connectDatabase({ getClient: async () => db } as any);
    await seed(db, catalog.plans, start.getTime(), now.getTime(), out);
    const store = new DeploymentStore(db);
    const facts = new ValueStreamFacts({ store });
    const services = servicesFromPlans(catalog.plans);
    let started = performance.now();
    const data = await facts.data();
    out(
      `facts read: ${fmt(
        data.deployments.length,
      )} production deployments, ${fmt(
        data.leadTimes.length,
      )} lead times, ${fmt(data.recoveries.length)} failures in ${secs(
        performance.now() - started,
      )}`,
    );
    const recorder = sqlRecorder(db);
    const scopes: [string, ResolvedScope][] = [
      ['organisation', { kind: 'org' }],
      ['division', { kind: 'group', ref: catalog.levels[1][0] }],
      ['team', { kind: 'group', ref: catalog.levels[3][0] }],
      ['golden path', { kind: 'goldenPath', ref: GOLDEN_PATHS[0] }],
      [
        'one service',
        { kind: 'entity', ref: catalog.plans.find(p => p.deploys)!.entityRef },
      ],
    ];
    const credentials = {} as any;
    for (const w of WINDOWS) {
      const rows: string[][] = [];
      const totals = scopes.map(() => 0);
      for (const metric of SERIES_METRICS) {
        const cells: string[] = [];
        for (const [s, [, scope]] of scopes.entries()) {
          const times: number[] = [];
          const sql: number[] = [];
          for (let run = 0; run < options.runs; run++) {
            const window = seriesWindow(w, new Date());
            const provider = new ValueStreamProvider({
              facts,
              services,
              withinDays: 14,
            });
            recorder.start();
            const callStarted = performance.now();
            await provider.values(
              metric,
              scope,
              [...window.buckets, { start: window.from, end: window.to }],
              credentials,
            );
            times.push(performance.now() - callStarted);
            sql.push(recorder.stop().inFlightMs);
          }
          totals[s] += median(times);
          cells.push(`${median(times).toFixed(0)} (${median(sql).toFixed(0)})`);
        }
        rows.push([metric.replace('valueStream.', ''), ...cells]);
      }
      rows.push(['all 7', ...totals.map(t => t.toFixed(0))]);
      out(
        `\n${w.window} by ${w.interval}: ms per values() call (of which a query in flight)`,
      );
      markdownTable(['metric', ...scopes.map(([name]) => name)], rows).forEach(
        line => out(line),
      );
    }
    // 100 services deploy again: the facts catch up on them alone.
    const later = new Date(now.getTime() + 60_000);
    const changed = catalog.plans.filter(p => p.deploys).slice(0, 100);
    await store.write(
      changed.map((p, i) => ({
        id: `bench-later-${i}-${later.getTime()}`,
        entityRef: p.entityRef,
        environment: 'PRODUCTION',
        result: 'SUCCESS',
        startedAt: later,
        finishedAt: later,
        contentHash: `later-${i}`,
        commits: [],
      })),
      later,
    );
    started = performance.now();
    const after = await facts.data();
    out(
      `\nfacts after 100 services deployed again: ${secs(
        performance.now() - started,
      )} (${fmt(after.deployments.length)} production deployments)`,
    );
  } finally {
    await db.destroy();
    if (options.db === 'pg' && !options.keep) {
      const admin = knexFactory({
        client: 'pg',
        connection: pgConnectionString(),
      });
      await admin.raw(`DROP SCHEMA IF EXISTS ${SCHEMA} CASCADE`);
      await admin.destroy();
    }
  }
}

main().catch(error => {
  process.stderr.write(`${error?.stack ?? error}\n`);
  process.exit(1);
});
