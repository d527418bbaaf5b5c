import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import {
  mockApis,
  renderInTestApp,
  TestApiProvider,
} from '@backstage/test-utils';
import { catalogApiRef } from '@backstage/plugin-catalog-react';
import { catalogApiMock } from '@backstage/plugin-catalog-react/testUtils';
import { permissionApiRef } from '@backstage/plugin-permission-react';
import { flywheelApiRef } from '../../api';
import {
  catalogRoutes,
  mockFlywheelApi,
  orgGroups,
} from '../../__testUtils__/testData';
import { FlywheelPage } from './FlywheelPage';

function renderPage() {
  return renderInTestApp(
    <TestApiProvider
      apis={[
        [flywheelApiRef, mockFlywheelApi()],
        [catalogApiRef, catalogApiMock({ entities: orgGroups })],
        [permissionApiRef, mockApis.permission()],
      ]}
    >
      <FlywheelPage />
    </TestApiProvider>,
    { mountedRoutes: catalogRoutes },
  );
}

describe('FlywheelPage (legacy frontend system)', () => {
  it('shows the Golden Paths tab by default', async () => {
    await renderPage();

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

  it('has a Scorecards tab', async () => {
    await renderPage();

    await userEvent.click(screen.getByRole('tab', { name: 'Scorecards' }));

    expect(
      await screen.findByRole('heading', { name: 'Scorecards (2)' }),
    ).toBeInTheDocument();
  });
});
