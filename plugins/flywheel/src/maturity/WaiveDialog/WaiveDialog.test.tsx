import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { renderInTestApp } from '@backstage/frontend-test-utils';
import { getLocalTimeZone, today } from '@internationalized/date';
import { FlywheelApi, flywheelApiRef } from '../../api';
import {
  ciDetail,
  CI_REF,
  designWaiver,
  mockFlywheelApi,
  responseError,
} from '../../__testUtils__/testData';
import { expectNoAxeViolations } from '../../__testUtils__/axe';
import { WaiveDialog } from './WaiveDialog';

const leadTime = ciDetail.criteria.find(c => c.id === 'lead-time')!;

function renderDialog(
  flywheelApi: jest.Mocked<FlywheelApi> = mockFlywheelApi(),
) {
  const onWaived = jest.fn();
  const onOpenChange = jest.fn();
  const rendered = renderInTestApp(
    <WaiveDialog
      isOpen
      onOpenChange={onOpenChange}
      entityRef={CI_REF}
      stage={{ id: 'beta', title: 'Beta' }}
      criterion={leadTime}
      onWaived={onWaived}
    />,
    { apis: [[flywheelApiRef, flywheelApi]] },
  );
  return { flywheelApi, onWaived, onOpenChange, rendered };
}

describe('WaiveDialog', () => {
  it('waives a criterion with a reason and an optional expiry', async () => {
    const { flywheelApi, onWaived, onOpenChange, rendered } = renderDialog();
    await rendered;

    expect(
      await screen.findByRole('dialog', {
        name: 'Waive “Lead time under a day”',
      }),
    ).toBeInTheDocument();
    await userEvent.type(
      screen.getByRole('textbox', { name: /Reason/ }),
      'Batch jobs: lead time does not apply',
    );
    // The dialog itself: react-aria's live announcer, outside it, keeps
    // nodes labelled by options of closed lists.
    await expectNoAxeViolations(screen.getByRole('dialog'));
    await userEvent.click(
      screen.getByRole('button', { name: 'Waive criterion' }),
    );

    expect(flywheelApi.waiveMaturityCriterion).toHaveBeenCalledWith(CI_REF, {
      stageId: 'beta',
      criterionId: 'lead-time',
      reason: 'Batch jobs: lead time does not apply',
    });
    expect(onWaived).toHaveBeenCalledWith(designWaiver);
    expect(onOpenChange).toHaveBeenCalledWith(false);
  });

  it('sends the expiry when one is chosen', async () => {
    const { flywheelApi } = renderDialog();

    await userEvent.type(
      await screen.findByRole('textbox', { name: /Reason/ }),
      'Vendor-run, reviewed yearly',
    );
    const next = today(getLocalTimeZone()).add({ years: 1 });
    await userEvent.click(screen.getByRole('spinbutton', { name: /month/i }));
    await userEvent.keyboard(String(next.month));
    await userEvent.click(screen.getByRole('spinbutton', { name: /day/i }));
    await userEvent.keyboard(String(next.day));
    await userEvent.click(screen.getByRole('spinbutton', { name: /year/i }));
    await userEvent.keyboard(String(next.year));
    await userEvent.click(
      screen.getByRole('button', { name: 'Waive criterion' }),
    );

    expect(flywheelApi.waiveMaturityCriterion).toHaveBeenCalledWith(CI_REF, {
      stageId: 'beta',
      criterionId: 'lead-time',
      reason: 'Vendor-run, reviewed yearly',
      expiresAt: next.toDate(getLocalTimeZone()).toISOString(),
    });
  });

  it('asks for a reason of at least 10 characters', async () => {
    const { flywheelApi } = renderDialog();

    await userEvent.type(
      await screen.findByRole('textbox', { name: /Reason/ }),
      'n/a',
    );
    await userEvent.click(
      screen.getByRole('button', { name: 'Waive criterion' }),
    );

    expect(
      await screen.findByText('Explain why in at least 10 characters.'),
    ).toBeInTheDocument();
    expect(flywheelApi.waiveMaturityCriterion).not.toHaveBeenCalled();
  });

  it("shows the server's error", async () => {
    renderDialog(
      mockFlywheelApi({
        waiveMaturityCriterion: jest
          .fn()
          .mockRejectedValue(
            await responseError(
              400,
              'InputError',
              'No criterion lead-time in ga',
            ),
          ),
      }),
    );

    await userEvent.type(
      await screen.findByRole('textbox', { name: /Reason/ }),
      'Does not apply here',
    );
    await userEvent.click(
      screen.getByRole('button', { name: 'Waive criterion' }),
    );

    expect(
      await screen.findByText('No criterion lead-time in ga'),
    ).toBeInTheDocument();
  });
});
