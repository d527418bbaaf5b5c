import { screen } from '@testing-library/react';
import { renderInTestApp } from '@backstage/frontend-test-utils';
import { flywheelApiRef } from '../../api';
import {
  emptyHistory,
  entityHistory,
  goldenPathScorecard,
  mockFlywheelApi,
  responseError,
} from '../../__testUtils__/testData';
import { EntityLevelHistory } from './EntityLevelHistory';

function renderHistory(flywheelApi = mockFlywheelApi()) {
  renderInTestApp(
    <div data-testid="history">
      <EntityLevelHistory
        scorecard={goldenPathScorecard}
        entityRef="component:default/checkout-api"
      />
    </div>,
    { apis: [[flywheelApiRef, flywheelApi]] },
  );
  return flywheelApi;
}

describe('EntityLevelHistory', () => {
  it('draws the score with the level changes in words', async () => {
    const flywheelApi = renderHistory();

    expect(
      await screen.findByRole('img', {
        name: 'Score history of the last 90 days. Score from 50% on Jul 18, 2026 to 66.7% on Jul 19, 2026. Level: Bronze on Jul 18, 2026, then Silver from Jul 19, 2026.',
      }),
    ).toBeInTheDocument();
    expect(
      screen.getByText('Bronze (Jul 18) → Silver (Jul 19)'),
    ).toBeInTheDocument();
    expect(flywheelApi.getScorecardHistory).toHaveBeenCalledWith({
      scorecardId: 'golden-path-adoption',
      scope: 'entity',
      ref: 'component:default/checkout-api',
      days: 90,
    });
  });

  it('says since when the level holds after a single snapshot', async () => {
    renderHistory(
      mockFlywheelApi({
        getScorecardHistory: jest.fn().mockResolvedValue({
          ...entityHistory,
          points: entityHistory.points.slice(1),
        }),
      }),
    );

    expect(await screen.findByText('Silver since Jul 19')).toBeInTheDocument();
    expect(screen.queryByRole('img')).not.toBeInTheDocument();
  });

  it('adds a level reached since the last snapshot', async () => {
    renderInTestApp(
      <EntityLevelHistory
        scorecard={goldenPathScorecard}
        entityRef="component:default/checkout-api"
        currentLevel="gold"
      />,
      { apis: [[flywheelApiRef, mockFlywheelApi()]] },
    );

    expect(
      await screen.findByText('Bronze (Jul 18) → Silver (Jul 19) → Gold (now)'),
    ).toBeInTheDocument();
  });

  it('renders nothing without history', async () => {
    const flywheelApi = renderHistory(
      mockFlywheelApi({
        getScorecardHistory: jest
          .fn()
          .mockResolvedValue(emptyHistory('entity')),
      }),
    );

    const wrapper = await screen.findByTestId('history');
    await new Promise(resolve => setTimeout(resolve, 0));
    expect(flywheelApi.getScorecardHistory).toHaveBeenCalled();
    expect(wrapper).toBeEmptyDOMElement();
  });

  it('says when the history cannot be loaded', async () => {
    const error = await responseError(500, 'Error', 'database is locked');
    renderHistory(
      mockFlywheelApi({
        getScorecardHistory: jest.fn().mockRejectedValue(error),
      }),
    );

    expect(
      await screen.findByText(
        'Could not load the level history: database is locked',
      ),
    ).toBeInTheDocument();
  });
});
