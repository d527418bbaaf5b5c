import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { renderInTestApp } from '@backstage/frontend-test-utils';
import { FlywheelApi, flywheelApiRef } from '../../api';
import {
  mockFlywheelApi,
  responseError,
  techdocsCampaign,
} from '../../__testUtils__/testData';
import { expectNoAxeViolations } from '../../__testUtils__/axe';
import { CloseCampaignDialog } from './CloseCampaignDialog';

function renderDialog(
  flywheelApi: jest.Mocked<FlywheelApi> = mockFlywheelApi(),
) {
  const onClosed = jest.fn();
  const onOpenChange = jest.fn();
  renderInTestApp(
    <CloseCampaignDialog
      isOpen
      onOpenChange={onOpenChange}
      campaign={techdocsCampaign}
      onClosed={onClosed}
    />,
    { apis: [[flywheelApiRef, flywheelApi]] },
  );
  return { flywheelApi, onClosed, onOpenChange };
}

describe('CloseCampaignDialog', () => {
  it('closes the campaign with a note', async () => {
    const { flywheelApi, onClosed, onOpenChange } = renderDialog();

    const dialog = await screen.findByRole('dialog', {
      name: 'Close TechDocs everywhere',
    });
    await userEvent.type(
      screen.getByRole('textbox', { name: /Note/ }),
      '  Done for the year ',
    );
    await expectNoAxeViolations(dialog);
    await userEvent.click(
      screen.getByRole('button', { name: 'Close campaign' }),
    );

    await waitFor(() =>
      expect(flywheelApi.closeCampaign).toHaveBeenCalledWith(
        'techdocs-everywhere',
        'Done for the year',
      ),
    );
    expect(onClosed).toHaveBeenCalledWith(
      expect.objectContaining({
        state: 'closed',
        closeNote: 'Done for the year',
      }),
    );
    expect(onOpenChange).toHaveBeenCalledWith(false);
  });

  it('closes without a note', async () => {
    const { flywheelApi } = renderDialog();

    await userEvent.click(
      await screen.findByRole('button', { name: 'Close campaign' }),
    );

    await waitFor(() =>
      expect(flywheelApi.closeCampaign).toHaveBeenCalledWith(
        'techdocs-everywhere',
        undefined,
      ),
    );
  });

  it("shows the backend's refusal and keeps the note", async () => {
    const { onClosed, onOpenChange } = renderDialog(
      mockFlywheelApi({
        closeCampaign: jest
          .fn()
          .mockRejectedValue(
            await responseError(
              400,
              'InputError',
              "Campaign 'techdocs-everywhere' is closed already",
            ),
          ),
      }),
    );

    const note = await screen.findByRole('textbox', { name: /Note/ });
    await userEvent.type(note, 'Done');
    await userEvent.click(
      screen.getByRole('button', { name: 'Close campaign' }),
    );

    expect(
      await screen.findByText(
        "Campaign 'techdocs-everywhere' is closed already",
      ),
    ).toBeInTheDocument();
    expect(screen.getByText('The campaign was not closed')).toBeInTheDocument();
    expect(note).toHaveValue('Done');
    expect(onClosed).not.toHaveBeenCalled();
    expect(onOpenChange).not.toHaveBeenCalled();
  });

  it('names the missing permission when refused', async () => {
    renderDialog(
      mockFlywheelApi({
        closeCampaign: jest
          .fn()
          .mockRejectedValue(
            await responseError(403, 'NotAllowedError', 'Unauthorized'),
          ),
      }),
    );

    await userEvent.click(
      await screen.findByRole('button', { name: 'Close campaign' }),
    );
    expect(
      await screen.findByText(
        /needs the permission flywheel\.campaigns\.manage/,
      ),
    ).toBeInTheDocument();
  });
});
