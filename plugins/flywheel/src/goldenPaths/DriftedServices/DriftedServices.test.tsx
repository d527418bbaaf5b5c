import { screen } from '@testing-library/react';
import { renderInTestApp } from '@backstage/frontend-test-utils';
import { entityRouteRef } from '@backstage/plugin-catalog-react';
import { DriftedServices } from './DriftedServices';
import { goldenPathsResponse } from '../../__testUtils__/testData';

const mountedRoutes = { '/catalog/:namespace/:kind/:name': entityRouteRef };

describe('DriftedServices', () => {
  it('links each drifted service and shows its version against the current one', async () => {
    const [typescriptService] = goldenPathsResponse.items;
    await renderInTestApp(
      <DriftedServices
        services={typescriptService.drifted}
        currentVersion="1.2.0"
      />,
      { mountedRoutes },
    );

    expect(
      screen.getByRole('heading', { name: 'On an older version (1)' }),
    ).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Checkout API' })).toHaveAttribute(
      'href',
      '/catalog/default/component/checkout-api',
    );
    expect(screen.getByText('1.0.0 → 1.2.0')).toBeInTheDocument();
  });

  it('says so when nothing drifted', async () => {
    await renderInTestApp(<DriftedServices services={[]} />, { mountedRoutes });

    expect(
      screen.getByText(
        'Every service from this path is on the current version.',
      ),
    ).toBeInTheDocument();
  });
});
