import { act, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useNavigate } from 'react-router-dom';
import { renderInTestApp } from '@backstage/frontend-test-utils';
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
import { readReceipt, saveReceipt } from '../anonymousReceipts';
import {
  PROMPT_CLOSE_AFTER_MS,
  PROMPT_DEBOUNCE_MS,
  PROMPT_MIN_INTERVAL_MS,
  SurveyPrompt,
} from './SurveyPrompt';

function Navigation() {
  const navigate = useNavigate();
  return (
    <nav>
      {['/catalog', '/docs', '/flywheel/surveys/dx-nps/respond'].map(path => (
        <button key={path} type="button" onClick={() => navigate(path)}>
          {`Go to ${path}`}
        </button>
      ))}
    </nav>
  );
}

async function wait(ms: number) {
  await act(async () => {
    jest.advanceTimersByTime(ms);
  });
}

function renderPrompt(
  flywheelApi = mockRespondApi(),
  options: { navigation?: boolean; path?: string } = {},
) {
  const rendered = renderInTestApp(
    <>
      {options.navigation && <Navigation />}
      <SurveyPrompt />
    </>,
    {
      apis: [[flywheelApiRef, flywheelApi]],
      initialRouteEntries: [options.path ?? '/catalog'],
    },
  );
  return { flywheelApi, ...rendered };
}

const TOKEN = 'k3P0x9Qm7ZrT2vWb8yLc4dNf6hJs1aEg5uIo0pRq_-A';
/** The anonymous survey, with a wave that is open whenever the tests run. */
const openAnonymous = {
  ...anonymousPrompt,
  closesAt: new Date(Date.now() + 7 * 24 * 60 * 60 * 1000).toISOString(),
};

async function findPrompt(name = 'Developer experience') {
  await wait(PROMPT_DEBOUNCE_MS);
  return screen.findByRole('dialog', { name });
}

