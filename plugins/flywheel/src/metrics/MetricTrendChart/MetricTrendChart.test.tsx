import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import {
  changeFailureRateMetric,
  emptyMetricSeries,
  leadTimeMetric,
  metricSeries,
} from '../../__testUtils__/testData';
import { expectNoAxeViolations } from '../../__testUtils__/axe';
import { MetricTrendChart } from './MetricTrendChart';

describe('MetricTrendChart', () => {
  it('summarises the trend in the unit, gaps included', () => {
    render(
      <MetricTrendChart
        series={metricSeries(leadTimeMetric)}
        subject="Commerce"
      />,
    );

    expect(
      screen.getByRole('img', {
        name: 'Lead time for changes (median) for Commerce, weekly from Jun 22, 2026. From 4 h in the week of Jun 22, 2026 to 2 h in the week of Jul 13, 2026; lowest 2 h, highest 4 h. 1 week of 4 without data.',
      }),
    ).toBeInTheDocument();
  });

  it('lists every point in a table, "no data" where there were no samples', async () => {
    render(
      <MetricTrendChart
        series={metricSeries(changeFailureRateMetric)}
        subject="the whole organisation"
      />,
    );

    await userEvent.click(screen.getByText('Show the data'));
    const table = screen.getByRole('table', {
      name: 'Change failure rate for the whole organisation, weekly',
    });
    const rows = within(table)
      .getAllByRole('row')
      .map(row => [...row.querySelectorAll('th, td')].map(c => c.textContent));
    expect(rows).toEqual([
      ['Week of', 'Value', 'Samples'],
      ['Jun 22, 2026', '10%', '20'],
      ['Jun 29, 2026', '6.7%', '15'],
      ['Jul 6, 2026', 'no data', '0'],
      ['Jul 13, 2026', '5%', '20'],
      ['Whole window', '7.4%', '55'],
    ]);
  });

  it('says so when no interval has data', () => {
    render(
      <MetricTrendChart
        series={emptyMetricSeries(leadTimeMetric)}
        subject="Commerce"
      />,
    );

    expect(
      screen.getByRole('img', { name: /No data in any of the 4 weeks\.$/ }),
    ).toBeInTheDocument();
    expect(
      screen.getByText('Every week in the window has no data.'),
    ).toBeInTheDocument();
  });

  it('lets keyboard users reach the data and scroll its table', async () => {
    render(
      <MetricTrendChart
        series={metricSeries(leadTimeMetric)}
        subject="Commerce"
      />,
    );

    await userEvent.tab();
    const summary = screen.getByText('Show the data').closest('summary');
    expect(summary).toHaveFocus();
    // jsdom does not open <details> on Enter as browsers do; a click is the same.
    await userEvent.click(summary!);
    await userEvent.tab();
    expect(
      screen.getByRole('region', {
        name: 'Lead time for changes (median) data for Commerce',
      }),
    ).toHaveFocus();
  });

  it('has no axe violations, with the data table open', async () => {
    const { container } = render(
      <MetricTrendChart
        series={metricSeries(leadTimeMetric)}
        subject="Commerce"
      />,
    );
    await userEvent.click(screen.getByText('Show the data'));
    expect(screen.getByRole('table')).toBeVisible();

    await expectNoAxeViolations(container);
  });
});
