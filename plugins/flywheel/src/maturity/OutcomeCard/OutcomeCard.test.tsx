import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { renderInTestApp } from '@backstage/frontend-test-utils';
import { OutcomeStatus } from '@flywheel/plugin-flywheel-common';
import { FlywheelApi, flywheelApiRef } from '../../api';
import {
  activeUsersOutcome,
  csatOutcome,
  leadTimeOutcome,
  mockFlywheelApi,
  npsOutcome,
} from '../../__testUtils__/testData';
import { expectNoAxeViolations } from '../../__testUtils__/axe';
import { OutcomeCard } from './OutcomeCard';

function renderCard(
  outcome: OutcomeStatus,
  options: {
    canEditTarget?: boolean;
    flywheelApi?: jest.Mocked<FlywheelApi>;
  } = {},
) {
  const onTargetChanged = jest.fn();
  const flywheelApi = options.flywheelApi ?? mockFlywheelApi();
  const rendered = renderInTestApp(
    <OutcomeCard
      outcome={outcome}
      interval="week"
      canEditTarget={options.canEditTarget ?? false}
      onTargetChanged={onTargetChanged}
    />,
    { apis: [[flywheelApiRef, flywheelApi]] },
  );
  return { onTargetChanged, flywheelApi, rendered };
}

describe('OutcomeCard', () => {
  it('shows the latest value, the change in words and the target met', async () => {
    const { container } = await renderCard(npsOutcome).rendered;

    const card = screen.getByRole('region', { name: 'Developer NPS' });
    expect(within(card).getByText('32', { selector: 'p' })).toBeInTheDocument();
    expect(within(card).getByText(/since the previous week/)).toHaveTextContent(
      'Up +7 since the previous week (better)',
    );
    expect(within(card).getByText(/^Target/)).toHaveTextContent(
      // The tick is decorative (aria-hidden); the words carry it.
      'Target ≥ 30 · ✓ On target',
    );
    expect(
      within(card).getByText('From the configuration'),
    ).toBeInTheDocument();
    expect(
      within(card).getByRole('img', { name: /^Trend of Developer NPS/ }),
    ).toBeInTheDocument();
    await expectNoAxeViolations(container);
  });

  it('judges a change by the metric’s direction: fewer users is worse, shorter lead time better', async () => {
    await renderCard(activeUsersOutcome).rendered;
    expect(screen.getByText(/since the previous week/)).toHaveTextContent(
      'Down −10 since the previous week (worse)',
    );
    expect(screen.getByText(/^Target/)).toHaveTextContent(
      'Target ≥ 150 · ✗ Off target',
    );
    expect(
      screen.getByText('Set on the dashboard by pm on Nov 1, 2026'),
    ).toBeInTheDocument();
  });

  it('formats durations and says when no target is set', async () => {
    await renderCard(leadTimeOutcome).rendered;
    expect(screen.getByText('2 h', { selector: 'p' })).toBeInTheDocument();
    expect(screen.getByText(/since the previous week/)).toHaveTextContent(
      'Down −1 h since the previous week (better)',
    );
    expect(screen.getByText('No target set')).toBeInTheDocument();
  });

  it('explains an outcome without a metric with its hint', async () => {
    const { container } = await renderCard(csatOutcome, {
      canEditTarget: true,
    }).rendered;
    expect(
      screen.getByText(
        'No CSAT survey has results yet: run one from the Surveys tab.',
      ),
    ).toBeInTheDocument();
    expect(screen.queryByRole('img')).toBeNull();
    expect(screen.queryByRole('button', { name: /Edit target/ })).toBeNull();
    await expectNoAxeViolations(container);
  });

  it('hides "Edit target" from those not allowed to set targets', async () => {
    await renderCard(npsOutcome, { canEditTarget: false }).rendered;
    expect(screen.queryByRole('button', { name: /Edit target/ })).toBeNull();
  });

  it('sets a target in hours for a duration and tells the dashboard', async () => {
    const { flywheelApi, onTargetChanged, rendered } = renderCard(
      leadTimeOutcome,
      { canEditTarget: true },
    );
    await rendered;

    await userEvent.click(
      screen.getByRole('button', {
        name: 'Edit target of Lead time for changes',
      }),
    );
    const dialog = await screen.findByRole('dialog', {
      name: 'Target for Lead time for changes',
    });
    await userEvent.type(
      within(dialog).getByRole('textbox', { name: /Target \(hours\)/ }),
      '1.5',
    );
    await userEvent.click(
      within(dialog).getByRole('button', { name: 'Save target' }),
    );

    expect(flywheelApi.setOutcomeTarget).toHaveBeenCalledWith(
      'valueStream.leadTime.median',
      5400,
    );
    expect(onTargetChanged).toHaveBeenCalled();
  });
});
