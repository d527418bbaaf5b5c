import { renderInTestApp } from '@backstage/test-utils';
import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { expectNoAxeViolations } from '../../__testUtils__/axe';
import { ChartDataTable } from './ChartDataTable';

describe('ChartDataTable', () => {
  it('folds the numbers under "Show the data", in a focusable scroll region named like its caption', async () => {
    const { container } = await renderInTestApp(
      <ChartDataTable
        caption="Daily counts of a campaign"
        columns={['Day', 'Met']}
        rows={[
          { key: 'a', header: '1 Dec 2026', cells: [3] },
          { key: 'b', header: '2 Dec 2026', cells: [4] },
        ]}
      />,
    );
    await userEvent.click(screen.getByText('Show the data'));
    const table = screen.getByRole('table', {
      name: 'Daily counts of a campaign',
    });
    expect(
      screen.getByRole('region', { name: 'Daily counts of a campaign' }),
    ).toHaveAttribute('tabindex', '0');
    expect(screen.getByRole('rowheader', { name: '2 Dec 2026' })).toBeVisible();
    expect(table.querySelectorAll('tbody tr')).toHaveLength(2);
    await expectNoAxeViolations(container);
  });
});
