import { render, screen } from '@testing-library/react';
import { CreationsChart } from './CreationsChart';

describe('CreationsChart', () => {
  it('describes every month for screen readers', () => {
    render(
      <CreationsChart
        pathTitle="TypeScript HTTP service"
        creationsByMonth={[
          { month: '2026-05', count: 1 },
          { month: '2026-06', count: 0 },
          { month: '2026-07', count: 3 },
        ]}
      />,
    );

    expect(
      screen.getByRole('img', {
        name: 'Services created per month from TypeScript HTTP service, last 3 months: May 26: 1, Jun 26: 0, Jul 26: 3',
      }),
    ).toBeInTheDocument();
    expect(
      screen.getByText('Services created per month (4 in the last 3 months)'),
    ).toBeInTheDocument();
  });
});
