import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import {
  techdocsProgress,
  techdocsCampaign,
} from '../../__testUtils__/testData';
import { expectNoAxeViolations } from '../../__testUtils__/axe';
import { BurnUpChart, idealOn } from './BurnUpChart';

describe('BurnUpChart', () => {
  it('says where the campaign stands against the ideal line, the target and the deadline', async () => {
    const { container } = render(
      <BurnUpChart
        title="TechDocs everywhere"
        progress={techdocsProgress}
        deadline={techdocsCampaign.deadline}
      />,
    );

    expect(
      screen.getByRole('img', {
        name: 'Burn-up of TechDocs everywhere: 12 of 18 entities meet the goal on Nov 23, 2026, from 6 on Nov 17, 2026. On the ideal line 12 would meet it by then. Target 18 by the deadline, Dec 31, 2026.',
      }),
    ).toBeInTheDocument();
    const legend = screen.getByRole('list', { name: 'Legend' });
    expect(
      within(legend)
        .getAllByRole('listitem')
        .map(li => li.textContent),
    ).toEqual([
      'Entities meeting the goal',
      'Ideal: a straight line to the deadline',
      'Target: 18 (cohort less exempt)',
      'Deadline: Dec 31, 2026',
    ]);

    await userEvent.click(screen.getByText('Show the data'));
    const rows = within(
      screen.getByRole('table', {
        name: 'Daily counts of TechDocs everywhere',
      }),
    )
      .getAllByRole('row')
      .map(row => [...row.querySelectorAll('th, td')].map(c => c.textContent));
    expect(rows[0]).toEqual(['Day', 'Meeting the goal', 'Exempt', 'Cohort']);
    expect(rows[1]).toEqual(['Nov 17, 2026', '6', '2', '20']);
    expect(rows[7]).toEqual(['Nov 23, 2026', '12', '2', '20']);
    await expectNoAxeViolations(container);
  });

  it('leaves out the ideal line when there is none', () => {
    render(
      <BurnUpChart
        title="TechDocs everywhere"
        progress={{ ...techdocsProgress, ideal: [] }}
        deadline="2026-12-31"
      />,
    );
    expect(screen.getByRole('img')).not.toHaveAccessibleName(/ideal line/);
    expect(screen.queryByText(/^Ideal/)).not.toBeInTheDocument();
  });

  it('says when there are no daily counts yet', () => {
    render(
      <BurnUpChart
        title="TechDocs everywhere"
        progress={{ ...techdocsProgress, days: [], ideal: [] }}
        deadline="2026-12-31"
      />,
    );
    expect(screen.queryByRole('img')).not.toBeInTheDocument();
    expect(
      screen.getByText(
        'No daily counts yet: the first is recorded when the campaign starts.',
      ),
    ).toBeInTheDocument();
  });

  it('reads the ideal line between its points', () => {
    const ideal = [
      { day: '2026-10-01', met: 0 },
      { day: '2026-10-11', met: 10 },
    ];
    expect(idealOn(ideal, '2026-10-01')).toBe(0);
    expect(idealOn(ideal, '2026-10-06')).toBe(5);
    expect(idealOn(ideal, '2026-10-11')).toBe(10);
    expect(idealOn(ideal, '2026-10-12')).toBeUndefined();
    expect(idealOn([], '2026-10-06')).toBeUndefined();
  });
});
