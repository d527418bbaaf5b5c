export {
  readScorecardsConfig,
  parseScorecards,
  DEFAULT_LEVELS,
  DEFAULT_FILTER,
  COMMON_CHECK_KEYS,
} from './readScorecardsConfig';
export type { ReadScorecardsOptions } from './readScorecardsConfig';
export { defaultScorecard, DEFAULT_SCORECARD_ID } from './defaultScorecard';
export { resolveScorecards } from './resolveScorecards';
