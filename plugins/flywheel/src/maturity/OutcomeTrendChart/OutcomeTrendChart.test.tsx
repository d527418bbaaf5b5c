import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { leadTimeOutcome, npsOutcome } from '../../__testUtils__/testData';
import { expectNoAxeViolations } from '../../__testUtils__/axe';
import { OutcomeTrendChart } from './OutcomeTrendChart';

describe('OutcomeTrendChart', () => {
  it('says the trend, its gaps and the target in words', async () => {
    const { container } = render(
      <OutcomeTrendChart
        title="Developer NPS"
        metric={npsOutcome.metric!}
        points={npsOutcome.points}
        interval="week"
        target={30}
      />,
    );

    expect(
      screen.getByRole('img', {
        name: 'Trend of Developer NPS: From 20 in the week of Jun 22, 2026 to 32 in the week of Jul 13, 2026; lowest 20, highest 32. 1 week of 4 without data. Target 30.',
      }),
    ).toBeInTheDocument();
    await userEvent.click(screen.getByText('Show the data'));
    const rows = within(screen.getByRole('table', { name: 'Developer NPS' }))
      .getAllByRole('row')
      .map(row => [...row.querySelectorAll('th, td')].map(c => c.textContent));
    expect(rows).toEqual([
      ['Week of', 'Value'],
      ['Jun 22, 2026', '20'],
      ['Jun 29, 2026', 'no data'],
      ['Jul 6, 2026', '25'],
      ['Jul 13, 2026', '32'],
    ]);
    await expectNoAxeViolations(container);
  });

  it('formats values in the unit and leaves out a missing target', () => {
    render(
      <OutcomeTrendChart
        title="Lead time"
        metric={leadTimeOutcome.metric!}
        points={leadTimeOutcome.points}
        interval="week"
      />,
    );
    expect(
      screen.getByRole('img', { name: /to 2 h in the week of Jul 13, 2026;/ }),
    ).not.toHaveAccessibleName(/Target/);
  });

  it('draws nothing without points', () => {
    const { container } = render(
      <OutcomeTrendChart
        title="Lead time"
        metric={leadTimeOutcome.metric!}
        points={[]}
        interval="week"
      />,
    );
    expect(container).toBeEmptyDOMElement();
  });
});
