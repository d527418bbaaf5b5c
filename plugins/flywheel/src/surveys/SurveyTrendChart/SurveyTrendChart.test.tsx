import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { platformNpsResults } from '../__testUtils__/surveyAdminData';
import { SurveyTrendChart } from './SurveyTrendChart';

const trend = platformNpsResults.trend;

describe('SurveyTrendChart', () => {
  it('summarises the NPS per wave and marks significant changes', () => {
    render(<SurveyTrendChart trend={trend} />);

    expect(
      screen.getByRole('img', {
        name: 'NPS across 3 waves: wave 1 +8, wave 2 +2, wave 3 +24 (significant change at 95%).',
      }),
    ).toBeInTheDocument();
    expect(
      within(screen.getByRole('list', { name: 'Legend' }))
        .getAllByRole('listitem')
        .map(i => i.textContent),
    ).toEqual([
      'NPS',
      '95% interval',
      'Wave with a significant change at 95% from the wave before',
    ]);
  });

  it('offers the numbers per wave as a table', async () => {
    render(<SurveyTrendChart trend={trend} />);

    await userEvent.click(screen.getByText('Show the data'));
    const rows = within(
      screen.getByRole('table', { name: 'Results per wave' }),
    ).getAllByRole('row');
    expect(
      within(rows[3])
        .getAllByRole('cell')
        .map(c => c.textContent),
    ).toEqual([
      'Jul 6, 2026',
      '42',
      '32.3%',
      '+24 (+5 to +41)',
      '75% (60% to 86%)',
      '+21.8, significant change at 95%',
    ]);
  });

  it('follows CSAT when the survey has no NPS question', () => {
    render(<SurveyTrendChart trend={trend.map(({ nps: _nps, ...p }) => p)} />);

    expect(
      screen.getByRole('img', { name: /^CSAT across 3 waves: wave 1 70%/ }),
    ).toBeInTheDocument();
  });

  it('waits for a second wave', () => {
    render(<SurveyTrendChart trend={trend.slice(0, 1)} />);

    expect(
      screen.getByText(/One wave so far; the trend appears from the second/),
    ).toBeInTheDocument();
    expect(screen.queryByRole('img')).toBeNull();
  });
});
