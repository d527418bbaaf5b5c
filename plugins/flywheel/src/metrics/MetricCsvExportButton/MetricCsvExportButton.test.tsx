import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { renderInTestApp } from '@backstage/frontend-test-utils';
import { flywheelApiRef } from '../../api';
import { mockFlywheelApi, responseError } from '../../__testUtils__/testData';
import { MetricCsvExportButton } from './MetricCsvExportButton';

describe('MetricCsvExportButton', () => {
  const createObjectURL = jest.fn(() => 'blob:csv');
  const revokeObjectURL = jest.fn();
  let clicked: HTMLAnchorElement[] = [];
  const originalClick = HTMLAnchorElement.prototype.click;

  beforeEach(() => {
    clicked = [];
    Object.assign(URL, { createObjectURL, revokeObjectURL });
    HTMLAnchorElement.prototype.click = function click(
      this: HTMLAnchorElement,
    ) {
      clicked.push(this);
    };
  });

  afterEach(() => {
    HTMLAnchorElement.prototype.click = originalClick;
  });

  it('downloads the series of the scope, window and interval as a file', async () => {
    const flywheelApi = mockFlywheelApi();
    renderInTestApp(
      <MetricCsvExportButton
        metricId="valueStream.leadTime.median"
        query={{
          groupRef: 'group:default/commerce',
          window: '1y',
          interval: 'month',
        }}
        filename="valueStream.leadTime.median-commerce-1y-month"
      />,
      { apis: [[flywheelApiRef, flywheelApi]] },
    );

    await userEvent.click(
      await screen.findByRole('button', { name: 'Export CSV' }),
    );

    await waitFor(() => expect(clicked).toHaveLength(1));
    expect(flywheelApi.exportMetricSeriesCsv).toHaveBeenCalledWith(
      'valueStream.leadTime.median',
      { groupRef: 'group:default/commerce', window: '1y', interval: 'month' },
    );
    expect(clicked[0].download).toBe(
      'valueStream.leadTime.median-commerce-1y-month.csv',
    );
  });

  it("shows the server's message when the export fails", async () => {
    const error = await responseError(
      400,
      'InputError',
      'The window holds more than 400 days: choose a shorter window or a longer interval',
    );
    renderInTestApp(
      <MetricCsvExportButton metricId="x" query={{}} filename="x" />,
      {
        apis: [
          [
            flywheelApiRef,
            mockFlywheelApi({
              exportMetricSeriesCsv: jest.fn().mockRejectedValue(error),
            }),
          ],
        ],
      },
    );

    await userEvent.click(
      await screen.findByRole('button', { name: 'Export CSV' }),
    );

    expect(
      await screen.findByText(/choose a shorter window or a longer interval/),
    ).toBeInTheDocument();
    expect(clicked).toHaveLength(0);
  });
});
