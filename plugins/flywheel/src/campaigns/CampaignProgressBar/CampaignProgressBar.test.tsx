import { render, screen } from '@testing-library/react';
import { expectNoAxeViolations } from '../../__testUtils__/axe';
import { CampaignProgressBar } from './CampaignProgressBar';

describe('CampaignProgressBar', () => {
  it('counts the entities meeting the goal out of those not exempt, as a bar and in words', async () => {
    const { container } = render(
      <CampaignProgressBar
        label="Progress of TechDocs everywhere"
        counts={{ cohort: 20, met: 12, open: 6, exempt: 2, percent: 66.7 }}
      />,
    );

    const bar = screen.getByRole('progressbar', {
      name: 'Progress of TechDocs everywhere',
    });
    expect(bar).toHaveAttribute('aria-valuenow', '66.7');
    expect(bar).toHaveAttribute('aria-valuetext', '12 of 18 met (66.7%)');
    expect(screen.getByText('12 of 18 met (66.7%)')).toBeInTheDocument();
    expect(screen.getByText('6 to do · 2 exempt')).toBeInTheDocument();
    await expectNoAxeViolations(container);
  });

  it('says when the cohort is empty', () => {
    render(
      <CampaignProgressBar
        label="Progress"
        counts={{ cohort: 0, met: 0, open: 0, exempt: 0, percent: null }}
      />,
    );
    expect(screen.getByRole('progressbar')).toHaveAttribute(
      'aria-valuenow',
      '0',
    );
    expect(screen.getByText('No entities in the cohort')).toBeInTheDocument();
  });
});
