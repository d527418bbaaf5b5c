import { usePermission } from '@backstage/plugin-permission-react';
import {
  flywheelMaturityReadPermission,
  flywheelOutcomeTargetsManagePermission,
} from '@flywheel/plugin-flywheel-common';
import { isForbidden } from '../shared/errors';

/** What reading maturity needs, to name it when the backend refuses (403). */
export const MATURITY_READ = {
  doing: 'see capability maturity and the product dashboard',
  permission: flywheelMaturityReadPermission.name,
};

/** The permission a refused maturity read lacked, for `LoadErrorAlert`. */
export function refusedRead(
  error: Error,
): { doing: string; permission: string } | undefined {
  return isForbidden(error) ? MATURITY_READ : undefined;
}

/** What the signed-in user may do on the product dashboard; false while loading. */
export interface MaturityPermissions {
  /** Set and revert the outcomes' targets. */
  canManageTargets: boolean;
}

/**
 * The user's dashboard permissions from the permission framework. What the
 * user may do with one capability (promote, attest) depends on the
 * capability: its detail says so (`allowed`). The backend checks every
 * write again; this only decides what to offer.
 */
export function useMaturityPermissions(): MaturityPermissions {
  const targets = usePermission({
    permission: flywheelOutcomeTargetsManagePermission,
  });
  return { canManageTargets: !targets.loading && targets.allowed };
}
