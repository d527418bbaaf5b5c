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
 * Approve, reject or revoke exemptions (a platform PM's call).
 *
 * @public
 */
export const flywheelExemptionDecidePermission = createPermission({
  name: 'flywheel.scorecards.exemption.decide',
  attributes: { action: 'update' },
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
];
