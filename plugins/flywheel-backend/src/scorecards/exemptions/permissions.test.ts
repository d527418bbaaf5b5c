import {
  AuthorizeResult,
  isPermission,
  PolicyDecision,
} from '@backstage/plugin-permission-common';
import {
  PolicyQuery,
  PolicyQueryUser,
} from '@backstage/plugin-permission-node';
import {
  flywheelExemptionDecidePermission,
  ScorecardExemption,
} from '@flywheel/plugin-flywheel-common';
import {
  createExemptionConditionalDecision,
  defaultExemptionDecisionConditions,
  exemptionConditions,
  ExemptionResource,
  judgeExemption,
} from './permissions';

const exemption = (
  requestedBy: string,
  scorecardId = 'ops',
): ScorecardExemption => ({
  id: 'ex-1',
  entityRef: 'component:default/ledger',
  scorecardId,
  checkId: 'oncall',
  justification: 'Batch job, nobody to page at night',
  requestedBy,
  requestedAt: '2026-12-01T00:00:00.000Z',
  expiresAt: '2027-01-01T00:00:00.000Z',
  status: 'pending',
  expired: false,
});

// ledger is owned by payments-core, under payments, under engineering.
const owned = (e: ScorecardExemption): ExemptionResource => ({
  exemption: e,
  ownerRefs: [
    'group:default/engineering',
    'group:default/payments',
    'group:default/payments-core',
  ],
});

const person = (ref: string, groups: string[]) => ({
  userEntityRef: ref,
  ownershipEntityRefs: [ref, ...groups],
});

/**
 * The policy of docs/scorecards.md#who-decides, as written there (its
 * `this.userInfo` is the user-info service).
 */
class DocumentedPolicy {
  constructor(
    private readonly userInfo: {
      getUserInfo(
        credentials: unknown,
      ): Promise<{ userEntityRef: string; ownershipEntityRefs: string[] }>;
    },
  ) {}

  async handle(
    request: PolicyQuery,
    user?: PolicyQueryUser,
  ): Promise<PolicyDecision> {
    if (
      isPermission(request.permission, flywheelExemptionDecidePermission) &&
      user
    ) {
      const info = await this.userInfo.getUserInfo(user.credentials);
      const owners = defaultExemptionDecisionConditions(info);
      if (!info.ownershipEntityRefs.includes('group:default/platform')) {
        return createExemptionConditionalDecision(request.permission, owners);
      }
      return createExemptionConditionalDecision(request.permission, {
        anyOf: [
          owners,
          {
            allOf: [
              exemptionConditions.isForScorecard({
                scorecardIds: ['security'],
              }),
              {
                not: exemptionConditions.isRequester({
                  claims: [info.userEntityRef],
                }),
              },
            ],
          },
        ],
      });
    }
    return { result: AuthorizeResult.ALLOW };
  }
}

describe('exemption decision rules', () => {
  const allow: PolicyDecision = { result: AuthorizeResult.ALLOW };

  it('by default lets owners and the teams above them decide, never the requester', () => {
    const carol = person('user:default/carol', ['group:default/payments-core']);
    const dave = person('user:default/dave', ['group:default/payments']);
    const erin = person('user:default/erin', ['group:default/platform']);
    const request = owned(exemption('user:default/erin'));
    expect(judgeExemption(allow, carol, request)).toBe(true);
    expect(judgeExemption(allow, dave, request)).toBe(true);
    expect(judgeExemption(allow, erin, request)).toBe(false);
    // Carol owns it, but asked herself; refs compare case-insensitively.
    expect(
      judgeExemption(allow, carol, owned(exemption('user:default/Carol'))),
    ).toBe(false);
    expect(
      judgeExemption({ result: AuthorizeResult.DENY }, carol, request),
    ).toBe(false);
  });

  it('applies the documented widening policy', async () => {
    const decide = async (
      who: ReturnType<typeof person>,
      e: ScorecardExemption,
    ) => {
      const policy = new DocumentedPolicy({ getUserInfo: async () => who });
      const decision = await policy.handle(
        { permission: flywheelExemptionDecidePermission },
        { credentials: {} as PolicyQueryUser['credentials'], info: who },
      );
      return judgeExemption(decision, who, owned(e));
    };
    const erin = person('user:default/erin', ['group:default/platform']);
    const carol = person('user:default/carol', ['group:default/payments-core']);
    expect(await decide(erin, exemption('user:default/ada', 'security'))).toBe(
      true,
    );
    expect(await decide(erin, exemption('user:default/ada', 'ops'))).toBe(
      false,
    );
    expect(await decide(erin, exemption(erin.userEntityRef, 'security'))).toBe(
      false,
    );
    // The default still holds for everyone else.
    expect(await decide(carol, exemption('user:default/ada', 'ops'))).toBe(
      true,
    );
    expect(await decide(carol, exemption(carol.userEntityRef, 'ops'))).toBe(
      false,
    );
  });
});
