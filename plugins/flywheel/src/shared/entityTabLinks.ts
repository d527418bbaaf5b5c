import { useCallback } from 'react';
import { useRouteRef } from '@backstage/core-plugin-api';
import {
  entityRouteParams,
  entityRouteRef,
} from '@backstage/plugin-catalog-react';

/** Path of the Scorecards tab of a Component. */
export const ENTITY_SCORECARDS_PATH = 'scorecards';
/** Path of the Team scorecard tab of a Group. */
export const TEAM_SCORECARD_PATH = 'team-scorecard';

/**
 * Links into an entity page's tab: `/catalog/<ns>/<kind>/<name>/<tab>`,
 * optionally with the scorecard to open.
 */
export function useEntityTabLink(): (
  entityRef: string,
  tab: string,
  scorecardId?: string,
  /** Only the entities this check counts against (Team scorecard tab). */
  failingCheck?: string,
) => string {
  const entityRoute = useRouteRef(entityRouteRef);
  return useCallback(
    (
      entityRef: string,
      tab: string,
      scorecardId?: string,
      failingCheck?: string,
    ) => {
      const base = entityRoute(entityRouteParams(entityRef));
      const params = new URLSearchParams();
      if (scorecardId) {
        params.set('scorecard', scorecardId);
      }
      if (failingCheck) {
        params.set('failing', failingCheck);
      }
      const query = params.size > 0 ? `?${params}` : '';
      return `${base.replace(/\/$/, '')}/${tab}${query}`;
    },
    [entityRoute],
  );
}
