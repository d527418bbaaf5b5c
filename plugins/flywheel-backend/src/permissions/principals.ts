import { BackstageCredentials } from '@backstage/backend-plugin-api';

/**
 * The person behind credentials that may also be a backend's (service
 * credentials) or nobody's: their user entity ref, or undefined.
 */
export function userRefOf(
  credentials: BackstageCredentials,
): string | undefined {
  const principal = credentials.principal as {
    type?: string;
    userEntityRef?: string;
  };
  return principal.type === 'user' ? principal.userEntityRef : undefined;
}
