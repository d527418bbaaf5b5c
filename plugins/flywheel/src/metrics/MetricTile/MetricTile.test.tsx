import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { renderInTestApp } from '@backstage/frontend-test-utils';
import { MetricDefinition } from '@flywheel/plugin-flywheel-common';
import { flywheelApiRef } from '../../api';
import {
  emptyMetricSeries,
  leadTimeMetric,
  mockFlywheelApi,
  responseError,
} from '../../__testUtils__/testData';
import { expectNoAxeViolations } from '../../__testUtils__/axe';
import { MetricTile } from './MetricTile';

function renderTile(
  props: Partial<{
    metric: MetricDefinition;
    selected: boolean;
    unavailable: string;
    onSelect: () => void;
  }> = {},
  flywheelApi = mockFlywheelApi(),
) {
  const onSelect = props.onSelect ?? jest.fn();
  const rendered = renderInTestApp(
    <>
      <MetricTile
        metric={props.metric ?? leadTimeMetric}
        query={{
          groupRef: 'group:default/commerce',
          window: '90d',
          interval: 'week',
        }}
        selected={props.selected ?? false}
        unavailable={props.unavailable}
        onSelect={onSelect}
        controls="detail"
      />
      <div id="detail" />
    </>,
    { apis: [[flywheelApiRef, flywheelApi]] },
  );
  return { flywheelApi, onSelect, rendered };
}

describe('MetricTile', () => {
  it("shows the window's value and its samples, and loads the scope's series", async () => {
    const { flywheelApi, rendered } = renderTile({ selected: true });

    const tile = await screen.findByRole('button', {
      name: /Lead time for changes \(median\)/,
    });
    expect(await screen.findByText('2.5 h')).toBeInTheDocument();
    expect(tile).toHaveTextContent('40 samples');
    expect(tile).toHaveAttribute('aria-pressed', 'true');
    expect(tile).toHaveAttribute('aria-controls', 'detail');
    expect(flywheelApi.getMetricSeries).toHaveBeenCalledWith(
      'valueStream.leadTime.median',
      { groupRef: 'group:default/commerce', window: '90d', interval: 'week' },
    );
    await expectNoAxeViolations(rendered.container);
  });

  it('selects the metric by click, Enter or Space', async () => {
    const { onSelect } = renderTile();

    const tile = await screen.findByRole('button', {
      name: /Lead time for changes/,
    });
    expect(tile).toHaveAttribute('aria-pressed', 'false');
    await userEvent.tab();
    expect(tile).toHaveFocus();
    await userEvent.keyboard('{Enter}');
    await userEvent.keyboard(' ');
    expect(onSelect).toHaveBeenCalledTimes(2);
    await userEvent.click(tile);
    expect(onSelect).toHaveBeenCalledTimes(3);
  });

  it('says "no data", never 0, for a window without samples', async () => {
    renderTile(
      {},
      mockFlywheelApi({
        getMetricSeries: jest
          .fn()
          .mockResolvedValue(emptyMetricSeries(leadTimeMetric)),
      }),
    );

    const tile = await screen.findByRole('button', {
      name: /Lead time for changes/,
    });
    expect(await screen.findByText('no data')).toBeInTheDocument();
    expect(tile).toHaveTextContent('0 samples');
  });

  it('says when its series could not be loaded', async () => {
    const error = await responseError(500, 'Error', 'Database unavailable');
    renderTile(
      {},
      mockFlywheelApi({
        getMetricSeries: jest.fn().mockRejectedValue(error),
      }),
    );

    expect(await screen.findByText('Could not load')).toBeInTheDocument();
  });

  it('says when the series is not available to the reader', async () => {
    const error = await responseError(
      403,
      'NotAllowedError',
      'Not allowed: flywheel.scorecards.read',
    );
    renderTile(
      {},
      mockFlywheelApi({
        getMetricSeries: jest.fn().mockRejectedValue(error),
      }),
    );

    expect(await screen.findByText('Not available to you')).toBeInTheDocument();
  });

  it('is disabled, with why, for a scope the metric is not published for', async () => {
    const { flywheelApi, onSelect } = renderTile({
      unavailable: 'Not published for a team',
    });

    const tile = await screen.findByRole('button', {
      name: /Lead time for changes/,
    });
    expect(tile).toBeDisabled();
    expect(tile).toHaveTextContent('Not published for a team');
    await userEvent.click(tile);
    expect(onSelect).not.toHaveBeenCalled();
    expect(flywheelApi.getMetricSeries).not.toHaveBeenCalled();
  });
});
