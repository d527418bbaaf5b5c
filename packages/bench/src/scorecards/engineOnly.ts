/**
 * `yarn bench:scorecards:engine [--entities N] [--runs K] [--db sqlite|pg]`:
 * Flywheel's scorecard engine alone, without a catalog backend. The
 * synthetic components (with the relations the catalog would add) are served
 * from memory, each page parsed from JSON as a catalog client would, so what
 * is timed is the engine and its store: evaluation, hashing and writes. Runs
 * in seconds rather than the full benchmark's half hour, for trying a change
 * to the engine; the full benchmark's figures are the ones that count.
 */
import { AuthService, PermissionsService } from '@backstage/backend-plugin-api';
import { Entity, RELATION_OWNED_BY } from '@backstage/catalog-model';
import { ConfigReader } from '@backstage/config';
import { CatalogService } from '@backstage/plugin-catalog-node';
import knexFactory, { Knex } from 'knex';
import { BenchLogger, cpuMeter, CpuUse, pgConnectionString } from '../harness';
import { generateCatalog } from './catalogData';
import { buildEngine, entityResultsReader, migrateFlywheel } from './flywheel';
import { flywheelScorecardsConfig } from './scorecards';

const SCHEMA = 'flywheel_bench_engine';

/** The engine only asks for its own credentials, to pass to the catalog. */
const ownCredentialsOnly = {
  async getOwnServiceCredentials() {
    return {
      $$type: '@backstage/BackstageCredentials',
      principal: { type: 'service', subject: 'plugin:flywheel' },
    };
  },
} as unknown as AuthService;

/** The engine checks no permissions (only the golden-path API does). */
const noPermissionChecks = {
  async authorize() {
    throw new Error('The scorecard engine alone checks no permissions');
  },
  async authorizeConditional() {
    throw new Error('The scorecard engine alone checks no permissions');
  },
} as unknown as PermissionsService;

function parseArgs(argv: string[]) {
  const options = { entities: 20_000, runs: 3, db: 'sqlite' };
  for (let i = 0; i < argv.length; i++) {
    const value = argv[++i];
    if (argv[i - 1] === '--entities') options.entities = Number(value);
    else if (argv[i - 1] === '--runs') options.runs = Number(value);
    else if (argv[i - 1] === '--db') options.db = value;
    else throw new Error(`Unknown option '${argv[i - 1]}'`);
  }
  if (!(options.entities >= 100 && options.runs >= 1)) {
    throw new Error('--entities must be at least 100 and --runs at least 1');
  }
  if (options.db !== 'sqlite' && options.db !== 'pg') {
    throw new Error(`--db must be sqlite or pg, got '${options.db}'`);
  }
  return options;
}

/** A component as the catalog serves it: namespaced, with its relations. */
function asStored(entity: Entity): Entity {
  const spec = (entity.spec ?? {}) as {
    owner?: string;
    system?: string;
    dependsOn?: string[];
    providesApis?: string[];
  };
  const ref = (kind: string, name: string) =>
    `${kind}:default/${name.replace(/^[a-z]+:/, '')}`;
  return {
    ...entity,
    metadata: { ...entity.metadata, namespace: 'default' },
    relations: [
      ...(spec.owner
        ? [{ type: RELATION_OWNED_BY, targetRef: ref('group', spec.owner) }]
        : []),
      ...(spec.system
        ? [{ type: 'partOf', targetRef: ref('system', spec.system) }]
        : []),
      ...(spec.dependsOn ?? []).map(d => ({
        type: 'dependsOn',
        targetRef: ref('component', d),
      })),
      ...(spec.providesApis ?? []).map(a => ({
        type: 'providesApi',
        targetRef: ref('api', a),
      })),
    ],
  };
}

