import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { renderInTestApp } from '@backstage/frontend-test-utils';
import { getLocalTimeZone, today } from '@internationalized/date';
import { flywheelApiRef } from '../../api';
import {
  goldenPathScorecard,
  mockFlywheelApi,
  pendingExemption,
  responseError,
} from '../../__testUtils__/testData';
import { RequestExemptionDialog } from './RequestExemptionDialog';

const check = goldenPathScorecard.checks[3]; // current-template-version

function renderDialog(flywheelApi = mockFlywheelApi()) {
  const onRequested = jest.fn();
  const onOpenChange = jest.fn();
  renderInTestApp(
    <RequestExemptionDialog
      isOpen
      onOpenChange={onOpenChange}
      entityRef="component:default/checkout-api"
      scorecard={goldenPathScorecard}
      check={check}
      onRequested={onRequested}
    />,
    { apis: [[flywheelApiRef, flywheelApi]] },
  );
  return { flywheelApi, onRequested, onOpenChange };
}

describe('RequestExemptionDialog', () => {
  it('requests an exemption that ends in 90 days by default', async () => {
    const { flywheelApi, onRequested, onOpenChange } = renderDialog();

    const dialog = await screen.findByRole('dialog', {
      name: 'Request an exemption',
    });
    expect(dialog).toHaveTextContent('On the current golden-path version');
    await userEvent.type(
      screen.getByRole('textbox', { name: /Justification/ }),
      '  Upgrade is planned for the Q3 freeze window ',
    );
    await userEvent.click(
      screen.getByRole('button', { name: 'Request exemption' }),
    );

    const zone = getLocalTimeZone();
    expect(flywheelApi.requestScorecardExemption).toHaveBeenCalledWith({
      entityRef: 'component:default/checkout-api',
      scorecardId: 'golden-path-adoption',
      checkId: 'current-template-version',
      justification: 'Upgrade is planned for the Q3 freeze window',
      expiresAt: today(zone).add({ days: 90 }).toDate(zone).toISOString(),
    });
    expect(onRequested).toHaveBeenCalledWith(pendingExemption);
    expect(onOpenChange).toHaveBeenCalledWith(false);
  });

  it('asks for a justification of at least 10 characters', async () => {
    const { flywheelApi } = renderDialog();

    await userEvent.type(
      await screen.findByRole('textbox', { name: /Justification/ }),
      'later',
    );
    await userEvent.click(
      screen.getByRole('button', { name: 'Request exemption' }),
    );

    expect(
      await screen.findByText('Explain why in at least 10 characters.'),
    ).toBeInTheDocument();
    expect(
      screen.getByRole('textbox', { name: /Justification/ }),
    ).toHaveAttribute('aria-invalid', 'true');
    expect(flywheelApi.requestScorecardExemption).not.toHaveBeenCalled();
  });

  it('refuses an expiry more than 366 days ahead', async () => {
    const { flywheelApi } = renderDialog();

    await userEvent.type(
      await screen.findByRole('textbox', { name: /Justification/ }),
      'Waiting for the platform upgrade',
    );
    const year = screen.getByRole('spinbutton', { name: /year/i });
    await userEvent.click(year);
    await userEvent.keyboard(String(today(getLocalTimeZone()).year + 2));
    await userEvent.click(
      screen.getByRole('button', { name: 'Request exemption' }),
    );

    expect(
      (await screen.findAllByText(/at most 366 days|or earlier/)).length,
    ).toBeGreaterThan(0);
    expect(flywheelApi.requestScorecardExemption).not.toHaveBeenCalled();
  });

  it("shows the server's error in the dialog and keeps what was typed", async () => {
    const error = await responseError(
      400,
      'InputError',
      'expiresAt must be within 366 days; exemptions are meant to be revisited',
    );
    const { onOpenChange } = renderDialog(
      mockFlywheelApi({
        requestScorecardExemption: jest.fn().mockRejectedValue(error),
      }),
    );

    const justification = await screen.findByRole('textbox', {
      name: /Justification/,
    });
    await userEvent.type(justification, 'Waiting for the platform upgrade');
    await userEvent.click(
      screen.getByRole('button', { name: 'Request exemption' }),
    );

    expect(
      await screen.findByText(
        'expiresAt must be within 366 days; exemptions are meant to be revisited',
      ),
    ).toBeInTheDocument();
    expect(screen.getByText('The request was not sent')).toBeInTheDocument();
    expect(justification).toHaveValue('Waiting for the platform upgrade');
    expect(onOpenChange).not.toHaveBeenCalled();
  });

  it('says which permission is missing when the request is refused', async () => {
    const error = await responseError(403, 'NotAllowedError', 'Unauthorized');
    renderDialog(
      mockFlywheelApi({
        requestScorecardExemption: jest.fn().mockRejectedValue(error),
      }),
    );

    await userEvent.type(
      await screen.findByRole('textbox', { name: /Justification/ }),
      'Waiting for the platform upgrade',
    );
    await userEvent.click(
      screen.getByRole('button', { name: 'Request exemption' }),
    );

    expect(
      await screen.findByText(
        /needs the permission flywheel\.scorecards\.exemption\.request/,
      ),
    ).toBeInTheDocument();
  });
});
