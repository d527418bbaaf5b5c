import {
  AuthorizeResult,
  PermissionCondition,
  PermissionCriteria,
  PolicyDecision,
} from '@backstage/plugin-permission-common';
import {
  createConditionAuthorizer,
  createConditionExports,
  createPermissionResourceRef,
  createPermissionRule,
  PermissionRule,
} from '@backstage/plugin-permission-node';
import {
  FLYWHEEL_EXEMPTION_RESOURCE_TYPE,
  ScorecardExemption,
} from '@flywheel/plugin-flywheel-common';
import { z } from 'zod/v3';

/**
 * An exemption as permission rules see it: the exemption, and who owns its
 * entity.
 *
 * @public
 */
export interface ExemptionResource {
  exemption: ScorecardExemption;
  /**
   * Lowercased refs of the entity's owners (its `ownedBy` relations) and of
   * every group above an owning group.
   */
  ownerRefs: string[];
}

/**
 * Conditions are applied to one exemption at a time (a decision is about
 * one), so a rule's query is the predicate itself.
 *
 * @public
 */
export type ExemptionQuery = (resource: ExemptionResource) => boolean;

/**
 * The permission resource of scorecard exemptions (refs are exemption ids).
 *
 * @public
 */
export const exemptionPermissionResourceRef = createPermissionResourceRef<
  ExemptionResource,
  ExemptionQuery
>().with({
  pluginId: 'flywheel',
  resourceType: FLYWHEEL_EXEMPTION_RESOURCE_TYPE,
});

const lower = (ref: string) => ref.toLocaleLowerCase('en-US');

const claimsSchema = z.object({
  claims: z
    .array(z.string())
    .describe(
      'Entity refs, usually the user ref and ownership refs of the caller',
    ),
});

const isEntityOwner = createPermissionRule({
  name: 'IS_ENTITY_OWNER',
  description:
    "Allow exemptions of entities owned by one of the claims, or by a team below one of the claims' groups",
  resourceRef: exemptionPermissionResourceRef,
  paramsSchema: claimsSchema,
  apply: (resource, { claims }) =>
    claims.some(claim => resource.ownerRefs.includes(lower(claim))),
  toQuery:
    ({ claims }) =>
    resource =>
      claims.some(claim => resource.ownerRefs.includes(lower(claim))),
});

const isRequester = createPermissionRule({
  name: 'IS_REQUESTER',
  description: 'Allow exemptions requested by one of the claims',
  resourceRef: exemptionPermissionResourceRef,
  paramsSchema: claimsSchema,
  apply: (resource, { claims }) =>
    claims.map(lower).includes(lower(resource.exemption.requestedBy)),
  toQuery:
    ({ claims }) =>
    resource =>
      claims.map(lower).includes(lower(resource.exemption.requestedBy)),
});

const isForScorecard = createPermissionRule({
  name: 'IS_FOR_SCORECARD',
  description: 'Allow exemptions from checks of the given scorecards',
  resourceRef: exemptionPermissionResourceRef,
  paramsSchema: z.object({
    scorecardIds: z.array(z.string()).describe('Scorecard ids'),
  }),
  apply: (resource, { scorecardIds }) =>
    scorecardIds.includes(resource.exemption.scorecardId),
  toQuery:
    ({ scorecardIds }) =>
    resource =>
      scorecardIds.includes(resource.exemption.scorecardId),
});

/**
 * The permission rules of scorecard exemptions.
 *
 * @public
 */
export const exemptionPermissionRules = {
  isEntityOwner,
  isRequester,
  isForScorecard,
};

const conditionExports = createConditionExports({
  resourceRef: exemptionPermissionResourceRef,
  rules: exemptionPermissionRules,
});

/**
 * Conditions for `flywheel.scorecards.exemption.decide`, for permission
 * policies: `exemptionConditions.isEntityOwner({ claims })`,
 * `.isRequester({ claims })`, `.isForScorecard({ scorecardIds })`.
 *
 * @public
 */
export const exemptionConditions = conditionExports.conditions;

/**
 * Builds a conditional decision on `flywheel.scorecards.exemption.decide`;
 * its conditions replace Flywheel's default (owners only, never the
 * requester).
 *
 * @public
 */
export const createExemptionConditionalDecision =
  conditionExports.createConditionalDecision;

/**
 * What Flywheel applies when the policy simply allows deciding: the caller
 * belongs to the entity's owners (or a team above them) and did not ask.
 *
 * @public
 */
export function defaultExemptionDecisionConditions(user: {
  userEntityRef: string;
  ownershipEntityRefs: string[];
}): PermissionCriteria<
  PermissionCondition<typeof FLYWHEEL_EXEMPTION_RESOURCE_TYPE>
> {
  return {
    allOf: [
      exemptionConditions.isEntityOwner({
        claims: user.ownershipEntityRefs,
      }),
      {
        not: exemptionConditions.isRequester({
          claims: [user.userEntityRef],
        }),
      },
    ],
  };
}

const rulesByName = new Map<
  string,
  PermissionRule<ExemptionResource, ExemptionQuery, string>
>(Object.values(exemptionPermissionRules).map(rule => [rule.name, rule]));

const authorizeExemption = createConditionAuthorizer<ExemptionResource>({
  getRuleByName(name) {
    const rule = rulesByName.get(name);
    if (!rule) {
      throw new Error(`No exemption permission rule '${name}'`);
    }
    return rule as PermissionRule<ExemptionResource, unknown, string>;
  },
});

/**
 * Applies a decision on `flywheel.scorecards.exemption.decide` to one
 * exemption. ALLOW means Flywheel's default conditions for `user`.
 */
export function judgeExemption(
  decision: PolicyDecision,
  user: { userEntityRef: string; ownershipEntityRefs: string[] },
  resource: ExemptionResource,
): boolean {
  if (decision.result === AuthorizeResult.ALLOW) {
    return authorizeExemption(
      {
        result: AuthorizeResult.CONDITIONAL,
        pluginId: 'flywheel',
        resourceType: FLYWHEEL_EXEMPTION_RESOURCE_TYPE,
        conditions: defaultExemptionDecisionConditions(user),
      },
      resource,
    );
  }
  return authorizeExemption(decision, resource);
}
