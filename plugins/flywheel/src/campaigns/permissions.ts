import { usePermission } from '@backstage/plugin-permission-react';
import {
  flywheelCampaignsManagePermission,
  flywheelCampaignsReadPermission,
} from '@flywheel/plugin-flywheel-common';
import { isForbidden } from '../shared/errors';

/** What reading campaigns needs, to name it when the backend refuses (403). */
export const CAMPAIGNS_READ = {
  doing: 'see campaigns and their progress',
  permission: flywheelCampaignsReadPermission.name,
};

/** What creating and closing campaigns needs. */
export const CAMPAIGNS_MANAGE = {
  doing: 'create and close campaigns',
  permission: flywheelCampaignsManagePermission.name,
};

/** The permission a refused campaign read lacked, for `LoadErrorAlert`. */
export function refusedRead(
  error: Error,
): { doing: string; permission: string } | undefined {
  return isForbidden(error) ? CAMPAIGNS_READ : undefined;
}

/** What the signed-in user may do with campaigns; false while loading. */
export interface CampaignPermissions {
  /** Create and close campaigns. */
  canManage: boolean;
}

/**
 * The user's campaign permissions from the permission framework. The
 * backend checks every write again; this only decides what to offer.
 */
export function useCampaignPermissions(): CampaignPermissions {
  const manage = usePermission({
    permission: flywheelCampaignsManagePermission,
  });
  return { canManage: !manage.loading && manage.allowed };
}
