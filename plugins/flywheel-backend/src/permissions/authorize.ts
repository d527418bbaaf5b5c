import {
  BackstageCredentials,
  PermissionsService,
} from '@backstage/backend-plugin-api';
import { NotAllowedError } from '@backstage/errors';
import {
  AuthorizeResult,
  BasicPermission,
} from '@backstage/plugin-permission-common';

/**
 * Whether the permission framework allows a basic permission. Services ask
 * (authorization decisions live beside the rules they guard); routers only
 * read the credentials.
 */
export async function isAllowed(
  permissions: PermissionsService,
  permission: BasicPermission,
  credentials: BackstageCredentials,
): Promise<boolean> {
  const [decision] = await permissions.authorize([{ permission }], {
    credentials,
  });
  return decision.result === AuthorizeResult.ALLOW;
}

/** Throws NotAllowedError (403) unless the permission framework allows it. */
export async function authorizeOrThrow(
  permissions: PermissionsService,
  permission: BasicPermission,
  credentials: BackstageCredentials,
): Promise<void> {
  if (!(await isAllowed(permissions, permission, credentials))) {
    throw new NotAllowedError(`Not allowed: ${permission.name}`);
  }
}
