import {
  coreServices,
  createBackendModule,
  UserInfoService,
} from '@backstage/backend-plugin-api';
import {
  AuthorizeResult,
  isPermission,
  PolicyDecision,
} from '@backstage/plugin-permission-common';
import {
  PermissionPolicy,
  PolicyQuery,
  PolicyQueryUser,
} from '@backstage/plugin-permission-node';
import { policyExtensionPoint } from '@backstage/plugin-permission-node/alpha';
import {
  createExemptionConditionalDecision,
  defaultExemptionDecisionConditions,
  exemptionConditions,
} from '@flywheel/plugin-flywheel-backend';
import {
  catalogConditions,
  createCatalogConditionalDecision,
} from '@backstage/plugin-catalog-backend/alpha';
import {
  flywheelCampaignsManagePermission,
  flywheelExemptionDecidePermission,
  flywheelMaturityAttestPermission,
  flywheelMaturityTransitionPermission,
} from '@flywheel/plugin-flywheel-common';

/**
 * The platform team and the teams below it (examples/org.yaml). A user's
 * ownership claims hold the groups they are a direct member of (the guest:
 * `group:default/platform-devex`), not the groups above those, so the
 * sub-teams are listed too.
 */
export const PLATFORM_TEAMS = [
  'group:default/platform',
  'group:default/platform-devex',
  'group:default/platform-infra',
];

function isPlatformMember(ownershipEntityRefs: string[]): boolean {
  const claims = new Set(
    ownershipEntityRefs.map(ref => ref.toLocaleLowerCase('en-US')),
  );
  return PLATFORM_TEAMS.some(team => claims.has(team));
}

/**
 * The example instance's permission policy, installed the way
 * docs/installation.md#permissions describes for a company. It allows
 * everything, like the allow-all policy it replaces, except that deciding
 * scorecard exemptions (`flywheel.scorecards.exemption.decide`) is widened
 * as in docs/scorecards.md#who-decides: members of the platform team (or
 * of a team below it) may also decide exemptions of any entity and any
 * scorecard, but never their own requests. Everyone else keeps Flywheel's
 * default: the owners of the entity (or of a team above the owners), never
 * the requester. Likewise for maturity (docs/maturity.md#who-may-move-a-capability):
 * platform members move and attest every capability a platform team owns;
 * everyone else keeps the default, the capability's owners. Campaigns
 * (docs/campaigns.md#who-may-do-what) are created and closed by platform
 * members only.
 */
export class ExamplePermissionPolicy implements PermissionPolicy {
  constructor(
    private readonly userInfo: Pick<UserInfoService, 'getUserInfo'>,
  ) {}

  async handle(
    request: PolicyQuery,
    user?: PolicyQueryUser,
  ): Promise<PolicyDecision> {
    if (
      user &&
      (isPermission(request.permission, flywheelMaturityTransitionPermission) ||
        isPermission(request.permission, flywheelMaturityAttestPermission))
    ) {
      const info = await this.userInfo.getUserInfo(user.credentials);
      if (!isPlatformMember(info.ownershipEntityRefs)) {
        // Flywheel's default: the capability's owners and the teams above.
        return { result: AuthorizeResult.ALLOW };
      }
      // The platform team runs the platform as a product: its members move
      // and attest every capability any platform team owns. The catalog
      // applies the condition to the capability's entity.
      return createCatalogConditionalDecision(
        request.permission,
        catalogConditions.isEntityOwner({ claims: PLATFORM_TEAMS }),
      );
    }
    if (isPermission(request.permission, flywheelCampaignsManagePermission)) {
      // The platform team runs campaigns; others follow them.
      const claims = user
        ? (await this.userInfo.getUserInfo(user.credentials))
            .ownershipEntityRefs
        : [];
      return {
        result: isPlatformMember(claims)
          ? AuthorizeResult.ALLOW
          : AuthorizeResult.DENY,
      };
    }
    if (
      isPermission(request.permission, flywheelExemptionDecidePermission) &&
      user
    ) {
      const info = await this.userInfo.getUserInfo(user.credentials);
      if (!isPlatformMember(info.ownershipEntityRefs)) {
        // A plain ALLOW is Flywheel's default (the same as the conditions of
        // defaultExemptionDecisionConditions), and with it Flywheel can tell
        // people why they may not decide: they asked, or they are not owners.
        return { result: AuthorizeResult.ALLOW };
      }
      const owners = defaultExemptionDecisionConditions(info);
      return createExemptionConditionalDecision(request.permission, {
        anyOf: [
          owners,
          // The platform team: any exemption, of any scorecard, that they
          // did not request themselves. Narrow it with
          // exemptionConditions.isForScorecard({ scorecardIds: [...] }) in
          // an allOf, as in docs/scorecards.md.
          {
            not: exemptionConditions.isRequester({
              claims: [info.userEntityRef],
            }),
          },
        ],
      });
    }
    return { result: AuthorizeResult.ALLOW };
  }
}

/**
 * Example instance only: installs {@link ExamplePermissionPolicy} instead of
 * the allow-all policy (packages/backend/src/index.ts).
 */
export const permissionModuleExamplePolicy = createBackendModule({
  pluginId: 'permission',
  moduleId: 'example-policy',
  register(reg) {
    reg.registerInit({
      deps: {
        policy: policyExtensionPoint,
        userInfo: coreServices.userInfo,
      },
      async init({ policy, userInfo }) {
        policy.setPolicy(new ExamplePermissionPolicy(userInfo));
      },
    });
  },
});
