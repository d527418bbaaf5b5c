import { ScratchRun, Storage, withScratchBackend } from '../harness';

export type MetricsDbKind = 'sqlite' | 'pg';

/**
 * SQLite in memory, as Backstage development setups run it (the scenario
 * never restarts the backend); PostgreSQL in scratch databases.
 */
const STORAGE: Record<MetricsDbKind, Storage> = {
  sqlite: { engine: 'sqlite-memory' },
  pg: { engine: 'pg' },
};

/**
 * Runs the scenarios against a real backend with the catalog (with the
 * scaffolder's Template kind) and Flywheel on scratch databases. CI and
 * readers call with the static BENCH_TOKEN: a service principal, which is
 * what `POST /deployments` requires. Usage events are a signed-in person's
 * (`POST /usage/events` refuses service tokens): the backend also accepts
 * the user tokens of `run.backend.tokens`.
 */
export function withMetricsBackend<T>(
  db: MetricsDbKind,
  scenario: (run: ScratchRun) => Promise<T>,
): Promise<T> {
  return withScratchBackend(
    {
      storage: STORAGE[db],
      name: 'flywheel_bench_metrics',
      staticToken: true,
      userTokens: true,
      catalogKinds: ['Component', 'Group', 'Template', 'Location'],
      features: [
        import(
          '@backstage/plugin-catalog-backend-module-scaffolder-entity-model'
        ),
      ],
    },
    scenario,
  );
}
