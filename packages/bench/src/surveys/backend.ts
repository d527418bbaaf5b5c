import { ScratchRun, Storage, withScratchBackend } from '../harness';

export type SurveyDbKind = 'sqlite' | 'pg';

/**
 * SQLite uses files (one per plugin) on tmpfs rather than `:memory:`: the
 * benchmark restarts the backend on the same data to measure a truly cold
 * first request.
 */
const STORAGE: Record<SurveyDbKind, Storage> = {
  sqlite: { engine: 'sqlite-files', on: 'tmpfs' },
  pg: { engine: 'pg' },
};

/**
 * Runs the scenario against a real backend with the catalog and Flywheel on
 * scratch databases. People call with their own signed user tokens
 * (`run.backend.tokens`), which the backend verifies as it verifies tokens
 * from @backstage/plugin-auth-backend.
 */
export function withSurveysBackend<T>(
  db: SurveyDbKind,
  scenario: (run: ScratchRun) => Promise<T>,
): Promise<T> {
  return withScratchBackend(
    {
      storage: STORAGE[db],
      name: 'flywheel_bench_surveys',
      userTokens: true,
      catalogKinds: ['Group', 'User', 'Location'],
      // No notifications backend here: inviting 20,000 people would only
      // log failures.
      flywheel: { surveys: { notifyOnWaveOpen: false } },
    },
    scenario,
  );
}