describe('SurveyPrompt', () => {
  let user: ReturnType<typeof userEvent.setup>;

  beforeEach(() => {
    jest.useFakeTimers();
    user = userEvent.setup({ advanceTimers: jest.advanceTimersByTime });
    window.sessionStorage.clear();
    window.localStorage.clear();
  });

  afterEach(() => {
    jest.useRealTimers();
  });

  it('shows the first survey compactly, without taking the focus', async () => {
    const { flywheelApi } = renderPrompt();
    expect(flywheelApi.getSurveyPrompts).not.toHaveBeenCalled();

    const dialog = await findPrompt();

    expect(flywheelApi.getSurveyPrompts).toHaveBeenCalledWith({
      path: '/catalog',
    });
    expect(dialog).toHaveAttribute('aria-modal', 'false');
    expect(dialog).not.toContainElement(
      document.activeElement as HTMLElement | null,
    );
    expect(
      within(dialog).getByRole('radiogroup', { name: /recommend Backstage/ }),
    ).toBeInTheDocument();
    // Only the first question until it is answered.
    expect(within(dialog).queryByRole('button', { name: 'Submit' })).toBeNull();
    expect(
      within(dialog).queryByRole('textbox', { name: 'Anything else?' }),
    ).toBeNull();
    expect(
      within(dialog).getByRole('button', { name: 'Not now' }),
    ).toBeInTheDocument();
  });

  it('snoozes on "Not now"', async () => {
    const { flywheelApi } = renderPrompt();
    const dialog = await findPrompt();

    await user.click(within(dialog).getByRole('button', { name: 'Not now' }));

    expect(screen.queryByRole('dialog')).toBeNull();
    expect(flywheelApi.actOnSurveyPrompt).toHaveBeenCalledWith('dx-nps', {
      waveId: 'wave-3',
      action: 'snooze',
    });
  });

  it('snoozes on Escape', async () => {
    const { flywheelApi } = renderPrompt();
    const dialog = await findPrompt();

    await user.tab();
    expect(dialog).toContainElement(
      document.activeElement as HTMLElement | null,
    );
    await user.keyboard('{Escape}');

    expect(screen.queryByRole('dialog')).toBeNull();
    expect(flywheelApi.actOnSurveyPrompt).toHaveBeenCalledWith('dx-nps', {
      waveId: 'wave-3',
      action: 'snooze',
    });
  });

  it('stops asking when told so', async () => {
    const { flywheelApi } = renderPrompt();
    const dialog = await findPrompt();

    await user.click(
      within(dialog).getByRole('button', {
        name: "Don't ask me again for this survey",
      }),
    );

    expect(screen.queryByRole('dialog')).toBeNull();
    expect(flywheelApi.actOnSurveyPrompt).toHaveBeenCalledWith('dx-nps', {
      waveId: 'wave-3',
      action: 'dismiss',
    });
  });

  it('expands after the first answer, submits, thanks and closes', async () => {
    const { flywheelApi } = renderPrompt();
    const dialog = await findPrompt();

    await user.click(within(dialog).getByRole('radio', { name: '9' }));
    await user.type(
      within(dialog).getByRole('textbox', { name: 'Why?' }),
      '<b>x</b>',
    );
    await user.click(within(dialog).getByRole('button', { name: 'Submit' }));

    expect(flywheelApi.submitSurveyResponse).toHaveBeenCalledWith('dx-nps', {
      waveId: 'wave-3',
      answers: [{ questionId: 'recommend', value: 9, comment: '<b>x</b>' }],
    });
    expect(
      await within(dialog).findByText('Thanks — your answer was saved'),
    ).toBeInTheDocument();
    expect(within(dialog).queryByText(/anonymous/)).toBeNull();
    expect(flywheelApi.actOnSurveyPrompt).not.toHaveBeenCalled();

    await wait(PROMPT_CLOSE_AFTER_MS);
    expect(screen.queryByRole('dialog')).toBeNull();
  });

  it('keeps the focus of a keyboard user through the thanks and gives it back on closing', async () => {
    renderPrompt(mockRespondApi(), { navigation: true });
    const dialog = await findPrompt();
    const before = screen.getByRole('button', {
      name: 'Go to /flywheel/surveys/dx-nps/respond',
    });
    before.focus();

    await user.tab();
    expect(within(dialog).getByRole('radio', { name: /^0/ })).toHaveFocus();
    await user.keyboard('{ArrowRight}{Enter}');
    await user.click(within(dialog).getByRole('button', { name: 'Submit' }));
    await within(dialog).findByText('Thanks — your answer was saved');
    // The Submit button went with the form: the focus is on Close.
    expect(within(dialog).getByRole('button', { name: 'Close' })).toHaveFocus();

    await wait(PROMPT_CLOSE_AFTER_MS);
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(before).toHaveFocus();
  });

  it('says when an anonymous answer was updated', async () => {
    renderPrompt(
      mockRespondApi({
        getSurveyPrompts: jest
          .fn()
          .mockResolvedValue({ items: [anonymousPrompt, npsPrompt] }),
        submitSurveyResponse: jest.fn().mockResolvedValue(updatedResult),
      }),
    );
    const dialog = await findPrompt('Anonymous developer experience');

    await user.click(
      within(dialog).getByRole('radio', { name: '10 – Extremely likely' }),
    );
    await user.click(within(dialog).getByRole('button', { name: 'Submit' }));

    expect(
      await within(dialog).findByText('Thanks — your answer was updated'),
    ).toBeInTheDocument();
    expect(
      within(dialog).getByText(/^Your answers are anonymous/),
    ).toBeInTheDocument();
  });

  it('keeps the receipt of an anonymous answer and says until when it can be changed', async () => {
    const flywheelApi = mockRespondApi({
      getSurveyPrompts: jest.fn().mockResolvedValue({ items: [openAnonymous] }),
      submitSurveyResponse: jest.fn().mockResolvedValue({
        ...createdResult,
        surveyId: openAnonymous.surveyId,
        waveId: openAnonymous.waveId,
        editToken: TOKEN,
      }),
    });
    renderPrompt(flywheelApi);
    const dialog = await findPrompt('Anonymous developer experience');

    await user.click(within(dialog).getByRole('radio', { name: '7' }));
    expect(
      within(dialog).getByText(
        'Your answers are anonymous. You can change them later only from this browser.',
      ),
    ).toBeInTheDocument();
    await user.click(within(dialog).getByRole('button', { name: 'Submit' }));

    expect(
      await within(dialog).findByText('Thanks — your answer was saved'),
    ).toBeInTheDocument();
    expect(
      within(dialog).getByText(
        `Your answers are anonymous: they are stored without your name. This browser keeps a receipt, so you can change them from this browser until ${formatDateTime(
          openAnonymous.closesAt,
        )}.`,
      ),
    ).toBeInTheDocument();
    expect(readReceipt('wave-1')).toMatchObject({
      editToken: TOKEN,
      answers: [{ questionId: 'recommend', value: 7 }],
    });
  });

  it('starts an anonymous survey answered from this browser from its receipt', async () => {
    saveReceipt('wave-1', {
      editToken: TOKEN,
      answers: [{ questionId: 'recommend', value: 6, comment: 'Flaky CI' }],
      answeredAt: '2026-11-19T08:00:00.000Z',
      closesAt: openAnonymous.closesAt,
    });
    const flywheelApi = mockRespondApi({
      getSurveyPrompts: jest.fn().mockResolvedValue({ items: [openAnonymous] }),
      submitSurveyResponse: jest.fn().mockResolvedValue({
        ...updatedResult,
        surveyId: openAnonymous.surveyId,
        waveId: openAnonymous.waveId,
        editToken: TOKEN,
      }),
    });
    renderPrompt(flywheelApi);
    const dialog = await findPrompt('Anonymous developer experience');

    expect(
      within(dialog).getByText(
        `You answered on ${formatDateTime(
          '2026-11-19T08:00:00.000Z',
        )}. Your answers are anonymous; this browser keeps a receipt so you can change them until ${formatDateTime(
          openAnonymous.closesAt,
        )}.`,
      ),
    ).toBeInTheDocument();
    expect(within(dialog).getByRole('radio', { name: '6' })).toHaveAttribute(
      'aria-checked',
      'true',
    );
    expect(within(dialog).getByRole('textbox', { name: 'Why?' })).toHaveValue(
      'Flaky CI',
    );

    await user.click(
      within(dialog).getByRole('button', { name: 'Update answer' }),
    );

    expect(flywheelApi.submitSurveyResponse).toHaveBeenCalledWith(
      'dx-anonymous',
      {
        waveId: 'wave-1',
        answers: [{ questionId: 'recommend', value: 6, comment: 'Flaky CI' }],
        editToken: TOKEN,
      },
    );
    expect(
      await within(dialog).findByText('Thanks — your answer was updated'),
    ).toBeInTheDocument();
  });

  it('says when an identified respondent answered', async () => {
    renderPrompt(
      mockRespondApi({
        getSurveyPrompts: jest.fn().mockResolvedValue({
          items: [
            {
              ...npsPrompt,
              previousAnswers: [{ questionId: 'recommend', value: 5 }],
              answeredAt: '2026-11-18',
            },
          ],
        }),
      }),
    );
    const dialog = await findPrompt();

    expect(
      within(dialog).getByText(
        `You answered on Nov 18, 2026 — you can change your answer until ${formatDateTime(
          npsPrompt.closesAt,
        )}.`,
      ),
    ).toBeInTheDocument();
    expect(
      within(dialog).getByRole('button', { name: 'Update answer' }),
    ).toBeInTheDocument();
  });

  it('keeps the answers and offers a retry when the answer was refused', async () => {
    const closed = await responseError(
      409,
      'ConflictError',
      'This wave closed on Dec 1, 2026',
    );
    const flywheelApi = mockRespondApi({
      submitSurveyResponse: jest
        .fn()
        .mockRejectedValueOnce(closed)
        .mockResolvedValueOnce(updatedResult),
    });
    renderPrompt(flywheelApi);
    const dialog = await findPrompt();

    await user.click(within(dialog).getByRole('radio', { name: '4' }));
    await user.type(
      within(dialog).getByRole('textbox', { name: 'Anything else?' }),
      'More templates',
    );
    await user.click(within(dialog).getByRole('button', { name: 'Submit' }));

    const alert = await within(dialog).findByRole('alert');
    expect(alert).toHaveTextContent('Your answers were not sent');
    expect(alert).toHaveTextContent('This wave closed on Dec 1, 2026');
    expect(
      within(dialog).getByRole('textbox', { name: 'Anything else?' }),
    ).toHaveValue('More templates');

    await user.click(within(alert).getByRole('button', { name: 'Retry' }));

    expect(
      await within(dialog).findByText('Thanks — your answer was updated'),
    ).toBeInTheDocument();
    expect(flywheelApi.submitSurveyResponse).toHaveBeenCalledTimes(2);
  });

  it('renders nothing when the prompts cannot be loaded', async () => {
    const flywheelApi = mockRespondApi({
      getSurveyPrompts: jest
        .fn()
        .mockRejectedValue(new TypeError('Failed to fetch')),
    });
    renderPrompt(flywheelApi);

    await wait(PROMPT_DEBOUNCE_MS);

    expect(flywheelApi.getSurveyPrompts).toHaveBeenCalledTimes(1);
    expect(screen.queryByRole('dialog')).toBeNull();
  });

  it('asks again when the page changes, at most once a minute per page', async () => {
    const flywheelApi = mockRespondApi({
      getSurveyPrompts: jest.fn().mockResolvedValue({ items: [] }),
    });
    renderPrompt(flywheelApi, { navigation: true });
    await wait(PROMPT_DEBOUNCE_MS);
    expect(flywheelApi.getSurveyPrompts).toHaveBeenCalledTimes(1);

    // Quick navigation is debounced: only where the user stays counts.
    await user.click(screen.getByRole('button', { name: 'Go to /docs' }));
    await user.click(screen.getByRole('button', { name: 'Go to /catalog' }));
    await user.click(screen.getByRole('button', { name: 'Go to /docs' }));
    await wait(PROMPT_DEBOUNCE_MS);
    expect(flywheelApi.getSurveyPrompts.mock.calls).toEqual([
      [{ path: '/catalog' }],
      [{ path: '/docs' }],
    ]);

    // Back on a page asked about less than a minute ago.
    await user.click(screen.getByRole('button', { name: 'Go to /catalog' }));
    await wait(PROMPT_DEBOUNCE_MS);
    expect(flywheelApi.getSurveyPrompts).toHaveBeenCalledTimes(2);

    await wait(PROMPT_MIN_INTERVAL_MS);
    await user.click(screen.getByRole('button', { name: 'Go to /docs' }));
    await wait(PROMPT_DEBOUNCE_MS);
    expect(flywheelApi.getSurveyPrompts).toHaveBeenCalledTimes(3);
    expect(flywheelApi.getSurveyPrompts).toHaveBeenLastCalledWith({
      path: '/docs',
    });
  });

  it('does not ask while a prompt is shown', async () => {
    const { flywheelApi } = renderPrompt(mockRespondApi(), {
      navigation: true,
    });
    await findPrompt();

    await user.click(screen.getByRole('button', { name: 'Go to /docs' }));
    await wait(PROMPT_DEBOUNCE_MS);

    expect(flywheelApi.getSurveyPrompts).toHaveBeenCalledTimes(1);
    expect(screen.getByRole('dialog')).toBeInTheDocument();
  });

  it.each([
    '/flywheel/surveys/dx-nps/respond',
    '/flywheel/surveys/dx-nps',
    '/flywheel/surveys/dx-nps/edit/',
  ])(
    "does not prompt for a survey on that survey's own page %s",
    async path => {
      const { flywheelApi } = renderPrompt(mockRespondApi(), { path });

      await wait(PROMPT_DEBOUNCE_MS);

      expect(flywheelApi.getSurveyPrompts).toHaveBeenCalledTimes(1);
      expect(screen.queryByRole('dialog')).toBeNull();
    },
  );

  it("prompts on another survey's pages", async () => {
    renderPrompt(mockRespondApi(), { path: '/flywheel/surveys/dx-csat' });

    expect(await findPrompt()).toBeInTheDocument();
  });
});
