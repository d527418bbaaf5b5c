import { Route, Routes } from 'react-router-dom';
import { SurveyEditor } from '../SurveyEditor';
import { SurveyList } from '../SurveyList';
import { SurveyRespondPage } from '../SurveyRespondPage';
import { SurveyResults } from '../SurveyResults';
import { SurveyPathsProvider } from '../surveyHooks';

/**
 * The Surveys tab of the Flywheel page (`/flywheel/surveys`): the list of
 * surveys, the editor (`new`, `:surveyId/edit`), a survey's results
 * (`:surveyId`) and its form (`:surveyId/respond`, `?preview=1` for authors).
 */
export function SurveysPage() {
  return (
    <SurveyPathsProvider>
      <Routes>
        <Route path="/" element={<SurveyList />} />
        <Route path="new" element={<SurveyEditor />} />
        <Route path=":surveyId" element={<SurveyResults />} />
        <Route path=":surveyId/edit" element={<SurveyEditor />} />
        <Route path=":surveyId/respond" element={<SurveyRespondPage />} />
      </Routes>
    </SurveyPathsProvider>
  );
}
