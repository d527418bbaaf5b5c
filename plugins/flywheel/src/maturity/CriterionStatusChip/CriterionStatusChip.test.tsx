import { render, screen } from '@testing-library/react';
import { expectNoAxeViolations } from '../../__testUtils__/axe';
import { CriterionStatusChip } from './CriterionStatusChip';

describe('CriterionStatusChip', () => {
  it.each([
    ['met', 'Met'],
    ['unmet', 'Unmet'],
    ['unknown', 'Unknown'],
    ['waived', 'Waived'],
  ] as const)(
    'says %s in words, with a decorative icon',
    async (status, label) => {
      const { container } = render(<CriterionStatusChip status={status} />);

      expect(screen.getByText(label)).toBeInTheDocument();
      expect(container.querySelector('svg')).toHaveAttribute(
        'aria-hidden',
        'true',
      );
      await expectNoAxeViolations(container);
    },
  );
});
