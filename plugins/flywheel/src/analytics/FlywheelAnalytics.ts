import {
  AnalyticsApi,
  DiscoveryApi,
  FetchApi,
} from '@backstage/frontend-plugin-api';
import { AnyAnalyticsEvent, toUsageEvent } from './usageEvents';

/** How FlywheelAnalytics batches and retries; every field has a default. */
export interface FlywheelAnalyticsOptions {
  discoveryApi: DiscoveryApi;
  fetchApi: FetchApi;
  /** Milliseconds between sends while events wait. Default 5,000. */
  flushIntervalMs?: number;
  /** Events per request. Default 100 (the backend takes up to 500). */
  maxBatchEvents?: number;
  /**
   * Events kept while the backend cannot be reached; beyond this the oldest
   * are dropped. Default 1,000.
   */
  maxBufferedEvents?: number;
  /**
   * Where the page's `pagehide` (window) and `visibilitychange` (document)
   * events come from; default the browser's. Tests pass their own.
   */
  page?: {
    window: EventTarget;
    document: EventTarget & { readonly visibilityState: string };
  };
  /** The clock, for tests. */
  now?: () => Date;
}

/**
 * Bytes per request: `fetch` with `keepalive` (what lets a send outlive the
 * page) allows 64 KiB in flight, and the backend 100 kB.
 */
const MAX_BODY_BYTES = 60_000;
/** The longest wait between retries. */
const MAX_BACKOFF_MS = 60_000;

/** Whether a failed send is worth trying again. */
const retryable = (status: number) =>
  status === 401 || status === 408 || status === 429 || status >= 500;

/**
 * Flywheel's analytics implementation: sends the app's analytics events
 * (page views, clicks, searches, creations) to the Flywheel backend, whose
 * usage metrics count them — active users, stickiness, new and returning
 * users, usage per plugin and route.
 *
 * It stays out of the page's way: `captureEvent` only queues the event;
 * queued events are sent in batches every few seconds and when the page is
 * hidden or left (`visibilitychange`, `pagehide`), with `keepalive` so the
 * last batch arrives after the tab closes. Sends go through the app's
 * `fetchApi`, so they carry the signed-in user's credentials; the backend
 * takes the person from those and from nothing in the events. A failed send
 * is retried with growing pauses; events wait in a buffer of bounded size,
 * and only when it is full are the oldest dropped. Refused batches (a 4xx
 * that retrying cannot fix) are dropped.
 *
 * It is one analytics implementation among any others the app has: the new
 * frontend system hands every event to each (see `flywheelAnalyticsModule`),
 * and legacy apps combine it with theirs through `MultipleAnalyticsApi`.
 *
 * @public
 */
export class FlywheelAnalytics implements AnalyticsApi {
  private readonly buffer: string[] = [];
  private readonly encoder = new TextEncoder();
  private timer?: ReturnType<typeof setTimeout>;
  private sending?: Promise<void>;
  private failures = 0;
  private droppedEvents = 0;
  private baseUrl?: string;

  /** An implementation for the app's analytics API (both frontend systems). */
  static create(options: FlywheelAnalyticsOptions): FlywheelAnalytics {
    return new FlywheelAnalytics(options);
  }

  private constructor(private readonly options: FlywheelAnalyticsOptions) {
    const page =
      options.page ??
      (typeof window === 'undefined'
        ? undefined
        : { window, document: window.document });
    page?.window.addEventListener('pagehide', () => this.flushAll());
    page?.document.addEventListener('visibilitychange', () => {
      if (page.document.visibilityState === 'hidden') {
        this.flushAll();
      }
    });
  }

  captureEvent(event: AnyAnalyticsEvent): void {
    try {
      const usage = toUsageEvent(event, this.now());
      if (!usage) {
        return;
      }
      this.buffer.push(JSON.stringify(usage));
      const max = this.options.maxBufferedEvents ?? 1000;
      if (this.buffer.length > max) {
        this.droppedEvents += this.buffer.length - max;
        this.buffer.splice(0, this.buffer.length - max);
      }
      this.schedule();
    } catch {
      // Analytics never breaks the page.
    }
  }

  /** Events waiting to be sent. */
  get pending(): number {
    return this.buffer.length;
  }

  /** Events dropped because the buffer was full. */
  get dropped(): number {
    return this.droppedEvents;
  }

  /**
   * Sends what is queued now, one batch after another, and resolves when
   * done; a failure leaves the events queued for the next attempt.
   */
  async flush(): Promise<void> {
    if (this.sending) {
      return this.sending;
    }
    this.clearTimer();
    if (this.buffer.length === 0) {
      return undefined;
    }
    // Cleared in a callback, which runs after the assignment: an async body
    // that finished without awaiting would clear it before it was set, and
    // flushAll would then chain on that settled promise forever, freezing
    // the page as it unloads.
    const sending: Promise<void> = this.sendQueued().finally(() => {
      if (this.sending === sending) {
        this.sending = undefined;
      }
      this.schedule();
    });
    this.sending = sending;
    return sending;
  }

  /** One batch after another until the queue is empty or a send fails. */
  private async sendQueued(): Promise<void> {
    while (this.buffer.length > 0) {
      const count = this.nextBatchSize();
      const batch = this.buffer.splice(0, count);
      const outcome = await this.send(batch);
      if (outcome === 'retry') {
        this.buffer.unshift(...batch);
        this.failures++;
        return;
      }
      this.failures = 0;
    }
  }

  /** The page goes away: everything queued leaves now, without waiting. */
  private flushAll() {
    this.clearTimer();
    if (this.sending) {
      // The batch in flight has keepalive; the rest follows it.
      this.sending.then(
        () => this.flushAll(),
        () => this.flushAll(),
      );
      return;
    }
    this.flush().catch(() => {});
  }

  private schedule() {
    if (this.timer || this.sending || this.buffer.length === 0) {
      return;
    }
    const interval = this.options.flushIntervalMs ?? 5000;
    const delay = Math.min(interval * 2 ** this.failures, MAX_BACKOFF_MS);
    this.timer = setTimeout(() => {
      this.timer = undefined;
      this.flush().catch(() => {});
    }, delay);
  }

  private clearTimer() {
    if (this.timer) {
      clearTimeout(this.timer);
      this.timer = undefined;
    }
  }

  /** As many queued events as fit one request. */
  private nextBatchSize(): number {
    const maxEvents = this.options.maxBatchEvents ?? 100;
    let bytes = 64; // the envelope
    let count = 0;
    while (count < this.buffer.length && count < maxEvents) {
      const size = this.encoder.encode(this.buffer[count]).length + 1;
      if (count > 0 && bytes + size > MAX_BODY_BYTES) {
        break;
      }
      bytes += size;
      count++;
    }
    return count;
  }

  private async send(batch: string[]): Promise<'sent' | 'refused' | 'retry'> {
    try {
      if (!this.baseUrl) {
        this.baseUrl = await this.options.discoveryApi.getBaseUrl('flywheel');
      }
      const response = await this.options.fetchApi.fetch(
        `${this.baseUrl}/usage/events`,
        {
          method: 'POST',
          headers: { 'Content-Type': 'application/json' },
          body: `{"sentAt":${JSON.stringify(
            this.now().toISOString(),
          )},"events":[${batch.join(',')}]}`,
          keepalive: true,
        },
      );
      if (response.ok) {
        return 'sent';
      }
      return retryable(response.status) ? 'retry' : 'refused';
    } catch {
      return 'retry'; // offline, the backend restarting, the page leaving
    }
  }

  private now() {
    return this.options.now?.() ?? new Date();
  }
}
