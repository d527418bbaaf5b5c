import { fork } from 'node:child_process';
import { Agent, request } from 'node:http';
import { percentile, type LoadResult } from '../scorecards/load';

/**
 * HTTP load for the surveys benchmark, in the manner of ../scorecards/load.ts
 * (closed-loop clients over keep-alive connections, in a separate process,
 * latency from first byte sent to last byte read) with what that one does
 * not do: POST bodies, a token per request, a time limit, and an optional
 * background stream of other requests (submissions that keep invalidating
 * the results cache while the clients read).
 */

export interface BenchCall {
  method: 'GET' | 'POST';
  path: string;
  token: string;
  body?: string;
}

export interface SurveyLoadRequest {
  name: string;
  baseUrl: string;
  clients: number;
  /** GET loads cycle through the calls; `once` sends each call once. */
  calls: BenchCall[];
  once?: boolean;
  /** Stops sending after this long (all in flight are still counted). */
  durationMs: number;
  /** Calls before measuring (cycled loads only). */
  warmup: number;
  /** Calls sent one at a time every `intervalMs` while the clients run. */
  background?: { calls: BenchCall[]; intervalMs: number };
}

export interface SurveyLoadResult extends LoadResult {
  /** Share of the phase the backend's event loop was busy (set by run.ts). */
  eventLoopBusy?: number;
  /** With `once`: the status of each call, in call order (0: not sent). */
  statusByCall?: number[];
  background?: {
    sent: number;
    statuses: Record<string, number>;
    /** The status of each background call, in call order (0: not sent). */
    statusByCall: number[];
  };
}

const LOAD_MESSAGE = 'flywheel-bench-survey-load';

/** One HTTP call: status, milliseconds and size of the answer. */
export function callOnce(
  agent: Agent,
  baseUrl: string,
  call: BenchCall,
): Promise<{ ms: number; status: number; bytes: number; text: string }> {
  const url = new URL(baseUrl);
  return new Promise(resolve => {
    const started = performance.now();
    const req = request(
      {
        agent,
        host: url.hostname,
        port: url.port,
        path: call.path,
        method: call.method,
        headers: {
          authorization: `Bearer ${call.token}`,
          ...(call.body !== undefined
            ? {
                'content-type': 'application/json',
                'content-length': Buffer.byteLength(call.body),
              }
            : {}),
        },
      },
      res => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () => {
          const body = Buffer.concat(chunks);
          resolve({
            ms: performance.now() - started,
            status: res.statusCode ?? 0,
            bytes: body.length,
            text:
              res.statusCode === 200 || res.statusCode === 201
                ? ''
                : body.toString('utf8', 0, 300),
          });
        });
      },
    );
    req.on('error', error =>
      resolve({
        ms: performance.now() - started,
        status: 0,
        bytes: 0,
        text: String(error),
      }),
    );
    req.end(call.body);
  });
}

async function runLoad(spec: SurveyLoadRequest): Promise<SurveyLoadResult> {
  const agent = new Agent({ keepAlive: true, maxSockets: spec.clients + 1 });
  const statuses: Record<string, number> = {};
  const statusByCall = spec.once ? spec.calls.map(() => 0) : undefined;
  let bytes = 0;
  const callAt = (i: number) => spec.calls[i % spec.calls.length];

  let warm = 0;
  if (!spec.once) {
    await Promise.all(
      Array.from({ length: spec.clients }, async () => {
        while (warm < spec.warmup) {
          await callOnce(agent, spec.baseUrl, callAt(warm++));
        }
      }),
    );
  }

  const latencies: number[] = [];
  let errors = 0;
  let next = 0;
  const firstErrors: string[] = [];
  const started = performance.now();
  const deadline = started + spec.durationMs;

  let backgroundSent = 0;
  const backgroundStatuses: Record<string, number> = {};
  const backgroundByCall = (spec.background?.calls ?? []).map(() => 0);
  // Open loop: one call every intervalMs whatever the answers take, as
  // people submit independently of each other.
  const inFlight: Promise<void>[] = [];
  const timer = spec.background
    ? setInterval(() => {
        const bg = spec.background!;
        if (backgroundSent >= bg.calls.length) {
          return;
        }
        const index = backgroundSent++;
        inFlight.push(
          callOnce(agent, spec.baseUrl, bg.calls[index]).then(r => {
            backgroundStatuses[r.status] =
              (backgroundStatuses[r.status] ?? 0) + 1;
            backgroundByCall[index] = r.status;
          }),
        );
      }, spec.background.intervalMs)
    : undefined;

  await Promise.all(
    Array.from({ length: spec.clients }, async () => {
      while (
        performance.now() < deadline &&
        (!spec.once || next < spec.calls.length)
      ) {
        const i = next++;
        const r = await callOnce(
          agent,
          spec.baseUrl,
          spec.once ? spec.calls[i] : callAt(i + warm),
        );
        latencies.push(r.ms);
        statuses[r.status] = (statuses[r.status] ?? 0) + 1;
        if (statusByCall) {
          statusByCall[i] = r.status;
        }
        bytes += r.bytes;
        if (r.status < 200 || r.status >= 300) {
          errors += 1;
          if (firstErrors.length < 3 && r.status !== 409) {
            firstErrors.push(`${r.status} ${r.text}`);
          }
        }
      }
    }),
  );
  const durationMs = performance.now() - started;
  clearInterval(timer);
  await Promise.all(inFlight);
  agent.destroy();
  for (const error of firstErrors) {
    process.stderr.write(`    [load] ${spec.name}: ${error}\n`);
  }
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
    statusByCall,
    background: spec.background
      ? {
          sent: backgroundSent,
          statuses: backgroundStatuses,
          statusByCall: backgroundByCall,
        }
      : undefined,
  };
}

/** Runs the load in a child process (this file, forked) and returns its figures. */
export function runSurveyLoad(
  spec: SurveyLoadRequest,
): Promise<SurveyLoadResult> {
  return new Promise((resolve, reject) => {
    const child = fork(__filename, ['--survey-load-child'], {
      execArgv: process.execArgv,
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    });
    child.on('message', message => {
      const m = message as {
        type?: string;
        result?: SurveyLoadResult;
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

if (process.argv.includes('--survey-load-child')) {
  process.once('message', spec => {
    runLoad(spec as SurveyLoadRequest).then(
      result =>
        process.send!({ type: LOAD_MESSAGE, result }, () => process.exit(0)),
      error =>
        process.send!({ type: LOAD_MESSAGE, error: String(error) }, () =>
          process.exit(1),
        ),
    );
  });
}
