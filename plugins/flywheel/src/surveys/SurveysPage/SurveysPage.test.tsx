import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useSurveyPermissions } from '../surveyHooks';
import {
  ALL_PERMISSIONS,
  renderSurveyPage,
} from '../__testUtils__/renderSurveyAdmin';
import { SurveysPage } from './SurveysPage';

jest.mock('../surveyHooks', () => ({
  ...jest.requireActual('../surveyHooks'),
  useSurveyPermissions: jest.fn(),
}));
(useSurveyPermissions as jest.Mock).mockReturnValue(ALL_PERMISSIONS);

// The respond page is tested on its own; here only that it is routed to.
jest.mock('../SurveyRespondPage', () => {
  const { useParams, useSearchParams } = jest.requireActual('react-router-dom');
  return {
    SurveyRespondPage: () => {
      const { surveyId } = useParams();
      const [searchParams] = useSearchParams();
      return (
        <p>
          Respond to {surveyId}
          {searchParams.get('preview') === '1' ? ' (preview)' : ''}
        </p>
      );
    },
  };
});

function renderPage(route: string) {
  return renderSurveyPage(<SurveysPage />, {
    mountPath: '/flywheel/surveys/*',
    initialRoute: route,
  });
}

describe('SurveysPage', () => {
  it('lists the surveys at its root and opens one’s results', async () => {
    const { flywheelApi } = renderPage('/flywheel/surveys');

    const link = await screen.findByRole('link', { name: 'Platform NPS' });
    expect(link).toHaveAttribute('href', '/flywheel/surveys/platform-nps');
    await userEvent.click(link);

    expect(
      await screen.findByRole('heading', { name: 'Platform NPS' }),
    ).toBeInTheDocument();
    expect(flywheelApi.getSurveyResults).toHaveBeenCalledWith(
      'platform-nps',
      expect.anything(),
    );
    expect(screen.getByRole('link', { name: 'All surveys' })).toHaveAttribute(
      'href',
      '/flywheel/surveys',
    );
    expect(screen.getByRole('link', { name: 'Edit' })).toHaveAttribute(
      'href',
      '/flywheel/surveys/platform-nps/edit',
    );
    expect(screen.getByRole('link', { name: 'Preview' })).toHaveAttribute(
      'href',
      '/flywheel/surveys/platform-nps/respond?preview=1',
    );
  });

  it('opens the editor for a new survey', async () => {
    renderPage('/flywheel/surveys/new?template=dx-pulse');

    expect(
      await screen.findByRole('heading', { name: 'New survey' }),
    ).toBeInTheDocument();
    expect(
      screen.getByText('From the template Developer experience pulse'),
    ).toBeInTheDocument();
  });

  it('opens the editor of a survey', async () => {
    renderPage('/flywheel/surveys/dx-pulse/edit');

    expect(
      await screen.findByRole('heading', { name: 'Edit DX pulse' }),
    ).toBeInTheDocument();
    expect(
      screen.getByRole('link', { name: 'Back to results' }),
    ).toHaveAttribute('href', '/flywheel/surveys/dx-pulse');
  });

  it('opens the form of a survey, as a preview when asked', async () => {
    renderPage('/flywheel/surveys/platform-nps/respond?preview=1');

    expect(
      await screen.findByText('Respond to platform-nps (preview)'),
    ).toBeInTheDocument();
  });
});
