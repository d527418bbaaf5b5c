import { screen } from '@testing-library/react';
import { renderInTestApp } from '@backstage/frontend-test-utils';
import { flywheelApiRef } from '../../api';
import {
  mockFlywheelApi,
  scorecardsResponse,
} from '../../__testUtils__/testData';
import { ScorecardTrend } from './ScorecardTrend';

describe('ScorecardTrend', () => {
  it('says why a series is withheld instead of charting it', async () => {
    const withheld =
      'This scope includes entities you may not see in the catalog. Stored daily snapshots are totals over all of its entities and cannot be recomputed without them, so the series is withheld.';
    const flywheelApi = mockFlywheelApi({
      getScorecardHistory: jest.fn().mockResolvedValue({
        scorecardId: scorecardsResponse.items[0].id,
        scope: 'group',
        ref: 'group:default/commerce',
        points: [],
        withheld,
      }),
    });
    renderInTestApp(
      <ScorecardTrend
        scorecard={scorecardsResponse.items[0]}
        groupRef="group:default/commerce"
        subject="Commerce"
      />,
      { apis: [[flywheelApiRef, flywheelApi]] },
    );

    expect(await screen.findByText('Trend not shown')).toBeInTheDocument();
    expect(screen.getByText(withheld)).toBeInTheDocument();
    expect(screen.queryByText(/No history yet/)).not.toBeInTheDocument();
  });
});
