import { render, screen } from '@testing-library/react';
import { DistributionChart } from './DistributionChart';

describe('DistributionChart', () => {
  it('names every bar and its count for screen readers', () => {
    render(
      <DistributionChart
        label="Answers per score"
        bars={[
          { label: '1', count: 2, color: '#c62828' },
          { label: '2', count: 0, color: '#c62828' },
          { label: '3', count: 5, color: '#9e9e9e' },
        ]}
      />,
    );

    expect(
      screen.getByRole('img', { name: 'Answers per score: 1: 2, 2: 0, 3: 5' }),
    ).toBeInTheDocument();
  });
});
