import { createPermission } from '@backstage/plugin-permission-common';

/**
 * Read Flywheel's golden-path numbers and adoption.
 *
 * @public
 */
export const flywheelGoldenPathsReadPermission = createPermission({
  name: 'flywheel.golden-paths.read',
  attributes: { action: 'read' },
});

/**
 * Record a scaffolder run of a golden path (used by the scaffolder action on
 * behalf of the user who ran the template).
 *
 * @public
 */
export const flywheelRunCreatePermission = createPermission({
  name: 'flywheel.golden-paths.run.create',
  attributes: { action: 'create' },
});

/**
 * Read scorecards, results, rollups, history and exemptions.
 *
 * @public
 */
export const flywheelScorecardsReadPermission = createPermission({
  name: 'flywheel.scorecards.read',
  attributes: { action: 'read' },
});

/**
 * Re-evaluate an entity's scorecards now ("refresh").
 *
 * @public
 */
export const flywheelScorecardsRefreshPermission = createPermission({
  name: 'flywheel.scorecards.refresh',
  attributes: { action: 'update' },
});

/**
 * Request an exemption from a check, with a justification and an expiry.
 *
 * @public
 */
export const flywheelExemptionRequestPermission = createPermission({
  name: 'flywheel.scorecards.exemption.request',
  attributes: { action: 'create' },
});

/**
 * The resource type of scorecard exemptions, for conditional decisions on
 * {@link flywheelExemptionDecidePermission}. Resource refs are exemption ids.
 *
 * @public
 */
export const FLYWHEEL_EXEMPTION_RESOURCE_TYPE = 'flywheel-scorecard-exemption';

/**
 * Approve, reject or revoke an exemption: a resource permission on the
 * exemption. When the policy simply allows it, Flywheel still lets only the
 * owners of the entity (members of the owning group or of a team above it)
 * decide, and never the person who asked. A conditional decision from the
 * policy (rules `IS_ENTITY_OWNER`, `IS_REQUESTER`, `IS_FOR_SCORECARD`)
 * replaces that default, which is how a policy widens or narrows it.
 *
 * @public
 */
export const flywheelExemptionDecidePermission = createPermission({
  name: 'flywheel.scorecards.exemption.decide',
  attributes: { action: 'update' },
  resourceType: FLYWHEEL_EXEMPTION_RESOURCE_TYPE,
});

/**
 * Create, edit, archive and preview surveys, and triage their comments.
 *
 * @public
 */
export const flywheelSurveysManagePermission = createPermission({
  name: 'flywheel.surveys.manage',
  attributes: { action: 'update' },
});

/**
 * Read every survey's results, for the whole audience and any team.
 *
 * @public
 */
export const flywheelSurveysResultsReadPermission = createPermission({
  name: 'flywheel.surveys.results.read',
  attributes: { action: 'read' },
});

/**
 * Read survey results of the teams the user belongs to, and their sub-teams.
 *
 * @public
 */
export const flywheelSurveysOwnTeamResultsReadPermission = createPermission({
  name: 'flywheel.surveys.results.read-own-team',
  attributes: { action: 'read' },
});

/**
 * Read survey comments (free-text answers), within the comment threshold.
 *
 * @public
 */
export const flywheelSurveysCommentsReadPermission = createPermission({
  name: 'flywheel.surveys.comments.read',
  attributes: { action: 'read' },
});

/**
 * Read metrics: the registry, series and comparisons.
 *
 * @public
 */
export const flywheelMetricsReadPermission = createPermission({
  name: 'flywheel.metrics.read',
  attributes: { action: 'read' },
});

/**
 * Record deployments (CI/CD with a service token).
 *
 * @public
 */
export const flywheelDeploymentCreatePermission = createPermission({
  name: 'flywheel.metrics.deployment.create',
  attributes: { action: 'create' },
});

/**
 * Read capabilities, their maturity stages, criteria and history, and the
 * product dashboard's outcomes.
 *
 * @public
 */
export const flywheelMaturityReadPermission = createPermission({
  name: 'flywheel.maturity.read',
  attributes: { action: 'read' },
});

/**
 * Promote or demote a capability: a resource permission on the capability's
 * catalog entity. When the policy simply allows it, Flywheel lets only the
 * capability's owners (members of the owning team or of a team above it)
 * move it; a conditional decision of the policy (catalog rules such as
 * `IS_ENTITY_OWNER`) replaces that default.
 *
 * @public
 */
export const flywheelMaturityTransitionPermission = createPermission({
  name: 'flywheel.maturity.transition',
  attributes: { action: 'update' },
  resourceType: 'catalog-entity',
});

/**
 * Attest a manual criterion of a capability, or waive a criterion: a
 * resource permission on the capability, with the same default as
 * {@link flywheelMaturityTransitionPermission}.
 *
 * @public
 */
export const flywheelMaturityAttestPermission = createPermission({
  name: 'flywheel.maturity.attest',
  attributes: { action: 'update' },
  resourceType: 'catalog-entity',
});

/**
 * Set the product dashboard's outcome targets.
 *
 * @public
 */
export const flywheelOutcomeTargetsManagePermission = createPermission({
  name: 'flywheel.maturity.targets.manage',
  attributes: { action: 'update' },
});

/**
 * See campaigns and their progress. Entities the caller may not see in the
 * catalog are left out of every figure.
 *
 * @public
 */
export const flywheelCampaignsReadPermission = createPermission({
  name: 'flywheel.campaigns.read',
  attributes: { action: 'read' },
});

/**
 * Create and close campaigns.
 *
 * @public
 */
export const flywheelCampaignsManagePermission = createPermission({
  name: 'flywheel.campaigns.manage',
  attributes: { action: 'create' },
});

/**
 * Erase what Flywheel holds about one person (a data-subject request): the
 * API takes it from backends only (service credentials, e.g. a static
 * token given to the people who handle such requests), never from a
 * person's session.
 *
 * @public
 */
export const flywheelPrivacyErasePermission = createPermission({
  name: 'flywheel.privacy.erase',
  attributes: { action: 'delete' },
});

/**
 * Every permission Flywheel defines.
 *
 * @public
 */
export const flywheelPermissions = [
  flywheelGoldenPathsReadPermission,
  flywheelRunCreatePermission,
  flywheelScorecardsReadPermission,
  flywheelScorecardsRefreshPermission,
  flywheelExemptionRequestPermission,
  flywheelExemptionDecidePermission,
  flywheelSurveysManagePermission,
  flywheelSurveysResultsReadPermission,
  flywheelSurveysOwnTeamResultsReadPermission,
  flywheelSurveysCommentsReadPermission,
  flywheelMetricsReadPermission,
  flywheelDeploymentCreatePermission,
  flywheelMaturityReadPermission,
  flywheelMaturityTransitionPermission,
  flywheelMaturityAttestPermission,
  flywheelOutcomeTargetsManagePermission,
  flywheelCampaignsReadPermission,
  flywheelCampaignsManagePermission,
  flywheelPrivacyErasePermission,
];
