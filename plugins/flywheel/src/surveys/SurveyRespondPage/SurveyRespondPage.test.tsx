import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { renderInTestApp } from '@backstage/frontend-test-utils';
import { Route, Routes } from 'react-router-dom';
import { flywheelApiRef } from '../../api';
import { responseError } from '../../__testUtils__/testData';
import { formatDateTime } from '../../shared/format';
import {
  anonymousPrompt,
  createdResult,
  mockRespondApi,
  npsPrompt,
  updatedResult,
} from '../__testUtils__/respondData';
import { readReceipt, receiptKey, saveReceipt } from '../anonymousReceipts';
import { SurveyRespondPage } from './SurveyRespondPage';

const DAY = 24 * 60 * 60 * 1000;
const TOKEN = 'k3P0x9Qm7ZrT2vWb8yLc4dNf6hJs1aEg5uIo0pRq_-A';
/** The anonymous survey, with a wave that is open whenever the tests run. */
const openAnonymous = {
  ...anonymousPrompt,
  closesAt: new Date(Date.now() + 7 * DAY).toISOString(),
};
const anonymousCreated = {
  ...createdResult,
  surveyId: openAnonymous.surveyId,
  waveId: openAnonymous.waveId,
  editToken: TOKEN,
};

// The page reads :surveyId from React Router, as the plugin's own routes give it.
const respondPage = (
  <Routes>
    <Route
      path="/flywheel/surveys/:surveyId/respond"
      element={<SurveyRespondPage />}
    />
  </Routes>
);

function renderPage(flywheelApi = mockRespondApi(), query = '') {
  renderInTestApp(respondPage, {
    apis: [[flywheelApiRef, flywheelApi]],
    initialRouteEntries: [`/flywheel/surveys/dx-nps/respond${query}`],
  });
  return flywheelApi;
}

