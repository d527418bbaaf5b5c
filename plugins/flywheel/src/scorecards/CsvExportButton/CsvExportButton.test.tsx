import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { renderInTestApp } from '@backstage/frontend-test-utils';
import { flywheelApiRef } from '../../api';
import { mockFlywheelApi, responseError } from '../../__testUtils__/testData';
import { CsvExportButton } from './CsvExportButton';

describe('CsvExportButton', () => {
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

  it('downloads the export fetched with credentials as a file', async () => {
    const flywheelApi = mockFlywheelApi();
    renderInTestApp(
      <CsvExportButton
        scorecardId="golden-path-adoption"
        groupRef="group:default/commerce"
        filename="golden-path-adoption-commerce"
      />,
      { apis: [[flywheelApiRef, flywheelApi]] },
    );

    await userEvent.click(
      await screen.findByRole('button', { name: 'Export CSV' }),
    );

    await waitFor(() => expect(clicked).toHaveLength(1));
    expect(flywheelApi.exportScorecardEntitiesCsv).toHaveBeenCalledWith({
      scorecardId: 'golden-path-adoption',
      groupRef: 'group:default/commerce',
    });
    expect(createObjectURL).toHaveBeenCalledWith(expect.any(Blob));
    expect(clicked[0].download).toBe('golden-path-adoption-commerce.csv');
    expect(clicked[0].getAttribute('href')).toBe('blob:csv');
  });

  it("shows the server's message when the export fails", async () => {
    const error = await responseError(404, 'NotFoundError', "No scorecard 'x'");
    renderInTestApp(<CsvExportButton scorecardId="x" filename="x" />, {
      apis: [
        [
          flywheelApiRef,
          mockFlywheelApi({
            exportScorecardEntitiesCsv: jest.fn().mockRejectedValue(error),
          }),
        ],
      ],
    });

    await userEvent.click(
      await screen.findByRole('button', { name: 'Export CSV' }),
    );

    expect(await screen.findByText("No scorecard 'x'")).toBeInTheDocument();
    expect(clicked).toHaveLength(0);
  });
});
