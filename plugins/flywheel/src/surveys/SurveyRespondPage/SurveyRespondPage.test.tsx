import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { renderInTestApp } from '@backstage/frontend-test-utils';
import { flywheelApiRef } from '../../api';
import { responseError } from '../../__testUtils__/testData';
import { formatDateTime } from '../../shared/format';
import {
  anonymousPrompt,
  mockRespondApi,
  npsPrompt,
  updatedResult,
} from '../__testUtils__/respondData';
import { SurveyRespondPage } from './SurveyRespondPage';

function renderPage(flywheelApi = mockRespondApi(), query = '') {
  renderInTestApp(<SurveyRespondPage />, {
    apis: [[flywheelApiRef, flywheelApi]],
    mountPath: '/flywheel/surveys/:surveyId/respond',
    initialRouteEntries: [`/flywheel/surveys/dx-nps/respond${query}`],
  });
  return flywheelApi;
}

describe('SurveyRespondPage', () => {
  beforeEach(() => window.sessionStorage.clear());

  it('says so when there is no open wave for the user', async () => {
    const flywheelApi = renderPage(
      mockRespondApi({
        getSurveyForm: jest
          .fn()
          .mockRejectedValue(
            await responseError(404, 'NotFoundError', 'No open wave'),
          ),
      }),
    );

    expect(
      await screen.findByText(
        'There is no open wave of this survey for you right now',
      ),
    ).toBeInTheDocument();
    expect(flywheelApi.getSurveyForm).toHaveBeenCalledWith('dx-nps');
  });

  it('shows other errors with the server message', async () => {
    renderPage(
      mockRespondApi({
        getSurveyForm: jest
          .fn()
          .mockRejectedValue(
            await responseError(403, 'NotAllowedError', 'Not in the audience'),
          ),
      }),
    );

    expect(
      await screen.findByText('Could not load the survey'),
    ).toBeInTheDocument();
    expect(screen.getByText('Not in the audience')).toBeInTheDocument();
  });

  it('lets an identified respondent change an earlier answer', async () => {
    const flywheelApi = renderPage(
      mockRespondApi({
        getSurveyForm: jest.fn().mockResolvedValue({
          ...npsPrompt,
          previousAnswers: [
            { questionId: 'recommend', value: 5, comment: '<b>x</b>' },
          ],
        }),
        submitSurveyResponse: jest.fn().mockResolvedValue(updatedResult),
      }),
    );

    expect(
      await screen.findByRole('heading', { name: 'Developer experience' }),
    ).toBeInTheDocument();
    const until = formatDateTime(npsPrompt.closesAt);
    expect(
      screen.getByText(
        `You already answered this survey — you can change your answer until ${until}.`,
      ),
    ).toBeInTheDocument();
    const scores = screen.getByRole('radiogroup', {
      name: /recommend Backstage/,
    });
    expect(within(scores).getByRole('radio', { name: '5' })).toHaveAttribute(
      'aria-checked',
      'true',
    );
    expect(screen.getByRole('textbox', { name: 'Why?' })).toHaveValue(
      '<b>x</b>',
    );

    await userEvent.click(within(scores).getByRole('radio', { name: '8' }));
    await userEvent.click(
      screen.getByRole('button', { name: 'Update answer' }),
    );

    expect(flywheelApi.submitSurveyResponse).toHaveBeenCalledWith('dx-nps', {
      waveId: 'wave-3',
      answers: [{ questionId: 'recommend', value: 8, comment: '<b>x</b>' }],
    });
    expect(
      await screen.findByText('Thanks — your answer was updated'),
    ).toBeInTheDocument();
    expect(
      screen.getByText(
        `You answered on ${formatDateTime(
          updatedResult.submittedAt,
        )} — you can change your answer until ${until}.`,
      ),
    ).toBeInTheDocument();
    // Still there, to change again.
    expect(
      screen.getByRole('button', { name: 'Update answer' }),
    ).toBeInTheDocument();
  });

  it('says anonymous answers cannot be changed, and takes the form away once sent', async () => {
    const flywheelApi = renderPage(
      mockRespondApi({
        getSurveyForm: jest.fn().mockResolvedValue(anonymousPrompt),
      }),
    );

    expect(
      await screen.findByText('This survey is anonymous'),
    ).toBeInTheDocument();
    expect(
      screen.getByText(/cannot be changed after you submit them/),
    ).toBeInTheDocument();

    await userEvent.click(
      screen.getByRole('radio', { name: '0 – Not at all likely' }),
    );
    await userEvent.click(screen.getByRole('button', { name: 'Submit' }));

    expect(
      await screen.findByText('Thanks — your answer was saved'),
    ).toBeInTheDocument();
    expect(flywheelApi.submitSurveyResponse).toHaveBeenCalledWith(
      'dx-anonymous',
      { waveId: 'wave-1', answers: [{ questionId: 'recommend', value: 0 }] },
    );
    expect(screen.queryByRole('radiogroup')).toBeNull();
  });

  it('keeps what was typed across a remount until it is sent', async () => {
    const flywheelApi = mockRespondApi();
    const { unmount } = renderInTestApp(<SurveyRespondPage />, {
      apis: [[flywheelApiRef, flywheelApi]],
      mountPath: '/flywheel/surveys/:surveyId/respond',
      initialRouteEntries: ['/flywheel/surveys/dx-nps/respond'],
    });
    await userEvent.click(
      await screen.findByRole('radio', { name: '10 – Extremely likely' }),
    );
    await userEvent.type(
      screen.getByRole('textbox', { name: 'Anything else?' }),
      'Half-written thought',
    );
    unmount();

    renderPage(flywheelApi);

    expect(
      await screen.findByRole('radio', { name: '10 – Extremely likely' }),
    ).toHaveAttribute('aria-checked', 'true');
    expect(screen.getByRole('textbox', { name: 'Anything else?' })).toHaveValue(
      'Half-written thought',
    );
    await userEvent.click(screen.getByRole('button', { name: 'Submit' }));
    expect(
      await screen.findByText('Thanks — your answer was saved'),
    ).toBeInTheDocument();
    expect(window.sessionStorage.length).toBe(0);
  });

  it('previews a survey without storing anything', async () => {
    const flywheelApi = renderPage(mockRespondApi(), '?preview=1');

    expect(
      await screen.findByText('Preview — answers are not stored'),
    ).toBeInTheDocument();
    expect(flywheelApi.previewSurvey).toHaveBeenCalledWith('dx-nps');
    expect(flywheelApi.getSurveyForm).not.toHaveBeenCalled();

    await userEvent.click(screen.getByRole('radio', { name: '7' }));
    await userEvent.type(
      screen.getByRole('textbox', { name: 'Anything else?' }),
      '<b>x</b>',
    );
    await userEvent.click(screen.getByRole('button', { name: 'Submit' }));

    const sent = await screen.findByRole('region', {
      name: 'What would be sent',
    });
    expect(sent).toHaveTextContent(
      'POST /api/flywheel/surveys/dx-nps/responses',
    );
    const body = sent.querySelector('pre')!.textContent!.split('\n');
    expect(JSON.parse(body.slice(1).join('\n'))).toEqual({
      waveId: 'preview',
      answers: [
        { questionId: 'recommend', value: 7 },
        { questionId: 'improve', value: '<b>x</b>' },
      ],
    });
    expect(sent.querySelector('b')).toBeNull();
    expect(flywheelApi.submitSurveyResponse).not.toHaveBeenCalled();
    expect(window.sessionStorage.length).toBe(0);
  });
});
