import { Config } from '@backstage/config';
import { ScorecardDefinition } from '../definitions';
import { DEFAULT_SCORECARD_ID, defaultScorecard } from './defaultScorecard';
import {
  ReadScorecardsOptions,
  readScorecardsConfig,
} from './readScorecardsConfig';

/**
 * The scorecards the engine evaluates: the built-in "Golden path adoption"
 * scorecard first, then those in `flywheel.scorecards`. A configured
 * scorecard with id `golden-path-adoption` replaces the built-in one;
 * `flywheel.scorecardsDefault: false` leaves it out. Throws at startup for
 * bad config (see {@link readScorecardsConfig}).
 */
export function resolveScorecards(
  config: Config,
  options: ReadScorecardsOptions,
): ScorecardDefinition[] {
  const configured = readScorecardsConfig(config, options);
  const includeDefault =
    config.getOptionalBoolean('flywheel.scorecardsDefault') ?? true;
  if (
    !includeDefault ||
    configured.some(scorecard => scorecard.id === DEFAULT_SCORECARD_ID)
  ) {
    return configured;
  }
  const builtin = defaultScorecard();
  const missing = builtin.checks.filter(c => !options.checkTypes.has(c.type));
  if (missing.length) {
    throw new Error(
      `The built-in scorecard '${DEFAULT_SCORECARD_ID}' needs the check types ${missing
        .map(c => c.type)
        .join(', ')}; include builtinCheckTypes in the check types`,
    );
  }
  return [builtin, ...configured];
}
