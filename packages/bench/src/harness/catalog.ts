import { BackstageCredentials } from '@backstage/backend-plugin-api';
import {
  Entity,
  RELATION_CHILD_OF,
  RELATION_PARENT_OF,
} from '@backstage/catalog-model';
import {
  EntityProvider,
  EntityProviderConnection,
} from '@backstage/plugin-catalog-node';
import type { BenchBackend } from './backend';
import { fmt, log, secs, sleep } from './log';
import { BENCH_LOCATION } from './org';

/** Feeds the synthetic catalog to the catalog with full and delta mutations. */
export class BenchEntityProvider implements EntityProvider {
  private connection?: EntityProviderConnection;

  getProviderName() {
    return 'flywheel-bench';
  }

  async connect(connection: EntityProviderConnection) {
    this.connection = connection;
  }

  private get conn() {
    if (!this.connection) {
      throw new Error('The catalog has not connected the bench provider');
    }
    return this.connection;
  }

  async full(entities: Entity[]) {
    await this.conn.applyMutation({
      type: 'full',
      entities: entities.map(entity => ({
        entity,
        locationKey: BENCH_LOCATION,
      })),
    });
  }

  async update(entities: Entity[]) {
    await this.conn.applyMutation({
      type: 'delta',
      added: entities.map(entity => ({ entity, locationKey: BENCH_LOCATION })),
      removed: [],
    });
  }
}

/** Reads every entity of a kind as the catalog serves it, with its relations. */
export type ReadKind = (kind: string) => Promise<Entity[]>;

/**
 * Every entity of a kind as the catalog API serves it, with its relations
 * (the fields a plugin reads to build its directory of people and groups).
 */
export async function readWithRelations(
  backend: BenchBackend,
  credentials: BackstageCredentials,
  kind: string,
): Promise<Entity[]> {
  const all: Entity[] = [];
  for await (const page of backend.flywheel.catalog.streamEntities(
    {
      filter: { kind },
      fields: ['kind', 'metadata.name', 'metadata.namespace', 'relations'],
      pageSize: 2000,
    },
    { credentials },
  )) {
    all.push(...page);
  }
  return all;
}

/** What must hold of the read catalog once it has stitched the benchmark's entities. */
export type Stitched = (read: ReadKind) => Promise<boolean>;

/**
 * Whether every group as read has its place in the tree: as many parentOf
 * relations as the synthetic tree gives it children, and childOf unless it
 * is a root (relations are stitched last).
 */
export function groupTreeStitched(read: Entity[], synthetic: Entity[]) {
  const children = new Map<string, number>();
  const hasParent = new Set<string>();
  for (const group of synthetic) {
    const parent = (group.spec as { parent?: string }).parent;
    if (parent) {
      children.set(parent, (children.get(parent) ?? 0) + 1);
      hasParent.add(group.metadata.name);
    }
  }
  return read.every(g => {
    const rel = g.relations ?? [];
    return (
      rel.filter(r => r.type === RELATION_PARENT_OF).length ===
        (children.get(g.metadata.name) ?? 0) &&
      (rel.some(r => r.type === RELATION_CHILD_OF) ||
        !hasParent.has(g.metadata.name))
    );
  });
}

/**
 * Waits until the catalog serves `expected` entities and `stitched` holds.
 * `quiet`: no progress lines and a short poll, for a restarted backend
 * whose catalog is already processed.
 */
export async function waitForCatalog(
  backend: BenchBackend,
  options: { expected: number; stitched: Stitched; quiet?: boolean },
) {
  const { catalog, auth } = backend.flywheel;
  const credentials = await auth.getOwnServiceCredentials();
  const read: ReadKind = kind => readWithRelations(backend, credentials, kind);
  const started = Date.now();
  let lastReport = 0;
  for (;;) {
    const { totalItems } = await catalog.queryEntities(
      { limit: 1 },
      { credentials },
    );
    if (!options.quiet && Date.now() - lastReport > 30_000) {
      lastReport = Date.now();
      log(
        `catalog: ${fmt(totalItems)} / ${fmt(
          options.expected,
        )} entities readable after ${Math.round(
          (Date.now() - started) / 1000,
        )} s`,
      );
    }
    if (totalItems >= options.expected && (await options.stitched(read))) {
      return;
    }
    await sleep(options.quiet ? 250 : 2000);
  }
}

/**
 * The catalog from a real entity provider: a full mutation, then processing
 * and stitching by the catalog backend. Returns the milliseconds it took.
 */
export async function ingestCatalog(
  backend: BenchBackend,
  entities: Entity[],
  stitched: Stitched,
): Promise<number> {
  const started = performance.now();
  await backend.provider.full(entities);
  await waitForCatalog(backend, { expected: entities.length, stitched });
  const ms = performance.now() - started;
  log(
    `catalog: ${fmt(entities.length)} entities processed and stitched in ${secs(
      ms,
    )}`,
  );
  return ms;
}
