import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { renderInTestApp } from '@backstage/frontend-test-utils';
import { FlywheelApi, flywheelApiRef } from '../../api';
import {
  ciCapability,
  ciPromotion,
  CI_REF,
  mockFlywheelApi,
  responseError,
} from '../../__testUtils__/testData';
import { expectNoAxeViolations } from '../../__testUtils__/axe';
import { TransitionDialog } from './TransitionDialog';

const BLOCKED =
  'Required exit criteria of Beta are unmet: Lead time under a day, Runbook and on-call rota';

function renderDialog(
  flywheelApi: jest.Mocked<FlywheelApi> = mockFlywheelApi(),
  direction: 'promotion' | 'demotion' = 'promotion',
) {
  const onTransitioned = jest.fn();
  const onOpenChange = jest.fn();
  const rendered = renderInTestApp(
    <TransitionDialog
      isOpen
      onOpenChange={onOpenChange}
      capability={ciCapability}
      direction={direction}
      onTransitioned={onTransitioned}
    />,
    { apis: [[flywheelApiRef, flywheelApi]] },
  );
  return { flywheelApi, onTransitioned, onOpenChange, rendered };
}

describe('TransitionDialog', () => {
  it('promotes to the next stage with a rationale', async () => {
    const { flywheelApi, onTransitioned, onOpenChange } = renderDialog();

    const dialog = await screen.findByRole('dialog', {
      name: 'Promote CI pipelines',
    });
    expect(
      within(dialog).getByRole('button', { name: /Target stage/ }),
    ).toHaveTextContent('Generally available');
    await userEvent.type(
      within(dialog).getByRole('textbox', { name: /Rationale/ }),
      '  Every team is on it ',
    );
    await userEvent.click(
      within(dialog).getByRole('button', { name: 'Promote' }),
    );

    expect(flywheelApi.transitionMaturityCapability).toHaveBeenCalledWith(
      CI_REF,
      { toStage: 'ga', rationale: 'Every team is on it' },
    );
    expect(onTransitioned).toHaveBeenCalledWith(ciPromotion);
    expect(onOpenChange).toHaveBeenCalledWith(false);
  });

  it('asks for a rationale', async () => {
    const { flywheelApi } = renderDialog();

    await userEvent.click(
      await screen.findByRole('button', { name: 'Promote' }),
    );

    expect(
      await screen.findByText('Say why you promote the capability.'),
    ).toBeInTheDocument();
    expect(flywheelApi.transitionMaturityCapability).not.toHaveBeenCalled();
  });

  it('on a 409 shows the unmet criteria and promotes anyway with an override reason', async () => {
    const conflict = await responseError(409, 'ConflictError', BLOCKED);
    const transitionMaturityCapability = jest
      .fn()
      .mockRejectedValueOnce(conflict)
      .mockResolvedValue(ciPromotion);
    const { onTransitioned, rendered } = renderDialog(
      mockFlywheelApi({ transitionMaturityCapability }),
    );
    await rendered;

    await userEvent.type(
      await screen.findByRole('textbox', { name: /Rationale/ }),
      'Ready for everyone',
    );
    await userEvent.click(screen.getByRole('button', { name: 'Promote' }));

    expect(await screen.findByText(BLOCKED)).toBeInTheDocument();
    expect(
      screen.getByText('Required exit criteria are unmet'),
    ).toBeInTheDocument();
    expect(onTransitioned).not.toHaveBeenCalled();
    const anyway = screen.getByRole('button', { name: 'Promote anyway' });
    await userEvent.click(anyway);
    expect(
      await screen.findByText(
        'Explain why the capability moves on with required criteria unmet.',
      ),
    ).toBeInTheDocument();
    expect(transitionMaturityCapability).toHaveBeenCalledTimes(1);

    await userEvent.type(
      screen.getByRole('textbox', { name: /Override reason/ }),
      'Runbook review booked for Monday',
    );
    // The dialog itself: react-aria's live announcer, outside it, keeps
    // nodes labelled by options of closed lists.
    await expectNoAxeViolations(screen.getByRole('dialog'));
    await userEvent.click(anyway);

    expect(transitionMaturityCapability).toHaveBeenLastCalledWith(CI_REF, {
      toStage: 'ga',
      rationale: 'Ready for everyone',
      overrideReason: 'Runbook review booked for Monday',
    });
    expect(onTransitioned).toHaveBeenCalledWith(ciPromotion);
  });

  it('demotes to an earlier stage, nearest first', async () => {
    const { flywheelApi } = renderDialog(mockFlywheelApi(), 'demotion');

    const dialog = await screen.findByRole('dialog', {
      name: 'Demote CI pipelines',
    });
    expect(
      within(dialog).getByRole('button', { name: /Target stage/ }),
    ).toHaveTextContent('Experimental');
    await userEvent.type(
      within(dialog).getByRole('textbox', { name: /Rationale/ }),
      'Too many incidents',
    );
    await userEvent.click(
      within(dialog).getByRole('button', { name: 'Demote' }),
    );

    expect(flywheelApi.transitionMaturityCapability).toHaveBeenCalledWith(
      CI_REF,
      { toStage: 'experimental', rationale: 'Too many incidents' },
    );
  });

  it('names the missing permission when refused', async () => {
    renderDialog(
      mockFlywheelApi({
        transitionMaturityCapability: jest
          .fn()
          .mockRejectedValue(
            await responseError(403, 'NotAllowedError', 'Unauthorized'),
          ),
      }),
    );

    await userEvent.type(
      await screen.findByRole('textbox', { name: /Rationale/ }),
      'Ready',
    );
    await userEvent.click(screen.getByRole('button', { name: 'Promote' }));

    expect(
      await screen.findByText(
        /needs the permission flywheel\.maturity\.transition/,
      ),
    ).toBeInTheDocument();
    expect(
      screen.queryByRole('button', { name: 'Promote anyway' }),
    ).not.toBeInTheDocument();
  });

  it('is usable with the keyboard alone', async () => {
    const { flywheelApi } = renderDialog();

    const rationale = await screen.findByRole('textbox', { name: /Rationale/ });
    // Into the dialog, to the rationale, then on to the buttons.
    while (document.activeElement !== rationale) {
      await userEvent.tab();
    }
    await userEvent.keyboard('Ready for everyone');
    await userEvent.tab();
    await userEvent.tab();
    expect(screen.getByRole('button', { name: 'Promote' })).toHaveFocus();
    await userEvent.keyboard('{Enter}');

    expect(flywheelApi.transitionMaturityCapability).toHaveBeenCalledWith(
      CI_REF,
      { toStage: 'ga', rationale: 'Ready for everyone' },
    );
  });
});
