import { useCallback } from 'react';
import { useRouteRef } from '@backstage/core-plugin-api';
import {
  entityRouteParams,
  entityRouteRef,
} from '@backstage/plugin-catalog-react';
import { usePermission } from '@backstage/plugin-permission-react';
import {
  flywheelExemptionRequestPermission,
  flywheelScorecardsRefreshPermission,
} from '@flywheel/plugin-flywheel-common';

/** What the signed-in user may do with scorecards; false while loading. */
export interface ScorecardPermissions {
  canRefresh: boolean;
  canRequestExemption: boolean;
}

/**
 * The user's scorecard permissions from the permission framework. The
 * backend checks every write again; this only decides what to offer.
 * Whether the user may decide an exemption depends on the exemption (its
 * entity's owners, who asked): the API says so on each one (`canDecide`).
 */
export function useScorecardPermissions(): ScorecardPermissions {
  const refresh = usePermission({
    permission: flywheelScorecardsRefreshPermission,
  });
  const request = usePermission({
    permission: flywheelExemptionRequestPermission,
  });
  return {
    canRefresh: !refresh.loading && refresh.allowed,
    canRequestExemption: !request.loading && request.allowed,
  };
}

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
