import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { surveyTemplate } from '@flywheel/plugin-flywheel-common';
import { Route, Routes } from 'react-router-dom';
import { responseError } from '../../__testUtils__/testData';
import { useSurveyPermissions } from '../surveyHooks';
import { Location } from '../__testUtils__/Location';
import {
  ALL_PERMISSIONS,
  renderSurveyPage,
} from '../__testUtils__/renderSurveyAdmin';
import {
  draftSurvey,
  mockSurveyApi,
  platformNps,
} from '../__testUtils__/surveyAdminData';
import { SurveyEditor } from './SurveyEditor';

jest.mock('../surveyHooks', () => ({
  ...jest.requireActual('../surveyHooks'),
  useSurveyPermissions: jest.fn(),
}));
(useSurveyPermissions as jest.Mock).mockReturnValue(ALL_PERMISSIONS);

function renderEditor(
  route: string,
  flywheelApi: ReturnType<typeof mockSurveyApi> = mockSurveyApi(),
) {
  return renderSurveyPage(
    <>
      <Routes>
        <Route path="/new" element={<SurveyEditor />} />
        <Route path="/:surveyId/edit" element={<SurveyEditor />} />
        <Route path="*" element={<p>Another page</p>} />
      </Routes>
      <Location />
    </>,
    { flywheelApi, initialRoute: route },
  );
}

/** A definition with the time it opens left out (it is "now"). */
function withoutOpensAt(definition: any) {
  const { opensAt, ...schedule } = definition.schedule;
  return { ...definition, schedule };
}

