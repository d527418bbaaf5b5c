import { BackstageUserInfo } from '@backstage/backend-plugin-api';
import {
  mockCredentials,
  mockServices,
  startTestBackend,
} from '@backstage/backend-test-utils';
import {
  AuthorizeResult,
  createPermission,
  PolicyDecision,
} from '@backstage/plugin-permission-common';
import {
  createConditionAuthorizer,
  PermissionPolicy,
  PermissionRule,
} from '@backstage/plugin-permission-node';
import { policyExtensionPoint } from '@backstage/plugin-permission-node/alpha';
import {
  defaultExemptionDecisionConditions,
  ExemptionResource,
  exemptionPermissionRules,
} from '@flywheel/plugin-flywheel-backend';
import {
  FLYWHEEL_EXEMPTION_RESOURCE_TYPE,
  flywheelCampaignsManagePermission,
  flywheelExemptionDecidePermission,
  flywheelExemptionRequestPermission,
  flywheelMaturityAttestPermission,
  flywheelMaturityTransitionPermission,
  flywheelPermissions,
  ScorecardExemption,
} from '@flywheel/plugin-flywheel-common';
import {
  ExamplePermissionPolicy,
  permissionModuleExamplePolicy,
} from './permissionPolicy';

// People of examples/org.yaml, with the ownership claims the sign-in gives
// them: themselves and the groups they are a direct member of.
const person = (name: string, team: string): BackstageUserInfo => ({
  userEntityRef: `user:default/${name}`,
  ownershipEntityRefs: [`user:default/${name}`, `group:default/${team}`],
});
const guest = person('guest', 'platform-devex');
const marcus = person('marcus.oyelaran', 'platform');
const grace = person('grace.nwosu', 'platform-infra');
const liam = person('liam.obrien', 'checkout');
const zara = person('zara.ahmed', 'checkout');
const elena = person('elena.petrova', 'commerce');
const nina = person('nina.kovacs', 'growth');
const people = [guest, marcus, grace, liam, zara, elena, nina];

/** checkout-api is owned by checkout, below commerce, below product-engineering. */
const exemptionOf = (
  requester: BackstageUserInfo,
  scorecardId = 'golden-path-adoption',
): ExemptionResource => ({
  exemption: {
    id: 'ex-1',
    entityRef: 'component:default/checkout-api',
    scorecardId,
    checkId: 'current-template-version',
    justification: 'Frozen for the Q1 migration',
    requestedBy: requester.userEntityRef,
    requestedAt: '2026-12-01T00:00:00.000Z',
    expiresAt: '2027-03-01T00:00:00.000Z',
    status: 'pending',
    expired: false,
  } satisfies ScorecardExemption,
  ownerRefs: [
    'group:default/checkout',
    'group:default/commerce',
    'group:default/product-engineering',
  ],
});

const authorize = createConditionAuthorizer<ExemptionResource>({
  getRuleByName: name =>
    Object.values(exemptionPermissionRules).find(
      rule => rule.name === name,
    ) as PermissionRule<ExemptionResource, unknown, string>,
});

/**
 * What Flywheel does with the policy's answer: a plain ALLOW is its default
 * (owners, never the requester), a conditional decision replaces it.
 */
function applies(
  answer: PolicyDecision,
  who: BackstageUserInfo,
  resource: ExemptionResource,
): boolean {
  if (answer.result === AuthorizeResult.ALLOW) {
    return authorize(
      {
        result: AuthorizeResult.CONDITIONAL,
        pluginId: 'flywheel',
        resourceType: FLYWHEEL_EXEMPTION_RESOURCE_TYPE,
        conditions: defaultExemptionDecisionConditions(who),
      },
      resource,
    );
  }
  return authorize(answer, resource);
}

async function decision(
  policy: PermissionPolicy,
  permission: Parameters<PermissionPolicy['handle']>[0]['permission'],
  who?: BackstageUserInfo,
) {
  return policy.handle(
    { permission },
    who && {
      credentials: mockCredentials.user(who.userEntityRef),
      info: who,
    },
  );
}

