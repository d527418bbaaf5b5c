import { BackendOptions, BenchBackend, startFlywheelBackend } from './backend';
import { createScratchDatabases, ScratchDatabases, Storage } from './databases';
import { log } from './log';

export interface ScratchRun {
  /** The backend running now. */
  readonly backend: BenchBackend;
  databases: ScratchDatabases;
  /** Stops the backend and starts a fresh one on the same databases. */
  restart(): Promise<BenchBackend>;
}

/**
 * Runs a scenario against a backend on fresh scratch databases, then stops
 * the backend and removes the databases however the scenario ended.
 */
export async function withScratchBackend<T>(
  options: Omit<BackendOptions, 'database'> & {
    storage: Storage;
    /** Prefix of the scratch databases' names, e.g. `flywheel_bench`. */
    name: string;
  },
  scenario: (run: ScratchRun) => Promise<T>,
): Promise<T> {
  const { storage, name, ...backendOptions } = options;
  const databases = await createScratchDatabases(storage, name);
  const start = () =>
    startFlywheelBackend({ ...backendOptions, database: databases.config });
  let current: BenchBackend | undefined;
  try {
    current = await start();
    return await scenario({
      get backend() {
        if (!current) {
          throw new Error('The backend is not running');
        }
        return current;
      },
      databases,
      async restart() {
        const stopping = current;
        current = undefined;
        await stopping?.stop();
        current = await start();
        return current;
      },
    });
  } finally {
    await current?.stop().catch(e => log(`backend stop: ${e}`));
    await databases.remove();
  }
}
