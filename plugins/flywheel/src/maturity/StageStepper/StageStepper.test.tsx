import { render, screen, within } from '@testing-library/react';
import { maturityStages } from '../../__testUtils__/testData';
import { expectNoAxeViolations } from '../../__testUtils__/axe';
import { StageStepper } from './StageStepper';

describe('StageStepper', () => {
  it('lists the stages in order and marks the current one in words', async () => {
    const { container } = render(
      <StageStepper
        stages={maturityStages}
        currentIndex={1}
        label="Stages of Platform capability"
      />,
    );

    const steps = within(
      screen.getByRole('list', { name: 'Stages of Platform capability' }),
    ).getAllByRole('listitem');
    expect(steps.map(s => s.textContent)).toEqual([
      '✓ExperimentalDone',
      '2BetaCurrent stage',
      '3Generally available',
    ]);
    expect(steps[1]).toHaveAttribute('aria-current', 'step');
    expect(steps[0]).not.toHaveAttribute('aria-current');
    await expectNoAxeViolations(container);
  });
});
