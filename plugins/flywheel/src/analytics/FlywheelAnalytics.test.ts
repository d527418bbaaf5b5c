import { MultipleAnalyticsApi } from '@backstage/core-app-api';
import {
  FlywheelAnalytics,
  FlywheelAnalyticsOptions,
} from './FlywheelAnalytics';
import { AnyAnalyticsEvent, UsageEvent } from './usageEvents';

const BASE = 'http://localhost:7007/api/flywheel';

const navigate = (subject: string, extra: Partial<AnyAnalyticsEvent> = {}) =>
  ({
    action: 'navigate',
    subject,
    context: {
      pluginId: 'catalog',
      extensionId: 'page:catalog',
      routeRef: 'catalog:index',
    },
    ...extra,
  } as AnyAnalyticsEvent);

/** A page whose hide and visibility events the test fires. */
function fakePage() {
  const document = Object.assign(new EventTarget(), {
    visibilityState: 'visible',
  });
  const window = new EventTarget();
  return {
    page: { window, document },
    hide() {
      window.dispatchEvent(new Event('pagehide'));
    },
    setVisibility(state: 'visible' | 'hidden') {
      document.visibilityState = state;
      document.dispatchEvent(new Event('visibilitychange'));
    },
  };
}

/** A backend that answers each POST with the next status (default 202). */
function fakeBackend(statuses: (number | 'offline')[] = []) {
  const requests: {
    url: string;
    init: RequestInit;
    body: { sentAt: string; events: UsageEvent[] };
  }[] = [];
  const fetch = jest.fn(async (url: string, init: RequestInit) => {
    requests.push({ url, init, body: JSON.parse(init.body as string) });
    const status = statuses.shift() ?? 202;
    if (status === 'offline') {
      throw new TypeError('Failed to fetch');
    }
    return { ok: status >= 200 && status < 300, status } as Response;
  });
  return {
    requests,
    fetch,
    sent: () => requests.flatMap(r => r.body.events.map(e => e.subject)),
  };
}

function setUp(
  statuses: (number | 'offline')[] = [],
  options: Partial<FlywheelAnalyticsOptions> = {},
) {
  const backend = fakeBackend(statuses);
  const page = fakePage();
  const analytics = FlywheelAnalytics.create({
    discoveryApi: { getBaseUrl: async () => BASE },
    fetchApi: { fetch: backend.fetch as unknown as typeof fetch },
    page: page.page,
    now: () => new Date(),
    ...options,
  });
  return { analytics, backend, page };
}

