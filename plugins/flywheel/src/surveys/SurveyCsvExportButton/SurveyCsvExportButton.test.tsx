import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { renderInTestApp } from '@backstage/frontend-test-utils';
import { flywheelApiRef } from '../../api';
import { responseError } from '../../__testUtils__/testData';
import { mockSurveyApi } from '../__testUtils__/surveyAdminData';
import { SurveyCsvExportButton } from './SurveyCsvExportButton';

describe('SurveyCsvExportButton', () => {
  const originalClick = HTMLAnchorElement.prototype.click;
  let clicked: HTMLAnchorElement[] = [];

  beforeEach(() => {
    clicked = [];
    Object.assign(URL, {
      createObjectURL: jest.fn(() => 'blob:csv'),
      revokeObjectURL: jest.fn(),
    });
    HTMLAnchorElement.prototype.click = function click(
      this: HTMLAnchorElement,
    ) {
      clicked.push(this);
    };
  });

  afterEach(() => {
    HTMLAnchorElement.prototype.click = originalClick;
  });

  it('downloads the results of the wave and team as a file', async () => {
    const flywheelApi = mockSurveyApi();
    renderInTestApp(
      <SurveyCsvExportButton
        surveyId="platform-nps"
        query={{ waveId: 'w2', groupRef: 'group:default/commerce' }}
        filename="platform-nps-wave-2-commerce"
      />,
      { apis: [[flywheelApiRef, flywheelApi]] },
    );

    await userEvent.click(screen.getByRole('button', { name: 'Export CSV' }));

    await waitFor(() => expect(clicked).toHaveLength(1));
    expect(flywheelApi.exportSurveyResultsCsv).toHaveBeenCalledWith(
      'platform-nps',
      { waveId: 'w2', groupRef: 'group:default/commerce' },
    );
    expect(clicked[0].download).toBe('platform-nps-wave-2-commerce.csv');
  });

  it("shows the server's message when the export fails", async () => {
    renderInTestApp(
      <SurveyCsvExportButton surveyId="x" query={{}} filename="x" />,
      {
        apis: [
          [
            flywheelApiRef,
            mockSurveyApi({
              exportSurveyResultsCsv: jest
                .fn()
                .mockRejectedValue(
                  await responseError(404, 'NotFoundError', "No survey 'x'"),
                ),
            }),
          ],
        ],
      },
    );

    await userEvent.click(screen.getByRole('button', { name: 'Export CSV' }));

    expect(await screen.findByText("No survey 'x'")).toBeInTheDocument();
    expect(clicked).toHaveLength(0);
  });
});
