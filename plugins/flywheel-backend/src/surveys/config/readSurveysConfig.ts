import { Config } from '@backstage/config';
import { InputError } from '@backstage/errors';
import { SurveyDefinition } from '@flywheel/plugin-flywheel-common';
import { effectiveMinGroupSize } from '../access/anonymity';
import {
  parseSurveyDefinition,
  SURVEY_ID_PATTERN,
} from '../definitions/definition';
import { ThrottleSettings } from '../waves/eligibility';

/** `flywheel.surveys`, with defaults filled in. */
export interface SurveySettings {
  /** Smallest team whose numbers are shown (default 5, never below 3). */
  minGroupSize: number;
  /** Smallest team whose comments are shown (default 10, at least minGroupSize). */
  minCommentGroupSize: number;
  throttle: ThrottleSettings;
  /** Invite the audience through Backstage notifications when a wave opens. */
  notifyOnWaveOpen: boolean;
  /** Surveys defined as code. */
  definitions: { id: string; definition: SurveyDefinition }[];
}

function nonNegative(
  config: Config | undefined,
  key: string,
  fallback: number,
) {
  const value = config?.getOptionalNumber(key);
  if (value === undefined) {
    return fallback;
  }
  if (!Number.isInteger(value) || value < 0) {
    throw new InputError(
      `flywheel.surveys.${key} must be a whole number of days, 0 or more`,
    );
  }
  return value;
}

/**
 * Reads `flywheel.surveys`. Bad settings or survey definitions stop the
 * backend at start-up with the survey and field named.
 */
export function readSurveySettings(root: Config): SurveySettings {
  const config = root.getOptionalConfig('flywheel.surveys');
  const minGroupSize = effectiveMinGroupSize(
    config?.getOptionalNumber('minGroupSize'),
  );
  const minCommentGroupSize = Math.max(
    minGroupSize,
    config?.getOptionalNumber('minCommentGroupSize') ?? 10,
  );
  const definitions: SurveySettings['definitions'] = [];
  const seen = new Set<string>();
  for (const [i, entry] of (
    config?.getOptionalConfigArray('definitions') ?? []
  ).entries()) {
    const { id, ...rest } = entry.get<Record<string, unknown>>();
    const where = `flywheel.surveys.definitions[${i}]${
      typeof id === 'string' ? ` (survey '${id}')` : ''
    }`;
    if (typeof id !== 'string' || !SURVEY_ID_PATTERN.test(id)) {
      throw new InputError(
        `${where}: id must be lowercase letters, digits and dashes`,
      );
    }
    if (seen.has(id)) {
      throw new InputError(`${where}: duplicate survey id '${id}'`);
    }
    seen.add(id);
    definitions.push({ id, definition: parseSurveyDefinition(rest, where) });
  }
  return {
    minGroupSize,
    minCommentGroupSize,
    throttle: {
      minDaysBetweenSurveys: nonNegative(config, 'minDaysBetweenSurveys', 30),
      minDaysBetweenNps: nonNegative(config, 'minDaysBetweenNps', 90),
      snoozeDays: nonNegative(config, 'snoozeDays', 3),
    },
    notifyOnWaveOpen: config?.getOptionalBoolean('notifyOnWaveOpen') ?? true,
    definitions,
  };
}
