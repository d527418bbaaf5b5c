import { fork } from 'node:child_process';
import { performance as nodePerformance } from 'node:perf_hooks';
import { generateLoad, LoadResult, LoadSpec } from './load';

const LOAD_MESSAGE = 'flywheel-bench-load';

/**
 * Runs the load in a child process (this file, forked), so the load
 * generator does not share the backend's event loop, and returns its figures.
 */
export function runLoad(spec: LoadSpec): Promise<LoadResult> {
  return new Promise((resolve, reject) => {
    const child = fork(__filename, ['--load-child'], {
      execArgv: process.execArgv,
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    });
    child.on('message', message => {
      const m = message as {
        type?: string;
        result?: LoadResult;
        error?: string;
      };
      if (m?.type !== LOAD_MESSAGE) {
        return;
      }
      if (m.error) {
        reject(new Error(m.error));
      } else {
        resolve(m.result!);
      }
      child.kill();
    });
    child.once('error', reject);
    child.once('exit', code => {
      if (code) {
        reject(new Error(`load generator exited with ${code}`));
      }
    });
    child.send(spec);
  });
}

/**
 * Runs a load and notes the share of it this process's event loop (the
 * backend's) was busy: near 1 means the backend's JavaScript is the limit.
 */
export async function withEventLoopBusy(
  load: () => Promise<LoadResult>,
): Promise<LoadResult> {
  const before = nodePerformance.eventLoopUtilization();
  const result = await load();
  return {
    ...result,
    eventLoopBusy: nodePerformance.eventLoopUtilization(before).utilization,
  };
}

if (process.argv.includes('--load-child')) {
  process.once('message', spec => {
    // The parent sends the spec once, right after forking.
    generateLoad(spec as LoadSpec).then(
      result =>
        process.send!({ type: LOAD_MESSAGE, result }, () => process.exit(0)),
      error =>
        process.send!({ type: LOAD_MESSAGE, error: String(error) }, () =>
          process.exit(1),
        ),
    );
  });
}
