import { render, screen } from '@testing-library/react';
import { expectNoAxeViolations } from '../../__testUtils__/axe';
import {
  STATUS_ICON_NAMES,
  StatusBadge,
  StatusIconName,
  StatusTone,
} from './StatusBadge';

describe('StatusBadge', () => {
  it.each([
    ['success', 'tick'],
    ['warning', 'warning'],
    ['danger', 'cross'],
    ['info', 'question'],
    ['neutral', 'shield'],
    ['muted', 'dash'],
  ] as [StatusTone, StatusIconName][])(
    'says the status in words in the %s tone, with a decorative %s icon',
    async (tone, icon) => {
      const { container } = render(
        <StatusBadge tone={tone} icon={icon} data-status="x">
          Status
        </StatusBadge>,
      );

      const badge = screen.getByText('Status');
      expect(badge).toBeInTheDocument();
      expect(container.querySelector('[data-status="x"]')).toContainElement(
        badge,
      );
      const svg = container.querySelector('svg');
      expect(svg).toHaveAttribute('aria-hidden', 'true');
      expect(svg).toHaveAttribute('focusable', 'false');
      await expectNoAxeViolations(container);
    },
  );

  it('draws a different shape for every icon', () => {
    const shapes = STATUS_ICON_NAMES.map(icon => {
      const { container, unmount } = render(
        <StatusBadge tone="neutral" icon={icon}>
          Status
        </StatusBadge>,
      );
      const d = container.querySelector('path')?.getAttribute('d');
      unmount();
      return d;
    });
    expect(new Set(shapes).size).toBe(STATUS_ICON_NAMES.length);
  });
});
