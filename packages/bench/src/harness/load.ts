import { Agent } from 'node:http';
import { BenchCall, callOnce } from './http';
import { prng } from './random';
import { percentile } from './stats';

/**
 * HTTP load: `clients` concurrent closed-loop clients (each sends its next
 * call when the last one answered, after `thinkMs` on average) over
 * keep-alive connections, latency per
 * call from first byte sent to last byte read. Optionally an open-loop
 * background stream of other calls (e.g. writes that keep invalidating a
 * cache while the clients read). Run it with runLoad (loadProcess.ts), in
 * its own process, so it does not share the backend's event loop.
 */
export interface LoadSpec {
  name: string;
  baseUrl: string;
  /**
   * Several backends (replicas): client i sends to `baseUrls[i mod n]`, so
   * the clients are spread round robin. `baseUrl` otherwise.
   */
  baseUrls?: string[];
  clients: number;
  /** Cycled through; with `once`, each call is sent once, in order. */
  calls: BenchCall[];
  /**
   * A mix instead of `calls` (cycled loads only): each call is drawn from a
   * stream by the streams' weights, seeded, so every run sends the same
   * sequence. A stream that is used up (`once`) drops out of the draw.
   */
  mix?: LoadStream[];
  once?: boolean;
  /** Measured calls to send (cycled loads). */
  requests?: number;
  /** Stops sending after this long (all in flight are still counted). */
  durationMs?: number;
  /** Calls before measuring (cycled loads only). */
  warmup: number;
  /** Gives up on a call not answered within this long (status 0, an error). */
  timeoutMs?: number;
  /**
   * A person's pause between an answer and their next call, on average
   * (exponentially distributed, seeded per client). 0 or none: each client
   * sends its next call at once, which keeps the backend saturated.
   */
  thinkMs?: number;
  /** Calls sent one at a time every `intervalMs` while the clients run. */
  background?: { calls: BenchCall[]; intervalMs: number };
  /** Failure statuses the scenario expects (e.g. 409): counted, not printed. */
  expectedErrors?: number[];
  /** With `once`: keep every answer's body (`answerByCall`), to check what the backend said. */
  keepAnswers?: boolean;
}

/** One stream of a mixed load (LoadSpec.mix). */
export interface LoadStream {
  name: string;
  /** Its share of the requests, relative to the other streams' weights. */
  weight: number;
  calls: BenchCall[];
  /** Each call at most once (writes that may not repeat); cycled otherwise. */
  once?: boolean;
}