describe('SurveyRespondPage', () => {
  beforeEach(() => {
    window.sessionStorage.clear();
    window.localStorage.clear();
  });
  afterEach(() => jest.restoreAllMocks());

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

  it('says when an identified respondent answered', async () => {
    renderPage(
      mockRespondApi({
        getSurveyForm: jest.fn().mockResolvedValue({
          ...npsPrompt,
          previousAnswers: [{ questionId: 'recommend', value: 5 }],
          answeredAt: '2026-11-18',
        }),
      }),
    );

    expect(
      await screen.findByText(
        `You answered on Nov 18, 2026 — you can change your answer until ${formatDateTime(
          npsPrompt.closesAt,
        )}.`,
      ),
    ).toBeInTheDocument();
    expect(screen.queryByText(/You already answered/)).toBeNull();
    expect(
      screen.getByRole('button', { name: 'Update answer' }),
    ).toBeInTheDocument();
  });

  it('keeps a receipt of an anonymous answer, so it can be changed from this browser', async () => {
    const flywheelApi = renderPage(
      mockRespondApi({
        getSurveyForm: jest.fn().mockResolvedValue(openAnonymous),
        submitSurveyResponse: jest.fn().mockResolvedValue(anonymousCreated),
      }),
    );
    const until = formatDateTime(openAnonymous.closesAt);

    expect(
      await screen.findByText('This survey is anonymous'),
    ).toBeInTheDocument();
    expect(
      screen.getByText(
        `Your answers are stored without your name, so they can be changed later only from this browser, until ${until}.`,
      ),
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
    expect(readReceipt('wave-1')).toMatchObject({
      editToken: TOKEN,
      answers: [{ questionId: 'recommend', value: 0 }],
    });
    expect(
      screen.getByText(
        `You answered on ${formatDateTime(
          anonymousCreated.submittedAt,
        )}. Your answers are anonymous; this browser keeps a receipt so you can change them until ${until}.`,
      ),
    ).toBeInTheDocument();
    expect(
      screen.getByRole('button', { name: 'Update answer' }),
    ).toBeInTheDocument();
  });

  it('fills the form in from the receipt and sends it with the change', async () => {
    saveReceipt('wave-1', {
      editToken: TOKEN,
      answers: [{ questionId: 'recommend', value: 6, comment: 'Flaky CI' }],
      answeredAt: '2026-11-19T08:00:00.000Z',
      closesAt: openAnonymous.closesAt,
    });
    const flywheelApi = renderPage(
      mockRespondApi({
        getSurveyForm: jest.fn().mockResolvedValue(openAnonymous),
        submitSurveyResponse: jest.fn().mockResolvedValue({
          ...anonymousCreated,
          status: 'updated',
        }),
      }),
    );

    expect(
      await screen.findByText(
        `You answered on ${formatDateTime(
          '2026-11-19T08:00:00.000Z',
        )}. Your answers are anonymous; this browser keeps a receipt so you can change them until ${formatDateTime(
          openAnonymous.closesAt,
        )}.`,
      ),
    ).toBeInTheDocument();
    const scores = screen.getByRole('radiogroup', {
      name: /recommend Backstage/,
    });
    expect(within(scores).getByRole('radio', { name: '6' })).toHaveAttribute(
      'aria-checked',
      'true',
    );
    expect(screen.getByRole('textbox', { name: 'Why?' })).toHaveValue(
      'Flaky CI',
    );

    await userEvent.click(within(scores).getByRole('radio', { name: '9' }));
    await userEvent.click(
      screen.getByRole('button', { name: 'Update answer' }),
    );

    expect(
      await screen.findByText('Thanks — your answer was updated'),
    ).toBeInTheDocument();
    expect(flywheelApi.submitSurveyResponse).toHaveBeenCalledWith(
      'dx-anonymous',
      {
        waveId: 'wave-1',
        answers: [{ questionId: 'recommend', value: 9, comment: 'Flaky CI' }],
        editToken: TOKEN,
      },
    );
    expect(readReceipt('wave-1')?.answers).toEqual([
      { questionId: 'recommend', value: 9, comment: 'Flaky CI' },
    ]);
  });

  it('forgets receipts of waves that have closed', async () => {
    window.localStorage.setItem(
      receiptKey('wave-1'),
      JSON.stringify({
        editToken: TOKEN,
        answers: [{ questionId: 'recommend', value: 6 }],
        answeredAt: '2026-10-19T08:00:00.000Z',
        closesAt: new Date(Date.now() - DAY).toISOString(),
      }),
    );
    renderPage(
      mockRespondApi({
        getSurveyForm: jest.fn().mockResolvedValue(openAnonymous),
      }),
    );

    expect(
      await screen.findByText(/can be changed later only from this browser/),
    ).toBeInTheDocument();
    expect(screen.getByRole('radio', { name: '6' })).toHaveAttribute(
      'aria-checked',
      'false',
    );
    expect(screen.getByRole('button', { name: 'Submit' })).toBeInTheDocument();
    expect(window.localStorage.getItem(receiptKey('wave-1'))).toBeNull();
  });

  it('submits anonymously when the browser cannot store anything', async () => {
    // Storage fails for our entries (Backstage's own must still work, or
    // the app would not start).
    const fail = <A extends unknown[], R>(real: (...args: A) => R) =>
      function failing(this: Storage, ...args: A): R {
        if (String(args[0]).startsWith('flywheel.surveys.')) {
          throw new DOMException(
            'The quota has been exceeded.',
            'QuotaExceededError',
          );
        }
        return real.apply(this, args);
      };
    const { setItem, getItem } = Storage.prototype;
    jest.spyOn(Storage.prototype, 'setItem').mockImplementation(fail(setItem));
    jest.spyOn(Storage.prototype, 'getItem').mockImplementation(fail(getItem));
    const flywheelApi = renderPage(
      mockRespondApi({
        getSurveyForm: jest.fn().mockResolvedValue(openAnonymous),
        submitSurveyResponse: jest.fn().mockResolvedValue(anonymousCreated),
      }),
    );

    expect(
      await screen.findByText(/cannot be changed once you leave this page/),
    ).toBeInTheDocument();
    await userEvent.click(screen.getByRole('radio', { name: '3' }));
    await userEvent.click(screen.getByRole('button', { name: 'Submit' }));

    expect(
      await screen.findByText('Thanks — your answer was saved'),
    ).toBeInTheDocument();
    expect(flywheelApi.submitSurveyResponse).toHaveBeenCalledTimes(1);
    expect(
      screen.getByText(/you can change them only until you leave this page/),
    ).toBeInTheDocument();
  });

  it('says an anonymous answer whose reply was lost is recorded, and takes the form away', async () => {
    const flywheelApi = renderPage(
      mockRespondApi({
        getSurveyForm: jest.fn().mockResolvedValue(openAnonymous),
        submitSurveyResponse: jest
          .fn()
          .mockRejectedValueOnce(
            await responseError(504, 'GatewayTimeoutError', 'Gateway timeout'),
          )
          .mockRejectedValueOnce(
            await responseError(
              409,
              'ConflictError',
              'You have already answered this wave. Anonymous answers can be changed only from the browser they were given in.',
            ),
          ),
      }),
    );

    await userEvent.click(
      await screen.findByRole('radio', { name: '10 – Extremely likely' }),
    );
    await userEvent.click(screen.getByRole('button', { name: 'Submit' }));

    // After the first retry's wait of a second.
    expect(
      await screen.findByText(
        'Your answer was already recorded',
        {},
        { timeout: 5000 },
      ),
    ).toBeInTheDocument();
    expect(
      screen.getByText(/it can no longer be changed from here/),
    ).toBeInTheDocument();
    expect(
      screen.getByText(/this browser has no receipt for them/),
    ).toBeInTheDocument();
    expect(screen.queryByRole('alert')).toBeNull();
    expect(screen.queryByRole('radiogroup')).toBeNull();
    expect(flywheelApi.submitSurveyResponse).toHaveBeenCalledTimes(2);
    expect(window.localStorage.getItem(receiptKey('wave-1'))).toBeNull();
  });

  it('keeps what was typed across a remount until it is sent', async () => {
    const flywheelApi = mockRespondApi();
    const { unmount } = renderInTestApp(respondPage, {
      apis: [[flywheelApiRef, flywheelApi]],
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
