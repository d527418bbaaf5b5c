import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { renderInTestApp } from '@backstage/frontend-test-utils';
import { FlywheelApi, flywheelApiRef } from '../../api';
import { rootRouteRef } from '../../routes';
import {
  capabilitiesResponse,
  catalogRoutes,
  ciCapability,
  mockFlywheelApi,
  responseError,
} from '../../__testUtils__/testData';
import { expectNoAxeViolations } from '../../__testUtils__/axe';
import { MaturityBoard } from './MaturityBoard';

function renderBoard(flywheelApi: FlywheelApi = mockFlywheelApi()) {
  return renderInTestApp(<MaturityBoard />, {
    mountedRoutes: { ...catalogRoutes, '/flywheel': rootRouteRef },
    apis: [[flywheelApiRef, flywheelApi]],
  });
}

function column(name: RegExp) {
  return screen.getByRole('region', { name });
}

describe('MaturityBoard', () => {
  it('shows one column per stage with the capabilities in it, linking to their pages', async () => {
    const { container } = await renderBoard();

    await screen.findByText('Experimental (1)');
    const columns = within(
      screen.getByRole('region', { name: 'Capabilities by stage' }),
    ).getAllByRole('region');
    expect(columns.map(c => c.getAttribute('aria-labelledby'))).toEqual([
      'maturity-stage-experimental',
      'maturity-stage-beta',
      'maturity-stage-ga',
    ]);
    expect(columns.map(c => c.querySelector('h4')?.textContent)).toEqual([
      'Experimental (1)',
      'Beta (1)',
      'Generally available (1)',
    ]);

    const beta = column(/^Beta \(1\)$/);
    expect(
      within(beta).getByRole('link', { name: 'CI pipelines' }),
    ).toHaveAttribute(
      'href',
      '/flywheel/maturity/component/default/ci-pipelines',
    );
    expect(beta).toHaveTextContent('2 of 4 exit criteria met');
    expect(beta).toHaveTextContent('Lead time under a day');
    expect(
      within(column(/^Generally available/)).getByText('Golden-path templates'),
    ).toBeInTheDocument();
    await expectNoAxeViolations(container);
  });

  it('puts a capability of another model in a column of its own', async () => {
    await renderBoard(
      mockFlywheelApi({
        getMaturityCapabilities: jest.fn().mockResolvedValue({
          ...capabilitiesResponse,
          items: [
            {
              ...ciCapability,
              model: { id: 'data', version: 1, title: 'Data products' },
              stage: { id: 'certified', title: 'Certified', index: 3 },
            },
          ],
        }),
      }),
    );

    expect(
      within(
        await screen.findByRole('region', { name: /^Other models/ }),
      ).getByText('CI pipelines'),
    ).toBeInTheDocument();
    expect(
      within(column(/^Beta/)).getByText('No capability in this stage.'),
    ).toBeInTheDocument();
  });

  it('explains how to mark a capability when there is none', async () => {
    await renderBoard(
      mockFlywheelApi({
        getMaturityCapabilities: jest.fn().mockResolvedValue({
          items: [],
          stages: capabilitiesResponse.stages,
        }),
      }),
    );

    expect(await screen.findByText('No capabilities yet')).toBeInTheDocument();
  });

  it('names the missing permission when the read is refused', async () => {
    await renderBoard(
      mockFlywheelApi({
        getMaturityCapabilities: jest
          .fn()
          .mockRejectedValue(
            await responseError(403, 'NotAllowedError', 'Unauthorized'),
          ),
      }),
    );

    expect(
      await screen.findByText(
        /it needs the permission flywheel\.maturity\.read/,
      ),
    ).toBeInTheDocument();
    expect(
      screen.queryByRole('button', { name: 'Try again' }),
    ).not.toBeInTheDocument();
  });

  it('offers to try again after a failure', async () => {
    const getMaturityCapabilities = jest
      .fn()
      .mockRejectedValueOnce(
        await responseError(500, 'Error', 'The database is away'),
      )
      .mockResolvedValue(capabilitiesResponse);
    await renderBoard(mockFlywheelApi({ getMaturityCapabilities }));

    expect(await screen.findByText('The database is away')).toBeInTheDocument();
    await userEvent.click(screen.getByRole('button', { name: 'Try again' }));
    expect(await screen.findByText('CI pipelines')).toBeInTheDocument();
  });
});
