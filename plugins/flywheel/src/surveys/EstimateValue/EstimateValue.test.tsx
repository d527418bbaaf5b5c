import { render, screen } from '@testing-library/react';
import { EstimateValue } from './EstimateValue';

describe('EstimateValue', () => {
  it('shows an NPS with ± half its interval and places the interval on −100…+100', () => {
    render(
      <EstimateValue
        estimate={{ value: -12.4, low: -30, high: 6 }}
        kind="nps"
        label="NPS"
      />,
    );

    expect(screen.getByText('−12 ± 18')).toBeInTheDocument();
    expect(screen.getByText('95% interval: −30 to +6')).toBeInTheDocument();
    const bar = screen.getByRole('img', {
      name: 'NPS −12, 95% interval −30 to +6, on a scale from −100 to +100',
    });
    const [zero, interval, point] = Array.from(bar.children) as HTMLElement[];
    expect(zero.style.left).toBe('50%');
    expect(interval.style.left).toBe('35%');
    expect(point.style.left).toBe('43.8%');
  });

  it('shows a CSAT in percent on 0…100', () => {
    render(
      <EstimateValue
        estimate={{ value: 75, low: 59.8, high: 85.8 }}
        kind="csat"
        label="CSAT"
      />,
    );

    expect(screen.getByText('75% ± 13')).toBeInTheDocument();
    expect(
      screen.getByRole('img', {
        name: 'CSAT 75%, 95% interval 60% to 86%, on a scale from 0% to 100%',
      }),
    ).toBeInTheDocument();
  });
});
