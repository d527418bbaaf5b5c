import { render, screen } from '@testing-library/react';
import {
  CampaignMemberState,
  CampaignState,
} from '@flywheel/plugin-flywheel-common';
import { expectNoAxeViolations } from '../../__testUtils__/axe';
import { CampaignStateBadge, MemberStateBadge } from './CampaignStateBadge';

describe('CampaignStateBadge', () => {
  it.each([
    ['scheduled', 'Scheduled'],
    ['running', 'Running'],
    ['completed', 'Completed'],
    ['overdue', 'Overdue'],
    ['closed', 'Closed'],
  ] as [CampaignState, string][])(
    'says %s in words, with its own icon',
    async (state, label) => {
      const { container } = render(<CampaignStateBadge state={state} />);
      expect(screen.getByText(label)).toBeInTheDocument();
      await expectNoAxeViolations(container);
    },
  );

  it('draws a different icon for every campaign state', () => {
    const shapes = (
      ['scheduled', 'running', 'completed', 'overdue', 'closed'] as const
    ).map(state => {
      const { container, unmount } = render(
        <CampaignStateBadge state={state} />,
      );
      const d = container.querySelector('path')?.getAttribute('d');
      unmount();
      return d;
    });
    expect(new Set(shapes).size).toBe(5);
  });
});

describe('MemberStateBadge', () => {
  it.each([
    ['open', 'To do'],
    ['met', 'Met'],
    ['exempt', 'Exempt'],
  ] as [CampaignMemberState, string][])('says %s as %s', (state, label) => {
    render(<MemberStateBadge state={state} />);
    expect(screen.getByText(label)).toBeInTheDocument();
  });
});
