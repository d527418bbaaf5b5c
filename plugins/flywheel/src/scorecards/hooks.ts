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

// The entity tabs' paths and links live in shared/, where campaigns link
// to an entity's Scorecards tab too.
export {
  ENTITY_SCORECARDS_PATH,
  TEAM_SCORECARD_PATH,
  useEntityTabLink,
} from '../shared/entityTabLinks';
