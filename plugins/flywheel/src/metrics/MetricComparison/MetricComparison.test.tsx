import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { renderInTestApp } from '@backstage/frontend-test-utils';
import { flywheelApiRef } from '../../api';
import {
  leadTimeComparison,
  leadTimeMetric,
  mockFlywheelApi,
  oneSidedComparison,
  responseError,
  statValue,
  timeToFirstDeployMetric,
  untestedComparison,
} from '../../__testUtils__/testData';
import { expectNoAxeViolations } from '../../__testUtils__/axe';
import { MetricComparison } from './MetricComparison';

function renderComparison(
  flywheelApi = mockFlywheelApi(),
  metric = leadTimeMetric,
) {
  const rendered = renderInTestApp(
    <MetricComparison
      metric={metric}
      query={{ groupRef: 'group:default/commerce', window: '90d' }}
    />,
    { apis: [[flywheelApiRef, flywheelApi]] },
  );
  return { flywheelApi, rendered };
}

describe('MetricComparison', () => {
  it('shows both sides with their samples, the test and the sentence', async () => {
    const { flywheelApi, rendered } = renderComparison();

    const list = await screen.findByLabelText(
      'Golden-path and hand-made values',
    );
    expect(statValue(list, 'Golden-path services')).toBe('2 h');
    expect(statValue(list, 'Hand-made services')).toBe('4 h');
    expect(statValue(list, 'Difference')).toBe('−2 h');
    expect(within(list).getByText('24 samples')).toBeInTheDocument();
    expect(within(list).getByText('16 samples')).toBeInTheDocument();
    expect(
      screen.getByText(
        'Mann–Whitney U test: p = 0.012, a difference beyond chance (below 0.05).',
      ),
    ).toBeInTheDocument();
    expect(screen.getByText(leadTimeComparison.summary)).toBeInTheDocument();
    expect(flywheelApi.getMetricComparison).toHaveBeenCalledWith(
      'valueStream.leadTime.median',
      { groupRef: 'group:default/commerce', window: '90d' },
    );
    await expectNoAxeViolations(rendered.container);
  });

  it('says a difference is not beyond chance when the test says so', async () => {
    renderComparison(
      mockFlywheelApi({
        getMetricComparison: jest.fn().mockResolvedValue({
          ...leadTimeComparison,
          test: { name: 'Mann–Whitney U', pValue: 0.21, significant: false },
          summary:
            'No difference beyond chance (p = 0.21, 24 golden-path and 16 hand-made samples).',
        }),
      }),
    );

    expect(
      await screen.findByText(
        'Mann–Whitney U test: p = 0.210, no difference beyond chance (0.05 or more).',
      ),
    ).toBeInTheDocument();
  });

  it('is honest when there are too few samples for a test', async () => {
    renderComparison(
      mockFlywheelApi({
        getMetricComparison: jest.fn().mockResolvedValue(untestedComparison),
      }),
      timeToFirstDeployMetric,
    );

    expect(
      await screen.findByText(
        'No test: Flywheel tests a difference only with at least 5 samples on each side, so this difference may well be chance.',
      ),
    ).toBeInTheDocument();
    expect(screen.getByText(untestedComparison.summary)).toBeInTheDocument();
    const list = screen.getByLabelText('Golden-path and hand-made values');
    expect(statValue(list, 'Golden-path services')).toBe('1 d');
    expect(within(list).getByText('3 samples')).toBeInTheDocument();
  });

  it('says there is nothing to compare when a side has no samples', async () => {
    renderComparison(
      mockFlywheelApi({
        getMetricComparison: jest.fn().mockResolvedValue(oneSidedComparison),
      }),
      timeToFirstDeployMetric,
    );

    expect(
      await screen.findByText(
        'No test: one side has no samples, so there is nothing to compare.',
      ),
    ).toBeInTheDocument();
    const list = screen.getByLabelText('Golden-path and hand-made values');
    expect(statValue(list, 'Hand-made services')).toBe('no data');
    expect(statValue(list, 'Difference')).toBe('—');
  });

  it('names the missing permission when the backend refuses', async () => {
    const error = await responseError(403, 'NotAllowedError', 'Unauthorized');
    renderComparison(
      mockFlywheelApi({
        getMetricComparison: jest.fn().mockRejectedValue(error),
      }),
    );

    expect(
      await screen.findByText('Could not load the comparison'),
    ).toBeInTheDocument();
    expect(
      screen.getByText(/it needs the permission flywheel\.metrics\.read/),
    ).toBeInTheDocument();
    expect(
      screen.queryByRole('button', { name: 'Try again' }),
    ).not.toBeInTheDocument();
  });

  it('loads again on "Try again" after a failure', async () => {
    const error = await responseError(500, 'Error', 'Database unavailable');
    const getMetricComparison = jest
      .fn()
      .mockRejectedValueOnce(error)
      .mockResolvedValue(leadTimeComparison);
    renderComparison(mockFlywheelApi({ getMetricComparison }));

    expect(await screen.findByText('Database unavailable')).toBeInTheDocument();
    await userEvent.click(screen.getByRole('button', { name: 'Try again' }));

    expect(
      await screen.findByText(leadTimeComparison.summary),
    ).toBeInTheDocument();
    expect(getMetricComparison).toHaveBeenCalledTimes(2);
  });
});
