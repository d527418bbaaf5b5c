import { render, screen, within } from '@testing-library/react';
import { StatList } from './StatList';

describe('StatList', () => {
  it('pairs each value with its label', () => {
    render(
      <StatList
        aria-label="Totals"
        stats={[
          { label: 'Components', value: 14 },
          { label: 'Adoption', value: '42.9%', hint: 'of all components' },
        ]}
      />,
    );

    const list = screen.getByLabelText('Totals');
    const terms = within(list).getAllByRole('term');
    const values = within(list).getAllByRole('definition');
    expect(terms.map(t => t.textContent)).toEqual(['Components', 'Adoption']);
    expect(values.map(v => v.textContent)).toEqual([
      '14',
      '42.9%of all components',
    ]);
  });
});
