// Renders survey pages in a test app with the APIs they use.
import { Route, Routes } from 'react-router-dom';
import { ReactElement } from 'react';
import { mockApis, renderInTestApp } from '@backstage/frontend-test-utils';
import { catalogApiRef } from '@backstage/plugin-catalog-react';
import { catalogApiMock } from '@backstage/plugin-catalog-react/testUtils';
import { permissionApiRef } from '@backstage/plugin-permission-react';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import { flywheelApiRef } from '../../api';
import { catalogRoutes, orgGroups } from '../../__testUtils__/testData';
import { SurveyPermissions } from '../surveyHooks';
import { mockSurveyApi } from './surveyAdminData';

/** Every survey permission granted. */
export const ALL_PERMISSIONS: SurveyPermissions = {
  canManage: true,
  canReadResults: true,
  canReadOwnTeamResults: true,
  canReadComments: true,
};

/** No survey permission. */
export const NO_PERMISSIONS: SurveyPermissions = {
  canManage: false,
  canReadResults: false,
  canReadOwnTeamResults: false,
  canReadComments: false,
};

export const templateEntities = [
  {
    apiVersion: 'scaffolder.backstage.io/v1beta3',
    kind: 'Template',
    metadata: {
      name: 'typescript-service',
      namespace: 'default',
      title: 'TypeScript HTTP service',
    },
    spec: { type: 'service' },
  },
  {
    apiVersion: 'scaffolder.backstage.io/v1beta3',
    kind: 'Template',
    metadata: { name: 'react-webapp', namespace: 'default' },
    spec: { type: 'website' },
  },
];

/**
 * Renders a survey page with a mocked Flywheel API, the demo org chart and
 * templates in the catalog, and a permission API (the tests decide the
 * permissions through a mocked `useSurveyPermissions`, since `usePermission`
 * caches answers across a file).
 */
export function renderSurveyPage(
  element: ReactElement,
  options: {
    flywheelApi?: ReturnType<typeof mockSurveyApi>;
    mountPath?: string;
    initialRoute?: string;
  } = {},
) {
  const flywheelApi = options.flywheelApi ?? mockSurveyApi();
  // The pages read their params from React Router, as the plugin's routes give them.
  const routed = options.mountPath ? (
    <Routes>
      <Route path={options.mountPath} element={element} />
    </Routes>
  ) : (
    element
  );
  const rendered = renderInTestApp(routed, {
    mountedRoutes: catalogRoutes,
    initialRouteEntries: options.initialRoute
      ? [options.initialRoute]
      : undefined,
    apis: [
      [flywheelApiRef, flywheelApi],
      [
        catalogApiRef,
        catalogApiMock({ entities: [...orgGroups, ...templateEntities] }),
      ],
      [
        permissionApiRef,
        mockApis.permission({ authorize: AuthorizeResult.ALLOW }),
      ],
    ],
  });
  return { flywheelApi, ...rendered };
}
