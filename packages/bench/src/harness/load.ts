import { fork } from 'node:child_process';
import { Agent, request } from 'node:http';

/**
 * HTTP load: `clients` concurrent closed-loop clients (each sends its next
 * request when the last one answered) over keep-alive connections, from a
 * separate process so the load generator does not share the backend's event
 * loop. Latency is measured per request, first byte sent to last byte read.
 */

export interface LoadRequest {
  name: string;
  baseUrl: string;
  token: string;
  paths: string[];
  clients: number;
  requests: number;
  warmup: number;
}

export interface LoadResult {
  name: string;
  requests: number;
  errors: number;
  statuses: Record<string, number>;
  durationMs: number;
  rps: number;
  p50: number;
  p95: number;
  p99: number;
  max: number;
  meanBytes: number;
}

const LOAD_MESSAGE = 'flywheel-bench-load';

export function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) {
    return NaN;
  }
  const index = Math.min(
    sorted.length - 1,
    Math.max(0, Math.ceil((p / 100) * sorted.length) - 1),
  );
  return sorted[index];
}

async function runLoad(spec: LoadRequest): Promise<LoadResult> {
  const agent = new Agent({ keepAlive: true, maxSockets: spec.clients });
  const url = new URL(spec.baseUrl);
  const statuses: Record<string, number> = {};
  let bytes = 0;

  const once = (path: string) =>
    new Promise<{ ms: number; status: number; bytes: number }>(resolve => {
      const started = performance.now();
      const req = request(
        {
          agent,
          host: url.hostname,
          port: url.port,
          path,
          method: 'GET',
          headers: { authorization: `Bearer ${spec.token}` },
        },
        res => {
          let size = 0;
          res.on('data', (chunk: Buffer) => {
            size += chunk.length;
          });
          res.on('end', () =>
            resolve({
              ms: performance.now() - started,
              status: res.statusCode ?? 0,
              bytes: size,
            }),
          );
        },
      );
      req.on('error', () =>
        resolve({ ms: performance.now() - started, status: 0, bytes: 0 }),
      );
      req.end();
    });

  let next = 0;
  const pathFor = (i: number) => spec.paths[i % spec.paths.length];

  // Warm-up (not measured): opens the connections, warms the JIT and caches.
  let warm = 0;
  await Promise.all(
    Array.from({ length: spec.clients }, async () => {
      while (warm < spec.warmup) {
        await once(pathFor(warm++));
      }
    }),
  );

  const latencies: number[] = [];
  let errors = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: spec.clients }, async () => {
      while (next < spec.requests) {
        const i = next++;
        const r = await once(pathFor(i + spec.warmup));
        latencies.push(r.ms);
        statuses[r.status] = (statuses[r.status] ?? 0) + 1;
        bytes += r.bytes;
        if (r.status !== 200) {
          errors += 1;
        }
      }
    }),
  );
  const durationMs = performance.now() - started;
  agent.destroy();
  latencies.sort((a, b) => a - b);
  return {
    name: spec.name,
    requests: latencies.length,
    errors,
    statuses,
    durationMs,
    rps: (latencies.length / durationMs) * 1000,
    p50: percentile(latencies, 50),
    p95: percentile(latencies, 95),
    p99: percentile(latencies, 99),
    max: latencies[latencies.length - 1],
    meanBytes: bytes / Math.max(1, latencies.length),
  };
}

/** Runs the load in a child process (this file, forked) and returns its figures. */
export function runLoadInChild(spec: LoadRequest): Promise<LoadResult> {
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

if (process.argv.includes('--load-child')) {
  process.once('message', spec => {
    // The parent sends the spec once, right after forking.
    runLoad(spec as LoadRequest).then(
      result =>
        process.send!({ type: LOAD_MESSAGE, result }, () => process.exit(0)),
      error =>
        process.send!({ type: LOAD_MESSAGE, error: String(error) }, () =>
          process.exit(1),
        ),
    );
  });
}
