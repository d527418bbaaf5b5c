import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { renderInTestApp } from '@backstage/frontend-test-utils';
import { scorecardsResponse } from '../../__testUtils__/testData';
import { ScorecardPicker } from './ScorecardPicker';

describe('ScorecardPicker', () => {
  it('offers every scorecard by title and reports the id', async () => {
    const onChange = jest.fn();
    renderInTestApp(
      <ScorecardPicker
        scorecards={scorecardsResponse.items}
        value="golden-path-adoption"
        onChange={onChange}
      />,
    );

    const picker = await screen.findByRole('button', { name: /Scorecard/ });
    expect(picker).toHaveTextContent('Golden path adoption');
    await userEvent.click(picker);
    await userEvent.click(
      await screen.findByRole('option', { name: 'Production readiness' }),
    );
    expect(onChange).toHaveBeenCalledWith('production-readiness');
  });

  it('is disabled when there is nothing to choose', async () => {
    renderInTestApp(
      <ScorecardPicker
        scorecards={scorecardsResponse.items.slice(0, 1)}
        value="golden-path-adoption"
        onChange={jest.fn()}
      />,
    );

    expect(
      await screen.findByRole('button', { name: /Scorecard/ }),
    ).toBeDisabled();
  });
});