/** The figures of the calls that carry one tag (BenchCall.tags). */
export interface TagResult {
  requests: number;
  errors: number;
  statuses: Record<string, number>;
  rps: number;
  p50: number;
  p95: number;
  p99: number;
  max: number;
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
  /** CPU milliseconds the load generator's process used while measuring. */
  generatorCpuMs?: number;
  /** By tag, when calls carry tags (measured calls only). */
  byTag?: Record<string, TagResult>;
  /** With `mix`: calls sent from each stream (warm-up included), and whether it ran out. */
  streams?: Record<string, { sent: number; usedUp: boolean }>;
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

/** Draws the calls of a mixed load: a stream by weight, then its next call. */
function mixDraw(streams: LoadStream[]) {
  const rnd = prng(0x10ad);
  const sent = streams.map(() => 0);
  const usedUp = (i: number) =>
    streams[i].calls.length === 0 ||
    (Boolean(streams[i].once) && sent[i] >= streams[i].calls.length);
  return {
    next(): BenchCall | undefined {
      let total = 0;
      streams.forEach((s, i) => {
        total += usedUp(i) ? 0 : s.weight;
      });
      if (total <= 0) {
        return undefined;
      }
      let roll = rnd() * total;
      let chosen = -1;
      for (let i = 0; i < streams.length; i++) {
        if (!usedUp(i)) {
          chosen = i;
          roll -= streams[i].weight;
          if (roll < 0) {
            break;
          }
        }
      }
      const stream = streams[chosen];
      return stream.calls[sent[chosen]++ % stream.calls.length];
    },
    state(): NonNullable<LoadResult['streams']> {
      return Object.fromEntries(
        streams.map((s, i) => [s.name, { sent: sent[i], usedUp: usedUp(i) }]),
      );
    },
  };
}

/** Latencies and statuses by tag. */
function tagRecorder() {
  const tags = new Map<
    string,
    { latencies: number[]; errors: number; statuses: Record<string, number> }
  >();
  return {
    add(call: BenchCall, ms: number, status: number) {
      for (const tag of call.tags ?? []) {
        let entry = tags.get(tag);
        if (!entry) {
          entry = { latencies: [], errors: 0, statuses: {} };
          tags.set(tag, entry);
        }
        entry.latencies.push(ms);
        count(entry.statuses, status);
        if (status < 200 || status >= 300) {
          entry.errors += 1;
        }
      }
    },
    result(durationMs: number): Record<string, TagResult> | undefined {
      if (tags.size === 0) {
        return undefined;
      }
      return Object.fromEntries(
        [...tags].map(([tag, { latencies, errors, statuses }]) => {
          latencies.sort((a, b) => a - b);
          return [
            tag,
            {
              requests: latencies.length,
              errors,
              statuses,
              rps: (latencies.length / durationMs) * 1000,
              p50: percentile(latencies, 50),
              p95: percentile(latencies, 95),
              p99: percentile(latencies, 99),
              max: latencies[latencies.length - 1],
            },
          ];
        }),
      );
    },
  };
}

/**
 * Node's HTTP server closes a connection idle for 5 s (keepAliveTimeout); a
 * client reusing it just then gets ECONNRESET. A client that paused this
 * long opens a new connection, as a browser would have to.
 */
const IDLE_CONNECTION_MS = 4_000;

/**
 * A client's pauses: exponential with mean `meanMs` (people's pauses are
 * mostly short, some long), from a seed per client; none past the deadline.
 * Resolves to the pause taken.
 */
function thinkTime(meanMs: number | undefined, client: number) {
  const rnd = prng(0x7417 + client);
  return async (deadline: number): Promise<number> => {
    if (!meanMs) {
      return 0;
    }
    const pause = Math.min(
      -Math.log(1 - rnd()) * meanMs,
      deadline - performance.now(),
    );
    if (pause > 0) {
      await new Promise(resolve => setTimeout(resolve, pause));
    }
    return pause;
  };
}

/** Generates the load in this process; see runLoad for the usual way. */
export async function generateLoad(spec: LoadSpec): Promise<LoadResult> {
  const baseUrls = spec.baseUrls?.length ? spec.baseUrls : [spec.baseUrl];
  const agent = new Agent({
    keepAlive: true,
    maxSockets: spec.clients + (spec.background ? 1 : 0),
  });
  const mix = spec.mix && !spec.once ? mixDraw(spec.mix) : undefined;
  const callAt = (i: number): BenchCall | undefined =>
    mix ? mix.next() : spec.calls[i % spec.calls.length];

  // Warm-up (not measured): opens the connections, warms the JIT and caches.
  let warm = 0;
  if (!spec.once) {
    await Promise.all(
      Array.from({ length: spec.clients }, async (_, client) => {
        while (warm < spec.warmup) {
          const call = callAt(warm++);
          if (!call) {
            break;
          }
          await callOnce(
            agent,
            baseUrls[client % baseUrls.length],
            call,
            false,
            spec.timeoutMs,
          );
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
  const byTag = tagRecorder();
  const firstErrors: string[] = [];
  let bytes = 0;
  let errors = 0;
  let next = 0;
  const limit = spec.once ? spec.calls.length : spec.requests ?? Infinity;
  const started = performance.now();
  const cpuBefore = process.cpuUsage();
  const deadline = started + (spec.durationMs ?? Infinity);
  const background = backgroundStream(agent, spec);
  await Promise.all(
    Array.from({ length: spec.clients }, async (_, client) => {
      const think = thinkTime(spec.thinkMs, client);
      // With pauses, each client keeps its own connection, as a person's
      // browser does; without, they share the pool.
      let own = spec.thinkMs ? new Agent({ keepAlive: true }) : agent;
      while (next < limit && performance.now() < deadline) {
        const i = next++;
        const call = spec.once ? spec.calls[i] : callAt(i + warm);
        if (!call) {
          break;
        }
        const r = await callOnce(
          own,
          baseUrls[client % baseUrls.length],
          call,
          Boolean(answerByCall),
          spec.timeoutMs,
        );
        latencies.push(r.ms);
        byTag.add(call, r.ms, r.status);
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
        if ((await think(deadline)) >= IDLE_CONNECTION_MS) {
          own.destroy();
          own = new Agent({ keepAlive: true });
        }
        if (r.status < 200 || r.status >= 300) {
          errors += 1;
          const expected = spec.expectedErrors?.includes(r.status);
          if (firstErrors.length < 3 && !expected) {
            firstErrors.push(
              call.tags
                ? `${r.status} ${call.method} ${call.path}: ${r.text}`
                : `${r.status} ${r.text}`,
            );
          }
        }
      }
      if (own !== agent) {
        own.destroy();
      }
    }),
  );
  const durationMs = performance.now() - started;
  const cpu = process.cpuUsage(cpuBefore);
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
    generatorCpuMs: (cpu.user + cpu.system) / 1000,
    byTag: byTag.result(durationMs),
    streams: mix?.state(),
    statusByCall,
    answerByCall,
    latencyByCall,
    background: backgroundResult,
  };
}
