import { render, screen, within } from '@testing-library/react';
import { ChoiceBars } from './ChoiceBars';

describe('ChoiceBars', () => {
  it('lists options by count with their share of respondents', () => {
    render(
      <ChoiceBars
        label="Answers"
        responses={10}
        choices={[
          { option: 'Docs', count: 3 },
          { option: 'CI speed', count: 7 },
          { option: 'Other', count: 0 },
        ]}
      />,
    );

    const items = within(
      screen.getByRole('list', { name: 'Answers' }),
    ).getAllByRole('listitem');
    expect(items.map(i => i.textContent)).toEqual([
      'CI speed7 (70%)',
      'Docs3 (30%)',
      'Other0 (0%)',
    ]);
  });
});