describe('SurveyEditor', () => {
  it('creates a survey from a template with its definition', async () => {
    const { flywheelApi } = renderEditor('/new?template=platform-nps');

    expect(
      await screen.findByText('From the template Platform NPS'),
    ).toBeInTheDocument();
    const title = screen.getByRole('textbox', { name: /^Title/ });
    expect(title).toHaveValue('How likely are you to recommend our platform?');
    await userEvent.clear(title);
    await userEvent.paste('Platform NPS 2026');
    await userEvent.click(
      screen.getByRole('button', { name: 'Create survey' }),
    );

    await waitFor(() => expect(flywheelApi.createSurvey).toHaveBeenCalled());
    const sent = flywheelApi.createSurvey.mock.calls[0][0];
    const template = surveyTemplate('platform-nps', new Date())!;
    expect(withoutOpensAt(sent)).toEqual(
      withoutOpensAt({ ...template.definition, title: 'Platform NPS 2026' }),
    );
    expect(sent.template).toBe('platform-nps');
    expect(Date.parse(sent.schedule.opensAt)).not.toBeNaN();
    // Then the new survey's results open.
    expect(
      await screen.findByRole('status', { name: 'Location' }),
    ).toHaveTextContent(/^\/new-survey$/);
  });

  it('starts a blank survey with one NPS question and checks it before sending', async () => {
    const { flywheelApi } = renderEditor('/new');

    await screen.findByRole('heading', { name: 'New survey' });
    expect(
      screen.getAllByRole('group', { name: /^Question \d$/ }),
    ).toHaveLength(1);
    await userEvent.click(
      screen.getByRole('button', { name: 'Create survey' }),
    );

    expect(
      await screen.findByText('Some fields need attention'),
    ).toBeInTheDocument();
    expect(screen.getByText('Give the survey a title.')).toBeInTheDocument();
    expect(flywheelApi.createSurvey).not.toHaveBeenCalled();
  });

  it("shows the server's refusal next to the form and keeps what was typed", async () => {
    const error = await responseError(
      400,
      'InputError',
      'samplingPercent must be at most 100',
    );
    const { flywheelApi } = renderEditor(
      '/new',
      mockSurveyApi({ createSurvey: jest.fn().mockRejectedValue(error) }),
    );

    const title = await screen.findByRole('textbox', { name: /^Title/ });
    await userEvent.click(title);
    await userEvent.paste('Quarterly NPS');
    await userEvent.click(
      screen.getByRole('textbox', { name: /^Description/ }),
    );
    await userEvent.paste('Tell us how we are doing.');
    await userEvent.click(
      screen.getByRole('button', { name: 'Create survey' }),
    );

    expect(
      await screen.findByText('samplingPercent must be at most 100'),
    ).toBeInTheDocument();
    expect(screen.getByText('The survey was not saved')).toBeInTheDocument();
    expect(flywheelApi.createSurvey).toHaveBeenCalledTimes(1);
    expect(screen.getByRole('textbox', { name: /^Title/ })).toHaveValue(
      'Quarterly NPS',
    );
    expect(screen.getByRole('textbox', { name: /^Description/ })).toHaveValue(
      'Tell us how we are doing.',
    );
    expect(screen.getByRole('status', { name: 'Location' })).toHaveTextContent(
      /^\/new$/,
    );
  });

  it('locks the questions of a survey with responses and still saves the rest', async () => {
    const { flywheelApi } = renderEditor('/platform-nps/edit');

    expect(
      await screen.findByRole('heading', { name: 'Edit Platform NPS' }),
    ).toBeInTheDocument();
    expect(screen.getByText('Questions are locked')).toBeInTheDocument();
    const questions = screen.getByRole('region', { name: 'Questions' });
    for (const field of within(questions).getAllByRole('textbox')) {
      expect(field).toBeDisabled();
    }
    expect(
      within(questions).getByRole('button', { name: 'Add question' }),
    ).toBeDisabled();
    expect(
      within(questions).getByRole('button', { name: 'Remove question 1' }),
    ).toBeDisabled();
    expect(screen.getByRole('switch', { name: 'Anonymous' })).toBeDisabled();
    expect(screen.getByRole('link', { name: 'Preview' })).toHaveAttribute(
      'href',
      '/platform-nps/respond?preview=1',
    );

    const title = screen.getByRole('textbox', { name: /^Title/ });
    await userEvent.clear(title);
    await userEvent.paste('Platform NPS (quarterly)');
    await userEvent.click(screen.getByRole('button', { name: 'Save changes' }));

    await waitFor(() =>
      expect(flywheelApi.updateSurvey).toHaveBeenCalledWith(
        'platform-nps',
        expect.objectContaining({
          title: 'Platform NPS (quarterly)',
          questions: platformNps.questions,
        }),
      ),
    );
  });

  it('shows a conflict from the server when questions changed meanwhile', async () => {
    const error = await responseError(
      409,
      'ConflictError',
      'Wave 1 has responses: the questions can no longer change',
    );
    renderEditor(
      '/dx-pulse/edit',
      mockSurveyApi({ updateSurvey: jest.fn().mockRejectedValue(error) }),
    );

    expect(
      await screen.findByRole('heading', { name: 'Edit DX pulse' }),
    ).toBeInTheDocument();
    const question = screen.getByRole('textbox', { name: /^Question/ });
    expect(question).toBeEnabled();
    await userEvent.type(question, '?');
    await userEvent.click(screen.getByRole('button', { name: 'Save changes' }));

    expect(
      await screen.findByText(
        'Wave 1 has responses: the questions can no longer change',
      ),
    ).toBeInTheDocument();
    expect(screen.getByRole('textbox', { name: /^Question/ })).toHaveValue(
      `${draftSurvey.questions[0].title}?`,
    );
  });

  it('shows a config-defined survey read-only', async () => {
    renderEditor('/golden-path-csat/edit');

    expect(
      await screen.findByText('Defined in app-config'),
    ).toBeInTheDocument();
    expect(screen.getByRole('textbox', { name: /^Title/ })).toBeDisabled();
    expect(screen.queryByRole('button', { name: 'Save changes' })).toBeNull();
  });

  it('explains a missing survey', async () => {
    renderEditor(
      '/gone/edit',
      mockSurveyApi({
        getSurvey: jest
          .fn()
          .mockRejectedValue(
            await responseError(404, 'NotFoundError', "No survey 'gone'"),
          ),
      }),
    );

    expect(
      await screen.findByText(/Could not load the survey: No survey 'gone'/),
    ).toBeInTheDocument();
  });
});
