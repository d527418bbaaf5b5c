import { mockCredentials } from '@backstage/backend-test-utils';
import { PermissionsService } from '@backstage/backend-plugin-api';
import {
  AuthorizeResult,
  PolicyDecision,
} from '@backstage/plugin-permission-common';
import { flywheelMaturityTransitionPermission } from '@flywheel/plugin-flywheel-common';
import { OrgGraph } from '../../catalog/OrgGraph';
import { Capability } from '../capabilities/Capability';
import { CapabilityAccess } from './CapabilityAccess';

const capability: Capability = {
  entityRef: 'resource:default/ci-pipelines',
  title: 'CI pipelines',
  owners: ['group:default/platform-infra'],
  goldenPaths: [],
  teams: [],
};

// platform → platform-infra, platform-devex
const graph = new OrgGraph(
  new Map([
    [
      'group:default/platform',
      ['group:default/platform-infra', 'group:default/platform-devex'],
    ],
    ['group:default/platform-infra', []],
    ['group:default/platform-devex', []],
  ]),
);

function access(
  decision: PolicyDecision,
  resolved: AuthorizeResult = AuthorizeResult.DENY,
  claims: Record<string, string[]> = {},
) {
  const authorize = jest.fn(async () => [{ result: resolved }]);
  const permissions = {
    authorizeConditional: async () => [decision],
    authorize,
  } as unknown as PermissionsService;
  return {
    authorize,
    access: new CapabilityAccess({
      permissions,
      userInfo: {
        getUserInfo: async credentials => {
          const user = (credentials.principal as { userEntityRef: string })
            .userEntityRef;
          return {
            userEntityRef: user,
            ownershipEntityRefs: [user, ...(claims[user] ?? [])],
          };
        },
      },
      groupTree: async () => graph,
    }),
  };
}

const decide = (a: CapabilityAccess, user: string) =>
  a.decide(
    flywheelMaturityTransitionPermission,
    capability,
    mockCredentials.user(user),
    'move capabilities between stages',
  );

describe('CapabilityAccess', () => {
  const claims = {
    'user:default/infra': ['group:default/platform-infra'],
    'user:default/lead': ['group:default/platform'],
    'user:default/devex': ['group:default/platform-devex'],
  };

  it('by default lets the owning team and the teams above it, nobody else', async () => {
    const { access: a } = access(
      { result: AuthorizeResult.ALLOW },
      undefined,
      claims,
    );
    expect(await decide(a, 'user:default/infra')).toEqual({ allowed: true });
    expect(await decide(a, 'user:default/lead')).toEqual({ allowed: true });
    expect(await decide(a, 'user:default/devex')).toEqual({
      allowed: false,
      reason:
        'Only the owners of resource:default/ci-pipelines (group:default/platform-infra, or a team above them) move capabilities between stages',
    });
  });

  it('refuses on DENY and never asks anyone but a person', async () => {
    const { access: a } = access(
      { result: AuthorizeResult.DENY },
      undefined,
      claims,
    );
    expect(await decide(a, 'user:default/infra')).toMatchObject({
      allowed: false,
      reason: expect.stringMatching(
        /do not have permission.*flywheel.maturity.transition/,
      ),
    });
    expect(
      await a.decide(
        flywheelMaturityTransitionPermission,
        capability,
        mockCredentials.service(),
        'move capabilities between stages',
      ),
    ).toEqual({
      allowed: false,
      reason: 'Only people move capabilities between stages',
    });
  });

  it("lets the catalog resolve a policy's conditions on the capability, replacing the default", async () => {
    const conditional: PolicyDecision = {
      result: AuthorizeResult.CONDITIONAL,
      pluginId: 'catalog',
      resourceType: 'catalog-entity',
      conditions: {
        rule: 'IS_ENTITY_OWNER',
        resourceType: 'catalog-entity',
        params: { claims: ['group:default/platform-devex'] },
      },
    };
    const allowed = access(conditional, AuthorizeResult.ALLOW, claims);
    expect(await decide(allowed.access, 'user:default/devex')).toEqual({
      allowed: true,
    });
    expect(allowed.authorize).toHaveBeenCalledWith(
      [
        {
          permission: flywheelMaturityTransitionPermission,
          resourceRef: 'resource:default/ci-pipelines',
        },
      ],
      expect.anything(),
    );
    const denied = access(conditional, AuthorizeResult.DENY, claims);
    expect(await decide(denied.access, 'user:default/infra')).toMatchObject({
      allowed: false,
      reason: expect.stringMatching(/Your permission policy does not let you/),
    });
  });
});
