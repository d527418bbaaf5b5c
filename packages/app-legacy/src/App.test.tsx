import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useRouteRef } from '@backstage/core-plugin-api';
import { flywheelPlugin } from '@flywheel/plugin-flywheel';
import { setupServer } from 'msw/node';
import App from './App';
import {
  backendHandlers,
  BackendOptions,
  FLYWHEEL,
  GUEST_TOKEN,
  npsPrompt,
} from './__testUtils__/backend';

// The real useRouteRef, watched: the only way to tell Flywheel's
// `createFromTemplate` resolved to the scaffolder's route (a function) from
// unresolved (undefined). Unresolved, Flywheel falls back to the scaffolder's
// default path, `/create/templates/…`, where this app mounts the scaffolder
// anyway, so the links alone cannot tell.
jest.mock('@backstage/core-plugin-api', () => {
  const actual = jest.requireActual('@backstage/core-plugin-api');
  return {
    __esModule: true,
    ...actual,
    useRouteRef: jest.fn(actual.useRouteRef),
  };
});

/** The sign-in page remembers the provider the user chose last time. */
const SIGN_IN_PROVIDER_KEY = '@backstage/core:SignInPage:provider';

const server = setupServer();

/** Every request that reached the fake backend, as the app sent it. */
const requests: { method: string; url: URL; authorization: string | null }[] =
  [];
/** Requests no handler answered: each is a failure of the test. */
const unhandled: string[] = [];

beforeAll(() => {
  server.listen({
    onUnhandledRequest: request => {
      unhandled.push(`${request.method} ${request.url}`);
    },
  });
  server.events.on('request:start', ({ request }) => {
    requests.push({
      method: request.method,
      url: new URL(request.url),
      authorization: request.headers.get('authorization'),
    });
  });
});

beforeEach(() => {
  process.env = {
    ...process.env,
    NODE_ENV: 'test',
    APP_CONFIG: [
      {
        data: {
          app: { title: 'Test' },
          backend: { baseUrl: 'http://localhost:7007' },
        },
        context: 'test',
      },
    ] as any,
  };
  window.localStorage.clear();
  window.sessionStorage.clear();
  // A returning guest: the sign-in page signs in with the guest provider
  // without showing itself (through the auth backend, answered below).
  window.localStorage.setItem(SIGN_IN_PROVIDER_KEY, 'guest');
  requests.length = 0;
  unhandled.length = 0;
  jest.mocked(useRouteRef).mockClear();
});

afterEach(() => {
  server.resetHandlers();
  if (unhandled.length > 0) {
    throw new Error(`Requests no handler answered:\n${unhandled.join('\n')}`);
  }
});

afterAll(() => server.close());

function renderApp(path: string, options?: BackendOptions) {
  server.use(...backendHandlers(options));
  window.history.pushState({}, '', path);
  return render(<App />);
}

/** The Flywheel backend paths the app requested, with their query. */
function flywheelRequests() {
  return requests
    .filter(r => r.url.href.startsWith(`${FLYWHEEL}/`))
    .map(r => ({
      ...r,
      path: r.url.pathname.slice('/api/flywheel'.length),
    }));
}

/**
 * Flywheel's API requests reached the backend over HTTP, with the guest's
 * token: the legacy flywheelPlugin registered its own client, built on the
 * app's discovery and fetch APIs (apis.ts has nothing of Flywheel's).
 */
function expectFlywheelRequests(paths: string[]) {
  const made = flywheelRequests();
  expect(made.map(r => r.path)).toEqual(expect.arrayContaining(paths));
  for (const request of made) {
    expect(request.authorization).toBe(`Bearer ${GUEST_TOKEN}`);
  }
}

/** A stat's value in a StatList (a description list). */
function statValue(container: HTMLElement, label: string) {
  const term = within(container).getByText(label).closest('dt');
  return term?.nextElementSibling?.firstElementChild?.textContent;
}