describe('FlywheelAnalytics', () => {
  beforeEach(() => {
    jest.useFakeTimers({ now: new Date('2026-12-06T12:00:00Z') });
  });
  afterEach(() => {
    jest.useRealTimers();
  });

  it('queues events and sends them in one batch a few seconds later', async () => {
    const { analytics, backend } = setUp();
    analytics.captureEvent(navigate('/catalog'));
    analytics.captureEvent(navigate('/docs?q=secret#top'));
    analytics.captureEvent({
      action: 'search',
      subject: 'what ada searched for',
      context: { pluginId: 'search', extensionId: 'page:search' },
    });
    expect(backend.fetch).not.toHaveBeenCalled();
    expect(analytics.pending).toBe(3);

    await jest.advanceTimersByTimeAsync(5000);
    expect(backend.requests).toHaveLength(1);
    const [{ url, init, body }] = backend.requests;
    expect(url).toBe(`${BASE}/usage/events`);
    expect(init).toMatchObject({
      method: 'POST',
      keepalive: true,
      headers: { 'Content-Type': 'application/json' },
    });
    expect(body).toEqual({
      sentAt: '2026-12-06T12:00:05.000Z',
      events: [
        {
          action: 'navigate',
          subject: '/catalog',
          context: {
            pluginId: 'catalog',
            routeRef: 'catalog:index',
            extension: 'page:catalog',
          },
          timestamp: '2026-12-06T12:00:00.000Z',
        },
        expect.objectContaining({ subject: '/docs' }),
        {
          action: 'search',
          subject: '',
          context: { pluginId: 'search', extension: 'page:search' },
          timestamp: '2026-12-06T12:00:00.000Z',
        },
      ],
    });
    // Nothing names the person: the backend takes them from the credentials.
    expect(JSON.stringify(body)).not.toMatch(/user/i);
    expect(analytics.pending).toBe(0);
    await jest.advanceTimersByTimeAsync(60_000);
    expect(backend.requests).toHaveLength(1);
  });

  it('sends at once when the page is hidden or left', async () => {
    const { analytics, backend, page } = setUp();
    analytics.captureEvent(navigate('/a'));
    page.setVisibility('hidden');
    await jest.advanceTimersByTimeAsync(0);
    expect(backend.sent()).toEqual(['/a']);

    page.setVisibility('visible');
    analytics.captureEvent(navigate('/b'));
    await jest.advanceTimersByTimeAsync(0);
    expect(backend.sent()).toEqual(['/a']);
    page.hide();
    await jest.advanceTimersByTimeAsync(0);
    expect(backend.sent()).toEqual(['/a', '/b']);
    expect(backend.requests.every(r => r.init.keepalive)).toBe(true);
  });

  it('leaves a page that is hidden and then left with nothing queued, and keeps sending afterwards', async () => {
    // Hidden with an empty queue, then left: both handlers flush. Before the
    // fix the second chained on a settled promise forever and the browser
    // could not leave the page.
    const { analytics, backend, page } = setUp();
    page.setVisibility('hidden');
    page.hide();
    await jest.advanceTimersByTimeAsync(0);
    expect(backend.requests).toEqual([]);
    page.setVisibility('visible');
    analytics.captureEvent(navigate('/after'));
    await jest.advanceTimersByTimeAsync(5_000);
    expect(backend.sent()).toEqual(['/after']);
    expect(analytics.pending).toBe(0);
  });

  it('keeps the events of a failed send and retries with growing pauses', async () => {
    const { analytics, backend } = setUp(['offline', 503, 202]);
    analytics.captureEvent(navigate('/a'));
    analytics.captureEvent(navigate('/b'));
    await jest.advanceTimersByTimeAsync(5000); // offline
    expect(analytics.pending).toBe(2);
    analytics.captureEvent(navigate('/c'));
    await jest.advanceTimersByTimeAsync(9999);
    expect(backend.requests).toHaveLength(1);
    await jest.advanceTimersByTimeAsync(1); // 10 s later: 503
    expect(backend.requests).toHaveLength(2);
    await jest.advanceTimersByTimeAsync(20_000); // 20 s later: stored
    expect(backend.requests).toHaveLength(3);
    expect(backend.requests[2].body.events.map(e => e.subject)).toEqual([
      '/a',
      '/b',
      '/c',
    ]);
    expect(analytics.pending).toBe(0);
    expect(analytics.dropped).toBe(0);
  });

  it('retries a sign-in that expired, drops a batch the backend refuses', async () => {
    const { analytics, backend } = setUp([401, 400]);
    analytics.captureEvent(navigate('/a'));
    await analytics.flush(); // 401: kept
    expect(analytics.pending).toBe(1);
    await analytics.flush(); // 400: retrying cannot help
    expect(analytics.pending).toBe(0);
    expect(backend.requests).toHaveLength(2);
  });

  it('keeps a bounded buffer while the backend is away, dropping the oldest', async () => {
    const { analytics, backend } = setUp(
      Array.from({ length: 10 }, () => 'offline' as const),
      { maxBufferedEvents: 5 },
    );
    for (const path of ['/1', '/2', '/3', '/4', '/5', '/6', '/7', '/8']) {
      analytics.captureEvent(navigate(path));
    }
    expect([analytics.pending, analytics.dropped]).toEqual([5, 3]);
    await analytics.flush();
    expect(backend.sent()).toEqual(['/4', '/5', '/6', '/7', '/8']);
  });

  it('splits what is queued into requests that keepalive allows', async () => {
    const { analytics, backend } = setUp([], { maxBatchEvents: 40 });
    for (let i = 0; i < 100; i++) {
      analytics.captureEvent(navigate(`/${i}/${'x'.repeat(990)}`));
    }
    await analytics.flush();
    // About 1.1 kB each: 40 a request by count, up to 60 kB by size.
    expect(backend.requests.map(r => r.body.events.length)).toEqual([
      40, 40, 20,
    ]);
    const small = setUp([], { maxBatchEvents: 500 });
    for (let i = 0; i < 100; i++) {
      small.analytics.captureEvent(navigate(`/${i}/${'x'.repeat(990)}`));
    }
    await small.analytics.flush();
    const sizes = small.backend.requests.map(r => r.init.body as string);
    expect(sizes.length).toBe(2);
    for (const body of sizes) {
      expect(new TextEncoder().encode(body).length).toBeLessThanOrEqual(60_000);
    }
  });

  it('never throws into the page', () => {
    const { analytics } = setUp();
    expect(() =>
      analytics.captureEvent({ action: '', subject: 'x' } as AnyAnalyticsEvent),
    ).not.toThrow();
    expect(() =>
      analytics.captureEvent(null as unknown as AnyAnalyticsEvent),
    ).not.toThrow();
    expect(analytics.pending).toBe(0);
  });

  it('lives beside other analytics in a legacy app (MultipleAnalyticsApi)', async () => {
    const { analytics, backend } = setUp();
    const other = { captureEvent: jest.fn() };
    const api = MultipleAnalyticsApi.fromApis([analytics, other]);
    // A legacy app's event: its context says extension, not extensionId.
    api.captureEvent({
      action: 'navigate',
      subject: '/catalog',
      context: {
        pluginId: 'catalog',
        routeRef: 'catalog:index',
        extension: 'CatalogIndexPage',
      },
    });
    expect(other.captureEvent).toHaveBeenCalledWith(
      expect.objectContaining({ subject: '/catalog' }),
    );
    await analytics.flush();
    expect(backend.requests[0].body.events[0].context).toEqual({
      pluginId: 'catalog',
      routeRef: 'catalog:index',
      extension: 'CatalogIndexPage',
    });
  });
});
