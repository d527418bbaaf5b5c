import { screen } from '@testing-library/react';
import { mockApis, renderInTestApp } from '@backstage/frontend-test-utils';
import { permissionApiRef } from '@backstage/plugin-permission-react';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import { Route, Routes } from 'react-router-dom';
import {
  SurveyPathsProvider,
  useSurveyPaths,
  useSurveyPermissions,
} from './surveyHooks';

function Permissions() {
  const permissions = useSurveyPermissions();
  return (
    <output aria-label="Permissions">{JSON.stringify(permissions)}</output>
  );
}

function Paths() {
  const paths = useSurveyPaths();
  return (
    <output aria-label="Paths">
      {[
        paths.list,
        paths.create,
        paths.results('a'),
        paths.edit('a'),
        paths.respond('a', { preview: true }),
      ].join(' ')}
    </output>
  );
}

describe('useSurveyPermissions', () => {
  it('asks the permission framework for each survey permission', async () => {
    const authorize = jest.fn(({ permission }) =>
      permission.name === 'flywheel.surveys.comments.read' ||
      permission.name === 'flywheel.surveys.results.read-own-team'
        ? AuthorizeResult.ALLOW
        : AuthorizeResult.DENY,
    );
    renderInTestApp(<Permissions />, {
      apis: [[permissionApiRef, mockApis.permission({ authorize })]],
    });

    expect(
      await screen.findByText(
        JSON.stringify({
          canManage: false,
          canReadResults: false,
          canReadOwnTeamResults: true,
          canReadComments: true,
        }),
      ),
    ).toBeInTheDocument();
  });
});

describe('useSurveyPaths', () => {
  it('builds links from the path the tab is mounted at', async () => {
    renderInTestApp(
      <Routes>
        <Route
          path="/flywheel/surveys/*"
          element={
            <SurveyPathsProvider>
              <Routes>
                <Route path=":surveyId" element={<Paths />} />
              </Routes>
            </SurveyPathsProvider>
          }
        />
      </Routes>,
      { initialRouteEntries: ['/flywheel/surveys/abc'] },
    );

    expect(
      await screen.findByRole('status', { name: 'Paths' }),
    ).toHaveTextContent(
      '/flywheel/surveys /flywheel/surveys/new /flywheel/surveys/a /flywheel/surveys/a/edit /flywheel/surveys/a/respond?preview=1',
    );
  });

  it('starts at the root outside the Surveys tab', async () => {
    renderInTestApp(<Paths />);

    expect(
      await screen.findByRole('status', { name: 'Paths' }),
    ).toHaveTextContent('/ /new /a /a/edit /a/respond?preview=1');
  });
});
