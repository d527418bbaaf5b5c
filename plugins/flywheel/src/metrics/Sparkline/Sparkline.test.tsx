import { render, screen } from '@testing-library/react';
import {
  deploymentFrequencyMetric,
  emptyMetricSeries,
  leadTimeMetric,
  metricSeries,
} from '../../__testUtils__/testData';
import { expectNoAxeViolations } from '../../__testUtils__/axe';
import { Sparkline } from './Sparkline';

describe('Sparkline', () => {
  it('draws the trend and says it in words', async () => {
    const { points } = metricSeries(deploymentFrequencyMetric);
    const { container } = render(
      <Sparkline
        metric={deploymentFrequencyMetric}
        points={points}
        interval="week"
      />,
    );

    expect(
      screen.getByRole('img', {
        name: 'Trend of Deployment frequency: From 2 per week in the week of Jun 22, 2026 to 3.5 per week in the week of Jul 13, 2026; lowest 2 per week, highest 3.5 per week.',
      }),
    ).toBeInTheDocument();
    expect(container.querySelector('.recharts-line')).not.toBeNull();
    await expectNoAxeViolations(container);
  });

  it('leaves a gap where an interval has no data, rather than a zero', () => {
    const { container } = render(
      <Sparkline
        metric={leadTimeMetric}
        points={metricSeries(leadTimeMetric).points}
        interval="week"
      />,
    );

    // 4 h, 3 h, no data, 2 h: the line is drawn in two pieces.
    const line = container.querySelector('.recharts-line-curve');
    expect(line?.getAttribute('d')?.match(/M/g)).toHaveLength(2);
  });

  it('is hidden from screen readers next to text that says the same', () => {
    const { container } = render(
      <Sparkline
        metric={leadTimeMetric}
        points={metricSeries(leadTimeMetric).points}
        interval="week"
        decorative
      />,
    );

    expect(screen.queryByRole('img')).not.toBeInTheDocument();
    expect(container.firstElementChild).toHaveAttribute('aria-hidden', 'true');
  });

  it('draws nothing with fewer than two points of data', () => {
    const { container } = render(
      <Sparkline
        metric={leadTimeMetric}
        points={emptyMetricSeries(leadTimeMetric).points}
        interval="week"
      />,
    );

    expect(container).toBeEmptyDOMElement();
  });
});
