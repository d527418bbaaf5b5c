import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { renderInTestApp } from '@backstage/frontend-test-utils';
import { FlywheelApi, flywheelApiRef } from '../../api';
import {
  activeUsersOutcome,
  mockFlywheelApi,
  npsOutcome,
  responseError,
} from '../../__testUtils__/testData';
import { expectNoAxeViolations } from '../../__testUtils__/axe';
import { EditTargetDialog, targetInputUnit } from './EditTargetDialog';

function renderDialog(
  outcome = npsOutcome,
  flywheelApi: jest.Mocked<FlywheelApi> = mockFlywheelApi(),
) {
  const onSaved = jest.fn();
  const onOpenChange = jest.fn();
  const rendered = renderInTestApp(
    <EditTargetDialog
      isOpen
      onOpenChange={onOpenChange}
      outcome={{ ...outcome, metric: outcome.metric! }}
      onSaved={onSaved}
    />,
    { apis: [[flywheelApiRef, flywheelApi]] },
  );
  return { flywheelApi, onSaved, onOpenChange, rendered };
}

describe('EditTargetDialog', () => {
  it('sets a target on the dashboard, starting from the current one', async () => {
    const { flywheelApi, onSaved, onOpenChange, rendered } = renderDialog();
    await rendered;

    const field = await screen.findByRole('textbox', { name: /^Target/ });
    expect(field).toHaveValue('30');
    await expectNoAxeViolations(screen.getByRole('dialog'));
    await userEvent.clear(field);
    await userEvent.type(field, '40');
    await userEvent.click(screen.getByRole('button', { name: 'Save target' }));

    expect(flywheelApi.setOutcomeTarget).toHaveBeenCalledWith(
      'surveys.*.nps',
      40,
    );
    expect(onSaved).toHaveBeenCalled();
    expect(onOpenChange).toHaveBeenCalledWith(false);
    // A configured target has nothing to revert to.
    expect(
      screen.queryByRole('button', { name: 'Use the configured target' }),
    ).toBeNull();
  });

  it('reverts a target set on the dashboard to the configured one', async () => {
    const { flywheelApi, onSaved } = renderDialog(activeUsersOutcome);

    await userEvent.click(
      await screen.findByRole('button', { name: 'Use the configured target' }),
    );

    expect(flywheelApi.resetOutcomeTarget).toHaveBeenCalledWith(
      'usage.activeUsers.weekly',
    );
    expect(onSaved).toHaveBeenCalled();
  });

  it('asks for a number', async () => {
    const { flywheelApi } = renderDialog();

    await userEvent.clear(
      await screen.findByRole('textbox', { name: /^Target/ }),
    );
    await userEvent.click(screen.getByRole('button', { name: 'Save target' }));

    expect(
      await screen.findByText('Enter the target as a number.'),
    ).toBeInTheDocument();
    expect(flywheelApi.setOutcomeTarget).not.toHaveBeenCalled();
  });

  it('names the missing permission when refused', async () => {
    renderDialog(
      npsOutcome,
      mockFlywheelApi({
        setOutcomeTarget: jest
          .fn()
          .mockRejectedValue(
            await responseError(403, 'NotAllowedError', 'Unauthorized'),
          ),
      }),
    );

    await userEvent.click(
      await screen.findByRole('button', { name: 'Save target' }),
    );
    expect(
      await screen.findByText(
        /needs the permission flywheel\.maturity\.targets\.manage/,
      ),
    ).toBeInTheDocument();
  });

  it('takes durations in hours', () => {
    expect(targetInputUnit('seconds')).toEqual({
      label: 'hours',
      factor: 3600,
    });
    expect(targetInputUnit('percent')).toEqual({ label: '%', factor: 1 });
    expect(targetInputUnit('score')).toEqual({ factor: 1 });
  });
});
