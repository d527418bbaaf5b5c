import {
  LoggerService,
  RootLoggerService,
} from '@backstage/backend-plugin-api';
import { JsonObject } from '@backstage/types';

type Level = 'error' | 'warn' | 'info' | 'debug';

const RANK: Record<Level, number> = { error: 0, warn: 1, info: 2, debug: 3 };

export type LogListener = (
  level: Level,
  message: string,
  meta: Record<string, unknown>,
) => void;

/**
 * The backend's root logger in the benchmark: prints warnings and errors
 * (or more with BENCH_LOG_LEVEL) and lets the benchmark watch every message,
 * e.g. Tech Insights' "Stored N facts for fact retriever …" that marks the end
 * of a fact retrieval.
 */
export class BenchLogger implements RootLoggerService {
  private static listeners = new Set<LogListener>();
  private static printLevel: Level =
    (process.env.BENCH_LOG_LEVEL as Level | undefined) ?? 'warn';

  constructor(private readonly meta: Record<string, unknown> = {}) {}

  static listen(listener: LogListener): () => void {
    BenchLogger.listeners.add(listener);
    return () => BenchLogger.listeners.delete(listener);
  }

  /** Resolves with the first message the predicate accepts. */
  static waitFor(
    predicate: (message: string, meta: Record<string, unknown>) => boolean,
  ): Promise<{ message: string; at: number }> {
    return new Promise(resolve => {
      const stop = BenchLogger.listen((_level, message, meta) => {
        if (predicate(message, meta)) {
          stop();
          resolve({ message, at: performance.now() });
        }
      });
    });
  }

  private write(level: Level, text: unknown, meta?: Error | JsonObject) {
    // Callers sometimes log an Error (or anything) as the message.
    const message = String(text);
    const all = {
      ...this.meta,
      ...(meta instanceof Error ? { error: String(meta) } : meta ?? {}),
    };
    for (const listener of BenchLogger.listeners) {
      try {
        listener(level, message, all);
      } catch {
        // A listener must never break the code that logs.
      }
    }
    if (RANK[level] <= RANK[BenchLogger.printLevel]) {
      const source = all.plugin ?? all.service ?? 'backend';
      const extra = all.error ? ` (${all.error})` : '';
      process.stderr.write(
        `    [${level}] ${String(source)}: ${message}${extra}\n`,
      );
    }
  }

  error(message: string, meta?: Error | JsonObject) {
    this.write('error', message, meta);
  }
  warn(message: string, meta?: Error | JsonObject) {
    this.write('warn', message, meta);
  }
  info(message: string, meta?: Error | JsonObject) {
    this.write('info', message, meta);
  }
  debug(message: string, meta?: Error | JsonObject) {
    this.write('debug', message, meta);
  }
  child(meta: JsonObject): LoggerService {
    return new BenchLogger({ ...this.meta, ...meta });
  }
}
