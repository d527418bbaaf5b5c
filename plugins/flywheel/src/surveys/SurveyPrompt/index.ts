export {
  SurveyPrompt,
  PROMPT_CLOSE_AFTER_MS,
  PROMPT_DEBOUNCE_MS,
  PROMPT_MIN_INTERVAL_MS,
} from './SurveyPrompt';
