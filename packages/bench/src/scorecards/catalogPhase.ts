import { BackstageCredentials } from '@backstage/backend-plugin-api';
import { RELATION_OWNED_BY, RELATION_OWNER_OF } from '@backstage/catalog-model';
import { CatalogService } from '@backstage/plugin-catalog-node';
import {
  cpuMeter,
  CpuUse,
  groupTreeStitched,
  log,
  secs,
  Stitched,
} from '../harness';
import { SyntheticCatalog } from './catalogData';

/**
 * Stitched: every component has its owner relation, every group its
 * parent/child and ownerOf relations (those are stitched last).
 */
export function catalogStitched(synthetic: SyntheticCatalog): Stitched {
  const expectedOwned = synthetic
    .all()
    .filter(e => (e.spec as { owner?: string } | undefined)?.owner).length;
  return async read => {
    const components = await read('Component');
    const groups = await read('Group');
    const owned = components.filter(c =>
      c.relations?.some(r => r.type === RELATION_OWNED_BY),
    ).length;
    const ownerOf = groups.reduce(
      (n, g) =>
        n +
        (g.relations ?? []).filter(r => r.type === RELATION_OWNER_OF).length,
      0,
    );
    return (
      components.length === synthetic.components.length &&
      owned === components.length &&
      groupTreeStitched(groups, synthetic.groups) &&
      ownerOf >= expectedOwned
    );
  };
}

/** Every component through the catalog API, as Flywheel's engine reads them. */
export async function readAllComponents(
  catalog: CatalogService,
  credentials: BackstageCredentials,
): Promise<{ ms: number; count: number }> {
  const started = performance.now();
  let n = 0;
  for await (const page of catalog.streamEntities(
    { filter: { kind: 'Component' }, pageSize: 1000 },
    { credentials },
  )) {
    n += page.length;
  }
  return { ms: performance.now() - started, count: n };
}

/**
 * The baseline: reading the components through the catalog API, once to
 * warm up and three times measured, with the CPU of one read (the mean).
 */
export async function measureCatalogReads(
  catalog: CatalogService,
  credentials: BackstageCredentials,
  options: { entities: number; pg: boolean },
): Promise<{ readsMs: number[]; cpu: CpuUse }> {
  await readAllComponents(catalog, credentials); // warm-up, not counted
  const readsMs: number[] = [];
  const meter = cpuMeter(options.pg);
  for (let i = 0; i < 3; i++) {
    const read = await readAllComponents(catalog, credentials);
    if (read.count !== options.entities) {
      throw new Error(
        `Read ${read.count} components, expected ${options.entities}`,
      );
    }
    readsMs.push(read.ms);
  }
  const used = meter.stop();
  log(
    `catalog read of ${options.entities} components: ${readsMs
      .map(secs)
      .join(', ')}`,
  );
  return {
    readsMs,
    cpu: { processMs: used.processMs / 3, databaseMs: used.databaseMs / 3 },
  };
}
