import { render, screen } from '@testing-library/react';
import { CHECK_STATES } from '@flywheel/plugin-flywheel-common';
import { CheckStateBadge } from './CheckStateBadge';

describe('CheckStateBadge', () => {
  it.each([
    ['pass', 'Pass'],
    ['warn', 'Warning'],
    ['fail', 'Fail'],
    ['not-applicable', 'Not applicable'],
    ['unknown', 'Unknown'],
    ['exempt', 'Exempt'],
  ] as const)(
    'names the state %p in words, not colour alone',
    (state, label) => {
      const { container } = render(<CheckStateBadge state={state} />);

      expect(screen.getByText(label)).toBeInTheDocument();
      const icon = container.querySelector('svg');
      expect(icon).toHaveAttribute('aria-hidden', 'true');
    },
  );

  it('draws a different icon for every state', () => {
    const shapes = CHECK_STATES.map(state => {
      const { container, unmount } = render(<CheckStateBadge state={state} />);
      const d = container.querySelector('path')?.getAttribute('d');
      unmount();
      return d;
    });
    expect(new Set(shapes).size).toBe(CHECK_STATES.length);
  });
});
