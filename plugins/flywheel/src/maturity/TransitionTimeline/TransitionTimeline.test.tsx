import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { renderInTestApp } from '@backstage/frontend-test-utils';
import { FlywheelApi, flywheelApiRef } from '../../api';
import { rootRouteRef } from '../../routes';
import {
  catalogRoutes,
  CI_REF,
  mockFlywheelApi,
  responseError,
} from '../../__testUtils__/testData';
import { expectNoAxeViolations } from '../../__testUtils__/axe';
import { TransitionTimeline } from './TransitionTimeline';

function renderTimeline(
  flywheelApi: jest.Mocked<FlywheelApi> = mockFlywheelApi(),
  props: { entityRef?: string; titles?: Map<string, string> } = {},
) {
  const rendered = renderInTestApp(<TransitionTimeline {...props} />, {
    mountedRoutes: { ...catalogRoutes, '/flywheel': rootRouteRef },
    apis: [[flywheelApiRef, flywheelApi]],
  });
  return { flywheelApi, rendered };
}

describe('TransitionTimeline', () => {
  it("lists every capability's stage changes, newest first, with who, when and why", async () => {
    const { flywheelApi, rendered } = renderTimeline(mockFlywheelApi(), {
      titles: new Map([[CI_REF, 'CI pipelines']]),
    });
    const { container } = await rendered;

    const list = await screen.findByRole('list', {
      name: 'Stage changes, newest first',
    });
    const headings = within(list)
      .getAllByRole('heading', { level: 4 })
      .map(h => h.textContent);
    expect(headings).toEqual([
      'golden-path-templates: Demoted from Generally available to Beta',
      'CI pipelines: Promoted from Experimental to Beta',
      'CI pipelines: Started in Experimental',
    ]);
    expect(
      within(list).getAllByRole('link', { name: 'CI pipelines' })[0],
    ).toHaveAttribute(
      'href',
      '/flywheel/maturity/component/default/ci-pipelines',
    );
    expect(
      screen.getByText('Why: The Java template lost its maintainer'),
    ).toBeInTheDocument();
    expect(flywheelApi.getMaturityHistory).toHaveBeenCalled();
    await expectNoAxeViolations(container);
  });

  it('highlights an override reason and keeps the frozen criteria behind a disclosure', async () => {
    const { rendered } = renderTimeline(mockFlywheelApi(), {
      entityRef: CI_REF,
    });
    await rendered;

    const note = await screen.findByRole('note');
    expect(note).toHaveTextContent(
      'Promoted with required criteria unmet. Override reason: The pioneers signed off in person; the form follows',
    );
    const summary = screen.getByText(
      'Exit criteria of Experimental at that moment (1)',
    );
    expect(screen.getByText(/Two pioneering teams/)).not.toBeVisible();
    await userEvent.click(summary);
    expect(screen.getByText(/Two pioneering teams/)).toBeVisible();
    expect(screen.getByText(/Two pioneering teams/)).toHaveTextContent(
      'Two pioneering teams — Not attested yet',
    );
    // One capability's history does not name it on every line.
    expect(
      screen.getByRole('heading', {
        name: 'Promoted from Experimental to Beta',
      }),
    ).toBeInTheDocument();
  });

  it("exports one capability's history as CSV", async () => {
    const createObjectURL = jest.fn().mockReturnValue('blob:csv');
    Object.assign(URL, { createObjectURL, revokeObjectURL: jest.fn() });
    const { flywheelApi, rendered } = renderTimeline(mockFlywheelApi(), {
      entityRef: CI_REF,
    });
    await rendered;

    await userEvent.click(
      await screen.findByRole('button', { name: 'Export CSV' }),
    );
    expect(flywheelApi.exportMaturityCapabilityHistoryCsv).toHaveBeenCalledWith(
      CI_REF,
    );
    expect(flywheelApi.getMaturityCapabilityHistory).toHaveBeenCalledWith(
      CI_REF,
    );
    expect(createObjectURL).toHaveBeenCalled();
  });

  it('says when nothing changed stage yet, without an export', async () => {
    const { rendered } = renderTimeline(
      mockFlywheelApi({
        getMaturityHistory: jest.fn().mockResolvedValue({ items: [] }),
      }),
    );
    await rendered;

    expect(
      await screen.findByText(/No capability has changed stage yet/),
    ).toBeInTheDocument();
    expect(
      screen.queryByRole('button', { name: 'Export CSV' }),
    ).not.toBeInTheDocument();
  });

  it('shows a failure with the server message', async () => {
    const { rendered } = renderTimeline(
      mockFlywheelApi({
        getMaturityHistory: jest
          .fn()
          .mockRejectedValue(
            await responseError(500, 'Error', 'The database is away'),
          ),
      }),
    );
    await rendered;

    expect(await screen.findByText('The database is away')).toBeInTheDocument();
    expect(
      screen.getByText('Could not load the stage changes'),
    ).toBeInTheDocument();
  });
});