/** The catalog calls the engine makes, answered from memory. */
function memoryCatalog(entities: number): CatalogService {
  const synthetic = generateCatalog(entities);
  const byKind = (kind: string) =>
    synthetic
      .all()
      .filter(e => e.kind === kind)
      .map(e => JSON.stringify(asStored(e)));
  const pages = new Map(
    ['Component', 'Group', 'Template'].map(kind => [
      kind.toLocaleLowerCase('en-US'),
      byKind(kind),
    ]),
  );
  return {
    async *streamEntities(request?: {
      filter?: { kind?: string | string[] };
      pageSize?: number;
    }) {
      const kind = [request?.filter?.kind ?? []].flat()[0] ?? 'Component';
      const texts = pages.get(kind.toLocaleLowerCase('en-US')) ?? [];
      const size = request?.pageSize ?? 1000;
      for (let i = 0; i < texts.length; i += size) {
        yield JSON.parse(`[${texts.slice(i, i + size).join(',')}]`);
      }
    },
    async getEntitiesByRefs() {
      return { items: [] };
    },
  } as unknown as CatalogService;
}

async function connect(db: string): Promise<Knex> {
  if (db === 'sqlite') {
    return knexFactory({
      client: 'better-sqlite3',
      connection: ':memory:',
      useNullAsDefault: true,
    });
  }
  const admin = knexFactory({
    client: 'pg',
    connection: pgConnectionString(),
  });
  await admin.raw(`DROP SCHEMA IF EXISTS ${SCHEMA} CASCADE`);
  await admin.raw(`CREATE SCHEMA ${SCHEMA}`);
  await admin.destroy();
  return knexFactory({
    client: 'pg',
    connection: pgConnectionString(),
    searchPath: [SCHEMA],
  });
}

const ms = (since: number) => `${Math.round(performance.now() - since)} ms`;
const cpu = (use: CpuUse) =>
  `${Math.round(use.processMs)} ms${
    use.databaseMs ? ` + PostgreSQL ${Math.round(use.databaseMs)} ms` : ''
  }`;

async function main() {
  const options = parseArgs(process.argv.slice(2));
  const catalog = memoryCatalog(options.entities);
  const out = (line: string) => process.stdout.write(`${line}\n`);
  out(
    `Scorecard engine alone: ${options.entities} components, ${options.db}, ${options.runs} runs`,
  );
  for (let run = 1; run <= options.runs; run++) {
    const db = await connect(options.db);
    await migrateFlywheel(db);
    const { engine } = buildEngine({
      db,
      config: new ConfigReader({
        flywheel: { scorecards: flywheelScorecardsConfig() },
      }),
      catalog,
      auth: ownCredentialsOnly,
      logger: new BenchLogger(),
      permissions: noPermissionChecks,
    });
    let started = performance.now();
    let meter = cpuMeter(options.db === 'pg');
    const cold = await engine.evaluateAll();
    const coldTime = ms(started);
    const coldCpu = meter.stop();
    started = performance.now();
    meter = cpuMeter(options.db === 'pg');
    const warm = await engine.evaluateAll();
    const warmTime = ms(started);
    const warmCpu = meter.stop();
    const read = entityResultsReader(db);
    started = performance.now();
    const reads = 2000;
    for (let i = 0; i < reads; i++) {
      await read(
        `component:default/svc-${String((i * 7919) % options.entities).padStart(
          5,
          '0',
        )}`,
      );
    }
    out(
      `run ${run}: cold ${coldTime} (${cold.evaluations} evaluations, ${
        cold.entitiesWritten
      } written; CPU ${cpu(coldCpu)}), warm ${warmTime} (CPU ${cpu(warmCpu)}; ${
        warm.unchanged
      } unchanged), entity results read ${(
        (performance.now() - started) /
        reads
      ).toFixed(3)} ms each`,
    );
    if (options.db === 'pg') {
      await db.raw(`DROP SCHEMA ${SCHEMA} CASCADE`);
    }
    await db.destroy();
  }
}

main().catch(error => {
  process.stderr.write(`${error.stack ?? error}\n`);
  process.exit(1);
});
