import { screen, within } from '@testing-library/react';
import { renderInTestApp } from '@backstage/frontend-test-utils';
import { createFromTemplateRouteRef } from '../../routes';
import {
  catalogRoutes,
  goldenPathsResponse,
} from '../../__testUtils__/testData';
import { GoldenPathCard } from './GoldenPathCard';

const [typescriptService, reactWebapp] = goldenPathsResponse.items;

describe('GoldenPathCard', () => {
  it("links to the template through the app's scaffolder route when bound", async () => {
    renderInTestApp(<GoldenPathCard path={typescriptService} />, {
      mountedRoutes: {
        ...catalogRoutes,
        '/scaffold/templates/:namespace/:templateName':
          createFromTemplateRouteRef,
      },
    });

    expect(
      await screen.findByRole('link', { name: 'Use this path' }),
    ).toHaveAttribute('href', '/scaffold/templates/default/typescript-service');
  });

  it('shows the owner, version and a collapsed changelog', async () => {
    renderInTestApp(<GoldenPathCard path={typescriptService} />, {
      mountedRoutes: catalogRoutes,
    });

    const card = await screen.findByRole('region', {
      name: 'TypeScript HTTP service',
    });
    expect(within(card).getByText('v1.2.0')).toBeInTheDocument();
    expect(
      within(card).getByRole('link', { name: /platform-devex/ }),
    ).toHaveAttribute('href', '/catalog/default/group/platform-devex');
    expect(
      within(card).getByRole('button', { name: 'Changelog' }),
    ).toHaveAttribute('aria-expanded', 'false');
  });

  it('leaves out the changelog when the template has none', async () => {
    renderInTestApp(<GoldenPathCard path={reactWebapp} />, {
      mountedRoutes: catalogRoutes,
    });

    const card = await screen.findByRole('region', { name: 'React web app' });
    expect(
      within(card).queryByRole('button', { name: 'Changelog' }),
    ).not.toBeInTheDocument();
    expect(
      within(card).getByRole('link', { name: 'Use this path' }),
    ).toHaveAttribute('href', '/create/templates/default/react-webapp');
  });
});
