/*
 * One replica: a backend process of its own (started by replicas.ts), on
 * the port and databases it is given, sharing the user-token key with the
 * other replicas. The first replica of a cluster also feeds the catalog.
 * Prints `REPLICA READY` when it serves requests (and the catalog is in).
 */
import { Entity, RELATION_OWNED_BY } from '@backstage/catalog-model';
import { readFileSync } from 'node:fs';
import { BackendOptions, startFlywheelBackend } from './backend';
import { ingestCatalog } from './catalog';

export interface ReplicaSpec
  extends Omit<BackendOptions, 'features' | 'port' | 'tokenKey'> {
  port: number;
  tokenKey: NonNullable<BackendOptions['tokenKey']>;
  /** A JSON file of entities this replica feeds to the catalog. */
  seedFile?: string;
  /**
   * Files whose default export is a backend feature (e.g. a fact provider's
   * module), added to this replica: features cannot cross the process line.
   */
  modules?: string[];
}

async function main() {
  const spec: ReplicaSpec = JSON.parse(process.env.FLYWHEEL_REPLICA ?? '{}');
  const backend = await startFlywheelBackend({
    ...spec,
    // Templates are a catalog kind only with the scaffolder's entity model.
    features: [
      import(
        '@backstage/plugin-catalog-backend-module-scaffolder-entity-model'
      ),
      ...(spec.modules ?? []).map(file => import(file)),
    ],
  });
  if (spec.seedFile) {
    const entities: Entity[] = JSON.parse(readFileSync(spec.seedFile, 'utf8'));
    const components = entities.filter(e => e.kind === 'Component').length;
    await ingestCatalog(backend, entities, async read => {
      const read_ = await read('Component');
      return (
        read_.length === components &&
        read_.every(c => c.relations?.some(r => r.type === RELATION_OWNED_BY))
      );
    });
  }
  const stop = () => {
    backend.stop().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  };
  process.once('SIGTERM', stop);
  process.once('SIGINT', stop);
  process.stdout.write(`REPLICA READY ${backend.baseUrl}\n`);
}

main().catch(error => {
  process.stderr.write(`REPLICA FAILED ${error?.stack ?? error}\n`);
  process.exit(1);
});