describe('the legacy app, wired as the README says', () => {
  it('serves FlywheelPage at /flywheel, with its sidebar item', async () => {
    renderApp('/flywheel');

    expect(
      await screen.findByRole('heading', { name: 'Flywheel', level: 1 }),
    ).toBeInTheDocument();
    expect(screen.getAllByRole('tab').map(tab => tab.textContent)).toEqual([
      'Overview',
      'Golden Paths',
      'Scorecards',
      'Surveys',
      'Metrics',
      'Maturity',
      'Campaigns',
    ]);
    expect(screen.getByRole('tab', { name: 'Overview' })).toHaveAttribute(
      'aria-selected',
      'true',
    );

    // The Overview tab: the product dashboard, from the backend's outcomes.
    expect(
      await screen.findByRole('heading', { name: 'Product dashboard' }),
    ).toBeInTheDocument();
    const satisfaction = await screen.findByRole('region', {
      name: 'Developer satisfaction',
    });
    const nps = await within(satisfaction).findByRole('region', {
      name: 'Developer NPS',
    });
    expect(within(nps).getByText('On target')).toBeInTheDocument();

    expect(screen.getByRole('link', { name: 'Flywheel' })).toHaveAttribute(
      'href',
      '/flywheel',
    );

    expectFlywheelRequests(['/maturity/outcomes', '/maturity/capabilities']);
  });

  it("shows Flywheel's cards and Scorecards tab on a Component page", async () => {
    renderApp('/catalog/default/component/checkout-api');

    // The golden path the service came from, and that it drifted.
    const goldenPath = await screen.findByRole('region', {
      name: 'Golden path',
    });
    expect(
      await within(goldenPath).findByText(/Created from the golden path/),
    ).toBeInTheDocument();
    expect(
      within(goldenPath).getByRole('link', { name: 'TypeScript HTTP service' }),
    ).toHaveAttribute('href', '/catalog/default/template/typescript-service');
    expect(statValue(goldenPath, 'Created from version')).toBe('1.0.0');
    expect(statValue(goldenPath, 'Current version')).toBe('1.2.0');
    expect(
      within(goldenPath).getByText('Created from 1.0.0, current is 1.2.0'),
    ).toBeInTheDocument();

    // The value stream over 90 days, linking to the Flywheel page's Metrics tab.
    const valueStream = screen.getByRole('region', { name: 'Value stream' });
    const numbers = await within(valueStream).findByLabelText(
      'Value stream of Checkout API, last 90 days',
    );
    expect(within(numbers).getByText('Deployment frequency')).toBeVisible();
    expect(
      within(valueStream).getByRole('link', {
        name: 'All metrics of Checkout API',
      }),
    ).toHaveAttribute(
      'href',
      '/flywheel/metrics?entityRef=component%3Adefault%2Fcheckout-api&window=90d',
    );

    // The campaigns it is part of, linking to the campaign's page.
    const campaigns = screen.getByRole('region', { name: 'Campaigns' });
    expect(
      await within(campaigns).findByRole('link', {
        name: 'TechDocs everywhere',
      }),
    ).toHaveAttribute('href', '/flywheel/campaigns/techdocs-everywhere');
    expect(
      within(campaigns).getByText(
        'The annotation backstage.io/techdocs-ref is missing',
      ),
    ).toBeInTheDocument();
    // Start onboarding: the campaign's template in the scaffolder, through
    // createFromTemplate, its form filled with the entity.
    const onboarding = within(campaigns).getByRole('link', {
      name: 'Start onboarding for TechDocs everywhere',
    });
    const onboardingHref = new URL(
      onboarding.getAttribute('href')!,
      window.location.origin,
    );
    expect(onboardingHref.pathname).toBe(
      '/create/templates/default/add-techdocs',
    );
    expect(JSON.parse(onboardingHref.searchParams.get('formData')!)).toEqual({
      component: 'component:default/checkout-api',
    });

    expectFlywheelRequests([
      '/golden-paths/provenance',
      '/metrics/valueStream.leadTime.median/series',
      '/campaigns/memberships',
    ]);
    expect(
      flywheelRequests()
        .find(r => r.path === '/golden-paths/provenance')
        ?.url.searchParams.get('entityRef'),
    ).toBe('component:default/checkout-api');

    // The Scorecards tab.
    await userEvent.click(screen.getByRole('tab', { name: 'Scorecards' }));
    expect(window.location.pathname).toBe(
      '/catalog/default/component/checkout-api/scorecards',
    );
    expect(
      await screen.findByText(/^1 scorecard applies to this entity/),
    ).toBeInTheDocument();
    expect(
      screen.getByRole('heading', { name: /Golden path adoption/ }),
    ).toBeInTheDocument();
    expect(
      screen.getByText('Created from 1.0.0; the golden path is at 1.2.0'),
    ).toBeInTheDocument();
    expectFlywheelRequests(['/scorecards', '/scorecards/results']);
  });

  it("shows Flywheel's cards and Team scorecard tab on a Group page", async () => {
    renderApp('/catalog/default/group/commerce');

    const adoption = await screen.findByRole('region', {
      name: 'Golden-path adoption',
    });
    expect(
      await within(adoption).findByText(
        '2 of 3 components created from golden paths, sub-teams included',
      ),
    ).toBeInTheDocument();
    expect(
      within(adoption).getByText('TypeScript HTTP service'),
    ).toBeInTheDocument();

    const valueStream = screen.getByRole('region', { name: 'Value stream' });
    expect(
      within(valueStream).getByText('Last 90 days, sub-teams included'),
    ).toBeInTheDocument();
    expect(
      await within(valueStream).findByLabelText(
        'Value stream of Commerce, last 90 days',
      ),
    ).toBeInTheDocument();

    const campaigns = screen.getByRole('region', { name: 'Campaigns' });
    expect(
      await within(campaigns).findByRole('link', {
        name: 'TechDocs everywhere',
      }),
    ).toHaveAttribute(
      'href',
      '/flywheel/campaigns/techdocs-everywhere?groupRef=group%3Adefault%2Fcommerce',
    );

    expectFlywheelRequests([
      '/golden-paths/adoption',
      '/metrics/valueStream.deploymentFrequency/series',
      '/campaigns/memberships',
    ]);
    expect(
      flywheelRequests()
        .filter(r => r.path.startsWith('/metrics/'))
        .every(
          r => r.url.searchParams.get('groupRef') === 'group:default/commerce',
        ),
    ).toBe(true);

    // The Team scorecard tab.
    await userEvent.click(screen.getByRole('tab', { name: 'Team scorecard' }));
    expect(window.location.pathname).toBe(
      '/catalog/default/group/commerce/team-scorecard',
    );
    const summary = await screen.findByRole('region', { name: 'Summary' });
    expect(statValue(summary, 'Entities')).toBe('5');
    expect(
      within(summary).getByText('including 2 sub-teams'),
    ).toBeInTheDocument();
    const fixFirst = screen.getByRole('region', { name: 'What to fix first' });
    expect(within(fixFirst).getAllByRole('listitem')[0]).toHaveTextContent(
      'On the current golden-path version',
    );
    // The entities link to their Scorecards tab, at /scorecards as mounted.
    const entities = screen.getByRole('region', { name: 'Entities' });
    expect(
      await within(entities).findByRole('link', { name: 'Checkout API' }),
    ).toHaveAttribute(
      'href',
      expect.stringMatching(
        /^\/catalog\/default\/component\/checkout-api\/scorecards\b/,
      ),
    );
    expectFlywheelRequests(['/scorecards/rollup', '/scorecards/entities']);
  });

  it('links "Use this path" to the scaffolder\'s selectedTemplate route', async () => {
    renderApp('/flywheel/golden-paths');

    const path = await screen.findByRole('region', {
      name: 'TypeScript HTTP service',
    });
    expect(
      within(path).getByRole('link', { name: 'Use this path' }),
    ).toHaveAttribute('href', '/create/templates/default/typescript-service');
    expectFlywheelRequests(['/golden-paths']);

    // The link came from the route binding, not from Flywheel's fallback
    // for an unbound route: the external route resolved to the scaffolder's
    // selectedTemplate route. (The legacy createApp would also bind it without
    // the README's bind(), from the route's defaultTarget.)
    const createFromTemplate: unknown =
      flywheelPlugin.externalRoutes.createFromTemplate;
    const { calls, results } = jest.mocked(useRouteRef).mock;
    const resolved = results.filter(
      (_, i) => calls[i][0] === createFromTemplate,
    );
    expect(resolved.length).toBeGreaterThan(0);
    for (const result of resolved) {
      expect(result.type).toBe('return');
      const link = result.value as
        | ((params: { namespace: string; templateName: string }) => string)
        | undefined;
      expect(typeof link).toBe('function');
      expect(
        link?.({ namespace: 'default', templateName: 'add-techdocs' }),
      ).toBe('/create/templates/default/add-techdocs');
    }
  });

  it('shows the survey prompt mounted inside AppRouter', async () => {
    renderApp('/catalog/default/component/checkout-api', {
      surveyPrompts: [npsPrompt],
    });

    // Asked for once the page has been still for a moment.
    const prompt = await screen.findByRole('dialog', {
      name: 'Developer experience',
    });
    expect(within(prompt).getByText('Quick survey')).toBeInTheDocument();
    expect(
      within(prompt).getByText(
        'How likely are you to recommend Backstage to a colleague?',
      ),
    ).toBeInTheDocument();
    expect(
      within(prompt).getByRole('button', { name: 'Not now' }),
    ).toBeInTheDocument();

    expectFlywheelRequests(['/surveys/prompts']);
    expect(
      flywheelRequests()
        .find(r => r.path === '/surveys/prompts')
        ?.url.searchParams.get('path'),
    ).toBe('/catalog/default/component/checkout-api');
  });
});
