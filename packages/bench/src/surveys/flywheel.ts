/* eslint-disable @backstage/no-forbidden-package-imports --
 * The survey store, definition parser and wave schedule are internals of the
 * Flywheel backend plugin (it exports only the plugin). The benchmark seeds
 * the plugin's own database with them, exactly as the plugin would store a
 * survey, its waves and responses; every measured figure comes from the real
 * plugin's router in the same backend. */
export {
  SurveyStore,
  type NewSurveyResponse,
} from '@flywheel/plugin-flywheel-backend/src/surveys/store/SurveyStore';
export { parseSurveyDefinition } from '@flywheel/plugin-flywheel-backend/src/surveys/definitions/definition';
export {
  isOpen,
  latestWaveWindow,
  waveWindow,
} from '@flywheel/plugin-flywheel-backend/src/surveys/waves/waves';
