import { fireEvent, screen, waitFor } from '@testing-library/react';
import {
  createFrontendModule,
  discoveryApiRef,
  fetchApiRef,
  PageBlueprint,
  useAnalytics,
} from '@backstage/frontend-plugin-api';
import { AnalyticsImplementationBlueprint } from '@backstage/plugin-app-react';
import { renderTestApp } from '@backstage/frontend-test-utils';
import { flywheelAnalyticsModule } from './module';

const BASE = 'http://localhost:7007/api/flywheel';

/** Another analytics implementation the app has, e.g. GA4. */
function otherAnalytics(received: { action: string; subject: string }[]) {
  return createFrontendModule({
    pluginId: 'app',
    extensions: [
      AnalyticsImplementationBlueprint.make({
        name: 'other',
        params: defineParams =>
          defineParams({
            deps: {},
            factory: () => ({ captureEvent: event => received.push(event) }),
          }),
      }),
    ],
  });
}

function CreateButton() {
  const analytics = useAnalytics();
  return (
    <button onClick={() => analytics.captureEvent('click', 'Create')}>
      Create
    </button>
  );
}

function renderApp(config?: object) {
  const received: { action: string; subject: string }[] = [];
  const fetch = jest.fn(
    async (_url: RequestInfo | URL, _init?: RequestInit) =>
      ({ ok: true, status: 202 } as Response),
  );
  renderTestApp({
    features: [flywheelAnalyticsModule, otherAnalytics(received)],
    extensions: [
      PageBlueprint.make({
        params: { path: '/', loader: async () => <CreateButton /> },
      }),
    ],
    apis: [
      [fetchApiRef, { fetch }],
      [discoveryApiRef, { getBaseUrl: async () => BASE }],
    ],
    ...(config
      ? {
          config: {
            app: { baseUrl: 'http://localhost:3000', ...config },
            backend: { baseUrl: 'http://localhost:7007' },
          },
        }
      : {}),
  });
  return { received, fetch };
}

const sentSubjects = (fetch: ReturnType<typeof renderApp>['fetch']) =>
  fetch.mock.calls.flatMap(([, init]) =>
    JSON.parse(init!.body as string).events.map(
      (e: { action: string; subject: string }) => `${e.action} ${e.subject}`,
    ),
  );

describe('the analytics module in an app', () => {
  it('sends the app’s events to Flywheel, and other analytics get them too', async () => {
    const { received, fetch } = renderApp();
    fireEvent.click(await screen.findByRole('button', { name: 'Create' }));
    expect(received).toContainEqual(
      expect.objectContaining({ action: 'click', subject: 'Create' }),
    );
    window.dispatchEvent(new Event('pagehide'));
    await waitFor(() => expect(fetch).toHaveBeenCalled());
    expect(fetch.mock.calls[0][0]).toBe(`${BASE}/usage/events`);
    expect(sentSubjects(fetch)).toContain('click Create');
  });

  it('is switched off by config as analytics:app/flywheel', async () => {
    const { received, fetch } = renderApp({
      extensions: [{ 'analytics:app/flywheel': false }],
    });
    fireEvent.click(await screen.findByRole('button', { name: 'Create' }));
    expect(received).toContainEqual(
      expect.objectContaining({ action: 'click', subject: 'Create' }),
    );
    window.dispatchEvent(new Event('pagehide'));
    await new Promise(resolve => setTimeout(resolve, 50));
    expect(fetch).not.toHaveBeenCalled();
  });
});
