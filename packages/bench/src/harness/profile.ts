import { Session } from 'node:inspector';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * `--cpu-profile DIR`: records a V8 CPU profile of one phase of the run (in
 * the backend's process, so server-side work under HTTP load is included)
 * and writes DIR/<name>.cpuprofile, to open in Chrome DevTools or to
 * summarise with `yarn workspace bench profile:summary`. Profiling slows
 * the phase down: figures from a profiled run are not comparable.
 */
export function cpuProfiler(dir: string | undefined) {
  return async function profile<T>(
    name: string,
    fn: () => Promise<T>,
  ): Promise<T> {
    if (!dir) {
      return fn();
    }
    mkdirSync(dir, { recursive: true });
    const session = new Session();
    session.connect();
    const post = (method: string, params?: object) =>
      new Promise<any>((resolve, reject) =>
        session.post(method, params ?? {}, (error, result) =>
          error ? reject(error) : resolve(result),
        ),
      );
    await post('Profiler.enable');
    await post('Profiler.setSamplingInterval', { interval: 500 });
    await post('Profiler.start');
    try {
      return await fn();
    } finally {
      const stopped = await post('Profiler.stop');
      writeFileSync(
        join(dir, `${name}.cpuprofile`),
        JSON.stringify(stopped.profile),
      );
      session.disconnect();
    }
  };
}

/** Runs a phase, recording its CPU profile when `--cpu-profile` is given. */
export type Profile = ReturnType<typeof cpuProfiler>;
