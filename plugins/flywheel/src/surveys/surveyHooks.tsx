import { createContext, ReactNode, useContext, useMemo } from 'react';
import { usePermission } from '@backstage/plugin-permission-react';
import {
  flywheelSurveysCommentsReadPermission,
  flywheelSurveysManagePermission,
  flywheelSurveysOwnTeamResultsReadPermission,
  flywheelSurveysResultsReadPermission,
} from '@flywheel/plugin-flywheel-common';
import { useLocation, useParams, useResolvedPath } from 'react-router-dom';

/** What the signed-in user may do with surveys; false while loading. */
export interface SurveyPermissions {
  /** Create, edit, archive and preview surveys; tag and resolve comments. */
  canManage: boolean;
  /** Results of the whole audience and of every team. */
  canReadResults: boolean;
  /** Results of the user's own teams and their sub-teams. */
  canReadOwnTeamResults: boolean;
  canReadComments: boolean;
}

/**
 * The user's survey permissions from the permission framework. The backend
 * checks every read and write again; this only decides what to offer.
 */
export function useSurveyPermissions(): SurveyPermissions {
  const manage = usePermission({ permission: flywheelSurveysManagePermission });
  const results = usePermission({
    permission: flywheelSurveysResultsReadPermission,
  });
  const ownTeam = usePermission({
    permission: flywheelSurveysOwnTeamResultsReadPermission,
  });
  const comments = usePermission({
    permission: flywheelSurveysCommentsReadPermission,
  });
  return {
    canManage: !manage.loading && manage.allowed,
    canReadResults: !results.loading && results.allowed,
    canReadOwnTeamResults: !ownTeam.loading && ownTeam.allowed,
    canReadComments: !comments.loading && comments.allowed,
  };
}

/** Links between the pages of the Surveys tab. */
export interface SurveyPaths {
  list: string;
  create: string;
  results: (surveyId: string) => string;
  edit: (surveyId: string) => string;
  respond: (surveyId: string, options?: { preview?: boolean }) => string;
}

function surveyPaths(base: string): SurveyPaths {
  const root = base.replace(/\/+$/, '');
  const survey = (id: string) => `${root}/${encodeURIComponent(id)}`;
  return {
    list: root || '/',
    create: `${root}/new`,
    results: survey,
    edit: id => `${survey(id)}/edit`,
    respond: (id, options) =>
      `${survey(id)}/respond${options?.preview ? '?preview=1' : ''}`,
  };
}

const SurveyBaseContext = createContext<string | undefined>(undefined);

/**
 * Makes the Surveys tab's own path known to its pages. Rendered by
 * `SurveysPage` at the route that holds the tab's nested routes (`…/*`).
 */
export function SurveyPathsProvider(props: { children: ReactNode }) {
  const { pathname } = useLocation();
  const splat = useParams()['*'];
  const resolved = useResolvedPath('.').pathname;
  // The tab's own path is the URL without the part its nested routes match;
  // outside a splat route it is the route's own path.
  const base =
    splat !== undefined && pathname.endsWith(splat)
      ? pathname.slice(0, pathname.length - splat.length)
      : resolved;
  return (
    <SurveyBaseContext.Provider value={base}>
      {props.children}
    </SurveyBaseContext.Provider>
  );
}

/**
 * Absolute links to the list, editor, results and respond pages. Outside
 * `SurveysPage` (in tests of a single page) they start at `/`.
 */
export function useSurveyPaths(): SurveyPaths {
  const base = useContext(SurveyBaseContext) ?? '/';
  return useMemo(() => surveyPaths(base), [base]);
}
