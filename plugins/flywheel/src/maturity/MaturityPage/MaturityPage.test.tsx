import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { renderInTestApp } from '@backstage/frontend-test-utils';
import { Route, Routes } from 'react-router-dom';
import { FlywheelApi, flywheelApiRef } from '../../api';
import { rootRouteRef } from '../../routes';
import {
  catalogRoutes,
  CI_REF,
  mockFlywheelApi,
} from '../../__testUtils__/testData';
import { expectNoAxeViolations } from '../../__testUtils__/axe';
import { MaturityPage } from './MaturityPage';

function renderPage(
  url = '/flywheel/maturity',
  flywheelApi: jest.Mocked<FlywheelApi> = mockFlywheelApi(),
) {
  // Its own routes are relative to where the plugin mounts it.
  const page = (
    <Routes>
      <Route path="/flywheel/maturity/*" element={<MaturityPage />} />
    </Routes>
  );
  const rendered = renderInTestApp(page, {
    initialRouteEntries: [url],
    mountedRoutes: { ...catalogRoutes, '/flywheel': rootRouteRef },
    apis: [[flywheelApiRef, flywheelApi]],
  });
  return { flywheelApi, rendered };
}

describe('MaturityPage', () => {
  it('shows the board and the stage changes, and opens a capability from its card', async () => {
    const { flywheelApi, rendered } = renderPage();
    const { container } = await rendered;

    const board = await screen.findByRole('region', {
      name: 'Capability maturity',
    });
    expect(
      await screen.findByRole('region', { name: 'Stage changes' }),
    ).toBeInTheDocument();
    await screen.findAllByText('Promoted from Experimental to Beta', {
      exact: false,
    });
    await expectNoAxeViolations(container);

    await userEvent.click(
      within(board).getByRole('link', { name: 'CI pipelines' }),
    );
    expect(
      await screen.findByRole('heading', { name: 'CI pipelines', level: 2 }),
    ).toBeInTheDocument();
    expect(flywheelApi.getMaturityCapability).toHaveBeenCalledWith(CI_REF);
  });

  it('opens a capability from its deep link', async () => {
    const { flywheelApi, rendered } = renderPage(
      '/flywheel/maturity/component/default/feature-flags',
    );
    await rendered;

    await screen.findByRole('heading', { name: 'CI pipelines', level: 2 });
    expect(flywheelApi.getMaturityCapability).toHaveBeenCalledWith(
      'component:default/feature-flags',
    );
    expect(flywheelApi.getMaturityCapabilities).not.toHaveBeenCalled();
  });
});
