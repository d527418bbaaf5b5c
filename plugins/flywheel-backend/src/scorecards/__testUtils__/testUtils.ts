import {
  BackstageCredentials,
  coreServices,
  createServiceFactory,
} from '@backstage/backend-plugin-api';
import {
  notificationService,
  NotificationSendOptions,
} from '@backstage/plugin-notifications-node';

function userOf(credentials?: BackstageCredentials): string | undefined {
  const principal = credentials?.principal as
    | { type: string; userEntityRef?: string }
    | undefined;
  return principal?.type === 'user' ? principal.userEntityRef : undefined;
}

export {
  catalogFactory,
  catalogWithHiddenEntities,
} from '../../__testUtils__/catalogViews';

/**
 * The user-info service of a sign-in resolver that claims the user's own
 * ref and the groups `memberships[userRef]` names (direct membership).
 */
export function userInfoFactory(memberships: Record<string, string[]>) {
  return createServiceFactory({
    service: coreServices.userInfo,
    deps: {},
    factory: () => ({
      async getUserInfo(credentials: BackstageCredentials) {
        const userEntityRef = userOf(credentials);
        if (!userEntityRef) {
          throw new Error('Not a user');
        }
        return {
          userEntityRef,
          ownershipEntityRefs: [
            userEntityRef,
            ...(memberships[userEntityRef] ?? []),
          ],
        };
      },
    }),
  });
}

/** A notification service that keeps what it was asked to send. */
export function recordingNotifications() {
  const sent: NotificationSendOptions[] = [];
  return {
    sent,
    factory: createServiceFactory({
      service: notificationService,
      deps: {},
      factory: () => ({
        async send(options: NotificationSendOptions) {
          sent.push(options);
        },
      }),
    }),
  };
}
