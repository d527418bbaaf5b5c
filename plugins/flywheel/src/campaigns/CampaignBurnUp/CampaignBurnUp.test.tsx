import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { renderInTestApp } from '@backstage/frontend-test-utils';
import { FlywheelApi, flywheelApiRef } from '../../api';
import {
  mockFlywheelApi,
  responseError,
  techdocsCampaign,
  techdocsProgress,
  WITHHELD,
  withheldProgress,
} from '../../__testUtils__/testData';
import { expectNoAxeViolations } from '../../__testUtils__/axe';
import { CampaignBurnUp } from './CampaignBurnUp';

function renderBurnUp(
  flywheelApi: jest.Mocked<FlywheelApi> = mockFlywheelApi(),
) {
  return renderInTestApp(<CampaignBurnUp campaign={techdocsCampaign} />, {
    apis: [[flywheelApiRef, flywheelApi]],
  });
}

describe('CampaignBurnUp', () => {
  it('shows the counts, the projection and the burn-up', async () => {
    const flywheelApi = mockFlywheelApi();
    const { container } = await renderBurnUp(flywheelApi);

    expect(
      await screen.findByRole('img', {
        name: /^Burn-up of TechDocs everywhere/,
      }),
    ).toBeInTheDocument();
    expect(flywheelApi.getCampaignProgress).toHaveBeenCalledWith(
      'techdocs-everywhere',
    );
    expect(
      screen.getByRole('progressbar', {
        name: 'Progress of TechDocs everywhere',
      }),
    ).toHaveAttribute('aria-valuetext', '12 of 18 met (66.7%)');
    expect(screen.getByText('At the start: 4 of 20 met.')).toBeInTheDocument();
    expect(screen.getByText('On track')).toBeInTheDocument();
    expect(
      screen.getByText(
        'High confidence: the whole likely range is on one side of the deadline',
      ),
    ).toBeInTheDocument();
    expect(
      screen.getByText(techdocsProgress.projection!.summary),
    ).toBeInTheDocument();
    await expectNoAxeViolations(container);
  });

  it('says off track and low confidence', async () => {
    await renderBurnUp(
      mockFlywheelApi({
        getCampaignProgress: jest.fn().mockResolvedValue({
          ...techdocsProgress,
          projection: {
            pacePerWeek: 0,
            basisDays: 7,
            confidence: 'low',
            onTrack: false,
            summary:
              'No progress over the last 7 days: at this pace the 6 entities left are not done by the deadline.',
          },
        }),
      }),
    );

    expect(await screen.findByText('Off track')).toBeInTheDocument();
    expect(
      screen.getByText('Low confidence: too few days or no pace to go by'),
    ).toBeInTheDocument();
  });

  it('shows why the burn-up is withheld instead of the chart', async () => {
    const { container } = await renderBurnUp(
      mockFlywheelApi({
        getCampaignProgress: jest.fn().mockResolvedValue(withheldProgress),
      }),
    );

    expect(await screen.findByText(WITHHELD)).toBeInTheDocument();
    expect(screen.getByText('Burn-up withheld')).toBeInTheDocument();
    expect(screen.queryByRole('img')).not.toBeInTheDocument();
    expect(screen.queryByText('On track')).not.toBeInTheDocument();
    // The counts the caller may see still show.
    expect(screen.getByRole('progressbar')).toBeInTheDocument();
    await expectNoAxeViolations(container);
  });

  it("shows the server's message and tries again", async () => {
    const getCampaignProgress = jest
      .fn()
      .mockRejectedValueOnce(
        await responseError(500, 'Error', 'The database is away'),
      )
      .mockResolvedValue(techdocsProgress);
    await renderBurnUp(mockFlywheelApi({ getCampaignProgress }));

    expect(await screen.findByText('The database is away')).toBeInTheDocument();
    await userEvent.click(screen.getByRole('button', { name: 'Try again' }));
    expect(
      await screen.findByRole('img', { name: /^Burn-up/ }),
    ).toBeInTheDocument();
  });
});
