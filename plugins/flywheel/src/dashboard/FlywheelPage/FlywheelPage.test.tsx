import { screen } from '@testing-library/react';
import { renderInTestApp, TestApiProvider } from '@backstage/test-utils';
import { catalogApiRef } from '@backstage/plugin-catalog-react';
import { catalogApiMock } from '@backstage/plugin-catalog-react/testUtils';
import { flywheelApiRef } from '../../api';
import { catalogRoutes, mockFlywheelApi } from '../../__testUtils__/testData';
import { FlywheelPage } from './FlywheelPage';

describe('FlywheelPage (legacy frontend system)', () => {
  it('shows the Golden Paths tab by default', async () => {
    await renderInTestApp(
      <TestApiProvider
        apis={[
          [flywheelApiRef, mockFlywheelApi()],
          [catalogApiRef, catalogApiMock.mock()],
        ]}
      >
        <FlywheelPage />
      </TestApiProvider>,
      { mountedRoutes: catalogRoutes },
    );

    expect(
      screen.getByRole('heading', { name: 'Flywheel' }),
    ).toBeInTheDocument();
    expect(screen.getByRole('tab', { name: 'Golden Paths' })).toHaveAttribute(
      'aria-selected',
      'true',
    );
    expect(
      await screen.findByRole('region', { name: 'TypeScript HTTP service' }),
    ).toBeInTheDocument();
  });
});
