import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { renderInTestApp } from '@backstage/frontend-test-utils';
import { Route, Routes } from 'react-router-dom';
import { FlywheelApi, flywheelApiRef } from '../../api';
import { rootRouteRef } from '../../routes';
import {
  catalogRoutes,
  ciDetail,
  CI_REF,
  mockFlywheelApi,
  responseError,
} from '../../__testUtils__/testData';
import { expectNoAxeViolations } from '../../__testUtils__/axe';
import { CapabilityPage } from './CapabilityPage';

function renderPage(
  flywheelApi: jest.Mocked<FlywheelApi> = mockFlywheelApi(),
  url = '/flywheel/maturity/component/default/ci-pipelines',
) {
  const rendered = renderInTestApp(
    <Routes>
      <Route
        path="/flywheel/maturity/:kind/:namespace/:name"
        element={<CapabilityPage />}
      />
    </Routes>,
    {
      initialRouteEntries: [url],
      mountedRoutes: { ...catalogRoutes, '/flywheel': rootRouteRef },
      apis: [[flywheelApiRef, flywheelApi]],
    },
  );
  return { flywheelApi, rendered };
}

describe('CapabilityPage', () => {
  it('shows the stages, every stage’s criteria with their status and the history', async () => {
    const { flywheelApi, rendered } = renderPage();
    const { container } = await rendered;

    expect(
      await screen.findByRole('heading', { name: 'CI pipelines', level: 2 }),
    ).toBeInTheDocument();
    expect(flywheelApi.getMaturityCapability).toHaveBeenCalledWith(CI_REF);
    expect(
      screen.getByRole('link', { name: '← All capabilities' }),
    ).toHaveAttribute('href', '/flywheel/maturity');
    expect(
      within(
        screen.getByRole('list', { name: 'Stages of Platform capability' }),
      ).getAllByRole('listitem')[1],
    ).toHaveAttribute('aria-current', 'step');
    expect(
      screen.getByText('Blocks Generally available:').closest('p'),
    ).toHaveTextContent(
      'Blocks Generally available: Lead time under a day, Runbook and on-call rota',
    );

    const beta = screen.getByRole('region', { name: 'Beta: exit criteria' });
    expect(beta).toHaveTextContent(
      'Current stage: its exit criteria decide the promotion — Open to every team, with support.',
    );
    expect(
      within(beta)
        .getAllByRole('heading', { level: 4 })
        .map(h => h.textContent),
    ).toEqual([
      'Every service deploys weekly',
      'Lead time under a day',
      'Runbook and on-call rota',
      'TechDocs published',
    ]);
    expect(beta).toHaveTextContent('1.5 d, needs ≤ 1 d');
    expect(
      screen.getByRole('region', { name: 'Experimental: exit criteria' }),
    ).toHaveTextContent('Passed');
    expect(
      screen.getByRole('region', {
        name: 'Generally available: exit criteria',
      }),
    ).toHaveTextContent('No exit criteria.');

    const history = await screen.findByRole('region', { name: 'History' });
    expect(
      await within(history).findByRole('heading', {
        name: 'Promoted from Experimental to Beta',
      }),
    ).toBeInTheDocument();
    expect(flywheelApi.getMaturityCapabilityHistory).toHaveBeenCalledWith(
      CI_REF,
    );
    await expectNoAxeViolations(container);
  });

  it('offers Promote, Demote, Attest and Waive only when the capability allows them', async () => {
    const { rendered } = renderPage(
      mockFlywheelApi({
        getMaturityCapability: jest.fn().mockResolvedValue({
          ...ciDetail,
          allowed: { transition: false, attest: false },
        }),
      }),
    );
    await rendered;

    await screen.findByRole('heading', { name: 'CI pipelines', level: 2 });
    expect(screen.queryByRole('button', { name: 'Promote' })).toBeNull();
    expect(screen.queryByRole('button', { name: 'Demote' })).toBeNull();
    expect(screen.queryByRole('button', { name: /^Attest/ })).toBeNull();
    expect(screen.queryByRole('button', { name: /^Waive/ })).toBeNull();
  });

  it('attests a manual criterion and reloads the capability', async () => {
    const { flywheelApi, rendered } = renderPage();
    await rendered;

    await userEvent.click(
      await screen.findByRole('button', {
        name: 'Attest Runbook and on-call rota',
      }),
    );
    const dialog = await screen.findByRole('dialog', {
      name: 'Attest “Runbook and on-call rota”',
    });
    await userEvent.type(
      within(dialog).getByRole('textbox', { name: /Evidence URL/ }),
      'https://runbooks.example.com/ci',
    );
    await userEvent.type(
      within(dialog).getByRole('textbox', { name: /Note/ }),
      'Reviewed',
    );
    await userEvent.click(
      within(dialog).getByRole('button', { name: 'Attest' }),
    );

    expect(flywheelApi.attestMaturityCriterion).toHaveBeenCalledWith(CI_REF, {
      stageId: 'beta',
      criterionId: 'runbook',
      evidenceUrl: 'https://runbooks.example.com/ci',
      note: 'Reviewed',
    });
    await waitFor(() =>
      expect(flywheelApi.getMaturityCapability).toHaveBeenCalledTimes(2),
    );
    await waitFor(() =>
      expect(flywheelApi.getMaturityCapabilityHistory).toHaveBeenCalledTimes(2),
    );
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
  });

  it('opens the waiver of a criterion', async () => {
    const { rendered } = renderPage();
    await rendered;

    await userEvent.click(
      await screen.findByRole('button', {
        name: 'Waive Lead time under a day',
      }),
    );
    expect(
      await screen.findByRole('dialog', {
        name: 'Waive “Lead time under a day”',
      }),
    ).toBeInTheDocument();
    // Only manual criteria are attested.
    expect(
      screen.queryByRole('button', { name: 'Attest Lead time under a day' }),
    ).toBeNull();
  });

  it('promotes anyway after the backend names the unmet criteria, all from the keyboard', async () => {
    const blocked =
      'Required exit criteria of Beta are unmet: Lead time under a day';
    const transitionMaturityCapability = jest
      .fn()
      .mockRejectedValueOnce(await responseError(409, 'ConflictError', blocked))
      .mockResolvedValue(undefined);
    const { flywheelApi, rendered } = renderPage(
      mockFlywheelApi({ transitionMaturityCapability }),
    );
    await rendered;

    const promote = await screen.findByRole('button', { name: 'Promote' });
    promote.focus();
    await userEvent.keyboard('{Enter}');
    const dialog = await screen.findByRole('dialog', {
      name: 'Promote CI pipelines',
    });
    const rationale = within(dialog).getByRole('textbox', {
      name: /Rationale/,
    });
    while (document.activeElement !== rationale) {
      await userEvent.tab();
    }
    await userEvent.keyboard('Ready for every team');
    await userEvent.tab();
    await userEvent.tab();
    await userEvent.keyboard('{Enter}');

    expect(await within(dialog).findByText(blocked)).toBeInTheDocument();
    const override = within(dialog).getByRole('textbox', {
      name: /Override reason/,
    });
    await userEvent.click(override);
    await userEvent.keyboard('Sign-off in person');
    await userEvent.click(
      within(dialog).getByRole('button', { name: 'Promote anyway' }),
    );

    expect(transitionMaturityCapability).toHaveBeenLastCalledWith(CI_REF, {
      toStage: 'ga',
      rationale: 'Ready for every team',
      overrideReason: 'Sign-off in person',
    });
    await waitFor(() =>
      expect(flywheelApi.getMaturityCapability).toHaveBeenCalledTimes(2),
    );
  });

  it('closes a dialog on Escape and gives focus back', async () => {
    const { rendered } = renderPage();
    await rendered;

    const demote = await screen.findByRole('button', { name: 'Demote' });
    demote.focus();
    await userEvent.keyboard('{Enter}');
    expect(
      await screen.findByRole('dialog', { name: 'Demote CI pipelines' }),
    ).toBeInTheDocument();
    await userEvent.keyboard('{Escape}');

    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
  });

  it('says when the capability cannot be found', async () => {
    const { rendered } = renderPage(
      mockFlywheelApi({
        getMaturityCapability: jest
          .fn()
          .mockRejectedValue(
            await responseError(
              404,
              'NotFoundError',
              'No capability component:default/nope',
            ),
          ),
      }),
      '/flywheel/maturity/component/default/nope',
    );
    await rendered;

    expect(
      await screen.findByText('No capability component:default/nope'),
    ).toBeInTheDocument();
    expect(
      screen.getByText('Could not load the capability'),
    ).toBeInTheDocument();
  });
});
