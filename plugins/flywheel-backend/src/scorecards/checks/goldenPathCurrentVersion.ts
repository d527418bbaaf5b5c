import { z } from 'zod';
import { CheckType } from './CheckType';

const params = z.strictObject({});

/**
 * `goldenPath.currentVersion`: an entity created from a golden path is on the
 * template's current version. Not applicable to entities that do not come
 * from a golden path; unknown when either version is unknown (e.g. services
 * backfilled with only `backstage.io/source-template`).
 */
export const goldenPathCurrentVersionCheck: CheckType<Record<string, never>> = {
  type: 'goldenPath.currentVersion',
  description:
    "Created from the golden path's current template version (no params)",
  params: params as z.ZodType<Record<string, never>>,
  evaluate(_params, { goldenPath }) {
    if (!goldenPath?.isGoldenPath) {
      return {
        state: 'not-applicable',
        reason: 'Not created from a golden path',
      };
    }
    const { templateRef, templateVersion, currentVersion, drifted } =
      goldenPath;
    if (!templateVersion) {
      return {
        state: 'unknown',
        reason: `Created from ${templateRef}; the template version it was created from is unknown (no flywheel.dev/template-version annotation)`,
      };
    }
    if (!currentVersion) {
      return {
        state: 'unknown',
        reason: `Created from ${templateRef} ${templateVersion}; the golden path's current template version is unknown`,
        value: templateVersion,
      };
    }
    if (drifted) {
      return {
        state: 'fail',
        reason: `Created from ${templateVersion}; the golden path is on ${currentVersion}`,
        value: templateVersion,
      };
    }
    return {
      state: 'pass',
      reason:
        templateVersion === currentVersion
          ? `On ${currentVersion}, the golden path's current version`
          : `Created from ${templateVersion}; the golden path is on ${currentVersion}`,
      value: templateVersion,
    };
  },
};
