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
 * Every permission Flywheel defines.
 *
 * @public
 */
export const flywheelPermissions = [
  flywheelGoldenPathsReadPermission,
  flywheelRunCreatePermission,
];