describe('example permission policy', () => {
  const userInfo = {
    getUserInfo: async (credentials: unknown) => {
      const ref = (credentials as { principal: { userEntityRef: string } })
        .principal.userEntityRef;
      return people.find(p => p.userEntityRef === ref)!;
    },
  };
  const policy = new ExamplePermissionPolicy(userInfo);

  async function mayDecide(
    who: BackstageUserInfo,
    resource: ExemptionResource,
  ) {
    return applies(
      await decision(policy, flywheelExemptionDecidePermission, who),
      who,
      resource,
    );
  }

  it('lets the platform team decide any exemption, but not their own requests', async () => {
    for (const member of [guest, marcus, grace]) {
      expect(await mayDecide(member, exemptionOf(liam))).toBe(true);
      expect(
        await mayDecide(member, exemptionOf(liam, 'production-readiness')),
      ).toBe(true);
      expect(await mayDecide(member, exemptionOf(member))).toBe(false);
    }
    // Another platform member's request is theirs to decide.
    expect(await mayDecide(guest, exemptionOf(marcus))).toBe(true);
  });

  it("keeps Flywheel's default for everyone else: the owners, never the requester", async () => {
    // A plain ALLOW, so Flywheel gives its own reasons for a refusal.
    expect(
      await decision(policy, flywheelExemptionDecidePermission, liam),
    ).toEqual({ result: AuthorizeResult.ALLOW });
    expect(await mayDecide(zara, exemptionOf(liam))).toBe(true);
    expect(await mayDecide(elena, exemptionOf(liam))).toBe(true);
    expect(await mayDecide(liam, exemptionOf(liam))).toBe(false);
    expect(await mayDecide(nina, exemptionOf(liam))).toBe(false);
    expect(await mayDecide(zara, exemptionOf(guest))).toBe(true);
  });

  it('lets platform members move and attest the capabilities platform teams own; others keep the owners default', async () => {
    for (const permission of [
      flywheelMaturityTransitionPermission,
      flywheelMaturityAttestPermission,
    ]) {
      for (const member of [guest, marcus, grace]) {
        expect(await decision(policy, permission, member)).toEqual({
          result: AuthorizeResult.CONDITIONAL,
          pluginId: 'catalog',
          resourceType: 'catalog-entity',
          conditions: {
            rule: 'IS_ENTITY_OWNER',
            resourceType: 'catalog-entity',
            params: {
              claims: [
                'group:default/platform',
                'group:default/platform-devex',
                'group:default/platform-infra',
              ],
            },
          },
        });
      }
      expect(await decision(policy, permission, liam)).toEqual({
        result: AuthorizeResult.ALLOW,
      });
    }
  });

  it('lets platform members manage campaigns, and nobody else', async () => {
    for (const member of [guest, marcus, grace]) {
      expect(
        await decision(policy, flywheelCampaignsManagePermission, member),
      ).toEqual({ result: AuthorizeResult.ALLOW });
    }
    for (const who of [liam, nina, undefined]) {
      expect(
        await decision(policy, flywheelCampaignsManagePermission, who),
      ).toEqual({ result: AuthorizeResult.DENY });
    }
  });

  it('allows every other permission, as the allow-all policy did', async () => {
    const widened = [
      flywheelCampaignsManagePermission.name,
      flywheelExemptionDecidePermission.name,
      flywheelMaturityTransitionPermission.name,
      flywheelMaturityAttestPermission.name,
    ];
    const others = [
      ...flywheelPermissions.filter(p => !widened.includes(p.name)),
      // The catalog's, which scorecard visibility asks about too.
      createPermission({
        name: 'catalog.entity.read',
        attributes: { action: 'read' },
        resourceType: 'catalog-entity',
      }),
    ];
    expect(others.map(p => p.name)).toContain(
      flywheelExemptionRequestPermission.name,
    );
    for (const permission of others) {
      for (const who of [guest, nina, undefined]) {
        expect(await decision(policy, permission, who)).toEqual({
          result: AuthorizeResult.ALLOW,
        });
      }
    }
    // Without a user (a backend asking), Flywheel decides: only people decide.
    expect(await decision(policy, flywheelExemptionDecidePermission)).toEqual({
      result: AuthorizeResult.ALLOW,
    });
  });

  it('is installed by the module', async () => {
    const setPolicy = jest.fn();
    const backend = await startTestBackend({
      extensionPoints: [[policyExtensionPoint, { setPolicy }]],
      features: [
        permissionModuleExamplePolicy,
        mockServices.userInfo.factory(),
      ],
    });
    expect(setPolicy).toHaveBeenCalledTimes(1);
    expect(setPolicy.mock.calls[0][0]).toBeInstanceOf(ExamplePermissionPolicy);
    await backend.stop();
  });
});
