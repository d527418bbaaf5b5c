import { Agent } from 'node:http';
import { BenchCall, callOnce } from './http';
import { percentile } from './stats';

/**
 * HTTP load: `clients` concurrent closed-loop clients (each sends its next
 * call when the last one answered) over keep-alive connections, latency per
 * call from first byte sent to last byte read. Optionally an open-loop
 * background stream of other calls (e.g. writes that keep invalidating a
 * cache while the clients read). Run it with runLoad (loadProcess.ts), in
 * its own process, so it does not share the backend's event loop.
 */
export interface LoadSpec {
  name: string;
  baseUrl: string;
  clients: number;
  /** Cycled through; with `once`, each call is sent once, in order. */
  calls: BenchCall[];
  once?: boolean;
  /** Measured calls to send (cycled loads). */
  requests?: number;
  /** Stops sending after this long (all in flight are still counted). */
  durationMs?: number;
  /** Calls before measuring (cycled loads only). */
  warmup: number;
  /** Calls sent one at a time every `intervalMs` while the clients run. */
  background?: { calls: BenchCall[]; intervalMs: number };
  /** Failure statuses the scenario expects (e.g. 409): counted, not printed. */
  expectedErrors?: number[];
  /** With `once`: keep every answer's body (`answerByCall`), to check what the backend said. */
  keepAnswers?: boolean;
}

export interface LoadResult {
  name: string;
  requests: number;
  /** Answers other than 2xx, and calls that got no answer. */
  errors: number;
  statuses: Record<string, number>;
  durationMs: number;
  rps: number;
  p50: number;
  p95: number;
  p99: number;
  max: number;
  meanBytes: number;
  /** Share of the load the backend's event loop was busy (withEventLoopBusy). */
  eventLoopBusy?: number;
  /** With `once`: the status of each call, in call order (0: not sent). */
  statusByCall?: number[];
  /** With `once` and `keepAnswers`: each call's answer, in call order ('' if not sent). */
  answerByCall?: string[];
  /** With `once`: each call's latency in ms, in call order (NaN: not sent). */
  latencyByCall?: number[];
  background?: {
    sent: number;
    statuses: Record<string, number>;
    /** The status of each background call, in call order (0: not sent). */
    statusByCall: number[];
  };
}

const count = (statuses: Record<string, number>, status: number) => {
  statuses[status] = (statuses[status] ?? 0) + 1;
};

/** An open-loop stream: one call every intervalMs whatever the answers take. */
function backgroundStream(agent: Agent, spec: LoadSpec) {
  const bg = spec.background;
  const statuses: Record<string, number> = {};
  const statusByCall = (bg?.calls ?? []).map(() => 0);
  const inFlight: Promise<void>[] = [];
  let sent = 0;
  const timer = bg
    ? setInterval(() => {
        if (sent >= bg.calls.length) {
          return;
        }
        const index = sent++;
        inFlight.push(
          callOnce(agent, spec.baseUrl, bg.calls[index]).then(r => {
            count(statuses, r.status);
            statusByCall[index] = r.status;
          }),
        );
      }, bg.intervalMs)
    : undefined;
  return {
    async stop(): Promise<LoadResult['background']> {
      clearInterval(timer);
      await Promise.all(inFlight);
      return bg ? { sent, statuses, statusByCall } : undefined;
    },
  };
}

/** Generates the load in this process; see runLoad for the usual way. */
export async function generateLoad(spec: LoadSpec): Promise<LoadResult> {
  const agent = new Agent({
    keepAlive: true,
    maxSockets: spec.clients + (spec.background ? 1 : 0),
  });
  const callAt = (i: number) => spec.calls[i % spec.calls.length];

  // Warm-up (not measured): opens the connections, warms the JIT and caches.
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

  const statuses: Record<string, number> = {};
  const statusByCall = spec.once ? spec.calls.map(() => 0) : undefined;
  const answerByCall =
    spec.once && spec.keepAnswers ? spec.calls.map(() => '') : undefined;
  const latencyByCall = spec.once ? spec.calls.map(() => NaN) : undefined;
  const latencies: number[] = [];
  const firstErrors: string[] = [];
  let bytes = 0;
  let errors = 0;
  let next = 0;
  const limit = spec.once ? spec.calls.length : spec.requests ?? Infinity;
  const started = performance.now();
  const deadline = started + (spec.durationMs ?? Infinity);
  const background = backgroundStream(agent, spec);
  await Promise.all(
    Array.from({ length: spec.clients }, async () => {
      while (next < limit && performance.now() < deadline) {
        const i = next++;
        const call = spec.once ? spec.calls[i] : callAt(i + warm);
        const r = await callOnce(
          agent,
          spec.baseUrl,
          call,
          Boolean(answerByCall),
        );
        latencies.push(r.ms);
        count(statuses, r.status);
        if (statusByCall) {
          statusByCall[i] = r.status;
        }
        if (answerByCall) {
          answerByCall[i] = r.text;
        }
        if (latencyByCall) {
          latencyByCall[i] = r.ms;
        }
        bytes += r.bytes;
        if (r.status < 200 || r.status >= 300) {
          errors += 1;
          const expected = spec.expectedErrors?.includes(r.status);
          if (firstErrors.length < 3 && !expected) {
            firstErrors.push(`${r.status} ${r.text}`);
          }
        }
      }
    }),
  );
  const durationMs = performance.now() - started;
  const backgroundResult = await background.stop();
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
    answerByCall,
    latencyByCall,
    background: backgroundResult,
  };
}
